import type { ErrorResponse, IndicatorResponse, LogEntryResponse, ProjectResponse, TransitionResponse } from '@samspill/contracts';
import { startTestApi, type TestApi } from './support/api-server';
import { Collaboration, expectStatus, type Who } from './support/collaboration-fixtures';
import type { HttpResult } from './support/http';

/*
 * Every list answers a capped page: the response stays a JSON array, `?limit=`
 * sets the page size up to a maximum, and a `Link: <…>; rel="next"` header
 * carries a cursor (never an offset) to the next page.
 */

let api: TestApi;
let c: Collaboration;
let project: ProjectResponse;
beforeAll(async () => {
  api = await startTestApi();
  c = await Collaboration.load(api);
  project = await c.project('granStaff');
});
afterAll(async () => {
  await api?.close();
});

/** The next page's path from a Link header, or null on the last page. */
function nextOf(result: HttpResult): string | null {
  const link = result.headers.get('link');
  if (!link) return null;
  const match = /^<([^>]+)>; rel="next"$/.exec(link);
  if (!match?.[1]) throw new Error(`unexpected Link header: ${link}`);
  return match[1];
}

/** Follows every Link from the first page; returns the pages' items in order. */
async function walk<T extends { id: string }>(who: Who, first: string): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let path: string | null = first;
  let pages = 0;
  while (path) {
    const result: HttpResult<T[]> = await c.call<T[]>(who, 'GET', path);
    expect(result.status).toBe(200);
    expect(Array.isArray(result.body)).toBe(true);
    items.push(...result.body);
    pages++;
    path = nextOf(result);
    if (path) expect(path).not.toMatch(/offset=/);
  }
  return { items, pages };
}

