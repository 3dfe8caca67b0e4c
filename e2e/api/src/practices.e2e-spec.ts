import type { Adoption, Lineage, Practice, PracticeListResponse, Spread } from '@samspill/contracts';
import { MIGRATIONS } from '@samspill/migrations';
import { DataSource } from 'typeorm';
import { createTestDatabase, dropTestDatabase, startTestApi, type TestApi } from './support/api-server';
import { Collaboration, expectStatus, type Who } from './support/collaboration-fixtures';

/*
 * Practices, adoptions, lineage and spread: Bærum publishes, NAV Drammen
 * builds on it, others take it up; every refusal leaves nothing stored.
 */
let api: TestApi;
let c: Collaboration;
let serial = 0;

beforeAll(async () => {
  api = await startTestApi();
  c = await Collaboration.load(api);
});
afterAll(async () => {
  await api?.close();
});

const publish = async (who: Who, body: Record<string, unknown> = {}): Promise<Practice> =>
  expectStatus(
    201,
    await c.call<Practice>(who, 'POST', '/api/practices', {
      title: `Praksis ${++serial}`,
      summary: 'En måte å jobbe på som andre kan ta i bruk.',
      description: 'Slik gjør vi det.',
      ...body,
    }),
  );
const adopt = (who: Who, practiceId: string, body: Record<string, unknown>) =>
  c.call<Adoption & { code?: string; message?: string }>(who, 'POST', `/api/practices/${practiceId}/adoptions`, body);
const counts = async () =>
  api.row<{ practices: number; adoptions: number; revisions: number }>(
    `SELECT (SELECT count(*) FROM practices)::int AS practices, (SELECT count(*) FROM adoptions)::int AS adoptions,
            (SELECT count(*) FROM practice_revisions)::int AS revisions`,
  );

describe('POST /api/practices', () => {
  it('publishes a practice for the author’s own organisation, readable by everyone signed in', async () => {
    const practice = await publish('baerumStaff', { title: 'Bærums veiledermodell', summary: 'Veiledere i hver enhet i et halvt år.' });
    expect(practice).toMatchObject({
      title: 'Bærums veiledermodell',
      organization: { id: c.org.baerum, name: 'Bærum kommune', country: 'NO' },
      adoptionCount: 0,
      version: 1,
      projectId: null,
      basedOn: [],
      adoptions: [],
    });
    expect(await api.sql(`SELECT organization_id, title FROM practices WHERE id = $1`, [practice.id])).toEqual([
      { organization_id: c.org.baerum, title: 'Bærums veiledermodell' },
    ]);
    for (const who of ['roskildeStaff', 'granPolitician', 'admin'] as const) {
      expect(expectStatus(200, await c.call<Practice>(who, 'GET', `/api/practices/${practice.id}`)).title).toBe('Bærums veiledermodell');
    }
  });

  it('refuses politicians, people writing for another organisation, and an admin who names none; nothing is stored', async () => {
    const before = await counts();
    const refusals: [Who, Record<string, unknown>, number, string][] = [
      ['granPolitician', {}, 403, 'FORBIDDEN'],
      ['granStaff', { organizationId: c.org.lunner }, 403, 'FORBIDDEN'],
      ['admin', {}, 400, 'ORGANIZATION_REQUIRED'],
      ['admin', { organizationId: '00000000-0000-4000-8000-000000000000' }, 400, 'UNKNOWN_ORGANIZATION'],
      ['granStaff', { title: ' ' }, 400, 'VALIDATION_FAILED'],
      ['granStaff', { summary: 'x'.repeat(501) }, 400, 'VALIDATION_FAILED'],
      ['granStaff', { projectId: (await c.project('lunnerStaff', { participantIds: [c.org.lunner] })).id }, 400, 'INVALID_PROJECT'],
    ];
    const afterFixture = await counts();
    for (const [who, body, status, code] of refusals) {
      const result = await c.call(who, 'POST', '/api/practices', { title: 'Avvist', summary: 'Avvist.', description: '', ...body });
      expect({ who, body, status: result.status, code: (result.body as { code: string }).code }).toEqual({ who, body, status, code });
    }
    expect(await counts()).toEqual(afterFixture);
    expect(afterFixture.practices).toBe(before.practices);
  });

  it('lets an admin publish for an organisation, and an owner name the project it was established in', async () => {
    const forLunner = await publish('admin', { organizationId: c.org.lunner });
    expect(forLunner.organization.id).toBe(c.org.lunner);
    const project = await c.project('granStaff');
    const established = await publish('granStaff', { projectId: project.id });
    expect(established.projectId).toBe(project.id);
    // Roskilde may read the practice but not learn of the members-only project.
    expect(expectStatus(200, await c.call<Practice>('roskildeStaff', 'GET', `/api/practices/${established.id}`)).projectId).toBeNull();
  });
});

