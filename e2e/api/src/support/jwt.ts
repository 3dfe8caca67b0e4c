import { createHmac } from 'node:crypto';
import { TEST_JWT_SECRET } from './api-server';

/** An access token signed as the test API signs them (HS256 under its secret), with whatever claims a test needs. */
export function signJwt(payload: Record<string, unknown>, secret = TEST_JWT_SECRET): string {
  const encode = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** The claims of a token (not verified: the test reads what it was given). */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}
