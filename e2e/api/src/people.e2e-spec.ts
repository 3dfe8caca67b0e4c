import type { CurrentUser, ErrorResponse, UserListResponse, UserResponse } from '@samspill/contracts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@samspill/testing';
import { randomUUID } from 'node:crypto';
import { startTestApi, type TestApi } from './support/api-server';
import { Collaboration, expectStatus } from './support/collaboration-fixtures';
import { login, request } from './support/http';
import { type Mailbox, startMailbox, tokenFrom } from './support/mailbox';

/*
 * People: the user list, who manages whom, and what each person does for
 * themselves: name, language, and a forgotten password by mail.
 */
let api: TestApi;
let mailbox: Mailbox;
let c: Collaboration;
beforeAll(async () => {
  mailbox = await startMailbox();
  api = await startTestApi({ SMTP_URL: mailbox.url });
  c = await Collaboration.load(api);
});
afterAll(async () => {
  await api?.close();
  await mailbox?.close();
});

/** Polls until `condition` holds (work the API does after it answered), failing after `timeoutMs`. */
async function waitFor(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the condition did not hold in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A fresh person in `organizationId`, made by the admin. */
async function person(
  role: 'staff' | 'leader' | 'politician' | 'admin' = 'staff',
  organizationId: string | null = c.org.gran,
): Promise<UserResponse> {
  const email = `person.${randomUUID().slice(0, 8)}@example.no`;
  return expectStatus(
    201,
    await c.call<UserResponse>('admin', 'POST', '/api/users', {
      email,
      name: `Person ${email}`,
      role,
      organizationId,
      password: DEMO_PASSWORD,
    }),
  );
}
const users = (who: Parameters<Collaboration['call']>[0], query = '') => c.call<UserListResponse>(who, 'GET', `/api/users${query}`);

describe('GET /api/users', () => {
  it('searches name and e-mail, filters by organisation, role and active, and pages with a total', async () => {
    const found = expectStatus(200, await users('admin', '?q=ANSATT@gran'));
    expect(found.items.map((u) => u.email)).toEqual([DEMO_ACCOUNTS.granStaff]);
    expect(found.total).toBe(1);
    const byName = expectStatus(200, await users('admin', '?q=lise'));
    expect(byName.items.map((u) => u.name)).toEqual(['Lise Leder']);

    const lunner = expectStatus(200, await users('admin', `?organizationId=${c.org.lunner}&limit=100`));
    expect(new Set(lunner.items.map((u) => u.organization?.id))).toEqual(new Set([c.org.lunner]));
    const leaders = expectStatus(200, await users('admin', '?role=leader&limit=100'));
    expect(leaders.items.every((u) => u.role === 'leader')).toBe(true);
    expect(leaders.items.map((u) => u.email)).toEqual(expect.arrayContaining([DEMO_ACCOUNTS.granLeader, DEMO_ACCOUNTS.lunnerLeader]));

    const gone = await person();
    expectStatus(200, await c.call('admin', 'PATCH', `/api/users/${gone.id}`, { active: false }));
    expect(expectStatus(200, await users('admin', '?active=false')).items.map((u) => u.id)).toEqual([gone.id]);
    expect(expectStatus(200, await users('admin', '?active=true&limit=200')).items.map((u) => u.id)).not.toContain(gone.id);

    const { n } = await api.row<{ n: number }>(`SELECT count(*)::int AS n FROM users`);
    const first = expectStatus(200, await users('admin', '?limit=3'));
    const second = expectStatus(200, await users('admin', '?limit=3&offset=3'));
    expect(first.total).toBe(n);
    expect(first.items).toHaveLength(3);
    expect(second.items.map((u) => u.id).filter((id) => first.items.some((u) => u.id === id))).toEqual([]);
    const names = [...first.items, ...second.items].map((u) => u.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    expect(expectStatus(200, await users('admin', '?offset=100000')).items).toEqual([]);
  });

  it('shows a leader only the people of their own organisation, whatever the filter says', async () => {
    const own = expectStatus(200, await users('granLeader', '?limit=200'));
    expect(own.total).toBe(
      (await api.row<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE organization_id = $1`, [c.org.gran])).n,
    );
    expect(own.items.every((u) => u.organization?.id === c.org.gran)).toBe(true);
    expect(expectStatus(200, await users('granLeader', `?organizationId=${c.org.lunner}`))).toEqual({ items: [], total: 0 });
  });

  it('refuses staff and politicians, and bad filters', async () => {
    for (const who of ['granStaff', 'granPolitician', 'statsforvalterenStaff'] as const) expect((await users(who)).status).toBe(403);
    for (const query of ['?role=king', '?active=maybe', '?limit=0', '?limit=201', '?organizationId=gran', '?offset=-1']) {
      expect({ query, status: (await users('admin', query)).status }).toEqual({ query, status: 400 });
    }
  });
});

describe('PATCH /api/users/:id', () => {
  it('lets a leader change name, role and active of their own people; a role change ends that person’s sessions', async () => {
    const colleague = await person('staff');
    const session = await login(api.baseUrl, colleague.email);
    const renamed = expectStatus(
      200,
      await c.call<UserResponse>('granLeader', 'PATCH', `/api/users/${colleague.id}`, { name: 'Nytt Navn', version: 1 }),
    );
    expect(renamed).toMatchObject({ name: 'Nytt Navn', role: 'staff', version: 2 });
    // A new name leaves the sessions alone.
    expect((await request(api.baseUrl, 'GET', '/api/auth/me', { token: session.token })).status).toBe(200);
    const promoted = expectStatus(200, await c.call<UserResponse>('granLeader', 'PATCH', `/api/users/${colleague.id}`, { role: 'leader' }));
    expect(promoted.role).toBe('leader');
    expect((await request(api.baseUrl, 'GET', '/api/auth/me', { token: session.token })).status).toBe(401);
    expect((await request(api.baseUrl, 'POST', '/api/auth/refresh', { cookie: session.cookie })).status).toBe(401);
    expectStatus(200, await c.call('granLeader', 'PATCH', `/api/users/${colleague.id}`, { active: false }));
    await expect(login(api.baseUrl, colleague.email)).rejects.toThrow(/401/);
    expect(await api.sql(`SELECT name, role, active, version FROM users WHERE id = $1`, [colleague.id])).toEqual([
      { name: 'Nytt Navn', role: 'leader', active: false, version: 4 },
    ]);
  });

  it('answers a leader about another organisation’s people with 404, refuses making or touching an admin and one’s own role with 403', async () => {
    const lunner = await person('staff', c.org.lunner);
    const granAdmin = await person('admin', c.org.gran);
    const colleague = await person('staff');
    const me = await c.userId('granLeader');
    const cases: [string, unknown, number][] = [
      [lunner.id, { name: 'X' }, 404],
      [colleague.id, { role: 'admin' }, 403],
      [granAdmin.id, { name: 'X' }, 403],
      [me, { role: 'staff' }, 403],
      [me, { active: false }, 403],
    ];
    const before = await api.sql(`SELECT id, name, role, active, version FROM users ORDER BY id`);
    for (const [id, body, status] of cases) {
      const result = await c.call<ErrorResponse>('granLeader', 'PATCH', `/api/users/${id}`, body);
      expect({ body, status: result.status, code: result.body.code }).toEqual({
        body,
        status,
        code: status === 404 ? 'NOT_FOUND' : 'FORBIDDEN',
      });
      if (status === 403) expect(result.body.message).toMatch(/administrator|own role|your own account/);
    }
    expect(await api.sql(`SELECT id, name, role, active, version FROM users ORDER BY id`)).toEqual(before);
    // One's own name is fine, and so is an admin's own name; an admin's own role is not.
    expectStatus(200, await c.call('granLeader', 'PATCH', `/api/users/${me}`, { name: 'Guro Leder' }));
    expect((await c.call('admin', 'PATCH', `/api/users/${await c.userId('admin')}`, { role: 'leader' })).status).toBe(403);
    expect((await c.call('granStaff', 'PATCH', `/api/users/${colleague.id}`, { name: 'X' })).status).toBe(403);
  });

  it('refuses a stale version with 409 STALE_VERSION', async () => {
    const colleague = await person();
    expectStatus(200, await c.call('admin', 'PATCH', `/api/users/${colleague.id}`, { name: 'Først', version: 1 }));
    const stale = await c.call<ErrorResponse>('granLeader', 'PATCH', `/api/users/${colleague.id}`, { name: 'Sist', version: 1 });
    expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 409, code: 'STALE_VERSION' });
    expect(await api.sql(`SELECT name FROM users WHERE id = $1`, [colleague.id])).toEqual([{ name: 'Først' }]);
  });
});

describe('PATCH /api/auth/me', () => {
  it('changes one’s own name and language; sign-in and /auth/me carry the language from then on', async () => {
    const someone = await person();
    const session = await login(api.baseUrl, someone.email);
    const result = await request<UserResponse>(api.baseUrl, 'PATCH', '/api/auth/me', {
      token: session.token,
      body: { name: 'Min Egen', locale: 'en' },
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ id: someone.id, name: 'Min Egen', locale: 'en', role: 'staff' });
    expect((await request<CurrentUser>(api.baseUrl, 'GET', '/api/auth/me', { token: session.token })).body.locale).toBe('en');
    expect((await login(api.baseUrl, someone.email)).auth.user).toMatchObject({ name: 'Min Egen', locale: 'en' });
  });

  it('takes nothing else: not the role, not the organisation, not a language it does not know', async () => {
    const someone = await person();
    const session = await login(api.baseUrl, someone.email);
    for (const body of [{ role: 'admin' }, { organizationId: c.org.lunner }, { locale: 'xx' }, { name: '' }, { email: 'x@y.no' }]) {
      expect((await request(api.baseUrl, 'PATCH', '/api/auth/me', { token: session.token, body })).status).toBe(400);
    }
    expect(await api.sql(`SELECT role, organization_id, locale FROM users WHERE id = $1`, [someone.id])).toEqual([
      { role: 'staff', organization_id: c.org.gran, locale: 'nb' },
    ]);
    expect((await request(api.baseUrl, 'PATCH', '/api/auth/me', { body: { name: 'Anonym' } })).status).toBe(401);
  });
});

describe('forgotten password', () => {
  const ask = (email: string) => request<{ message: string }>(api.baseUrl, 'POST', '/api/auth/password-reset', { body: { email } });
  const confirm = (token: string, password: string) =>
    request<ErrorResponse>(api.baseUrl, 'POST', '/api/auth/password-reset/confirm', { body: { token, password } });

  it('answers the same whether or not the address has an account, and mails only an account', async () => {
    const someone = await person();
    const unknown = `ingen.${randomUUID().slice(0, 8)}@example.no`;
    const [known, missing] = [await ask(someone.email), await ask(unknown)];
    expect({ status: missing.status, body: missing.body }).toEqual({ status: known.status, body: known.body });
    expect(known.status).toBe(202);
    const mail = await mailbox.next(someone.email);
    expect(mail.subject).toBe('Nytt passord i Samspill');
    expect(mail.text).toContain('Lenken virker én gang');
    expect(mailbox.received.filter((m) => m.to === unknown)).toEqual([]);
  });

  it('sets a new password through the link once, for an hour; the old password and every session stop working', async () => {
    const someone = await person();
    const [phone, laptop] = [await login(api.baseUrl, someone.email), await login(api.baseUrl, someone.email)];
    expect((await ask(someone.email)).status).toBe(202);
    const mail = await mailbox.next(someone.email);
    const token = tokenFrom(mail, 'password-reset');
    expect(JSON.stringify(await api.sql(`SELECT * FROM password_resets`))).not.toContain(token);

    expect((await confirm(token, 'et-helt-nytt-passord')).status).toBe(204);
    await expect(login(api.baseUrl, someone.email)).rejects.toThrow(/401/);
    expect((await login(api.baseUrl, someone.email, 'et-helt-nytt-passord')).auth.user.id).toBe(someone.id);
    for (const device of [phone, laptop]) {
      expect((await request(api.baseUrl, 'GET', '/api/auth/me', { token: device.token })).status).toBe(401);
      expect((await request(api.baseUrl, 'POST', '/api/auth/refresh', { cookie: device.cookie })).status).toBe(401);
    }
    const again = await confirm(token, 'et-tredje-passord-her');
    expect(again.body).toMatchObject({ statusCode: 400, code: 'INVALID_TOKEN' });
    expect((await login(api.baseUrl, someone.email, 'et-helt-nytt-passord')).auth.user.id).toBe(someone.id);
  });

  it('refuses an expired link, an earlier link once a newer one was sent, and a forged one', async () => {
    const someone = await person();
    await ask(someone.email);
    const first = tokenFrom(await mailbox.next(someone.email), 'password-reset');
    await ask(someone.email);
    const second = tokenFrom(await mailbox.next(someone.email), 'password-reset');
    expect((await confirm(first, 'et-helt-nytt-passord')).body).toMatchObject({ code: 'INVALID_TOKEN' });
    await api.sql(`UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [someone.id]);
    expect((await confirm(second, 'et-helt-nytt-passord')).body).toMatchObject({ code: 'INVALID_TOKEN' });
    expect((await confirm('forfalsket-lenke', 'et-helt-nytt-passord')).body).toMatchObject({ code: 'INVALID_TOKEN' });
    expect((await login(api.baseUrl, someone.email)).auth.user.id).toBe(someone.id);
  });

  it('refuses a password that is too short, and sends at most five links an hour to one account', async () => {
    const someone = await person();
    expect((await confirm('a-token', 'kort')).status).toBe(400);
    for (let i = 0; i < 7; i++) expect((await ask(someone.email)).status).toBe(202);
    for (let i = 0; i < 5; i++) await mailbox.next(someone.email);
    // Every request is recorded, the two beyond the limit as not mailed: once all seven are there, no mail can follow.
    const requests = () =>
      api.sql<{ mailed: boolean }>(
        `SELECT (after->>'mailed')::boolean AS mailed FROM audit_log WHERE action = 'auth.password_reset_request' AND entity_id = $1`,
        [someone.id],
      );
    await waitFor(async () => (await requests()).length === 7);
    expect((await requests()).filter((r) => !r.mailed)).toHaveLength(2);
    expect(mailbox.received.filter((m) => m.to === someone.email)).toHaveLength(5);
    expect((await api.row<{ n: number }>(`SELECT count(*)::int AS n FROM password_resets WHERE user_id = $1`, [someone.id])).n).toBe(5);
  });
});
