import type { PartnershipDashboard, PublicOpenData, PublicPartnership, PublicPartnershipSummary } from '@samspill/contracts';
import { OPEN_DATA_COLUMNS } from '@samspill/contracts/values';
import { startTestApi, type TestApi } from './support/api-server';
import { Collaboration, expectStatus } from './support/collaboration-fixtures';
import { type HttpResult, request } from './support/http';

/*
 * Public partnerships (issue 13): read without a token, organisations only,
 * the one 404 for whatever is not public, open data under NLOD 2.0, cached
 * and rate-limited. Every figure is checked against the rows stored.
 */
let api: TestApi;
let c: Collaboration;
let roskildeNetwork: string;
let pilot: string;

beforeAll(async () => {
  api = await startTestApi();
  c = await Collaboration.load(api);
  roskildeNetwork = (await api.row<{ id: string }>(`SELECT id FROM partnerships WHERE name = 'Roskildes lean-netværk'`)).id;
  pilot = (await api.row<{ id: string }>(`SELECT id FROM partnerships WHERE name = 'PILOTen Hadeland'`)).id;
});
afterAll(async () => {
  await api?.close();
});

const anonymous = <T = unknown>(path: string, headers: Record<string, string> = {}): Promise<HttpResult<T>> =>
  request<T>(api.baseUrl, 'GET', path, { headers });
const ROUTES = (id: string) => [
  `/api/public/partnerships/${id}`,
  `/api/public/partnerships/${id}/dashboard`,
  `/api/public/partnerships/${id}/data.json`,
  `/api/public/partnerships/${id}/data.csv`,
];

describe('GET /api/public/partnerships', () => {
  it('lists the public partnerships, and only those, with their members as organisations, without a token', async () => {
    const list = expectStatus(200, await anonymous<PublicPartnershipSummary[]>('/api/public/partnerships'));
    const stored = await api.sql<{ id: string }>(`SELECT id FROM partnerships WHERE visibility = 'public' ORDER BY name, id`);
    expect(list.map((p) => p.id)).toEqual(stored.map((p) => p.id));
    expect(list.map((p) => p.id)).toEqual([roskildeNetwork]);
    const [network] = list;
    expect(Object.keys(network ?? {}).sort()).toEqual(['description', 'id', 'members', 'name']);
    const members = await api.sql<{ id: string; name: string; kind: string }>(
      `SELECT o.id, o.name, o.kind FROM partnership_members m JOIN organizations o ON o.id = m.organization_id
       WHERE m.partnership_id = $1 ORDER BY o.name, o.id`,
      [roskildeNetwork],
    );
    expect(network?.members).toEqual(members);
    expect(network?.members.map((m) => m.name)).toEqual(['Bærum kommune', 'Roskilde Kommune']);
  });

  it('lists a partnership once its leader makes it public, and forgets it when it is made members-only again', async () => {
    expectStatus(200, await c.call('granLeader', 'PATCH', `/api/partnerships/${pilot}`, { visibility: 'public' }));
    const open = (await anonymous<PublicPartnershipSummary[]>('/api/public/partnerships')).body.map((p) => p.name);
    expect(open).toEqual(['PILOTen Hadeland', 'Roskildes lean-netværk']);
    expectStatus(200, await anonymous(`/api/public/partnerships/${pilot}`));

    expectStatus(200, await c.call('granLeader', 'PATCH', `/api/partnerships/${pilot}`, { visibility: 'members' }));
    expect((await anonymous<PublicPartnershipSummary[]>('/api/public/partnerships')).body.map((p) => p.name)).toEqual([
      'Roskildes lean-netværk',
    ]);
    expectStatus(404, await anonymous(`/api/public/partnerships/${pilot}`));
  });
});

