import { createHash, randomBytes } from 'node:crypto';

export interface AccessTokenPayload {
  sub: string;
  /** The user's token version when issued; a bump revokes every older token. */
  tv: number;
}

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
