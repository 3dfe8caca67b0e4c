import type { Lesson, LessonListResponse, SimilarResponse } from '@samspill/contracts';
import { startTestApi, type TestApi } from './support/api-server';
import { Collaboration, expectStatus, type Who } from './support/collaboration-fixtures';

/*
 * The lessons library and "who has done this before?", on the demo data and
 * on lessons written here: every figure is checked against the rows stored.
 */
let api: TestApi;
let c: Collaboration;

beforeAll(async () => {
  api = await startTestApi();
  c = await Collaboration.load(api);
});
afterAll(async () => {
  await api?.close();
});

const lessons = async (who: Who, query: Record<string, string | number> = {}): Promise<LessonListResponse> => {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  return expectStatus(200, await c.call<LessonListResponse>(who, 'GET', `/api/lessons?${search}`));
};
const plain = (lesson: Lesson) => lesson.snippet.map((s) => s.text).join('');
const matched = (lesson: Lesson) => lesson.snippet.filter((s) => s.match).map((s) => s.text.toLowerCase());

/** A project of the test's own in PILOTen Hadeland with a lesson, so figures do not move with the demo. */
async function projectWithLesson(title: string, lesson: string, who: Who = 'granStaff', kind = 'lesson'): Promise<string> {
  const project = await c.project(who, { title, description: 'Et prosjekt for søketestene.' });
  expectStatus(201, await c.call(who, 'POST', `/api/projects/${project.id}/log`, { kind, text: lesson }));
  return project.id;
}

describe('GET /api/lessons: searching', () => {
  it('finds a Norwegian lesson by another form of the word, and marks the match in plain-text segments', async () => {
    const found = await lessons('granStaff', { q: 'tavlemøte' });
    const lesson = found.items.find((l) => l.text.startsWith('Tavlemøtene fungerer best'));
    expect(lesson).toMatchObject({ source: 'log', kind: 'lesson', organization: { name: 'Gran kommune', country: 'NO' } });
    expect(matched(lesson as Lesson)).toEqual(['tavlemøtene']);
    expect(plain(lesson as Lesson)).toBe(lesson?.text);
    expect(JSON.stringify(found)).not.toMatch(/<b>|<\/b>|\uE000|\uE001/);
  });

  it('stems a Danish lesson in Danish: "tavlemøde" finds "Tavlemøderne", and the Norwegian form does too through the stems', async () => {
    const danish = await lessons('roskildeStaff', { q: 'tavlemøde' });
    const lesson = danish.items.find((l) => l.text.startsWith('Tavlemøderne virker'));
    expect(lesson).toMatchObject({
      organization: { name: 'Roskilde Kommune', country: 'DK' },
      partnership: { name: 'Roskildes lean-netværk' },
    });
    expect(matched(lesson as Lesson)).toEqual(['tavlemøderne']);
    const stored = await api.row<{ v: string }>(`SELECT search_vector::text AS v FROM log_entries WHERE id = $1`, [lesson?.id]);
    expect(stored.v).toContain(`'tavlemød'`);
    // "forbedringer" (Norwegian) and "forbedringerne" (Danish) meet in the stem "forbedring".
    expect((await lessons('roskildeStaff', { q: 'forbedringer' })).items.map((l) => l.id)).toContain(lesson?.id);
  });

  it('ranks a lesson that says more about the words above one that says less', async () => {
    const word = 'kvernsteinsprinsippet';
    await projectWithLesson('Rangering A', `Vi prøvde ${word} én gang.`);
    await projectWithLesson('Rangering B', `${word}: ${word} virker, og ${word} er lett å lære bort.`);
    const found = await lessons('granStaff', { q: word });
    expect(found.items.map((l) => l.project.title)).toEqual(['Rangering B', 'Rangering A']);
    expect(found.total).toBe(2);
  });

  it('lists the newest first without search words', async () => {
    const found = await lessons('granStaff', { limit: 100 });
    const times = found.items.map((l) => l.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(found.items[0]?.snippet).toEqual([{ text: found.items[0]?.text, match: false }]);
  });

  it('answers 200 or 400 with a sentence to any search text, never 500', async () => {
    const hostile = [
      '"',
      '""',
      "'",
      '&|!():*',
      '!!!',
      '(((',
      'a & | b',
      '-',
      '-lean',
      'or',
      'lean or',
      "'; DROP TABLE log_entries; --",
      "x' OR 1=1 --",
      '\\',
      '<script>alert(1)</script>',
      '😀🙈',
      '…',
      '    ',
      'a'.repeat(500),
      'ord '.repeat(120),
      '%',
      '_',
      '*:*',
      'lean:*',
      'lean <-> tavle',
      'æøå ÆØÅ',
    ];
    for (const q of hostile) {
      const result = await c.call<LessonListResponse & { message?: string }>('granStaff', 'GET', `/api/lessons?q=${encodeURIComponent(q)}`);
      expect({ q, status: result.status === 200 || result.status === 400 }).toEqual({ q, status: true });
      if (result.status === 200) {
        expect(Array.isArray(result.body.items)).toBe(true);
        expect(typeof result.body.total).toBe('number');
      } else {
        expect(result.body.message).toMatch(/\w+ \w+/);
      }
    }
    const long = await c.call<{ code: string; message: string }>('granStaff', 'GET', `/api/lessons?q=${'x'.repeat(10_000)}`);
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ code: 'VALIDATION_FAILED', message: 'q must be at most 500 characters' });
    expect(await api.sql(`SELECT 1 FROM log_entries LIMIT 1`)).toHaveLength(1);
  });

  it('finds nothing in punctuation alone', async () => {
    expect(await lessons('granStaff', { q: '.,;!?' })).toEqual({ items: [], total: 0 });
  });

  it('refuses filters it does not understand, naming them', async () => {
    for (const [query, message] of [
      ['limit=101', 'limit must be at most 100'],
      ['limit=0', 'limit must be at least 1'],
      ['offset=-1', 'offset must be 0 or more'],
      ['country=DE', 'country must be one of: NO, DK, SE, FI, IS'],
      ['projectStatus=paused', 'projectStatus must be one of: active, stopped, completed'],
      ['from=2026-02-30', 'from must be a date like 2026-11-26'],
      ['to=2026', 'to must be a date like 2026-11-26'],
      ['organizationId=gran', 'organizationId must be an id'],
      ['sort=rank', 'sort: this field is not allowed'],
    ] as const) {
      const result = await c.call('granStaff', 'GET', `/api/lessons?${query}`);
      expect({ query, status: result.status, body: result.body }).toEqual({
        query,
        status: 400,
        body: { statusCode: 400, code: 'VALIDATION_FAILED', message },
      });
    }
  });
});