describe('GET /api/public/partnerships/:id', () => {
  it('shows the partnership with projects, stages, status, participants, decisions, focus areas, lessons, practices and indicators as stored', async () => {
    const p = expectStatus(200, await anonymous<PublicPartnership>(`/api/public/partnerships/${roskildeNetwork}`));
    const projects = await api.sql<{ id: string; title: string; description: string; stage: string; status: string }>(
      `SELECT id, title, description, stage, status FROM projects WHERE partnership_id = $1 ORDER BY created_at, id`,
      [roskildeNetwork],
    );
    expect(projects.length).toBeGreaterThan(0);
    expect(p.projects.map(({ id, title, description, stage, status }) => ({ id, title, description, stage, status }))).toEqual(projects);
    for (const project of p.projects) {
      const participants = await api.sql<{ id: string; name: string }>(
        `SELECT o.id, o.name FROM project_participants pp JOIN organizations o ON o.id = pp.organization_id WHERE pp.project_id = $1 ORDER BY o.name, o.id`,
        [project.id],
      );
      expect(project.participants).toEqual(participants);
      const rationales = await api.sql<{ rationale: string }>(
        `SELECT rationale FROM stage_transitions WHERE project_id = $1 ORDER BY decided_at, id`,
        [project.id],
      );
      expect(project.decisions.map((d) => d.rationale)).toEqual(rationales.map((r) => r.rationale));
    }
    const focusAreas = await api.sql<{ name: string }>(`SELECT name FROM focus_areas WHERE partnership_id = $1 ORDER BY created_at, id`, [
      roskildeNetwork,
    ]);
    expect(p.focusAreas.map((f) => f.name)).toEqual(focusAreas.map((f) => f.name));
    const { lessons } = await api.row<{ lessons: number }>(
      `SELECT count(*)::int AS lessons FROM log_entries e JOIN projects pr ON pr.id = e.project_id
       WHERE pr.partnership_id = $1 AND e.kind IN ('lesson', 'result')`,
      [roskildeNetwork],
    );
    expect(p.lessons.filter((l) => l.kind === 'lesson' || l.kind === 'result')).toHaveLength(lessons);
    expect(lessons).toBeGreaterThan(0);
    const { indicators } = await api.row<{ indicators: number }>(
      `SELECT count(*)::int AS indicators FROM indicators i JOIN projects pr ON pr.id = i.project_id WHERE pr.partnership_id = $1`,
      [roskildeNetwork],
    );
    expect(p.indicators).toHaveLength(indicators);
    const { practices } = await api.row<{ practices: number }>(
      `SELECT count(*)::int AS practices FROM practices pc JOIN projects pr ON pr.id = pc.project_id WHERE pr.partnership_id = $1`,
      [roskildeNetwork],
    );
    expect(p.practices).toHaveLength(practices);
  });

  it('answers the same 404 for a members-only, a platform, a missing partnership and an id that is no id, on every public route', async () => {
    const platform = (
      await api.row<{ id: string }>(`UPDATE partnerships SET visibility = 'platform' WHERE name = 'Lean i NAV Drammen' RETURNING id`)
    ).id;
    const expected = { statusCode: 404, code: 'NOT_FOUND', message: 'No such partnership.' };
    for (const id of [pilot, platform, '00000000-0000-4000-8000-000000000000', 'not-an-id', '1%20OR%201%3D1']) {
      for (const path of ROUTES(id)) {
        const result = await anonymous(path);
        expect({ path, status: result.status, body: result.body }).toEqual({ path, status: 404, body: expected });
      }
    }
    await api.sql(`UPDATE partnerships SET visibility = 'members' WHERE id = $1`, [platform]);
  });

  it('is read by every signed-in person as well, through the usual routes', async () => {
    for (const who of ['granStaff', 'lunnerPolitician', 'navDrammenStaff'] as const) {
      expectStatus(200, await c.call(who, 'GET', `/api/partnerships/${roskildeNetwork}`));
    }
  });
});

