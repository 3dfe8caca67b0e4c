import type { AuditEntryResponse, AuditListResponse, ErrorResponse, InvitationResponse, UserResponse } from '@samspill/contracts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@samspill/testing';
import { randomUUID } from 'node:crypto';
import { startTestApi, type TestApi } from './support/api-server';
import { Collaboration, expectStatus } from './support/collaboration-fixtures';
import { login, request } from './support/http';
import { type Mailbox, startMailbox, tokenFrom } from './support/mailbox';

/*
 * The audit trail: every change made through the API, with who, from which
 * organisation, when, what and the fields before and after; sign-ins and
 * failed sign-ins; never a password, hash or token. Append-only in the
 * database itself.
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

const trail = (who: Parameters<Collaboration['call']>[0], query = '') => c.call<AuditListResponse>(who, 'GET', `/api/audit${query}`);
/** The newest entry for one thing, as an admin reads it. */
async function latest(entityId: string, action?: string): Promise<AuditEntryResponse> {
  const page = expectStatus(200, await trail('admin', `?entityId=${entityId}${action ? `&action=${action}` : ''}&limit=1`));
  const entry = page.items[0];
  if (!entry) throw new Error(`no audit entry for ${entityId} ${action ?? ''}`);
  return entry;
}

describe('what the trail records', () => {
  it('a role change: who, from which organisation, when, and the role before and after', async () => {
    const colleague = expectStatus(
      201,
      await c.call<UserResponse>('admin', 'POST', '/api/users', {
        email: `kollega.${randomUUID().slice(0, 8)}@gran.kommune.no`,
        name: 'Kari Kollega',
        role: 'staff',
        organizationId: c.org.gran,
        password: DEMO_PASSWORD,
      }),
    );
    const started = Date.now();
    expectStatus(200, await c.call('granLeader', 'PATCH', `/api/users/${colleague.id}`, { role: 'leader', name: 'Kari Leder' }));
    const entry = await latest(colleague.id);
    expect(entry).toEqual({
      id: expect.any(String),
      at: expect.any(String),
      actor: { id: await c.userId('granLeader'), name: 'Guro Leder' },
      organization: { id: c.org.gran, name: 'Gran kommune' },
      action: 'user.role_change',
      entityType: 'user',
      entityId: colleague.id,
      before: { name: 'Kari Kollega', role: 'staff' },
      after: { name: 'Kari Leder', role: 'leader' },
    });
    expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(started - 5_000);
    const created = await latest(colleague.id, 'user.create');
    expect(created).toMatchObject({ actor: { name: 'Plattformadministrator' }, organization: null, before: null });
    expect(created.after).toEqual({
      email: colleague.email,
      name: 'Kari Kollega',
      role: 'staff',
      organizationId: c.org.gran,
      locale: 'nb',
    });
  });

  it('a change to a project, with only the fields it changed', async () => {
    const project = await c.project('granStaff');
    expectStatus(200, await c.call('granStaff', 'PATCH', `/api/projects/${project.id}`, { title: 'Nytt navn', version: project.version }));
    expect(await latest(project.id, 'project.update')).toMatchObject({
      actor: { name: 'Gunnar Ansatt' },
      before: { title: project.title },
      after: { title: 'Nytt navn' },
    });
    expectStatus(201, await c.move('granStaff', project.id, 'test', 'Klar til å teste.'));
    expect(await latest(project.id, 'project.stage_change')).toMatchObject({
      before: { stage: 'learn' },
      after: { stage: 'test', rationale: 'Klar til å teste.' },
    });
    expect(await latest(project.id, 'project.create')).toMatchObject({ after: { title: project.title, partnershipId: c.pilot.id } });
  });

  it('sign-ins and failed sign-ins, without what was typed for an address that is no account', async () => {
    const session = await login(api.baseUrl, DEMO_ACCOUNTS.lunnerStaff);
    // A sign-in is about its session: found by the person.
    const signIn = expectStatus(200, await trail('admin', `?actorId=${session.auth.user.id}&action=auth.login&limit=1`)).items[0];
    expect(signIn).toMatchObject({
      action: 'auth.login',
      entityType: 'session',
      actor: { name: 'Lars Ansatt' },
      organization: { name: 'Lunner kommune' },
      after: { ip: expect.any(String) },
    });

    expect(
      (await request(api.baseUrl, 'POST', '/api/auth/login', { body: { email: DEMO_ACCOUNTS.lunnerStaff, password: 'feil-passord-123' } }))
        .status,
    ).toBe(401);
    const failed = await latest(session.auth.user.id, 'auth.login_failed');
    expect(failed).toMatchObject({ actor: null, entityType: 'user', after: { email: DEMO_ACCOUNTS.lunnerStaff } });
    expect(JSON.stringify(failed)).not.toContain('feil-passord-123');

    const typed = `passord-i-feil-felt-${randomUUID().slice(0, 6)}`;
    expect((await request(api.baseUrl, 'POST', '/api/auth/login', { body: { email: typed, password: 'x' } })).status).toBe(401);
    const unknown = expectStatus(200, await trail('admin', '?action=auth.login_failed&limit=1')).items[0];
    expect(unknown).toMatchObject({ entityId: null, after: { knownAccount: false } });
    expect(JSON.stringify(await api.sql(`SELECT * FROM audit_log`))).not.toContain(typed);
  });

  it('invitations, their acceptance and a password reset, never with a token, hash or password', async () => {
    const email = `invitert.${randomUUID().slice(0, 8)}@gran.kommune.no`;
    const invitation = expectStatus(
      201,
      await c.call<InvitationResponse>('granLeader', 'POST', '/api/invitations', { email, name: 'Inge Invitert', role: 'staff' }),
    );
    const token = tokenFrom(await mailbox.next(email), 'invitation');
    const password = `hemmelig-${randomUUID()}`;
    const accepted = await request<{ user: { id: string } }>(api.baseUrl, 'POST', '/api/invitations/accept', { body: { token, password } });
    expect(accepted.status).toBe(201);
    expect(await latest(invitation.id, 'invitation.create')).toMatchObject({
      actor: { name: 'Guro Leder' },
      after: { email, role: 'staff' },
    });
    expect(await latest(invitation.id, 'invitation.accept')).toMatchObject({ actor: { id: accepted.body.user.id, name: 'Inge Invitert' } });

    expect((await request(api.baseUrl, 'POST', '/api/auth/password-reset', { body: { email } })).status).toBe(202);
    const resetToken = tokenFrom(await mailbox.next(email), 'password-reset');
    const newPassword = `nytt-hemmelig-${randomUUID()}`;
    expect(
      (await request(api.baseUrl, 'POST', '/api/auth/password-reset/confirm', { body: { token: resetToken, password: newPassword } }))
        .status,
    ).toBe(204);
    expect(await latest(accepted.body.user.id, 'auth.password_reset')).toMatchObject({
      actor: { id: accepted.body.user.id },
      entityType: 'user',
    });
    expect(await latest(accepted.body.user.id, 'auth.password_reset_request')).toMatchObject({ actor: null, after: { mailed: true } });

    const everything = JSON.stringify(await api.sql(`SELECT * FROM audit_log`));
    for (const secret of [token, resetToken, password, newPassword, DEMO_PASSWORD, '$argon2']) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/"(password|passwordHash|token|tokenHash)"/i);
  });

  it('every write made through the API in this suite left its entry: the API logged no write without one', () => {
    expect(api.output()).not.toContain('a write without an audit entry');
  });
});

