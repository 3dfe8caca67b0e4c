import { createHash, randomBytes } from 'node:crypto';

export interface AccessTokenPayload {
  sub: string;
  /** The user's token version when issued; a bump revokes every older token. */
  tv: number;
  /** The sign-in session (refresh-token family) the token was issued to; revoking it ends the token. */
  sid: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Clocks of API processes may differ a little. */
const CLOCK_SKEW_SECONDS = 30;

/**
 * The claims of a verified token, or null unless all are there and well
 * formed: a uuid subject and session, a token version, an issue time not
 * in the future and an expiry no further from it than the configured
 * lifetime. A token without exp would otherwise be accepted forever.
 */
export function accessTokenClaims(payload: unknown, ttlSeconds: number, now = Date.now() / 1000): AccessTokenPayload | null {
  const p = payload as Partial<Record<'sub' | 'tv' | 'sid' | 'iat' | 'exp', unknown>> | null;
  if (typeof p !== 'object' || p === null) return null;
  const { sub, tv, sid, iat, exp } = p;
  if (typeof sub !== 'string' || !UUID.test(sub) || typeof sid !== 'string' || !UUID.test(sid)) return null;
  if (typeof tv !== 'number' || !Number.isSafeInteger(tv) || tv < 0) return null;
  if (typeof iat !== 'number' || typeof exp !== 'number' || !Number.isFinite(iat) || !Number.isFinite(exp)) return null;
  if (iat > now + CLOCK_SKEW_SECONDS || exp <= now || exp - iat > ttlSeconds) return null;
  return { sub, tv, sid };
}

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