describe('building on practices', () => {
  it('records NAV Drammen’s model built on Bærum’s and Vestre Toten’s, with what changed, and its lineage both ways', async () => {
    const baerum = await publish('baerumStaff', { title: 'Forankring i ledergruppen' });
    const toten = await publish('vestreTotenStaff', { title: 'Gevinstskjemaet' });
    const nav = await publish('navDrammenStaff', {
      title: 'NAV-modellen',
      basedOn: [
        { practiceId: baerum.id, kind: 'adapted', changes: 'Vi startet med ett team.' },
        { practiceId: toten.id, kind: 'copy' },
      ],
    });
    expect(nav.basedOn).toEqual([
      {
        practice: { id: baerum.id, title: 'Forankring i ledergruppen', organization: { id: c.org.baerum, name: 'Bærum kommune' } },
        kind: 'adapted',
        changes: 'Vi startet med ett team.',
      },
      {
        practice: { id: toten.id, title: 'Gevinstskjemaet', organization: { id: c.org.vestreToten, name: 'Vestre Toten kommune' } },
        kind: 'copy',
        changes: null,
      },
    ]);
    expect(
      await api.sql(`SELECT practice_id, organization_id, kind, changes FROM adoptions WHERE derived_practice_id = $1 ORDER BY kind`, [
        nav.id,
      ]),
    ).toEqual([
      { practice_id: baerum.id, organization_id: c.org.navDrammen, kind: 'adapted', changes: 'Vi startet med ett team.' },
      { practice_id: toten.id, organization_id: c.org.navDrammen, kind: 'copy', changes: null },
    ]);
    const origin = expectStatus(200, await c.call<Practice>('granLeader', 'GET', `/api/practices/${baerum.id}`));
    expect(origin.adoptionCount).toBe(1);
    expect(origin.adoptions).toEqual([
      expect.objectContaining({ practiceId: baerum.id, organization: { id: c.org.navDrammen, name: 'NAV Drammen' }, kind: 'adapted' }),
    ]);

    // Roskilde builds on NAV's: three generations.
    const roskilde = await publish('roskildeStaff', {
      title: 'Roskildes version',
      basedOn: [{ practiceId: nav.id, kind: 'adapted', changes: 'På dansk.' }],
    });

    const back = expectStatus(200, await c.call<Lineage>('granLeader', 'GET', `/api/practices/${nav.id}/lineage`));
    expect(back.nodes.map((n) => [n.title, n.depth])).toEqual([
      ['Forankring i ledergruppen', -1],
      ['Gevinstskjemaet', -1],
      ['NAV-modellen', 0],
      ['Roskildes version', 1],
    ]);
    expect(back.edges).toEqual(
      expect.arrayContaining([
        { from: baerum.id, to: nav.id, kind: 'adapted' },
        { from: toten.id, to: nav.id, kind: 'copy' },
        { from: nav.id, to: roskilde.id, kind: 'adapted' },
      ]),
    );
    expect(back.edges).toHaveLength(3);
    const forward = expectStatus(200, await c.call<Lineage>('granLeader', 'GET', `/api/practices/${baerum.id}/lineage`));
    expect(forward.nodes.map((n) => [n.title, n.depth])).toEqual([
      ['Forankring i ledergruppen', 0],
      ['NAV-modellen', 1],
      ['Roskildes version', 2],
    ]);
    expect(forward.nodes[1]?.organization).toEqual({ id: c.org.navDrammen, name: 'NAV Drammen' });
  });

  it('refuses building on a practice that does not exist, on its own, twice, or adapted without saying what changed; nothing stored', async () => {
    const own = await publish('navDrammenStaff', { title: 'NAVs egen' });
    const other = await publish('baerumStaff', { title: 'Bærums andre' });
    expectStatus(201, await adopt('navDrammenStaff', other.id, { kind: 'copy' }));
    const before = await counts();
    const cases: [Record<string, unknown>[], number, string][] = [
      [[{ practiceId: '00000000-0000-4000-8000-000000000000', kind: 'copy' }], 400, 'UNKNOWN_PRACTICE'],
      [[{ practiceId: own.id, kind: 'copy' }], 400, 'OWN_PRACTICE'],
      [[{ practiceId: other.id, kind: 'copy' }], 409, 'ALREADY_ADOPTED'],
      [[{ practiceId: own.id, kind: 'adapted' }], 400, 'VALIDATION_FAILED'],
      [
        [
          { practiceId: other.id, kind: 'copy' },
          { practiceId: other.id, kind: 'adapted', changes: 'x' },
        ],
        400,
        'VALIDATION_FAILED',
      ],
      [[{ practiceId: 'not-an-id', kind: 'borrowed' }], 400, 'VALIDATION_FAILED'],
    ];
    for (const [basedOn, status, code] of cases) {
      const result = await c.call('navDrammenStaff', 'POST', '/api/practices', {
        title: 'Avvist',
        summary: 'Avvist.',
        description: '',
        basedOn,
      });
      expect({ basedOn, status: result.status, code: (result.body as { code: string }).code }).toEqual({ basedOn, status, code });
    }
    expect(await counts()).toEqual(before);
  });

  it('follows a lineage to its depth cap and stops at a cycle the data should never hold', async () => {
    const chain = [await publish('granStaff', { title: 'Ledd 0' })];
    const writers: Who[] = ['granStaff', 'lunnerStaff'];
    for (let i = 1; i <= 12; i++) {
      const previous = chain[i - 1] as Practice;
      chain.push(await publish(writers[i % 2] as Who, { title: `Ledd ${i}`, basedOn: [{ practiceId: previous.id, kind: 'copy' }] }));
    }
    const lineage = expectStatus(200, await c.call<Lineage>('granStaff', 'GET', `/api/practices/${chain[0]?.id}/lineage`));
    expect(Math.max(...lineage.nodes.map((n) => n.depth))).toBe(10);
    expect(lineage.nodes).toHaveLength(11);

    // A loop written past the rules: the walk must still end.
    await api.sql(
      `INSERT INTO adoptions (practice_id, organization_id, kind, derived_practice_id, recorded_by)
       SELECT $1, organization_id, 'copy', $2, created_by FROM practices WHERE id = $2`,
      [chain[2]?.id, chain[0]?.id],
    );
    const looped = expectStatus(200, await c.call<Lineage>('granStaff', 'GET', `/api/practices/${chain[1]?.id}/lineage`));
    expect(new Set(looped.nodes.map((n) => n.id)).size).toBe(looped.nodes.length);
    expect(looped.nodes.find((n) => n.id === chain[0]?.id)?.depth).toBe(-1);
  });

  it('answers 404 for a practice that does not exist, on every route', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const [method, path, body] of [
      ['GET', `/api/practices/${missing}`, undefined],
      ['GET', `/api/practices/${missing}/lineage`, undefined],
      ['PATCH', `/api/practices/${missing}`, { title: 'x', version: 1 }],
      ['POST', `/api/practices/${missing}/adoptions`, { kind: 'copy' }],
    ] as const) {
      const result = await c.call('granStaff', method, path, body);
      expect({ path, status: result.status, body: result.body }).toEqual({
        path,
        status: 404,
        body: { statusCode: 404, code: 'NOT_FOUND', message: 'No such practice.' },
      });
    }
  });
});