describe('GET /api/lessons: what a person may see', () => {
  /** Lessons (log lessons and results, stopped and completed rationales) in the partnerships the organisation may see, counted in SQL. */
  const visibleCount = (organizationId: string | null) =>
    api.row<{ n: number }>(
      `WITH l AS (
         SELECT e.project_id FROM log_entries e WHERE e.kind IN ('lesson', 'result')
         UNION ALL SELECT t.project_id FROM stage_transitions t WHERE t.kind = 'status' AND t.to_status IN ('stopped', 'completed'))
       SELECT count(*)::int AS n FROM l JOIN projects pr ON pr.id = l.project_id JOIN partnerships p ON p.id = pr.partnership_id
       WHERE $1::uuid IS NULL OR p.visibility IN ('platform', 'public')
          OR p.id IN (SELECT partnership_id FROM partnership_members WHERE organization_id = $1)`,
      [organizationId],
    );

  it('counts only what each person may see', async () => {
    for (const [who, organizationId] of [
      ['admin', null],
      ['granStaff', c.org.gran],
      ['roskildeStaff', c.org.roskilde],
      ['navDrammenStaff', c.org.navDrammen],
    ] as const) {
      const { n } = await visibleCount(organizationId);
      const found = await lessons(who, { limit: 100 });
      expect({ who, total: found.total }).toEqual({ who, total: n });
      expect(found.items.length).toBe(Math.min(n, 100));
    }
  });

  it('never shows an outsider a lesson of a members-only partnership, nor counts it', async () => {
    const own = await lessons('granStaff', { q: 'samtykke' });
    expect(own.items.map((l) => l.partnership.name)).toContain('PILOTen Hadeland');
    const outsider = await lessons('roskildeStaff', { q: 'samtykke' });
    expect(outsider).toEqual({ items: [], total: 0 });
    const all = await lessons('roskildeStaff', { limit: 100 });
    expect(all.items.map((l) => l.partnership.name)).not.toContain('PILOTen Hadeland');
  });
});