describe('GET /api/projects/:id/log', () => {
  beforeAll(async () => {
    const granStaff = await c.userId('granStaff');
    await api.sql(
      `INSERT INTO log_entries (project_id, kind, text, occurred_on, author_id, organization_id)
       SELECT $1, 'observation', 'Oppføring ' || n, date '2026-01-01' + (n % 40), $2, $3 FROM generate_series(1, 150) n`,
      [project.id, granStaff, c.org.gran],
    );
  });

  it('answers 100 entries by default, newest first, and links to the next page', async () => {
    const first = await c.call<LogEntryResponse[]>('granStaff', 'GET', `/api/projects/${project.id}/log`);
    expect(first.status).toBe(200);
    expect(first.body).toHaveLength(100);
    const dates = first.body.map((e) => e.occurredOn);
    expect(dates).toEqual([...dates].sort().reverse());
    const next = nextOf(first);
    expect(next).toMatch(new RegExp(`^/api/projects/${project.id}/log\\?limit=100&cursor=[\\w-]+$`));

    const rest = await c.call<LogEntryResponse[]>('granStaff', 'GET', next ?? '');
    expect(rest.body).toHaveLength(50);
    expect(nextOf(rest)).toBeNull();
    const ids = [...first.body, ...rest.body].map((e) => e.id);
    expect(new Set(ids).size).toBe(150);
    expect((rest.body[0]?.occurredOn ?? '') <= (first.body[99]?.occurredOn ?? '')).toBe(true);
  });

  it('pages by ?limit= through every entry exactly once, even while new ones arrive', async () => {
    const first = await c.call<LogEntryResponse[]>('granStaff', 'GET', `/api/projects/${project.id}/log?limit=40`);
    expect(first.body).toHaveLength(40);
    // An entry written between two pages does not shift the pages after it (a cursor, not an offset).
    expectStatus(201, await c.call('granStaff', 'POST', `/api/projects/${project.id}/log`, { kind: 'lesson', text: 'Midt i lesingen' }));
    const rest = await walk<LogEntryResponse>('granStaff', nextOf(first) ?? '');
    const ids = [...first.body, ...rest.items].map((e) => e.id);
    expect(ids).toHaveLength(150);
    expect(new Set(ids).size).toBe(150);
    expect(rest.pages).toBe(3);
  });

  it.each([
    ['0', 'limit must not be less than 1'],
    ['501', 'limit must not be greater than 500'],
    ['ten', 'limit must be an integer number'],
  ])('refuses ?limit=%s with 400', async (limit, message) => {
    const result = await c.call<ErrorResponse>('granStaff', 'GET', `/api/projects/${project.id}/log?limit=${limit}`);
    expect(result.status).toBe(400);
    expect(result.body.message).toContain(message);
  });

  it.each([['not-a-cursor!'], [Buffer.from('["x"]').toString('base64url')], [Buffer.from('{"a":1}').toString('base64url')]])(
    'refuses a cursor it did not give out (%s) with 400',
    async (cursor) => {
      const result = await c.call<ErrorResponse>('granStaff', 'GET', `/api/projects/${project.id}/log?cursor=${cursor}`);
      expect(result.status).toBe(400);
      expect(result.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(result.body.message).toContain('cursor');
    },
  );
});

describe('every other list', () => {
  beforeAll(async () => {
    await c.move('granStaff', project.id, 'test');
    await c.move('granStaff', project.id, 'learn');
    await c.move('granStaff', project.id, 'test');
    for (const name of ['Ventetid', 'Sykefravær', 'Brukertilfredshet']) {
      expectStatus(
        201,
        await c.call<IndicatorResponse>('granStaff', 'POST', `/api/projects/${project.id}/indicators`, {
          name,
          unit: 'dager',
          baseline: 10,
          target: 5,
          direction: 'decrease',
        }),
      );
    }
  });

  it.each([
    ['organisations', 'admin', '/api/organizations', 'SELECT count(*)::int AS n FROM organizations'],
    ['partnerships', 'admin', '/api/partnerships', 'SELECT count(*)::int AS n FROM partnerships'],
    [
      'transitions',
      'granStaff',
      '/api/projects/:project/transitions',
      'SELECT count(*)::int AS n FROM stage_transitions WHERE project_id = $1',
    ],
    ['indicators', 'granStaff', '/api/projects/:project/indicators', 'SELECT count(*)::int AS n FROM indicators WHERE project_id = $1'],
  ] as const)('%s: one at a time, every item exactly once', async (_what, who, path, countSql) => {
    const [{ n }] = (await api.sql<{ n: number }>(countSql, countSql.includes('$1') ? [project.id] : [])) as [{ n: number }];
    expect(n).toBeGreaterThanOrEqual(2);
    const all = await c.call<{ id: string }[]>(who, 'GET', path.replace(':project', project.id));
    expect(all.body).toHaveLength(n);
    expect(nextOf(all)).toBeNull();
    const paged = await walk<{ id: string }>(who, `${path.replace(':project', project.id)}?limit=1`);
    expect(paged.items.map((i) => i.id)).toEqual(all.body.map((i) => i.id));
    expect(paged.pages).toBe(n);
  });

  it('users (issue 10 answers { items, total } and pages by limit and offset): one at a time, every item exactly once', async () => {
    const [{ n }] = (await api.sql<{ n: number }>('SELECT count(*)::int AS n FROM users')) as [{ n: number }];
    expect(n).toBeGreaterThanOrEqual(2);
    const all = expectStatus(200, await c.call<{ items: { id: string }[]; total: number }>('admin', 'GET', '/api/users?limit=200'));
    expect(all.items).toHaveLength(n);
    expect(all.total).toBe(n);
    const ids: string[] = [];
    for (let offset = 0; offset < n; offset++) {
      const page = expectStatus(
        200,
        await c.call<{ items: { id: string }[]; total: number }>('admin', 'GET', `/api/users?limit=1&offset=${offset}`),
      );
      expect(page.items).toHaveLength(1);
      expect(page.total).toBe(n);
      ids.push(...page.items.map((i) => i.id));
    }
    expect(ids).toEqual(all.items.map((i) => i.id));
    const beyond = expectStatus(200, await c.call<{ items: unknown[]; total: number }>('admin', 'GET', `/api/users?limit=1&offset=${n}`));
    expect(beyond.items).toHaveLength(0);
    expect((await c.call('admin', 'GET', '/api/users?limit=201')).status).toBe(400);
  });

  it('keeps the order of transitions: oldest first', async () => {
    const all = expectStatus(
      200,
      await c.call<TransitionResponse[]>('granStaff', 'GET', `/api/projects/${project.id}/transitions?limit=1`),
    );
    expect(all[0]?.toStage).toBe('test');
    expect(all[0]?.fromStage).toBe('learn');
  });
});
