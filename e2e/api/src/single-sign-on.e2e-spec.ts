import type { ErrorResponse, IdentityProviderResponse, MySignInResponse, SignInMethodResponse } from '@samspill/contracts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@samspill/testing';
import { startTestApi, type TestApi } from './support/api-server';
import { Collaboration, expectStatus } from './support/collaboration-fixtures';
import { refreshCookieOf, request } from './support/http';
import { startTestProvider, TestBrowser, type TestProvider } from './support/oidc-provider';

/*
 * Single sign-on against real OpenID Connect providers (oidc-provider, each in its own process): the settings an
 * administrator keeps, e-mail-first sign-in, the whole authorization code flow through the provider's own login
 * page, and every refusal, each with nothing created.
 */

let api: TestApi;
let c: Collaboration;
/** Gran's provider. */
let gran: TestProvider;
/** Another provider, registered with the same client: its answers must not be taken for Gran's. */
let other: TestProvider;
/** Lunner's provider, whose clock is two hours behind: every ID token it issues has expired. */
let late: TestProvider;

const GRAN_SECRET = 'gran-klienthemmelighet-som-aldri-vises';
const accounts = [
  { email: DEMO_ACCOUNTS.granStaff, name: 'Gunnar Ansatt' },
  { email: DEMO_ACCOUNTS.granPolitician, name: 'Gro Politiker' },
  { email: 'invitert@gran.kommune.no', name: 'Ida Invitert' },
  { email: 'ukjent@gran.kommune.no', name: 'Ulf Ukjent' },
  { email: 'nyansatt@gran.kommune.no', name: 'Nina Nyansatt' },
  { email: 'uverifisert@gran.kommune.no', name: 'Uno Uverifisert', email_verified: false },
  { email: DEMO_ACCOUNTS.lunnerStaff, name: 'Lars Ansatt' },
];

const callbackOf = () => `${api.baseUrl}/api/auth/oidc/callback`;
const put = (organizationId: string, body: Record<string, unknown>) =>
  c.call<IdentityProviderResponse & ErrorResponse>('admin', 'PUT', `/api/organizations/${organizationId}/identity-provider`, body);
const granSettings = (change: Record<string, unknown> = {}) => ({
  issuer: gran.issuer,
  clientId: 'samspill',
  clientSecret: GRAN_SECRET,
  emailDomains: ['gran.kommune.no'],
  scopes: ['offline_access'],
  acrValues: ['substantial'],
  allowPassword: false,
  createUnknownUsers: false,
  ...change,
});