describe('GET /api/lessons: filters', () => {
  it('finds what was tried and stopped, with the rationale as the lesson', async () => {
    const stopped = await lessons('granStaff', { projectStatus: 'stopped', limit: 100 });
    expect(stopped.items.length).toBeGreaterThan(0);
    expect(stopped.items.every((l) => l.project.status === 'stopped')).toBe(true);
    const closing = stopped.items.find((l) => l.source === 'closing');
    expect(closing).toMatchObject({ kind: 'stopped', project: { title: 'Felles hverdagsrehabilitering' } });
    expect(closing?.text).toMatch(/^Stoppet: reiseavstandene/);
    const { n } = await api.row<{ n: number }>(
      `SELECT ((SELECT count(*) FROM log_entries e JOIN projects pr ON pr.id = e.project_id
                WHERE e.kind IN ('lesson', 'result') AND pr.status = 'stopped' AND pr.partnership_id = $1)
             + (SELECT count(*) FROM stage_transitions t JOIN projects pr ON pr.id = t.project_id
                WHERE t.kind = 'status' AND t.to_status IN ('stopped', 'completed') AND pr.status = 'stopped' AND pr.partnership_id = $1))::int AS n`,
      [c.pilot.id],
    );
    expect(stopped.total).toBe(n);
  });

  it('filters by country, organisation, focus-area name and period', async () => {
    const danish = await lessons('granStaff', { country: 'DK', limit: 100 });
    expect(danish.total).toBeGreaterThan(0);
    expect(danish.items.every((l) => l.organization?.country === 'DK')).toBe(true);

    const lunner = await lessons('granStaff', { organizationId: c.org.lunner, limit: 100 });
    expect(lunner.total).toBeGreaterThan(0);
    expect(lunner.items.every((l) => l.organization?.id === c.org.lunner)).toBe(true);

    const health = await lessons('granStaff', { focusArea: 'helse OG omsorg', limit: 100 });
    const healthIds = await api.sql<{ id: string }>(
      `SELECT pr.id FROM projects pr JOIN focus_areas f ON f.id = pr.focus_area_id WHERE f.name = 'Helse og omsorg'`,
    );
    expect(health.total).toBeGreaterThan(0);
    expect(health.items.every((l) => healthIds.some((p) => p.id === l.project.id))).toBe(true);

    const period = await lessons('granStaff', { from: '2025-12-01', to: '2025-12-31', limit: 100 });
    expect(period.total).toBeGreaterThan(0);
    expect(period.items.every((l) => l.createdAt >= '2025-12-01' && l.createdAt < '2026-01-01')).toBe(true);
    expect((await lessons('granStaff', { from: '2026-01-01', to: '2025-01-01' })).total).toBe(0);
  });

  it('pages with limit and offset, keeping the total, and answers an empty page past the end with the total', async () => {
    const first = await lessons('granStaff', { limit: 2 });
    const second = await lessons('granStaff', { limit: 2, offset: 2 });
    expect(first.items).toHaveLength(2);
    expect(second.total).toBe(first.total);
    expect(second.items.map((l) => l.id)).not.toContain(first.items[0]?.id);
    expect(await lessons('granStaff', { offset: 10_000 })).toEqual({ items: [], total: first.total });
  });

  it('uses the partial GIN index for a search once the log is large (EXPLAIN)', async () => {
    const { id: projectId } = await c.project('granStaff', { title: 'Mange loggføringer' });
    const author = await c.userId('granStaff');
    await api.sql(
      `INSERT INTO log_entries (project_id, kind, text, author_id, organization_id)
       SELECT $1, (ARRAY['observation', 'lesson', 'result', 'experiment'])[1 + g % 4], 'Loggføring nummer ' || g || ' om rutiner', $2, $3
       FROM generate_series(1, 20000) g`,
      [projectId, author, c.org.gran],
    );
    // VACUUM moves the new entries from the GIN pending list into the index, as autovacuum would.
    await api.sql(`VACUUM ANALYZE log_entries`);
    const plan = await api.sql<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT id FROM log_entries WHERE kind IN ('lesson', 'result') AND search_vector @@ samspill_search_query('tavlemøte')`,
    );
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('log_entries_lesson_search_idx');
    const found = await lessons('granStaff', { q: 'tavlemøte' });
    expect(found.items.map((l) => l.text)).toContain(
      'Tavlemøtene fungerer best når de er korte, starter presist og ender med hvem som gjør hva.',
    );
  });
});

describe('a lesson kept current', () => {
  it('is found by its new words after an edit, and no longer by the old ones', async () => {
    await projectWithLesson('Redigert lærdom', 'Morgenmøtet ble for langt.');
    const [entry] = (await lessons('granStaff', { q: 'morgenmøtet' })).items;
    expect(entry?.project.title).toBe('Redigert lærdom');
    expectStatus(200, await c.call('granStaff', 'PATCH', `/api/log-entries/${entry?.id}`, { text: 'Ettermiddagsmøtet fungerte bedre.' }));
    expect((await lessons('granStaff', { q: 'morgenmøtet' })).total).toBe(0);
    expect((await lessons('granStaff', { q: 'ettermiddagsmøtet' })).items.map((l) => l.id)).toEqual([entry?.id]);
  });

  it('leaves observations out of the library, and takes an entry in when it becomes a lesson', async () => {
    const project = await c.project('granStaff', { title: 'Observasjon blir lærdom' });
    const entry = expectStatus<{ id: string }>(
      201,
      await c.call('granStaff', 'POST', `/api/projects/${project.id}/log`, { kind: 'observation', text: 'Skiftoverlappingen sparer tid.' }),
    );
    expect((await lessons('granStaff', { q: 'skiftoverlappingen' })).total).toBe(0);
    expectStatus(200, await c.call('granStaff', 'PATCH', `/api/log-entries/${entry.id}`, { kind: 'lesson' }));
    expect((await lessons('granStaff', { q: 'skiftoverlappingen' })).items.map((l) => l.id)).toEqual([entry.id]);
  });

  it('takes in the rationale when a project is completed, as the decider’s organisation’s lesson', async () => {
    const project = await c.project('lunnerStaff', { title: 'Fullført med lærdom' });
    expectStatus(200, await c.setStatus('lunnerStaff', project.id, 'completed', 'Fullført: gjenbruksbodene er nå fast drift.'));
    const [found] = (await lessons('granStaff', { q: 'gjenbruksboder' })).items;
    expect(found).toMatchObject({
      source: 'closing',
      kind: 'completed',
      organization: { id: c.org.lunner, name: 'Lunner kommune', country: 'NO' },
      project: { id: project.id, status: 'completed' },
    });
  });
});

describe('GET /api/projects/:id/similar and /api/similar', () => {
  it('shows similar projects, practices and lessons elsewhere, never the project itself, best first', async () => {
    const mine = await c.project('granStaff', {
      title: 'Tavlemøter i hjemmetjenesten',
      description: 'Korte tavlemøter hver morgen for å fange opp avvik og forbedringer.',
    });
    const other = await c.project('lunnerStaff', {
      title: 'Tavlemøter på sykehjemmet',
      description: 'Et kort tavlemøte ved vaktskiftet, der avvik blir fanget opp.',
      participantIds: [c.org.lunner],
    });
    const similar = expectStatus(200, await c.call<SimilarResponse>('granStaff', 'GET', `/api/projects/${mine.id}/similar`));
    expect(similar.projects.map((p) => p.id)).not.toContain(mine.id);
    expect(similar.projects[0]).toEqual({
      id: other.id,
      title: 'Tavlemøter på sykehjemmet',
      stage: 'learn',
      status: 'active',
      partnership: { id: c.pilot.id, name: 'PILOTen Hadeland' },
      participants: [{ id: c.org.lunner, name: 'Lunner kommune' }],
      score: expect.any(Number),
    });
    expect(similar.practices.map((p) => p.title)).toContain('Lean i Lunner');
    expect(similar.lessons.map((l) => l.text)).toContain(
      'Tavlemøtene fungerer best når de er korte, starter presist og ender med hvem som gjør hva.',
    );
    for (const list of [similar.projects, similar.practices]) {
      expect(list.length).toBeLessThanOrEqual(5);
      const scores = list.map((x) => x.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(scores.every((s) => s > 0 && s <= 1)).toBe(true);
    }
    expect(similar.lessons.length).toBeLessThanOrEqual(5);
    expect(similar.lessons.every((l) => l.project.id !== mine.id)).toBe(true);
  });

  it('shows an outsider nothing of a members-only partnership, and a hidden project answers 404', async () => {
    const mine = await c.project('granStaff', { title: 'Tavlemøter for sykehjemmet', description: 'Tavlemøter og forbedringstavler.' });
    const outsider = expectStatus(
      200,
      await c.call<SimilarResponse>('roskildeStaff', 'GET', `/api/similar?text=${encodeURIComponent('Tavlemøter og forbedringstavler')}`),
    );
    expect(JSON.stringify(outsider)).not.toContain('PILOTen Hadeland');
    expect(outsider.projects.map((p) => p.partnership.name).every((n) => n !== 'PILOTen Hadeland')).toBe(true);
    const hidden = await c.call('roskildeStaff', 'GET', `/api/projects/${mine.id}/similar`);
    const missing = await c.call('roskildeStaff', 'GET', `/api/projects/00000000-0000-4000-8000-000000000000/similar`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
  });

  it('takes any text: words give work, punctuation gives none, no text is a 400 with a sentence', async () => {
    const found = expectStatus(
      200,
      await c.call<SimilarResponse>('granStaff', 'GET', `/api/similar?text=${encodeURIComponent('gevinster i årsverk')}`),
    );
    expect(found.practices.map((p) => p.title)).toContain('Vestre Totens Lean-program');
    expect(expectStatus(200, await c.call('granStaff', 'GET', `/api/similar?text=${encodeURIComponent('!!! ... ???')}`))).toEqual({
      projects: [],
      practices: [],
      lessons: [],
    });
    const none = await c.call('granStaff', 'GET', '/api/similar');
    expect(none.body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'text must hold the words to compare: a title, a description or both',
    });
    const long = await c.call('granStaff', 'GET', `/api/similar?text=${'ord%20'.repeat(2_500)}`);
    expect([200, 400]).toContain(long.status);
  });
});