describe('no person in any public answer', () => {
  it('finds no seeded person’s name or e-mail address in the list, the page, the dashboard or the open data', async () => {
    const people = await api.sql<{ name: string; email: string }>(`SELECT name, email FROM users`);
    expect(people.length).toBeGreaterThanOrEqual(13);
    const bodies: string[] = [];
    for (const path of ['/api/public/partnerships', ...ROUTES(roskildeNetwork)]) {
      const response = await fetch(`${api.baseUrl}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      bodies.push(await response.text());
    }
    const found = people.flatMap(({ name, email }) =>
      bodies.flatMap((body, i) => [
        ...(body.toLowerCase().includes(name.toLowerCase()) ? [`${name} in answer ${i}`] : []),
        ...(body.toLowerCase().includes(email.toLowerCase()) ? [`${email} in answer ${i}`] : []),
      ]),
    );
    expect(found).toEqual([]);
    // The answers are not empty: the check above read real content.
    expect(bodies.join('\n')).toContain('Roskilde Kommune');
  });
});

describe('GET /api/public/partnerships/:id/dashboard', () => {
  it('gives the public partnership’s figures, the same as its members see', async () => {
    const open = expectStatus(200, await anonymous<PartnershipDashboard>(`/api/public/partnerships/${roskildeNetwork}/dashboard`));
    const members = expectStatus(
      200,
      await c.call<PartnershipDashboard>('roskildeStaff', 'GET', `/api/dashboard/partnerships/${roskildeNetwork}`),
    );
    expect(open).toEqual(members);
    const { active } = await api.row<{ active: number }>(
      `SELECT count(*)::int AS active FROM projects WHERE partnership_id = $1 AND status = 'active'`,
      [roskildeNetwork],
    );
    expect(open.stageCounts.learn + open.stageCounts.test + open.stageCounts.establish).toBe(active);
  });
});

describe('open data (NLOD 2.0)', () => {
  it('data.json names the licence and where the fields are described, and holds the public partnership', async () => {
    const result = await anonymous<PublicOpenData>(`/api/public/partnerships/${roskildeNetwork}/data.json`);
    expect(result.status).toBe(200);
    expect(result.body.licence).toEqual({
      name: 'Norsk lisens for offentlige data (NLOD) 2.0',
      id: 'NLOD-2.0',
      url: 'https://data.norge.no/nlod/no/2.0',
    });
    expect(result.body.documentation).toMatch(/\/offentlig\/data$/);
    expect(result.headers.get('link')).toBe('<https://data.norge.no/nlod/no/2.0>; rel="license"');
    expect(result.headers.get('access-control-allow-origin')).toBe('*');
    const page = (await anonymous<PublicPartnership>(`/api/public/partnerships/${roskildeNetwork}`)).body;
    expect(result.body.partnership).toEqual(page);
  });

  it('data.csv has the documented columns, a row per thing, and the licence in its Link header', async () => {
    const response = await fetch(`${api.baseUrl}/api/public/partnerships/${roskildeNetwork}/data.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('link')).toBe('<https://data.norge.no/nlod/no/2.0>; rel="license"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(OPEN_DATA_COLUMNS.map((c) => `"${c}"`).join(';'));
    const projects = await api.sql<{ id: string; title: string }>(`SELECT id, title FROM projects WHERE partnership_id = $1`, [
      roskildeNetwork,
    ]);
    for (const project of projects) {
      expect(lines.filter((l) => l.startsWith(`"project";"${project.id}"`))).toHaveLength(1);
    }
    expect(lines.filter((l) => l.startsWith('"partnership";'))).toEqual([expect.stringContaining('"Roskildes lean-netværk"')]);
    expect(lines.filter((l) => l.startsWith('"member";'))).toHaveLength(2);
  });
});

describe('caching and limits', () => {
  it('answers 304 to a client that sends the ETag back, and lets shared caches keep public answers', async () => {
    for (const path of ['/api/public/partnerships', ...ROUTES(roskildeNetwork)]) {
      const first = await anonymous(path);
      const etag = first.headers.get('etag');
      expect({ path, etag }).toEqual({ path, etag: expect.stringMatching(/^W\/"/) });
      expect(first.headers.get('cache-control')).toBe('public, no-cache');
      const again = await anonymous(path, { 'if-none-match': etag ?? '' });
      expect({ path, status: again.status }).toEqual({ path, status: 304 });
    }
  });

  it('slows down one address that asks too often: 429 with Retry-After, counted without writing to the database', async () => {
    const limited = await startTestApi({ PUBLIC_READ_LIMIT_PER_MINUTE: '5', TRUST_PROXY: 'true' });
    try {
      const statuses: number[] = [];
      let last: HttpResult | undefined;
      for (let i = 0; i < 7; i++) {
        last = await request(limited.baseUrl, 'GET', '/api/public/partnerships');
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      expect(last?.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
      expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(last?.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(await limited.row<{ n: number }>(`SELECT count(*)::int AS n FROM rate_counters WHERE key LIKE 'public:%'`)).toEqual({ n: 0 });
      // Another address is counted on its own.
      const other = await request(limited.baseUrl, 'GET', '/api/public/partnerships', { headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(other.status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