describe('the trail is append-only in the database itself', () => {
  it('refuses UPDATE, DELETE and TRUNCATE from plain SQL, whoever asks', async () => {
    const { id } = await api.row<{ id: string }>(`SELECT id::text FROM audit_log ORDER BY id LIMIT 1`);
    const before = await api.sql(`SELECT * FROM audit_log ORDER BY id`);
    await expect(api.sql(`UPDATE audit_log SET action = 'user.update' WHERE id = $1`, [id])).rejects.toThrow(/append-only: UPDATE/);
    await expect(api.sql(`DELETE FROM audit_log WHERE id = $1`, [id])).rejects.toThrow(/append-only: DELETE/);
    await expect(api.sql(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(api.sql(`TRUNCATE audit_log`)).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await api.sql(`SELECT * FROM audit_log ORDER BY id`)).toEqual(before);
  });

  it('keeps a refused change and its entry out together: a refusal writes no entry', async () => {
    const { n } = await api.row<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'project.%'`);
    const project = await c.project('granStaff');
    const stale = await c.call<ErrorResponse>('granStaff', 'PATCH', `/api/projects/${project.id}`, {
      title: 'Utdatert',
      version: project.version + 5,
    });
    expect(stale.status).toBe(409);
    expect((await api.row<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'project.%'`)).n).toBe(n + 1);
  });
});

