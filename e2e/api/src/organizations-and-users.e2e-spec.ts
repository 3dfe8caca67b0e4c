import type { ErrorResponse, OrganizationResponse, UserListResponse, UserResponse } from '@samspill/contracts';
import { DEMO_ACCOUNTS } from '@samspill/testing';
import { startTestApi, type TestApi } from './support/api-server';
import { login, request, type Session } from './support/http';

let api: TestApi;
const sessions: Record<string, Session> = {};
beforeAll(async () => {
  api = await startTestApi();
  for (const [key, email] of Object.entries({
    admin: DEMO_ACCOUNTS.admin,
    leader: DEMO_ACCOUNTS.granLeader,
    staff: DEMO_ACCOUNTS.granStaff,
    politician: DEMO_ACCOUNTS.granPolitician,
  })) {
    sessions[key] = await login(api.baseUrl, email);
  }
});
afterAll(async () => {
  await api?.close();
});

const call = <T = unknown>(method: string, path: string, options?: Parameters<typeof request>[3]) =>
  request<T>(api.baseUrl, method, path, options);
const countRows = async (table: 'organizations' | 'users') =>
  Number((await api.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]?.n);

describe('GET /api/organizations', () => {
  it.each(['admin', 'leader', 'staff', 'politician'])('lists the demo organisations for %s', async (who) => {
    const result = await call<OrganizationResponse[]>('GET', '/api/organizations', { token: sessions[who]?.token });
    expect(result.status).toBe(200);
    const gran = result.body.find((o) => o.name === 'Gran kommune');
    expect(gran).toEqual({
      id: expect.any(String),
      name: 'Gran kommune',
      kind: 'municipality',
      code: '3446',
      country: 'NO',
      active: true,
      successor: null,
      version: 1,
    });
    expect(result.body.find((o) => o.name === 'NAV Drammen')).toMatchObject({ kind: 'state_agency', code: null });
    expect(result.body.find((o) => o.name === 'Roskilde Kommune')).toMatchObject({ code: '265', country: 'DK' });
    expect(result.body.map((o) => o.name)).toEqual(
      expect.arrayContaining([
        'Lunner kommune',
        'Vestre Toten kommune',
        'Bærum kommune',
        'Statsforvalteren i Innlandet',
        'Høgskolen i Innlandet',
      ]),
    );
  });
});

