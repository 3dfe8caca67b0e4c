import { createHmac, timingSafeEqual } from 'node:crypto';
import type { UnsubscribeKind } from '@samspill/contracts';
import { UNSUBSCRIBE_KINDS } from '@samspill/contracts/values';

/**
 * One-click unsubscribe tokens: `<base64url(userId:kind)>.<HMAC-SHA256>` keyed by the API's JWT secret (which every
 * API process shares), under its own label so a token can never pass for anything else. They do not expire: the
 * link in an old mail still works (RFC 8058 asks that it keep working for a while), and using it twice changes
 * nothing more.
 */
export class UnsubscribeTokens {
  constructor(private readonly secret: string) {}

  sign(userId: string, kind: UnsubscribeKind): string {
    const payload = Buffer.from(`${userId}:${kind}`).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The person and the mail of a token this API made, or null for anything else. */
  verify(token: string): { userId: string; kind: UnsubscribeKind } | null {
    const [payload, mac, ...rest] = token.split('.');
    if (!payload || !mac || rest.length > 0) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const [userId, kind] = Buffer.from(payload, 'base64url').toString('utf8').split(':');
    if (!userId || !/^[0-9a-f-]{36}$/.test(userId) || !(UNSUBSCRIBE_KINDS as readonly string[]).includes(kind ?? '')) return null;
    return { userId, kind: kind as UnsubscribeKind };
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(`samspill-unsubscribe:${payload}`).digest('base64url');
  }
}
