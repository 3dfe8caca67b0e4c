import type { AuthResponse, CurrentUser, ErrorResponse, SessionResponse } from '@samspill/contracts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@samspill/testing';
import { createHash } from 'node:crypto';
import { startTestApi, type TestApi } from './support/api-server';
import { login, refreshCookieOf, request } from './support/http';
import { signJwt } from './support/jwt';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

const call = <T = unknown>(method: string, path: string, options?: Parameters<typeof request>[3]) =>
  request<T>(api.baseUrl, method, path, options);

describe('POST /api/auth/login', () => {
  it('signs in a demo account and sets an httpOnly, SameSite=Strict refresh cookie', async () => {
    const result = await call<AuthResponse>('POST', '/api/auth/login', {
      body: { email: DEMO_ACCOUNTS.granStaff, password: DEMO_PASSWORD },
    });
    expect(result.status).toBe(200);
    expect(result.body.expiresIn).toBeLessThanOrEqual(900);
    expect(result.body.accessToken.split('.')).toHaveLength(3);
    expect(result.body.user).toEqual({
      id: expect.any(String),
      email: DEMO_ACCOUNTS.granStaff,
      name: 'Gunnar Ansatt',
      role: 'staff',
      organization: { id: expect.any(String), name: 'Gran kommune', kind: 'municipality' },
      // The demo people of the API suites read English (support/global-setup.ts).
      locale: 'en',
    });
    const cookie = refreshCookieOf(result.headers);
    expect(cookie).not.toBeNull();
    expect(cookie?.attributes).toMatch(/HttpOnly/i);
    expect(cookie?.attributes).toMatch(/SameSite=Strict/i);
    expect(cookie?.attributes).toMatch(/Path=\/api\/auth/i);

    // The refresh token is stored only as a hash.
    const raw = cookie?.value ?? '';
    const stored = await api.sql<{ token_hash: string }>(
      `SELECT token_hash FROM refresh_tokens rt JOIN users u ON u.id = rt.user_id WHERE u.email = $1`,
      [DEMO_ACCOUNTS.granStaff],
    );
    expect(stored.map((r) => r.token_hash)).toContain(createHash('sha256').update(raw).digest('hex'));
    expect(stored.map((r) => r.token_hash)).not.toContain(raw);
  });

  it('accepts the email in any case', async () => {
    const result = await call('POST', '/api/auth/login', { body: { email: 'Leder@Gran.Kommune.NO', password: DEMO_PASSWORD } });
    expect(result.status).toBe(200);
  });

  it('gives unknown email and wrong password the same 401 and message', async () => {
    const wrong = await call<ErrorResponse>('POST', '/api/auth/login', {
      body: { email: DEMO_ACCOUNTS.granLeader, password: 'not-the-password' },
    });
    const unknown = await call<ErrorResponse>('POST', '/api/auth/login', {
      body: { email: 'nobody@nowhere.no', password: 'not-the-password' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Wrong email or password.' });
    expect(refreshCookieOf(wrong.headers)).toBeNull();
  });

  it.each([
    ['a missing password', { email: DEMO_ACCOUNTS.granStaff }, 'password must not be empty'],
    ['an unknown field', { email: DEMO_ACCOUNTS.granStaff, password: DEMO_PASSWORD, admin: true }, 'admin: this field is not allowed'],
    ['a number as email', { email: 42, password: DEMO_PASSWORD }, 'email must be a string'],
  ])('refuses %s with 400', async (_what, body, message) => {
    const result = await call<ErrorResponse>('POST', '/api/auth/login', { body });
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('VALIDATION_FAILED');
    expect(result.body.message).toContain(message);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const response = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });
});

describe('GET /api/auth/me and the global guard', () => {
  it('returns the signed-in person', async () => {
    const session = await login(api.baseUrl, DEMO_ACCOUNTS.admin);
    const me = await call<CurrentUser>('GET', '/api/auth/me', { token: session.token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: session.auth.user.id,
      email: DEMO_ACCOUNTS.admin,
      name: 'Plattformadministrator',
      role: 'admin',
      organization: null,
      // The demo people of the API suites read English (support/global-setup.ts).
      locale: 'en',
    });
  });

  it.each([
    ['no token', undefined],
    ['a malformed token', 'not.a.jwt'],
    ['a token signed with another secret', signJwt({ sub: '00000000-0000-0000-0000-000000000000', tv: 0 }, 'x'.repeat(40))],
  ])('answers 401 for %s', async (_what, token) => {
    const result = await call<ErrorResponse>('GET', '/api/auth/me', { token });
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
  });

  it('answers 401 for an expired token', async () => {
    const session = await login(api.baseUrl, DEMO_ACCOUNTS.granLeader);
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expired = signJwt({ sub: session.auth.user.id, tv: 0, iat: past - 900, exp: past });
    expect((await call('GET', '/api/auth/me', { token: expired })).status).toBe(401);
  });

  it('lets through only the few public routes', async () => {
    expect((await call('GET', '/api/health')).status).toBe(200);
    expect((await call('GET', '/api/organizations')).status).toBe(401);
    expect((await call('POST', '/api/users', { body: {} })).status).toBe(401);
  });
});

describe('what an access token must carry', () => {
  const now = () => Math.floor(Date.now() / 1000);
  let userId: string;
  let sid: string;
  beforeAll(async () => {
    const session = await login(api.baseUrl, DEMO_ACCOUNTS.granPolitician);
    userId = session.auth.user.id;
    sid = JSON.parse(Buffer.from(session.token.split('.')[1] ?? '', 'base64url').toString()).sid;
  });

  it('signs access tokens with sub, iat, exp and the session they belong to', async () => {
    const session = await login(api.baseUrl, DEMO_ACCOUNTS.granPolitician);
    const payload = JSON.parse(Buffer.from(session.token.split('.')[1] ?? '', 'base64url').toString());
    expect(payload).toEqual({
      sub: session.auth.user.id,
      tv: 0,
      sid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      iat: expect.any(Number),
      exp: expect.any(Number),
    });
    expect(payload.exp - payload.iat).toBe(900);
    expect((await call('GET', '/api/auth/me', { token: session.token })).status).toBe(200);
  });

  it.each([
    ['no exp', () => ({ sub: userId, tv: 0, sid, iat: now() })],
    ['no iat', () => ({ sub: userId, tv: 0, sid, exp: now() + 600 })],
    ['an exp a year away', () => ({ sub: userId, tv: 0, sid, iat: now(), exp: now() + 365 * 24 * 3600 })],
    ['an iat in the future', () => ({ sub: userId, tv: 0, sid, iat: now() + 3600, exp: now() + 3900 })],
    ['exp as text', () => ({ sub: userId, tv: 0, sid, iat: now(), exp: String(now() + 600) })],
    ['no session', () => ({ sub: userId, tv: 0, iat: now(), exp: now() + 600 })],
    ['a session that is not an id', () => ({ sub: userId, tv: 0, sid: 'x', iat: now(), exp: now() + 600 })],
    [
      'a session that was never issued',
      () => ({ sub: userId, tv: 0, sid: '6b1d7f0e-2c4a-4e8b-9f3d-5a7c9e1b3d5f', iat: now(), exp: now() + 600 }),
    ],
    ['a sub that is not an id', () => ({ sub: 'not-an-id', tv: 0, sid, iat: now(), exp: now() + 600 })],
    ['a sub that is a number', () => ({ sub: 42, tv: 0, sid, iat: now(), exp: now() + 600 })],
    ['a sub with SQL in it', () => ({ sub: "' OR 1=1 --", tv: 0, sid, iat: now(), exp: now() + 600 })],
    ['a token version that is not a number', () => ({ sub: userId, tv: '0', sid, iat: now(), exp: now() + 600 })],
  ])('answers 401, never 500, for a correctly signed token with %s', async (_what, payload) => {
    const result = await call<ErrorResponse>('GET', '/api/auth/me', { token: signJwt(payload()) });
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
  });

  it('refuses "alg": "none"', async () => {
    const encode = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: userId, tv: 0, sid, iat: now(), exp: now() + 600 })}.`;
    expect((await call('GET', '/api/auth/me', { token })).status).toBe(401);
  });
});

describe('POST /api/auth/refresh', () => {
  it('rotates the refresh token on every use and refuses a spent one', async () => {
    const session = await login(api.baseUrl, DEMO_ACCOUNTS.lunnerStaff);
    const first = await call<AuthResponse>('POST', '/api/auth/refresh', { cookie: session.cookie });
    expect(first.status).toBe(200);
    expect(first.body.user.email).toBe(DEMO_ACCOUNTS.lunnerStaff);
    expect((await call('GET', '/api/auth/me', { token: first.body.accessToken })).status).toBe(200);
    const rotated = refreshCookieOf(first.headers);
    expect(rotated?.value).toBeTruthy();
    expect(rotated?.value).not.toBe(session.refreshToken);

    // Presenting the spent token again is a replay: refused, and the whole family is revoked.
    const replay = await call<ErrorResponse>('POST', '/api/auth/refresh', { cookie: session.cookie });
    expect(replay.status).toBe(401);
    const afterReplay = await call('POST', '/api/auth/refresh', { cookie: rotated?.cookie });
    expect(afterReplay.status).toBe(401);
  });

  it('a replayed refresh token also ends the access tokens of its family, and only those', async () => {
    const stolen = await login(api.baseUrl, DEMO_ACCOUNTS.lunnerPolitician);
    const elsewhere = await login(api.baseUrl, DEMO_ACCOUNTS.lunnerPolitician);
    const rotated = await call<AuthResponse>('POST', '/api/auth/refresh', { cookie: stolen.cookie });
    expect(rotated.status).toBe(200);
    expect((await call('GET', '/api/auth/me', { token: rotated.body.accessToken })).status).toBe(200);

    expect((await call('POST', '/api/auth/refresh', { cookie: stolen.cookie })).status).toBe(401);

    expect((await call('GET', '/api/auth/me', { token: stolen.token })).status).toBe(401);
    expect((await call('GET', '/api/auth/me', { token: rotated.body.accessToken })).status).toBe(401);
    // The person's other session, on another device, goes on.
    expect((await call('GET', '/api/auth/me', { token: elsewhere.token })).status).toBe(200);
    expect((await call('POST', '/api/auth/refresh', { cookie: elsewhere.cookie })).status).toBe(200);
  });

  it('answers 401 without a cookie', async () => {
    const result = await call<ErrorResponse>('POST', '/api/auth/refresh');
    expect(result.status).toBe(401);
    expect(result.body.code).toBe('UNAUTHENTICATED');
  });
});

describe('ending sessions', () => {
  it('signing out ends this session: its refresh token and access token fail, the other session keeps working', async () => {
    const session = await login(api.baseUrl, DEMO_ACCOUNTS.lunnerLeader);
    const other = await login(api.baseUrl, DEMO_ACCOUNTS.lunnerLeader);
    const logout = await call('POST', '/api/auth/logout', { token: session.token, cookie: session.cookie });
    expect(logout.status).toBe(204);
    expect(refreshCookieOf(logout.headers)?.attributes).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect((await call('GET', '/api/auth/me', { token: session.token })).status).toBe(401);
    expect((await call('POST', '/api/auth/refresh', { cookie: session.cookie })).status).toBe(401);
    // Signing out ends this session only (issue 10): the other device stays signed in.
    expect((await call('GET', '/api/auth/me', { token: other.token })).status).toBe(200);
    expect((await call('POST', '/api/auth/refresh', { cookie: other.cookie })).status).toBe(200);
    const sid = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { sid: string }).sid;
    const open = await api.sql<{ family_id: string }>(
      `SELECT DISTINCT rt.family_id FROM refresh_tokens rt JOIN users u ON u.id = rt.user_id WHERE u.email = $1 AND rt.revoked_at IS NULL`,
      [DEMO_ACCOUNTS.lunnerLeader],
    );
    expect(open.map((r) => r.family_id)).not.toContain(sid(session.token));
    expect(open.map((r) => r.family_id)).toContain(sid(other.token));
  });

  it('signing out everywhere ends every session of that person, and signing in again works', async () => {
    const session = await login(api.baseUrl, DEMO_ACCOUNTS.lunnerLeader);
    const other = await login(api.baseUrl, DEMO_ACCOUNTS.lunnerLeader);
    const logout = await call('POST', '/api/auth/logout-all', { token: session.token, cookie: session.cookie });
    expect(logout.status).toBe(204);
    expect(refreshCookieOf(logout.headers)?.attributes).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect((await call('GET', '/api/auth/me', { token: session.token })).status).toBe(401);
    expect((await call('POST', '/api/auth/refresh', { cookie: session.cookie })).status).toBe(401);
    expect((await call('GET', '/api/auth/me', { token: other.token })).status).toBe(401);
    expect((await call('POST', '/api/auth/refresh', { cookie: other.cookie })).status).toBe(401);
    const open = await api.sql(
      `SELECT 1 FROM refresh_tokens rt JOIN users u ON u.id = rt.user_id WHERE u.email = $1 AND rt.revoked_at IS NULL`,
      [DEMO_ACCOUNTS.lunnerLeader],
    );
    expect(open).toHaveLength(0);
    expect((await login(api.baseUrl, DEMO_ACCOUNTS.lunnerLeader)).token).toBeTruthy();
  });

  it("lists one's sessions with the device and the current one marked; ending another device's session leaves this one working", async () => {
    const laptop = await login(api.baseUrl, DEMO_ACCOUNTS.granPolitician);
    const phone = await request<unknown>(api.baseUrl, 'POST', '/api/auth/login', {
      body: { email: DEMO_ACCOUNTS.granPolitician, password: DEMO_PASSWORD },
      headers: { 'user-agent': 'Telefonen min/1.0' },
    });
    const phoneToken = (phone.body as { accessToken: string }).accessToken;
    const phoneCookie = refreshCookieOf(phone.headers)?.cookie ?? '';
    const listed = await call<SessionResponse[]>('GET', '/api/auth/sessions', { token: laptop.token });
    expect(listed.status).toBe(200);
    const sid = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { sid: string }).sid;
    const mine = listed.body.find((s) => s.id === sid(laptop.token));
    const theirs = listed.body.find((s) => s.id === sid(phoneToken));
    expect(mine).toMatchObject({ current: true });
    expect(theirs).toMatchObject({ current: false, userAgent: 'Telefonen min/1.0' });
    expect(Date.parse(theirs?.createdAt ?? '')).toBeLessThanOrEqual(Date.parse(theirs?.lastUsedAt ?? ''));
    expect(Object.keys(theirs ?? {}).sort()).toEqual(['createdAt', 'current', 'id', 'lastUsedAt', 'userAgent']);

    expect((await call('DELETE', `/api/auth/sessions/${sid(phoneToken)}`, { token: laptop.token })).status).toBe(204);
    expect((await call('GET', '/api/auth/me', { token: phoneToken })).status).toBe(401);
    expect((await call('POST', '/api/auth/refresh', { cookie: phoneCookie })).status).toBe(401);
    expect((await call('GET', '/api/auth/me', { token: laptop.token })).status).toBe(200);
    expect((await call('POST', '/api/auth/refresh', { cookie: laptop.cookie })).status).toBe(200);
    const after = await call<SessionResponse[]>('GET', '/api/auth/sessions', { token: laptop.token });
    expect(after.body.map((s) => s.id)).not.toContain(sid(phoneToken));
    // Ended once, it is gone: a second time, and someone else's session, read as missing.
    expect((await call('DELETE', `/api/auth/sessions/${sid(phoneToken)}`, { token: laptop.token })).status).toBe(404);
    const stranger = await login(api.baseUrl, DEMO_ACCOUNTS.granStaff);
    expect((await call('DELETE', `/api/auth/sessions/${sid(stranger.token)}`, { token: laptop.token })).status).toBe(404);
    expect((await call('GET', '/api/auth/me', { token: stranger.token })).status).toBe(200);
    const trail = await api.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [sid(phoneToken)]);
    expect(trail.map((t) => t.action)).toEqual(['auth.login', 'auth.session_end']);
  });

  it("renewing a token moves the session's last use", async () => {
    const session = await login(api.baseUrl, DEMO_ACCOUNTS.lunnerStaff);
    const sid = (JSON.parse(Buffer.from(session.token.split('.')[1] ?? '', 'base64url').toString()) as { sid: string }).sid;
    await api.sql(`UPDATE auth_sessions SET last_used_at = created_at - interval '1 hour' WHERE id = $1`, [sid]);
    const [{ stale }] = (await api.sql<{ stale: boolean }>(
      `SELECT last_used_at < now() - interval '30 minutes' AS stale FROM auth_sessions WHERE id = $1`,
      [sid],
    )) as [{ stale: boolean }];
    expect(stale).toBe(true);
    expect((await call('POST', '/api/auth/refresh', { cookie: session.cookie })).status).toBe(200);
    expect(await api.sql(`SELECT last_used_at > now() - interval '1 minute' AS fresh FROM auth_sessions WHERE id = $1`, [sid])).toEqual([
      { fresh: true },
    ]);
  });

  it('signing out with only the cookie works too', async () => {
    const session = await login(api.baseUrl, DEMO_ACCOUNTS.baerumStaff);
    expect((await call('POST', '/api/auth/logout', { cookie: session.cookie })).status).toBe(204);
    expect((await call('GET', '/api/auth/me', { token: session.token })).status).toBe(401);
  });

  it('disabling a user ends their sessions and their sign-in', async () => {
    const admin = await login(api.baseUrl, DEMO_ACCOUNTS.admin);
    const victim = await login(api.baseUrl, DEMO_ACCOUNTS.vestreTotenStaff);
    const disabled = await call<{ active: boolean }>('PATCH', `/api/users/${victim.auth.user.id}`, {
      token: admin.token,
      body: { active: false },
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body.active).toBe(false);
    expect((await call('GET', '/api/auth/me', { token: victim.token })).status).toBe(401);
    expect((await call('POST', '/api/auth/refresh', { cookie: victim.cookie })).status).toBe(401);
    const again = await call<ErrorResponse>('POST', '/api/auth/login', {
      body: { email: DEMO_ACCOUNTS.vestreTotenStaff, password: DEMO_PASSWORD },
    });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('changing the password ends every session and the new password works', async () => {
    const session = await login(api.baseUrl, DEMO_ACCOUNTS.navDrammenStaff);
    const wrong = await call('POST', '/api/auth/password', {
      token: session.token,
      body: { currentPassword: 'wrong-password', newPassword: 'a-brand-new-password' },
    });
    expect(wrong.status).toBe(401);
    const short = await call<ErrorResponse>('POST', '/api/auth/password', {
      token: session.token,
      body: { currentPassword: DEMO_PASSWORD, newPassword: 'short' },
    });
    expect(short.status).toBe(400);
    expect(short.body.message).toContain('at least 12 characters');

    const changed = await call('POST', '/api/auth/password', {
      token: session.token,
      body: { currentPassword: DEMO_PASSWORD, newPassword: 'a-brand-new-password' },
    });
    expect(changed.status).toBe(204);
    expect((await call('GET', '/api/auth/me', { token: session.token })).status).toBe(401);
    expect((await call('POST', '/api/auth/refresh', { cookie: session.cookie })).status).toBe(401);
    expect(
      (await call('POST', '/api/auth/login', { body: { email: DEMO_ACCOUNTS.navDrammenStaff, password: DEMO_PASSWORD } })).status,
    ).toBe(401);
    expect((await login(api.baseUrl, DEMO_ACCOUNTS.navDrammenStaff, 'a-brand-new-password')).token).toBeTruthy();
  });
});