describe('POST /api/organizations', () => {
  it('lets an admin create one, and stores it', async () => {
    const result = await call<OrganizationResponse>('POST', '/api/organizations', {
      token: sessions['admin']?.token,
      body: { name: 'Hole kommune', kind: 'municipality', code: '3310', country: 'NO' },
    });
    expect(result.status).toBe(201);
    expect(result.body).toEqual({
      id: expect.any(String),
      name: 'Hole kommune',
      kind: 'municipality',
      code: '3310',
      country: 'NO',
      active: true,
      successor: null,
      version: 1,
    });
    const rows = await api.sql(`SELECT name, kind, code, country FROM organizations WHERE id = $1`, [result.body.id]);
    expect(rows).toEqual([{ name: 'Hole kommune', kind: 'municipality', code: '3310', country: 'NO' }]);
  });

  it('takes code as optional', async () => {
    const result = await call<OrganizationResponse>('POST', '/api/organizations', {
      token: sessions['admin']?.token,
      body: { name: 'KS', kind: 'other', country: 'NO' },
    });
    expect(result.status).toBe(201);
    expect(result.body.code).toBeNull();
  });

  it.each(['leader', 'staff', 'politician'])('refuses %s with 403 and stores nothing', async (who) => {
    const before = await countRows('organizations');
    const result = await call<ErrorResponse>('POST', '/api/organizations', {
      token: sessions[who]?.token,
      body: { name: `Not allowed ${who}`, kind: 'municipality', country: 'NO' },
    });
    expect(result.status).toBe(403);
    expect(result.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect(await countRows('organizations')).toBe(before);
  });

  it.each([
    ['an unknown kind', { name: 'X', kind: 'kingdom', country: 'NO' }, 'kind must be one of'],
    ['an unknown country', { name: 'X', kind: 'other', country: 'DE' }, 'country must be one of'],
    ['a missing name', { kind: 'other', country: 'NO' }, 'name must not be empty'],
    ['an over-long name', { name: 'x'.repeat(201), kind: 'other', country: 'NO' }, 'name must be shorter than or equal to 200 characters'],
    ['a code that is not a number', { name: 'X', kind: 'other', code: 'abc', country: 'NO' }, 'code must be the official number'],
    ['an unknown field', { name: 'X', kind: 'other', country: 'NO', id: 'x' }, 'id: this field is not allowed'],
  ])('refuses %s with 400 and stores nothing', async (_what, body, message) => {
    const before = await countRows('organizations');
    const result = await call<ErrorResponse>('POST', '/api/organizations', { token: sessions['admin']?.token, body });
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('VALIDATION_FAILED');
    expect(result.body.message).toContain(message);
    expect(await countRows('organizations')).toBe(before);
  });

  it('refuses a duplicate name or official number in the same country with 409', async () => {
    const byName = await call<ErrorResponse>('POST', '/api/organizations', {
      token: sessions['admin']?.token,
      body: { name: 'gran kommune', kind: 'municipality', country: 'NO' },
    });
    expect(byName.status).toBe(409);
    const byCode = await call<ErrorResponse>('POST', '/api/organizations', {
      token: sessions['admin']?.token,
      body: { name: 'Gran herred', kind: 'municipality', code: '3446', country: 'NO' },
    });
    expect(byCode.status).toBe(409);
    expect(byCode.body.message).toContain('official number');
  });
});

describe('POST /api/users', () => {
  const granId = async () => (await api.sql<{ id: string }>(`SELECT id FROM organizations WHERE name = 'Gran kommune'`))[0]?.id;

  it('lets an admin create a user who can then sign in; the hash never leaves the server', async () => {
    const organizationId = await granId();
    const result = await call<UserResponse>('POST', '/api/users', {
      token: sessions['admin']?.token,
      body: { email: 'Ny.Ansatt@Gran.Kommune.no', name: 'Ny Ansatt', role: 'staff', organizationId, password: 'a-long-enough-password' },
    });
    expect(result.status).toBe(201);
    expect(result.body).toEqual({
      id: expect.any(String),
      email: 'ny.ansatt@gran.kommune.no',
      name: 'Ny Ansatt',
      role: 'staff',
      organization: { id: organizationId, name: 'Gran kommune', kind: 'municipality' },
      active: true,
      locale: 'nb',
      createdAt: expect.any(String),
      version: 1,
    });
    expect(JSON.stringify(result.body)).not.toMatch(/argon|password|hash/i);
    const [row] = await api.sql<{ password_hash: string }>(`SELECT password_hash FROM users WHERE id = $1`, [result.body.id]);
    expect(row?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await login(api.baseUrl, 'ny.ansatt@gran.kommune.no', 'a-long-enough-password')).auth.user.role).toBe('staff');
  });

  it('lets an admin create another admin without an organisation', async () => {
    const result = await call<UserResponse>('POST', '/api/users', {
      token: sessions['admin']?.token,
      body: { email: 'drift@samspill.no', name: 'Drift', role: 'admin', password: 'a-long-enough-password' },
    });
    expect(result.status).toBe(201);
    expect(result.body.organization).toBeNull();
  });

  it.each(['leader', 'staff', 'politician'])('refuses %s with 403 and stores nothing', async (who) => {
    const before = await countRows('users');
    const result = await call('POST', '/api/users', {
      token: sessions[who]?.token,
      body: {
        email: `x-${who}@gran.kommune.no`,
        name: 'X',
        role: 'admin',
        organizationId: await granId(),
        password: 'a-long-enough-password',
      },
    });
    expect(result.status).toBe(403);
    expect(await countRows('users')).toBe(before);
  });

  it.each([
    [
      'an invalid email',
      { email: 'not-an-email', name: 'X', role: 'staff', password: 'a-long-enough-password' },
      'email must be a valid email address',
      400,
    ],
    ['an unknown role', { email: 'x@y.no', name: 'X', role: 'mayor', password: 'a-long-enough-password' }, 'role must be one of', 400],
    ['a short password', { email: 'x@y.no', name: 'X', role: 'admin', password: 'short' }, 'password must be at least 12 characters', 400],
    [
      'a staff member without organisation',
      { email: 'x@y.no', name: 'X', role: 'staff', password: 'a-long-enough-password' },
      'organizationId is required',
      400,
    ],
    [
      'an unknown organisation',
      {
        email: 'x@y.no',
        name: 'X',
        role: 'staff',
        organizationId: '00000000-0000-4000-8000-000000000000',
        password: 'a-long-enough-password',
      },
      'does not match any organisation',
      400,
    ],
    [
      'an unknown field',
      { email: 'x@y.no', name: 'X', role: 'admin', password: 'a-long-enough-password', passwordHash: 'x' },
      'passwordHash: this field is not allowed',
      400,
    ],
    [
      'a taken email',
      { email: DEMO_ACCOUNTS.granStaff, name: 'X', role: 'admin', password: 'a-long-enough-password' },
      'already exists',
      409,
    ],
  ])('refuses %s and stores nothing', async (_what, body, message, status) => {
    const before = await countRows('users');
    const result = await call<ErrorResponse>('POST', '/api/users', { token: sessions['admin']?.token, body });
    expect(result.status).toBe(status);
    expect(result.body.message).toContain(message);
    expect(await countRows('users')).toBe(before);
  });

  it('lists users for admins (all) and leaders (their own organisation), without hashes; others are refused', async () => {
    const list = await call<UserListResponse>('GET', '/api/users?limit=200', { token: sessions['admin']?.token });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThanOrEqual(11);
    expect(list.body.total).toBe(list.body.items.length);
    expect(JSON.stringify(list.body)).not.toMatch(/argon2/);
    const own = await call<UserListResponse>('GET', '/api/users', { token: sessions['leader']?.token });
    expect(own.status).toBe(200);
    expect(new Set(own.body.items.map((u) => u.organization?.name))).toEqual(new Set(['Gran kommune']));
    expect(JSON.stringify(own.body)).not.toMatch(/argon2/);
    for (const who of ['staff', 'politician']) {
      expect((await call('GET', '/api/users', { token: sessions[who]?.token })).status).toBe(403);
    }
  });
});