describe('GET /api/audit', () => {
  it('is newest first, filtered and paged, with a total', async () => {
    const all = expectStatus(200, await trail('admin', '?limit=200'));
    expect(all.total).toBe((await api.row<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`)).n);
    const times = all.items.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const page2 = expectStatus(200, await trail('admin', '?limit=5&offset=5'));
    expect(page2.items.map((e) => e.id)).toEqual(all.items.slice(5, 10).map((e) => e.id));

    const projects = expectStatus(200, await trail('admin', '?action=project&limit=200'));
    expect(projects.items.length).toBeGreaterThan(0);
    expect(projects.items.every((e) => e.action.startsWith('project.'))).toBe(true);
    expect(expectStatus(200, await trail('admin', '?entityType=user&limit=200')).items.every((e) => e.entityType === 'user')).toBe(true);
    const granLeader = await c.userId('granLeader');
    expect(expectStatus(200, await trail('admin', `?actorId=${granLeader}&limit=200`)).items.every((e) => e.actor?.id === granLeader)).toBe(
      true,
    );
    const today = new Date().toISOString().slice(0, 10);
    expect(expectStatus(200, await trail('admin', `?from=${today}&to=${today}&limit=1`)).total).toBeGreaterThan(0);
    expect(expectStatus(200, await trail('admin', '?to=2000-01-01'))).toEqual({ items: [], total: 0 });
    expect(expectStatus(200, await trail('admin', `?from=${new Date(Date.now() + 3_600_000).toISOString()}`)).total).toBe(0);
  });

  it('shows a leader what their people did and what was done to their organisation, nothing of others', async () => {
    // Lunner's own project: by Lunner, about Lunner only.
    const lunnerProject = await c.project('lunnerStaff', { participantIds: [c.org.lunner] });
    const lunnerOnly = await latest(lunnerProject.id, 'project.create');
    const own = expectStatus(200, await trail('granLeader', '?limit=200'));
    const expected = await api.row<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE actor_organization_id = $1 OR $1::uuid = ANY(concerns)`,
      [c.org.gran],
    );
    expect(own.total).toBe(expected.n);
    expect(own.items.map((e) => e.id)).not.toContain(lunnerOnly.id);
    // An admin's change to a Gran person concerns Gran, though the admin belongs to no organisation.
    expect(own.items.some((e) => e.organization === null && e.action === 'user.create')).toBe(true);
    // Asking for another organisation gives what concerns both, never more.
    const other = expectStatus(200, await trail('granLeader', `?organizationId=${c.org.lunner}&limit=200`));
    expect(other.items.map((e) => e.id)).not.toContain(lunnerOnly.id);
  });

  it('refuses staff, politicians and observers (403), and bad filters (400)', async () => {
    for (const who of ['granStaff', 'granPolitician', 'statsforvalterenStaff'] as const) {
      expect((await trail(who)).status).toBe(403);
      expect((await c.call(who, 'GET', '/api/audit.csv')).status).toBe(403);
    }
    for (const query of ['?from=2026-02-31', '?to=yesterday', '?action=DROP TABLE', '?entityType=secret', '?limit=1000', '?actorId=me']) {
      expect({ query, status: (await trail('admin', query)).status }).toEqual({ query, status: 400 });
    }
  });
});

describe('GET /api/audit.csv', () => {
  it('streams the same entries as CSV for Excel: BOM, semicolons, CRLF, formulas neutralised', async () => {
    const project = await c.project('granStaff', { title: '=HYPERLINK("http://evil")' });
    const { token } = await c.session('admin');
    const response = await fetch(`${api.baseUrl}/api/audit.csv?entityId=${project.id}&lang=nb`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="samspill-logg-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('"Tidspunkt (UTC)";"Utført av";"Organisasjon";"Handling";"Type";"Id";"Før";"Etter"');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"Gunnar Ansatt";"Gran kommune";"project.create";"project"');
    // The title sits inside the JSON of "after": the cell starts with {, so Excel never evaluates it.
    expect(lines[1]).toMatch(/;"\{""title"":""=HYPERLINK/);
    const english = await fetch(`${api.baseUrl}/api/audit.csv?entityId=${project.id}`, {
      headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
    });
    expect((await english.text()).split('\r\n')[0]).toBe('"Time (UTC)";"Done by";"Organisation";"Action";"Type";"Id";"Before";"After"');
  });

  it('neutralises a cell that starts like a formula', async () => {
    const name = '=cmd|"/c calc"!A1';
    const someone = expectStatus(
      201,
      await c.call<UserResponse>('admin', 'POST', '/api/users', {
        email: `formel.${randomUUID().slice(0, 8)}@gran.kommune.no`,
        name: 'Formel',
        role: 'staff',
        organizationId: c.org.gran,
        password: DEMO_PASSWORD,
      }),
    );
    const session = await login(api.baseUrl, someone.email);
    expect((await request(api.baseUrl, 'PATCH', '/api/auth/me', { token: session.token, body: { name } })).status).toBe(200);
    const { token } = await c.session('admin');
    const csv = await (
      await fetch(`${api.baseUrl}/api/audit.csv?actorId=${someone.id}`, { headers: { authorization: `Bearer ${token}` } })
    ).text();
    expect(csv).toContain(`"'=cmd|""/c calc""!A1"`);
  });

  it('gives a leader the same scope as the list', async () => {
    const { token } = await c.session('granLeader');
    const csv = await (await fetch(`${api.baseUrl}/api/audit.csv`, { headers: { authorization: `Bearer ${token}` } })).text();
    const rows = csv.split('\r\n').length - 2;
    expect(rows).toBe(expectStatus(200, await trail('granLeader', '?limit=1')).total);
  });
});
