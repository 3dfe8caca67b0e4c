import type {
  ErrorResponse,
  Overview,
  OverviewOrganization,
  OverviewPartnership,
  PartnershipResponse,
  ProjectListResponse,
  ProjectResponse,
} from '@samspill/contracts';
import { DEMO_ACCOUNTS } from '@samspill/testing';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ApiProcess, spawnApi, startTestApi, type TestApi } from './support/api-server';
import { login, request, type Session } from './support/http';
import { reachableTempDir } from './support/temp-dir';

/** Less work per request and no unbounded answers: keyset pages, capped counts, ETags, compression, cached web files. */
let api: TestApi;
let admin: Session;
beforeAll(async () => {
  api = await startTestApi();
  admin = await login(api.baseUrl, DEMO_ACCOUNTS.admin);
});
afterAll(async () => {
  await api?.close();
});

const nextOf = (link: string | null) => /^<([^>]+)>; rel="next"$/.exec(link ?? '')?.[1] ?? null;

describe('PgBouncer', () => {
  it('stands between the API and PostgreSQL in the API tests (unless TEST_PGBOUNCER=off)', async () => {
    await request(api.baseUrl, 'GET', '/api/projects', { token: admin.token });
    const names = (
      await api.sql<{ name: string }>(
        `SELECT application_name AS name FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'samspill-api%'`,
      )
    ).map((r) => r.name);
    expect(names.length).toBeGreaterThan(0);
    // PgBouncer adds the client's address to the name it passes on.
    if (process.env['TEST_PGBOUNCER'] !== 'off') expect(names.every((n) => / - 127\.0\.0\.1:\d+$/.test(n))).toBe(true);
  });
});