/** What a refused sign-in must leave as it was. */
async function counts(): Promise<Record<string, number>> {
  const [row] = await api.sql<Record<string, string>>(
    `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM auth_sessions) AS sessions,
            (SELECT count(*) FROM refresh_tokens) AS refresh_tokens, (SELECT count(*) FROM sso_sessions) AS sso_sessions,
            (SELECT count(*) FROM invitations WHERE accepted_at IS NOT NULL) AS accepted_invitations`,
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}

interface Started {
  browser: TestBrowser;
  redirectUrl: string;
}

async function start(email: string, browser = new TestBrowser()): Promise<Started> {
  const response = await browser.send(`${api.baseUrl}/api/auth/sign-in-method`, { json: { email } });
  const body = (await response.json()) as SignInMethodResponse;
  expect(body.method).toBe('oidc');
  return { browser, redirectUrl: body.redirectUrl ?? '' };
}

/** Signs in at the provider as `login`; returns where Samspill's callback sent the browser, and the cookies it set. */
async function signInAs(
  email: string,
  options: { login?: string; alterRedirect?: (url: URL) => void; alterCallback?: (url: URL) => void } = {},
): Promise<{ location: string; refreshCookie: string | null; browser: TestBrowser }> {
  const { browser, redirectUrl } = await start(email);
  const url = new URL(redirectUrl);
  options.alterRedirect?.(url);
  const callback = new URL(await browser.throughProvider(url.href, options.login ?? email, callbackOf()));
  options.alterCallback?.(callback);
  const response = await browser.send(callback.href);
  expect(response.status).toBe(302);
  return { location: response.headers.get('location') ?? '', refreshCookie: refreshCookieOf(response.headers)?.cookie ?? null, browser };
}

/** A refused sign-in: back on the sign-in page with the code, no refresh cookie, nothing created. */
async function expectRefused(
  attempt: () => Promise<{ location: string; refreshCookie: string | null }>,
  refusal: { code: string },
): Promise<void> {
  const before = await counts();
  const { location, refreshCookie } = await attempt();
  const url = new URL(location, api.baseUrl);
  expect({ page: url.pathname, code: url.searchParams.get('error'), refreshCookie }).toEqual({
    page: '/sign-in',
    ...refusal,
    refreshCookie: null,
  });
  expect(await counts()).toEqual(before);
}

beforeAll(async () => {
  api = await startTestApi();
  c = await Collaboration.load(api);
  const client = {
    client_id: 'samspill',
    client_secret: GRAN_SECRET,
    redirect_uris: [callbackOf()],
    post_logout_redirect_uris: [`${api.baseUrl}/sign-in`],
  };
  [gran, other, late] = await Promise.all([
    startTestProvider({ clients: [client], accounts }),
    startTestProvider({ clients: [client], accounts }),
    startTestProvider({ clients: [{ ...client, client_secret: 'lunner-hemmelighet' }], accounts, clockOffsetSeconds: -7200 }),
  ]);
  expectStatus(200, await put(c.org.gran, granSettings()));
  expectStatus(
    200,
    await put(c.org.lunner, {
      issuer: late.issuer,
      clientId: 'samspill',
      clientSecret: 'lunner-hemmelighet',
      emailDomains: ['lunner.kommune.no'],
      allowPassword: true,
      createUnknownUsers: false,
    }),
  );
}, 60_000);

afterAll(async () => {
  await Promise.all([gran?.stop(), other?.stop(), late?.stop()]);
  await api?.close();
});

describe('the provider settings', () => {
  it('are stored with the secret encrypted, and never hand the secret back', async () => {
    const got = await c.call<IdentityProviderResponse>('admin', 'GET', `/api/organizations/${c.org.gran}/identity-provider`);
    expect(expectStatus(200, got)).toEqual({
      organizationId: c.org.gran,
      issuer: gran.issuer,
      clientId: 'samspill',
      emailDomains: ['gran.kommune.no'],
      scopes: ['offline_access'],
      acrValues: ['substantial'],
      allowPassword: false,
      createUnknownUsers: false,
      redirectUri: callbackOf(),
      postLogoutRedirectUri: `${api.baseUrl}/sign-in`,
      version: 1,
      updatedAt: expect.any(String),
    });
    expect(JSON.stringify(got.body)).not.toContain(GRAN_SECRET);
    const stored = await api.row<{ client_secret_encrypted: string }>(
      `SELECT client_secret_encrypted FROM identity_providers WHERE organization_id = $1`,
      [c.org.gran],
    );
    expect(stored.client_secret_encrypted).toMatch(/^v1\./);
    expect(stored.client_secret_encrypted).not.toContain(GRAN_SECRET);
    expect(stored.client_secret_encrypted).not.toContain(Buffer.from(GRAN_SECRET).toString('base64').slice(0, 12));
  });

  it('keep the stored secret when a change leaves it out, and refuse a stale version', async () => {
    const { clientSecret: _left, ...rest } = granSettings();
    const changed = expectStatus(
      200,
      await put(c.org.vestreToten, {
        ...rest,
        issuer: gran.issuer,
        clientSecret: 'vt',
        emailDomains: ['vestre-toten.kommune.no'],
        allowPassword: true,
      }),
    );
    expect(changed).not.toHaveProperty('clientSecret');
    const again = expectStatus(
      200,
      await put(c.org.vestreToten, { ...rest, emailDomains: ['vestre-toten.kommune.no'], allowPassword: true, version: 1 }),
    );
    expect(again.version).toBe(2);
    const stale = await put(c.org.vestreToten, { ...rest, emailDomains: ['vestre-toten.kommune.no'], allowPassword: true, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const first = await put(c.org.baerum, { ...rest, emailDomains: ['baerum.kommune.no'] });
    expect({ status: first.status, code: first.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('refuse an issuer without https (except on localhost), a query in it, and a domain another organisation has', async () => {
    const http = await put(c.org.baerum, granSettings({ issuer: 'http://idp.baerum.kommune.no', emailDomains: ['baerum.kommune.no'] }));
    expect(http.body).toEqual({
      statusCode: 400,
      code: 'INVALID_ISSUER',
      reason: 'NOT_HTTPS',
      message: expect.stringContaining('https://'),
    });
    const query = await put(c.org.baerum, granSettings({ issuer: 'https://idp.example/?tenant=1', emailDomains: ['baerum.kommune.no'] }));
    expect(query.body).toMatchObject({ code: 'INVALID_ISSUER', reason: 'HAS_QUERY' });
    const taken = await put(c.org.baerum, granSettings({ emailDomains: ['baerum.kommune.no', 'gran.kommune.no'] }));
    expect(taken.body).toEqual({
      statusCode: 409,
      code: 'EMAIL_DOMAIN_TAKEN',
      message: 'The domain gran.kommune.no already signs in through Gran kommune.',
    });
    expect(await api.sql(`SELECT 1 FROM identity_providers WHERE organization_id = $1`, [c.org.baerum])).toEqual([]);
  });

  it('are for administrators only', async () => {
    // Gran's own people sign in through Gran's provider only; Lunner's may use a password.
    for (const who of ['lunnerLeader', 'lunnerStaff'] as const) {
      const answer = await c.call<ErrorResponse>(who, 'GET', `/api/organizations/${c.org.gran}/identity-provider`);
      expect({ who, status: answer.status, code: answer.body.code }).toEqual({ who, status: 403, code: 'FORBIDDEN' });
    }
    expect((await request(api.baseUrl, 'GET', `/api/organizations/${c.org.gran}/identity-provider`)).status).toBe(401);
  });

  it('test the connection by discovery, and say plainly when nobody answers', async () => {
    const found = await c.call<{ issuer: string; authorizationEndpoint: string; endSessionEndpoint: string; pkce: boolean }>(
      'admin',
      'POST',
      `/api/organizations/${c.org.gran}/identity-provider/test`,
      { issuer: gran.issuer },
    );
    expect(expectStatus(200, found)).toMatchObject({
      issuer: gran.issuer,
      authorizationEndpoint: `${gran.issuer}/auth`,
      endSessionEndpoint: `${gran.issuer}/session/end`,
      pkce: true,
    });
    const nobody = await c.call<ErrorResponse>('admin', 'POST', `/api/organizations/${c.org.gran}/identity-provider/test`, {
      issuer: 'http://localhost:1',
    });
    expect(nobody.body).toMatchObject({ statusCode: 400, code: 'SSO_PROVIDER_UNAVAILABLE' });
  });

  it('are removed with DELETE, and the domain signs in with a password again', async () => {
    expect((await c.call('admin', 'DELETE', `/api/organizations/${c.org.vestreToten}/identity-provider`)).status).toBe(204);
    expect((await c.call('admin', 'GET', `/api/organizations/${c.org.vestreToten}/identity-provider`)).status).toBe(404);
    const method = await request<SignInMethodResponse>(api.baseUrl, 'POST', '/api/auth/sign-in-method', {
      body: { email: DEMO_ACCOUNTS.vestreTotenStaff },
    });
    expect(method.body).toEqual({ method: 'password' });
  });
});

describe('e-mail first', () => {
  it('answers alike for known and unknown addresses: password where the domain has no provider', async () => {
    for (const email of [DEMO_ACCOUNTS.roskildeStaff, 'finnes.ikke@roskilde.dk', 'noen@example.org']) {
      const answer = await request<SignInMethodResponse>(api.baseUrl, 'POST', '/api/auth/sign-in-method', { body: { email } });
      expect({ email, status: answer.status, body: answer.body, cookie: answer.headers.getSetCookie() }).toEqual({
        email,
        status: 200,
        body: { method: 'password' },
        cookie: [],
      });
    }
  });

  it('sends every address in a covered domain to the provider, with PKCE, state, nonce and the acr values', async () => {
    for (const email of [DEMO_ACCOUNTS.granStaff, 'finnes.ikke@gran.kommune.no']) {
      const answer = await request<SignInMethodResponse>(api.baseUrl, 'POST', '/api/auth/sign-in-method', { body: { email } });
      expect(answer.body.method).toBe('oidc');
      const url = new URL(answer.body.redirectUrl ?? '');
      expect(`${url.origin}${url.pathname}`).toBe(`${gran.issuer}/auth`);
      const p = Object.fromEntries(url.searchParams);
      expect(p).toMatchObject({
        client_id: 'samspill',
        response_type: 'code',
        redirect_uri: callbackOf(),
        scope: 'openid email profile offline_access',
        code_challenge_method: 'S256',
        acr_values: 'substantial',
        login_hint: email,
      });
      expect(p['state']?.length).toBeGreaterThanOrEqual(32);
      expect(p['nonce']?.length).toBeGreaterThanOrEqual(32);
      expect(p['code_challenge']).toMatch(/^[\w-]{43}$/);
      const cookie = answer.headers.getSetCookie().find((s) => s.startsWith('samspill_sso='));
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).toMatch(/Path=\/api\/auth\/oidc/);
    }
  });

  it('refuses a password sign-in where the organisation allows only its provider (USE_SINGLE_SIGN_ON)', async () => {
    for (const password of [DEMO_PASSWORD, 'feil-passord']) {
      const answer = await request<ErrorResponse>(api.baseUrl, 'POST', '/api/auth/login', {
        body: { email: DEMO_ACCOUNTS.granLeader, password },
      });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ statusCode: 401, code: 'USE_SINGLE_SIGN_ON', message: expect.stringContaining('identity provider') });
    }
    // Lunner allows both; administrators are never locked out.
    expect(
      (await request(api.baseUrl, 'POST', '/api/auth/login', { body: { email: DEMO_ACCOUNTS.lunnerLeader, password: DEMO_PASSWORD } }))
        .status,
    ).toBe(200);
    expect(
      (await request(api.baseUrl, 'POST', '/api/auth/login', { body: { email: DEMO_ACCOUNTS.admin, password: DEMO_PASSWORD } })).status,
    ).toBe(200);
  });
});

describe('signing in through the provider', () => {
  it('signs an existing person in with the same session and refresh token as a password would, and out again at the provider', async () => {
    const before = await counts();
    const { location, refreshCookie, browser } = await signInAs(DEMO_ACCOUNTS.granStaff);
    expect(location).toBe('/');
    expect(refreshCookie).toMatch(/^samspill_refresh=/);
    expect(await counts()).toEqual({
      ...before,
      sessions: (before['sessions'] ?? 0) + 1,
      refresh_tokens: (before['refresh_tokens'] ?? 0) + 1,
      sso_sessions: (before['sso_sessions'] ?? 0) + 1,
    });

    const refreshed = await browser.send(`${api.baseUrl}/api/auth/refresh`, { method: 'POST' });
    const session = (await refreshed.json()) as { accessToken: string; user: { email: string; role: string } };
    expect(refreshed.status).toBe(200);
    expect(session.user).toMatchObject({ email: DEMO_ACCOUNTS.granStaff, role: 'staff' });
    const mine = await request<MySignInResponse>(api.baseUrl, 'GET', '/api/auth/me/sign-in-method', { token: session.accessToken });
    expect(mine.body).toEqual({ currentSession: 'oidc', issuer: gran.issuer, organizationName: 'Gran kommune', passwordAllowed: false });
    const login = await api.row<{ after: { via: string } }>(
      `SELECT after FROM audit_log WHERE action = 'auth.login' AND actor_id = (SELECT id FROM users WHERE email = $1) ORDER BY id DESC LIMIT 1`,
      [DEMO_ACCOUNTS.granStaff],
    );
    expect(login.after.via).toBe('oidc');

    const out = await browser.send(`${api.baseUrl}/api/auth/logout`, { method: 'POST' });
    expect(out.status).toBe(200);
    const { endSessionUrl } = (await out.json()) as { endSessionUrl: string };
    const end = new URL(endSessionUrl);
    expect(`${end.origin}${end.pathname}`).toBe(`${gran.issuer}/session/end`);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${api.baseUrl}/sign-in`);
    expect(end.searchParams.get('id_token_hint')?.split('.')).toHaveLength(3);
    expect((await browser.send(`${api.baseUrl}/api/auth/refresh`, { method: 'POST' })).status).toBe(401);

    // The provider takes the hint: it asks to confirm, then sends the browser back to Samspill's sign-in page.
    const confirm = await browser.send(endSessionUrl);
    const page = await confirm.text();
    expect(confirm.status).toBe(200);
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1] ?? '';
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const done = await browser.send(new URL(action, gran.issuer).href, { form: { xsrf, logout: 'yes' } });
    expect(done.headers.get('location')).toBe(`${api.baseUrl}/sign-in`);
  });

  it('makes the account of an invited person from the invitation, and spends it', async () => {
    const invited = await c.call<{ id: string }>('admin', 'POST', '/api/invitations', {
      email: 'invitert@gran.kommune.no',
      name: 'Ida Invitert',
      role: 'leader',
      organizationId: c.org.gran,
    });
    expect(invited.status).toBe(201);
    const { location } = await signInAs('invitert@gran.kommune.no');
    expect(location).toBe('/');
    const user = await api.row<{ role: string; organization_id: string; name: string }>(
      `SELECT role, organization_id, name FROM users WHERE email = 'invitert@gran.kommune.no'`,
    );
    expect(user).toEqual({ role: 'leader', organization_id: c.org.gran, name: 'Ida Invitert' });
    const invitation = await api.row<{ accepted: boolean }>(`SELECT accepted_at IS NOT NULL AS accepted FROM invitations WHERE id = $1`, [
      invited.body.id,
    ]);
    expect(invitation.accepted).toBe(true);
  });

  it('makes an unknown person staff only where the organisation allows it', async () => {
    expectStatus(200, await put(c.org.gran, { ...granSettings({ createUnknownUsers: true }), clientSecret: undefined }));
    const { location } = await signInAs('nyansatt@gran.kommune.no');
    expect(location).toBe('/');
    const user = await api.row<{ role: string; name: string }>(`SELECT role, name FROM users WHERE email = 'nyansatt@gran.kommune.no'`);
    expect(user).toEqual({ role: 'staff', name: 'Nina Nyansatt' });
    expectStatus(200, await put(c.org.gran, granSettings()));
  });

  it('lands where the person was going', async () => {
    const browser = new TestBrowser();
    const started = await browser.send(`${api.baseUrl}/api/auth/sign-in-method`, {
      json: { email: DEMO_ACCOUNTS.granStaff, returnUrl: '/projects' },
    });
    const { redirectUrl } = (await started.json()) as SignInMethodResponse;
    const callback = await browser.throughProvider(redirectUrl ?? '', DEMO_ACCOUNTS.granStaff, callbackOf());
    expect((await browser.send(callback)).headers.get('location')).toBe('/projects');
  });
});

describe('a refused sign-in says why on the sign-in page, and creates nothing', () => {
  it('an unknown person without an invitation (SSO_NOT_INVITED)', async () => {
    await expectRefused(() => signInAs('ukjent@gran.kommune.no'), { code: 'SSO_NOT_INVITED' });
    expect(await api.sql(`SELECT 1 FROM users WHERE email = 'ukjent@gran.kommune.no'`)).toEqual([]);
  });

  it('a tampered state (SSO_STATE_INVALID)', async () => {
    await expectRefused(
      () =>
        signInAs(DEMO_ACCOUNTS.granStaff, { alterCallback: (url) => url.searchParams.set('state', `${url.searchParams.get('state')}x`) }),
      { code: 'SSO_STATE_INVALID' },
    );
  });

  it('a callback in another browser than the one that started, or a second time (SSO_STATE_INVALID)', async () => {
    const { browser, redirectUrl } = await start(DEMO_ACCOUNTS.granStaff);
    const callback = await browser.throughProvider(redirectUrl, DEMO_ACCOUNTS.granStaff, callbackOf());
    const elsewhere = new TestBrowser();
    const before = await counts();
    expect((await elsewhere.send(callback)).headers.get('location')).toBe('/sign-in?error=SSO_STATE_INVALID');
    // The state is spent by the first try, whoever made it.
    expect((await browser.send(callback)).headers.get('location')).toBe('/sign-in?error=SSO_STATE_INVALID');
    expect(await counts()).toEqual(before);
  });

  it('a wrong nonce (SSO_NONCE_MISMATCH)', async () => {
    await expectRefused(
      () =>
        signInAs(DEMO_ACCOUNTS.granStaff, {
          alterRedirect: (url) => url.searchParams.set('nonce', 'en-annen-nonce-enn-den-samspill-husker'),
        }),
      { code: 'SSO_NONCE_MISMATCH' },
    );
  });

  it('an answer from another issuer (SSO_ISSUER_MISMATCH)', async () => {
    const elsewhere = new URL(other.issuer);
    await expectRefused(
      () =>
        signInAs(DEMO_ACCOUNTS.granStaff, {
          alterRedirect: (url) => {
            url.host = elsewhere.host;
          },
        }),
      { code: 'SSO_ISSUER_MISMATCH' },
    );
    // Without the iss parameter, the other provider's code is refused by Gran's token endpoint.
    await expectRefused(
      () =>
        signInAs(DEMO_ACCOUNTS.granStaff, {
          alterRedirect: (url) => {
            url.host = elsewhere.host;
          },
          alterCallback: (url) => url.searchParams.delete('iss'),
        }),
      { code: 'SSO_ISSUER_MISMATCH' },
    );
  });

  it('an expired ID token (SSO_TOKEN_EXPIRED)', async () => {
    await expectRefused(() => signInAs(DEMO_ACCOUNTS.lunnerStaff), { code: 'SSO_TOKEN_EXPIRED' });
  });

  it('an unverified e-mail address (SSO_EMAIL_NOT_VERIFIED)', async () => {
    await expectRefused(() => signInAs(DEMO_ACCOUNTS.granStaff, { login: 'uverifisert@gran.kommune.no' }), {
      code: 'SSO_EMAIL_NOT_VERIFIED',
    });
  });

  it('an address in a domain that belongs to another organisation (SSO_OTHER_ORGANIZATION)', async () => {
    await expectRefused(() => signInAs(DEMO_ACCOUNTS.granStaff, { login: DEMO_ACCOUNTS.lunnerStaff }), { code: 'SSO_OTHER_ORGANIZATION' });
  });

  it('a deactivated account (SSO_ACCOUNT_INACTIVE)', async () => {
    await api.sql(`UPDATE users SET active = false WHERE email = $1`, [DEMO_ACCOUNTS.granPolitician]);
    await expectRefused(() => signInAs(DEMO_ACCOUNTS.granPolitician), { code: 'SSO_ACCOUNT_INACTIVE' });
  });

  it('the provider saying no (SSO_PROVIDER_REFUSED)', async () => {
    await expectRefused(
      async () => {
        const { browser, redirectUrl } = await start(DEMO_ACCOUNTS.granStaff);
        const state = new URL(redirectUrl).searchParams.get('state') ?? '';
        const query = new URLSearchParams({ error: 'access_denied', state, iss: gran.issuer });
        const response = await browser.send(`${callbackOf()}?${query.toString()}`);
        return { location: response.headers.get('location') ?? '', refreshCookie: refreshCookieOf(response.headers)?.cookie ?? null };
      },
      { code: 'SSO_PROVIDER_REFUSED' },
    );
  });

  it('a code the provider never issued (SSO_TOKEN_INVALID)', async () => {
    await expectRefused(
      async () => {
        const { browser, redirectUrl } = await start(DEMO_ACCOUNTS.granStaff);
        const state = new URL(redirectUrl).searchParams.get('state') ?? '';
        const query = new URLSearchParams({ code: 'en-kode-leverandoren-aldri-har-gitt', state, iss: gran.issuer });
        const response = await browser.send(`${callbackOf()}?${query.toString()}`);
        return { location: response.headers.get('location') ?? '', refreshCookie: refreshCookieOf(response.headers)?.cookie ?? null };
      },
      { code: 'SSO_TOKEN_INVALID' },
    );
  });

  it('a callback with nothing in it', async () => {
    const response = await new TestBrowser().send(callbackOf());
    expect(response.headers.get('location')).toBe('/sign-in?error=SSO_STATE_INVALID');
  });
});