describe('POST /api/practices/:id/adoptions', () => {
  it('records a copy, and an adaptation with what changed and the project where it is tested', async () => {
    const practice = await publish('lunnerLeader', { title: 'Forbedringstavler' });
    const copy = expectStatus(201, await adopt('roskildeStaff', practice.id, { kind: 'copy' }));
    expect(copy).toMatchObject({
      practiceId: practice.id,
      organization: { id: c.org.roskilde, name: 'Roskilde Kommune' },
      kind: 'copy',
      changes: null,
      project: null,
    });
    const project = await c.project('granStaff', { title: 'Tavler i Gran' });
    const adapted = expectStatus(
      201,
      await adopt('granStaff', practice.id, { kind: 'adapted', changes: '  Tavlemøtet er hver morgen.  ', projectId: project.id }),
    );
    expect(adapted).toMatchObject({
      kind: 'adapted',
      changes: 'Tavlemøtet er hver morgen.',
      project: { id: project.id, title: 'Tavler i Gran', stage: 'learn', status: 'active' },
    });
    expect(await api.sql(`SELECT organization_id, kind, changes, project_id FROM adoptions WHERE id = $1`, [adapted.id])).toEqual([
      { organization_id: c.org.gran, kind: 'adapted', changes: 'Tavlemøtet er hver morgen.', project_id: project.id },
    ]);
    // An outsider to PILOTen sees the adoption but not the members-only project.
    const seen = expectStatus(200, await c.call<Practice>('roskildeStaff', 'GET', `/api/practices/${practice.id}`));
    expect(seen.adoptionCount).toBe(2);
    expect(seen.adoptions.find((a) => a.id === adapted.id)?.project).toBeNull();
    expect(expectStatus(200, await c.call<Practice>('lunnerStaff', 'GET', `/api/practices/${practice.id}`)).adoptions[1]?.project?.id).toBe(
      project.id,
    );
  });

  it('refuses the owner, a second adoption, adapted without changes, a project the adopter is not in, politicians; nothing stored', async () => {
    const practice = await publish('lunnerStaff', { title: 'Lunners rutine' });
    expectStatus(201, await adopt('granStaff', practice.id, { kind: 'copy' }));
    const notTheirs = await c.project('lunnerStaff', { participantIds: [c.org.lunner] });
    const before = await counts();
    const cases: [Who, Record<string, unknown>, number, string, string?][] = [
      ['lunnerStaff', { kind: 'copy' }, 400, 'OWN_PRACTICE'],
      ['granLeader', { kind: 'adapted', changes: 'Igjen.' }, 409, 'ALREADY_ADOPTED'],
      [
        'roskildeStaff',
        { kind: 'adapted' },
        400,
        'VALIDATION_FAILED',
        'changes must say what was changed and why when the practice is adapted',
      ],
      ['roskildeStaff', { kind: 'adapted', changes: '   ' }, 400, 'VALIDATION_FAILED'],
      ['roskildeStaff', { kind: 'forked' }, 400, 'VALIDATION_FAILED', 'kind must be one of: copy, adapted'],
      ['baerumStaff', { kind: 'copy', projectId: notTheirs.id }, 400, 'INVALID_PROJECT'],
      ['granPolitician', { kind: 'copy' }, 403, 'FORBIDDEN'],
      ['roskildeStaff', { kind: 'copy', organizationId: c.org.baerum }, 403, 'FORBIDDEN'],
      ['admin', { kind: 'copy' }, 400, 'ORGANIZATION_REQUIRED'],
    ];
    for (const [who, body, status, code, message] of cases) {
      const result = await adopt(who, practice.id, body);
      expect({ who, body, status: result.status, code: result.body.code }).toEqual({ who, body, status, code });
      if (message) expect(result.body.message).toBe(message);
    }
    expect(await counts()).toEqual(before);
  });

  it('lets only one of two simultaneous adoptions by the same organisation through', async () => {
    const practice = await publish('baerumStaff', { title: 'Samtidig' });
    const results = await Promise.all([
      adopt('roskildeStaff', practice.id, { kind: 'copy' }),
      adopt('roskildeStaff', practice.id, { kind: 'copy' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await api.sql(`SELECT count(*)::int AS n FROM adoptions WHERE practice_id = $1`, [practice.id])).toEqual([{ n: 1 }]);
  });
});

describe('PATCH /api/practices/:id', () => {
  it('edits on the version read, keeps the earlier wording, and refuses a stale version with 409', async () => {
    const practice = await publish('vestreTotenStaff', { title: 'Første tittel' });
    const edited = expectStatus(
      200,
      await c.call<Practice>('vestreTotenStaff', 'PATCH', `/api/practices/${practice.id}`, { title: 'Andre tittel', version: 1 }),
    );
    expect(edited).toMatchObject({ title: 'Andre tittel', version: 2, summary: practice.summary });
    expect(await api.sql(`SELECT version, title FROM practice_revisions WHERE practice_id = $1`, [practice.id])).toEqual([
      { version: 1, title: 'Første tittel' },
    ]);
    const stale = await c.call('vestreTotenStaff', 'PATCH', `/api/practices/${practice.id}`, { title: 'Tredje', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'STALE_VERSION' });
    expect(await api.sql(`SELECT title, version FROM practices WHERE id = $1`, [practice.id])).toEqual([
      { title: 'Andre tittel', version: 2 },
    ]);
    // The search follows the edit.
    const found = expectStatus(
      200,
      await c.call<PracticeListResponse>('granStaff', 'GET', `/api/practices?q=${encodeURIComponent('andre tittel')}`),
    );
    expect(found.items.map((p) => p.id)).toContain(practice.id);
  });

  it('is refused to other organisations and politicians, changing nothing', async () => {
    const practice = await publish('vestreTotenStaff');
    for (const who of ['granStaff', 'granPolitician', 'roskildeStaff'] as const) {
      const result = await c.call(who, 'PATCH', `/api/practices/${practice.id}`, { title: 'Kapret', version: 1 });
      expect({ who, status: result.status }).toEqual({ who, status: 403 });
    }
    expect(await api.sql(`SELECT title, version FROM practices WHERE id = $1`, [practice.id])).toEqual([
      { title: practice.title, version: 1 },
    ]);
  });
});

describe('GET /api/practices', () => {
  it('searches title, summary and description in any Nordic form of a word, best first, with the total', async () => {
    await publish('roskildeStaff', { title: 'Borgerpaneler', summary: 'Borgerpanelerne mødes fire gange om året.' });
    await publish('granStaff', {
      title: 'Innbyggerpanel',
      summary: 'Et panel av innbyggere.',
      description: 'Med borgerpaneler som forbilde.',
    });
    const found = expectStatus(200, await c.call<PracticeListResponse>('lunnerStaff', 'GET', '/api/practices?q=borgerpanel'));
    expect(found.items.map((p) => p.title)).toEqual(['Borgerpaneler', 'Innbyggerpanel']);
    expect(found.total).toBe(2);
    const danish = found.items[0];
    expect(danish?.organization).toEqual({ id: c.org.roskilde, name: 'Roskilde Kommune', country: 'DK' });
  });

  it('lists newest first, filtered by organisation, paged', async () => {
    const all = expectStatus(200, await c.call<PracticeListResponse>('granStaff', 'GET', '/api/practices?limit=100'));
    const { n } = await api.row<{ n: number }>(`SELECT count(*)::int AS n FROM practices`);
    expect(all.total).toBe(n);
    const times = all.items.map((p) => p.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    const lunner = expectStatus(
      200,
      await c.call<PracticeListResponse>('granStaff', 'GET', `/api/practices?organizationId=${c.org.lunner}&limit=1`),
    );
    const { n: lunnerCount } = await api.row<{ n: number }>(`SELECT count(*)::int AS n FROM practices WHERE organization_id = $1`, [
      c.org.lunner,
    ]);
    expect(lunner.total).toBe(lunnerCount);
    expect(lunner.items).toHaveLength(1);
    expect(lunner.items[0]?.organization.id).toBe(c.org.lunner);
    const past = expectStatus(200, await c.call<PracticeListResponse>('granStaff', 'GET', '/api/practices?offset=100000'));
    expect(past).toEqual({ items: [], total: n });
  });

  it('shows the demo practices with their adoptions', async () => {
    const lunner = expectStatus(
      200,
      await c.call<PracticeListResponse>('granStaff', 'GET', `/api/practices?q=${encodeURIComponent('Lean i Lunner')}`),
    );
    const practice = lunner.items.find((p) => p.title === 'Lean i Lunner');
    expect(practice?.adoptionCount).toBe(3);
    const full = expectStatus(200, await c.call<Practice>('granStaff', 'GET', `/api/practices/${practice?.id}`));
    expect(full.adoptions.map((a) => a.organization.name)).toEqual(['Gran kommune', 'Vestre Toten kommune', 'Roskilde Kommune']);
  });
});

describe('GET /api/dashboard/spread', () => {
  it('counts practices, adoptions, organisations and countries reached, who gave and who took, and the most adopted', async () => {
    const before = expectStatus(200, await c.call<Spread>('granPolitician', 'GET', '/api/dashboard/spread'));
    const practice = await publish('granStaff', { title: 'Spredt praksis' });
    expectStatus(201, await adopt('roskildeStaff', practice.id, { kind: 'copy' }));
    expectStatus(201, await adopt('lunnerStaff', practice.id, { kind: 'copy' }));
    expectStatus(201, await adopt('baerumStaff', practice.id, { kind: 'copy' }));
    expectStatus(201, await adopt('vestreTotenStaff', practice.id, { kind: 'copy' }));
    const after = expectStatus(200, await c.call<Spread>('granPolitician', 'GET', '/api/dashboard/spread'));
    expect(after.practices - before.practices).toBe(1);
    expect(after.adoptions - before.adoptions).toBe(4);
    const expected = await api.row<{ practices: number; adoptions: number; organizations: number; countries: number }>(
      `SELECT (SELECT count(*) FROM practices)::int AS practices, (SELECT count(*) FROM adoptions)::int AS adoptions,
              (SELECT count(DISTINCT organization_id) FROM adoptions)::int AS organizations,
              (SELECT count(DISTINCT o.country) FROM adoptions a JOIN organizations o ON o.id = a.organization_id)::int AS countries`,
    );
    expect(after).toMatchObject({
      practices: expected.practices,
      adoptions: expected.adoptions,
      organizationsReached: expected.organizations,
      countriesReached: expected.countries,
    });
    const gran = (s: Spread) => s.byOrganization.find((o) => o.organization.id === c.org.gran);
    expect((gran(after)?.practicesShared ?? 0) - (gran(before)?.practicesShared ?? 0)).toBe(1);
    expect((gran(after)?.adoptionsGiven ?? 0) - (gran(before)?.adoptionsGiven ?? 0)).toBe(4);
    expect(after.topPractices[0]).toEqual({
      id: practice.id,
      title: 'Spredt praksis',
      organization: { id: c.org.gran, name: 'Gran kommune' },
      adoptions: 4,
    });
    const counts = after.topPractices.map((p) => p.adoptions);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // Everyone sees the same figures: practices are published to all.
    expect(expectStatus(200, await c.call<Spread>('roskildeStaff', 'GET', '/api/dashboard/spread'))).toEqual(after);
  });
});

describe('Learning1796092637296', () => {
  it('goes down, dropping the practices and the search columns, and up again with every vector rebuilt', async () => {
    const databaseUrl = await createTestDatabase();
    const db = new DataSource({ type: 'postgres', url: databaseUrl, migrations: MIGRATIONS, migrationsTableName: 'migrations' });
    await db.initialize();
    try {
      const later = MIGRATIONS.length - MIGRATIONS.findIndex((m) => m.name === 'Learning1796092637296');
      const lessonsBefore = await db.query<{ id: string }[]>(
        `SELECT id FROM log_entries WHERE search_vector @@ samspill_search_query('tavlemøte') ORDER BY id`,
      );
      expect(lessonsBefore.length).toBeGreaterThan(0);
      for (let i = 0; i < later; i++) await db.undoLastMigration({ transaction: 'each' });
      const tables = await db.query<{ table_name: string }[]>(
        `SELECT table_name FROM information_schema.tables WHERE table_name IN ('practices', 'adoptions', 'practice_revisions')`,
      );
      expect(tables).toEqual([]);
      const columns = await db.query(`SELECT table_name FROM information_schema.columns WHERE column_name = 'search_vector'`);
      expect(columns).toEqual([]);
      await db.runMigrations({ transaction: 'each' });
      expect(await db.query(`SELECT id FROM log_entries WHERE search_vector @@ samspill_search_query('tavlemøte') ORDER BY id`)).toEqual(
        lessonsBefore,
      );
      const missing = await db.query(`SELECT count(*)::int AS n FROM projects WHERE search_vector IS NULL`);
      expect(missing).toEqual([{ n: 0 }]);
    } finally {
      await db.destroy();
      await dropTestDatabase(databaseUrl);
    }
  });
});