describe('GET /api/projects pages by cursor', () => {
  it('walks every project once, in the order of the offset pages, following nextCursor and the Link header', async () => {
    const all = await request<ProjectListResponse>(api.baseUrl, 'GET', '/api/projects?limit=200', { token: admin.token });
    const { count } = await api.row<{ count: number }>('SELECT count(*)::int AS count FROM projects');
    expect(all.body.total).toBe(count);
    expect(all.body.totalIsExact).toBe(true);
    expect(all.body.nextCursor).toBeNull();
    expect(all.headers.get('link')).toBeNull();

    const seen: string[] = [];
    let path: string | null = '/api/projects?limit=3';
    while (path) {
      const page: Awaited<ReturnType<typeof request<ProjectListResponse>>> = await request<ProjectListResponse>(api.baseUrl, 'GET', path, {
        token: admin.token,
      });
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(count);
      seen.push(...page.body.items.map((p) => p.id));
      const next = nextOf(page.headers.get('link'));
      if (page.body.nextCursor) expect(next).toBe(`/api/projects?limit=3&cursor=${page.body.nextCursor}`);
      else expect(next).toBeNull();
      path = next;
    }
    expect(seen).toEqual(all.body.items.map((p) => p.id));
  });

  it('keeps the filters on the next page', async () => {
    const first = await request<ProjectListResponse>(api.baseUrl, 'GET', '/api/projects?status=active&limit=2', { token: admin.token });
    const next = nextOf(first.headers.get('link'));
    expect(next).toMatch(/^\/api\/projects\?status=active&limit=2&cursor=/);
    const second = await request<ProjectListResponse>(api.baseUrl, 'GET', next as string, { token: admin.token });
    expect(second.body.items.every((p) => p.status === 'active')).toBe(true);
    expect(second.body.items.map((p) => p.id)).not.toContain(first.body.items[0]?.id);
  });

  it('refuses a cursor it did not give out', async () => {
    for (const cursor of ['bm90LWEtY3Vyc29y', Buffer.from('["yesterday","x"]').toString('base64url'), 'a%20b']) {
      const result = await request<ErrorResponse>(api.baseUrl, 'GET', `/api/projects?cursor=${cursor}`, { token: admin.token });
      expect(result.status).toBe(400);
      expect(result.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('counts at most 1,000 and says so', async () => {
    const { id } = await api.row<{ id: string }>(`SELECT id FROM partnerships WHERE name = 'PILOTen Hadeland'`);
    await api.sql(
      `INSERT INTO projects (partnership_id, title, description, created_by)
       SELECT $1, 'Mengdetest ' || g, 'Bare for å telle.', (SELECT id FROM users WHERE email = $2) FROM generate_series(1, 1005) g`,
      [id, DEMO_ACCOUNTS.granStaff],
    );
    const many = await request<ProjectListResponse>(api.baseUrl, 'GET', `/api/projects?partnershipId=${id}&limit=5`, {
      token: admin.token,
    });
    expect(many.status).toBe(200);
    expect(many.body.total).toBe(1000);
    expect(many.body.totalIsExact).toBe(false);
    expect(many.body.items).toHaveLength(5);
    const few = await request<ProjectListResponse>(api.baseUrl, 'GET', `/api/projects?partnershipId=${id}&q=Mengdetest%201000`, {
      token: admin.token,
    });
    expect(few.body).toMatchObject({ total: 1, totalIsExact: true });
  });
});

describe('the overview pages its rows', () => {
  async function walk<T>(first: string): Promise<T[]> {
    const rows: T[] = [];
    for (let path: string | null = first; path;) {
      const page: Awaited<ReturnType<typeof request<T[]>>> = await request<T[]>(api.baseUrl, 'GET', path, { token: admin.token });
      expect(page.status).toBe(200);
      expect(Array.isArray(page.body)).toBe(true);
      rows.push(...page.body);
      path = nextOf(page.headers.get('link'));
    }
    return rows;
  }

  it('sends the first 100 rows of each list with the totals, and the rest a page at a time', async () => {
    await api.sql(
      `INSERT INTO partnerships (name, description) SELECT 'Mengdesamarbeid ' || lpad(g::text, 3, '0'), '' FROM generate_series(1, 150) g`,
    );
    const { n } = await api.row<{ n: number }>('SELECT count(*)::int AS n FROM partnerships');
    const overview = await request<Overview>(api.baseUrl, 'GET', '/api/dashboard/overview', { token: admin.token });
    expect(overview.body.partnerships).toHaveLength(100);
    expect(overview.body.partnershipCount).toBe(n);
    expect(overview.body.organizationCount).toBe(overview.body.organizations.length);

    const partnerships = await walk<OverviewPartnership>('/api/dashboard/overview/partnerships?limit=40');
    expect(partnerships).toHaveLength(n);
    expect(new Set(partnerships.map((p) => p.id)).size).toBe(n);
    expect(partnerships.slice(0, 100)).toEqual(overview.body.partnerships);
    const names = partnerships.map((p) => p.name.toLowerCase());
    expect(names).toEqual([...names].sort());

    const organizations = await walk<OverviewOrganization>('/api/dashboard/overview/organizations?limit=1');
    expect(organizations).toEqual(overview.body.organizations);
    const projects = organizations.map((o) => o.projects);
    expect(projects).toEqual([...projects].sort((a, b) => b - a));
  });

  it('answers ?limit= with that many rows, and refuses a foreign cursor', async () => {
    const small = await request<Overview>(api.baseUrl, 'GET', '/api/dashboard/overview?limit=2', { token: admin.token });
    expect(small.body.partnerships).toHaveLength(2);
    expect(small.body.partnershipCount).toBeGreaterThan(2);
    const bad = await request<ErrorResponse>(api.baseUrl, 'GET', '/api/dashboard/overview/partnerships?cursor=WyJ4Il0', {
      token: admin.token,
    });
    expect(bad.status).toBe(400);
    expect((await request(api.baseUrl, 'GET', '/api/dashboard/overview?limit=501', { token: admin.token })).status).toBe(400);
  });
});

describe('GET /api/partnerships pages by name', () => {
  it('answers 100 by default and the rest through the Link header, each once, in name order', async () => {
    await api.sql(`INSERT INTO partnerships (name, description) SELECT 'Sidesamarbeid ' || g, '' FROM generate_series(1, 120) g`);
    const { n } = await api.row<{ n: number }>('SELECT count(*)::int AS n FROM partnerships');
    const first = await request<PartnershipResponse[]>(api.baseUrl, 'GET', '/api/partnerships', { token: admin.token });
    expect(first.body).toHaveLength(100);
    expect(nextOf(first.headers.get('link'))).toMatch(/^\/api\/partnerships\?limit=100&cursor=/);

    const ids: string[] = [];
    for (let path: string | null = '/api/partnerships?limit=45'; path;) {
      const page: Awaited<ReturnType<typeof request<PartnershipResponse[]>>> = await request<PartnershipResponse[]>(
        api.baseUrl,
        'GET',
        path,
        {
          token: admin.token,
        },
      );
      expect(page.status).toBe(200);
      ids.push(...page.body.map((p) => p.id));
      path = nextOf(page.headers.get('link'));
    }
    const ordered = await api.sql<{ id: string }>('SELECT id FROM partnerships ORDER BY lower(name), id');
    expect(ids).toEqual(ordered.map((r) => r.id));
    expect(ids).toHaveLength(n);
  });

  it('refuses a cursor it did not give out', async () => {
    for (const key of [
      ['a', 'not-an-id'],
      ['a\u0000', '00000000-0000-4000-8000-000000000000'],
      [1, 2],
    ]) {
      const cursor = Buffer.from(JSON.stringify(key)).toString('base64url');
      const result = await request<ErrorResponse>(api.baseUrl, 'GET', `/api/partnerships?cursor=${cursor}`, { token: admin.token });
      expect(result.status).toBe(400);
      expect(result.body.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('conditional GET', () => {
  it('answers 304 while a project is unchanged, and 200 with a new ETag once it changed', async () => {
    const staff = await login(api.baseUrl, DEMO_ACCOUNTS.granStaff);
    const project = await api.row<{ id: string }>(
      `SELECT pr.id FROM projects pr JOIN project_participants pp ON pp.project_id = pr.id JOIN organizations o ON o.id = pp.organization_id
       WHERE o.name = 'Gran kommune' AND pr.status = 'active' ORDER BY pr.created_at LIMIT 1`,
    );
    const first = await request<ProjectResponse>(api.baseUrl, 'GET', `/api/projects/${project.id}`, { token: staff.token });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const again = await request(api.baseUrl, 'GET', `/api/projects/${project.id}`, {
      token: staff.token,
      headers: { 'if-none-match': etag as string },
    });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');

    const edited = await request(api.baseUrl, 'PATCH', `/api/projects/${project.id}`, {
      token: staff.token,
      body: { version: first.body.version, title: `${first.body.title} (revidert)` },
    });
    expect(edited.status).toBe(200);
    const changed = await request<ProjectResponse>(api.baseUrl, 'GET', `/api/projects/${project.id}`, {
      token: staff.token,
      headers: { 'if-none-match': etag as string },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.title).toBe(`${first.body.title} (revidert)`);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('gives a dashboard the ETag of its data version', async () => {
    const { id } = await api.row<{ id: string }>(`SELECT id FROM partnerships WHERE name = 'PILOTen Hadeland'`);
    const path = `/api/dashboard/partnerships/${id}`;
    const first = await request(api.baseUrl, 'GET', path, { token: admin.token });
    const etag = first.headers.get('etag') as string;
    expect((await request(api.baseUrl, 'GET', path, { token: admin.token })).headers.get('etag')).toBe(etag);
    expect((await request(api.baseUrl, 'GET', path, { token: admin.token, headers: { 'if-none-match': etag } })).status).toBe(304);
  });
});

describe('compression', () => {
  it('sends JSON as brotli or gzip, as the client accepts', async () => {
    for (const encoding of ['br', 'gzip']) {
      const result = await request(api.baseUrl, 'GET', '/api/dashboard/overview', {
        token: admin.token,
        headers: { 'accept-encoding': encoding },
      });
      expect(result.status).toBe(200);
      expect(result.headers.get('content-encoding')).toBe(encoding);
      expect(result.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(result.body).toHaveProperty('stageCounts');
    }
  });
});

describe('the web app files', () => {
  let web: ApiProcess;
  let root: string;
  beforeAll(async () => {
    root = await reachableTempDir('samspill-web-root-');
    await mkdir(join(root, 'media'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Samspill</title><script src="main-3ZKXQ7PA.js"></script>');
    await writeFile(join(root, 'main-3ZKXQ7PA.js'), `console.log(${JSON.stringify('samspill '.repeat(500))});`);
    web = await spawnApi({ DATABASE_URL: api.databaseUrl, WEB_ROOT: root });
  });
  afterAll(async () => {
    await web?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('keeps hashed files a year, compressed, and asks again for index.html', async () => {
    const script = await fetch(`${web.baseUrl}/main-3ZKXQ7PA.js`, { headers: { 'accept-encoding': 'br' } });
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.get('content-encoding')).toBe('br');
    expect(await script.text()).toContain('samspill samspill');
    const page = await fetch(`${web.baseUrl}/projects`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<title>Samspill</title>');
  });
});
