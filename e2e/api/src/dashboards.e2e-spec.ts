import type { Overview, PartnershipDashboard, ProjectListResponse, ProjectResponse } from '@samspill/contracts';
import { DEMO_ACCOUNTS } from '@samspill/testing';
import { spawnApi, startTestApi, type TestApi } from './support/api-server';
import { login, request, type Session } from './support/http';

let api: TestApi;
const s: Record<string, Session> = {};
let pilotId: string;
let navId: string;
let granId: string;
let lunnerId: string;
/** A partnership of the test's own, with exact figures; the demo partnerships grow with the demo. */
let figuresId: string;

beforeAll(async () => {
  // The statement counts below compare the endpoints' own statements: the token check is made on every request
  // (a kept check would make the first request of a round count one more, depending on when it was kept).
  api = await startTestApi({ EXPOSE_QUERY_COUNT: 'true', SESSION_CACHE_SECONDS: '0' });
  for (const [key, email] of Object.entries({
    admin: DEMO_ACCOUNTS.admin,
    granLeader: DEMO_ACCOUNTS.granLeader,
    granStaff: DEMO_ACCOUNTS.granStaff,
    lunnerLeader: DEMO_ACCOUNTS.lunnerLeader,
    lunnerStaff: DEMO_ACCOUNTS.lunnerStaff,
    lunnerPolitician: DEMO_ACCOUNTS.lunnerPolitician,
    roskilde: DEMO_ACCOUNTS.roskildeStaff,
    vestreToten: DEMO_ACCOUNTS.vestreTotenStaff,
  })) {
    s[key] = await login(api.baseUrl, email);
  }
  pilotId = (await api.row<{ id: string }>(`SELECT id FROM partnerships WHERE name = 'PILOTen Hadeland'`)).id;
  navId = (await api.row<{ id: string }>(`SELECT id FROM partnerships WHERE name = 'Lean i NAV Drammen'`)).id;
  granId = (await api.row<{ id: string }>(`SELECT id FROM organizations WHERE name = 'Gran kommune'`)).id;
  lunnerId = (await api.row<{ id: string }>(`SELECT id FROM organizations WHERE name = 'Lunner kommune'`)).id;
  figuresId = await figuresFixture();
});

/**
 * Through the API, as people would: Gran and Lunner with three focus areas, six answers (two offers, two
 * of them met, three wishes) and one project moved from learn to test.
 */
async function figuresFixture(): Promise<string> {
  const partnership = await post<{ id: string }>('granLeader', '/api/partnerships', {
    name: 'Tallprøve Hadeland',
    description: '',
    memberIds: [lunnerId],
  });
  const id = partnership.body.id;
  const focus: Record<string, string> = {};
  for (const name of ['Politikerrollen', 'Helse og omsorg', 'Organisering og ledelse']) {
    focus[name] = (await post<{ id: string }>('granLeader', `/api/partnerships/${id}/focus-areas`, { name })).body.id;
  }
  const answers: [string, string, string, string | null][] = [
    ['granStaff', 'theyLearnFromUs', 'Digitalt tilsyn i hjemmetjenesten.', 'Helse og omsorg'],
    ['lunnerStaff', 'weLearnFromThem', 'Hvordan Gran innførte digitalt tilsyn.', 'Helse og omsorg'],
    ['lunnerLeader', 'theyLearnFromUs', 'Folkevalgtopplæringen vår.', 'Politikerrollen'],
    ['granLeader', 'weLearnFromThem', 'Hvordan Lunner forbereder nye representanter.', 'Politikerrollen'],
    ['granLeader', 'doTogether', 'Felles kompetanseprogram for ledere.', 'Organisering og ledelse'],
    ['lunnerStaff', 'weLearnFromThem', 'Heltidskultur i sykehjemmene.', null],
  ];
  for (const [who, question, text, area] of answers) {
    const toOrganizationId = who.startsWith('gran') ? lunnerId : granId;
    const result = await post(who, `/api/partnerships/${id}/answers`, {
      toOrganizationId,
      question,
      text,
      focusAreaId: area && focus[area],
    });
    if (result.status !== 201) throw new Error(`fixture answer: ${result.status} ${JSON.stringify(result.body)}`);
  }
  const project = await post<ProjectResponse>('granStaff', '/api/projects', {
    partnershipId: id,
    title: 'Digitalt tilsyn',
    description: '',
    focusAreaId: focus['Helse og omsorg'],
    participantIds: [granId, lunnerId],
  });
  await post('granLeader', `/api/projects/${project.body.id}/transitions`, { toStage: 'test', rationale: 'To soner' });
  return id;
}
afterAll(async () => {
  await api?.close();
});

const get = <T>(who: string, path: string) => request<T>(api.baseUrl, 'GET', path, { token: s[who]?.token });
const post = <T>(who: string, path: string, body: unknown) => request<T>(api.baseUrl, 'POST', path, { token: s[who]?.token, body });
const sum = (c: { learn: number; test: number; establish: number }) => c.learn + c.test + c.establish;

describe('GET /api/dashboard/partnerships/:id', () => {
  it('gives the figures of a partnership, agreeing with the project list', async () => {
    const project = await post<ProjectResponse>('granLeader', '/api/projects', {
      partnershipId: figuresId,
      title: 'Heltidskultur',
      description: 'Flere hele stillinger',
      participantIds: [granId],
    });
    await post('granLeader', `/api/projects/${project.body.id}/transitions`, { toStage: 'test', rationale: 'Klar for utprøving' });
    const stopped = await post<ProjectResponse>('granLeader', '/api/projects', {
      partnershipId: figuresId,
      title: 'Stoppet forsøk',
      description: '',
      participantIds: [granId],
    });
    await post('granLeader', `/api/projects/${stopped.body.id}/status`, { status: 'stopped', rationale: 'Ga ikke effekt' });

    const result = await get<PartnershipDashboard>('granLeader', `/api/dashboard/partnerships/${figuresId}`);
    expect(result.status).toBe(200);
    const d = result.body;
    expect(d.partnership).toEqual({ id: figuresId, name: 'Tallprøve Hadeland' });
    const active = await get<ProjectListResponse>('granLeader', `/api/projects?status=active&partnershipId=${figuresId}`);
    expect(sum(d.stageCounts)).toBe(active.body.total);
    expect(d.stageCounts).toEqual({ learn: 0, test: 2, establish: 0 });
    expect(d.statusCounts).toEqual({ active: 2, stopped: 1, completed: 0 });
    expect(d.byFocusArea.map((f) => f.focusArea?.name ?? null)).toEqual([
      'Politikerrollen',
      'Helse og omsorg',
      'Organisering og ledelse',
      null,
    ]);
    expect(d.byFocusArea.find((f) => f.focusArea === null)).toEqual({ focusArea: null, learn: 0, test: 1, establish: 0 });
    const gran = d.byOrganization.find((o) => o.organization.name === 'Gran kommune');
    expect(gran).toMatchObject({ projects: 2, answersGiven: 3, answersReceived: 3 });
    expect(gran?.byQuestion.doTogether).toEqual({ given: 1, received: 0 });
    expect(d.transitionsByMonth.reduce((n, m) => n + m.count, 0)).toBe(2);
    expect(d.transitionsByMonth.every((m) => /^\d{4}-\d{2}$/.test(m.month))).toBe(true);
    expect(d.medianDaysInStage.learn).toBeGreaterThanOrEqual(0);
    expect(d.matches).toEqual({ offers: 2, wishes: 3, met: 2 });
    expect(d.closedProjects).toEqual([
      expect.objectContaining({ title: 'Stoppet forsøk', status: 'stopped', rationale: 'Ga ikke effekt' }),
    ]);
  });

  it('shows indicator progress from baseline toward target', async () => {
    const { id: projectId } = await api.row<{ id: string }>(`SELECT id FROM projects WHERE title = 'Heltidskultur'`);
    const indicator = await post<{ id: string }>('granLeader', `/api/projects/${projectId}/indicators`, {
      name: 'Ventetid',
      unit: 'dager',
      baseline: 14,
      target: 7,
      direction: 'decrease',
    });
    await post('granLeader', `/api/indicators/${indicator.body.id}/measurements`, { value: 10.5, measuredOn: '2026-11-01' });
    const d = (await get<PartnershipDashboard>('granLeader', `/api/dashboard/partnerships/${figuresId}`)).body;
    expect(d.indicators).toEqual([{ id: indicator.body.id, projectId, name: 'Ventetid', progress: 0.5 }]);
  });

  it('is read by members, politicians included, and invisible to outsiders', async () => {
    expect((await get('lunnerPolitician', `/api/dashboard/partnerships/${pilotId}`)).status).toBe(200);
    const outsider = await get('roskilde', `/api/dashboard/partnerships/${pilotId}`);
    expect(outsider.status).toBe(404);
    expect(JSON.stringify(outsider.body)).not.toContain('PILOTen');
    expect((await get('granLeader', `/api/dashboard/partnerships/${navId}`)).status).toBe(404);
    expect((await get('vestreToten', `/api/dashboard/partnerships/${navId}`)).status).toBe(200);
  });
});

describe('cached figures', () => {
  it('follow a change made through another API process at once', async () => {
    const other = await spawnApi({ DATABASE_URL: api.databaseUrl });
    try {
      const before = (await get<PartnershipDashboard>('granLeader', `/api/dashboard/partnerships/${pilotId}`)).body;
      const beforeOverview = (await get<Overview>('granLeader', '/api/dashboard/overview')).body;
      const created = await request<ProjectResponse>(other.baseUrl, 'POST', '/api/projects', {
        token: s['granLeader']?.token,
        body: { partnershipId: pilotId, title: 'Via den andre prosessen', description: '', participantIds: [granId] },
      });
      expect(created.status).toBe(201);
      const after = (await get<PartnershipDashboard>('granLeader', `/api/dashboard/partnerships/${pilotId}`)).body;
      expect(after.stageCounts.learn).toBe(before.stageCounts.learn + 1);
      const afterOverview = (await get<Overview>('granLeader', '/api/dashboard/overview')).body;
      expect(afterOverview.stageCounts.learn).toBe(beforeOverview.stageCounts.learn + 1);
      await request(other.baseUrl, 'POST', `/api/projects/${created.body.id}/status`, {
        token: s['granLeader']?.token,
        body: { status: 'completed', rationale: 'Ferdig' },
      });
      const closed = (await get<PartnershipDashboard>('granLeader', `/api/dashboard/partnerships/${pilotId}`)).body;
      expect(closed.stageCounts.learn).toBe(before.stageCounts.learn);
      expect(closed.statusCounts.completed).toBe(before.statusCounts.completed + 1);
    } finally {
      await other.stop();
    }
  });
});

describe('GET /api/dashboard/overview', () => {
  it.each(['admin', 'granStaff', 'roskilde', 'vestreToten', 'lunnerPolitician'])(
    'counts for %s exactly the active projects they can list',
    async (who) => {
      const overview = (await get<Overview>(who, '/api/dashboard/overview')).body;
      const active = (await get<ProjectListResponse>(who, '/api/projects?status=active')).body;
      expect(sum(overview.stageCounts)).toBe(active.total);
      expect(overview.statusCounts.active).toBe(active.total);
      const names = overview.partnerships.map((p) => p.name);
      if (who === 'admin')
        expect(names).toEqual([
          'Gevinstnettverket',
          'Lean i NAV Drammen',
          'PILOTen Hadeland',
          'Roskildes lean-netværk',
          'Tallprøve Hadeland',
        ]);
      if (who === 'roskilde') {
        // Roskilde sees its own network (open to all), the benefits network (open to every signed-in person) and
        // nothing of the members-only partnerships.
        expect(names).toEqual(['Gevinstnettverket', 'Roskildes lean-netværk']);
        expect(overview.organizations.map((o) => o.name).sort()).toEqual(['Bærum kommune', 'Roskilde Kommune']);
        const { titles } = await api.row<{ titles: string[] }>(
          `SELECT array_agg(pr.title) AS titles FROM projects pr JOIN partnerships p ON p.id = pr.partnership_id WHERE p.name = 'Roskildes lean-netværk'`,
        );
        expect(overview.recentTransitions.length).toBeGreaterThan(0);
        for (const t of overview.recentTransitions) expect(titles).toContain(t.projectTitle);
      }
      if (who === 'vestreToten') expect(names).toEqual(['Gevinstnettverket', 'Lean i NAV Drammen', 'Roskildes lean-netværk']);
    },
  );

  it('lists the latest stage changes, newest first', async () => {
    const overview = (await get<Overview>('granLeader', '/api/dashboard/overview')).body;
    expect(overview.recentTransitions[0]).toMatchObject({ projectTitle: 'Heltidskultur', fromStage: 'learn', toStage: 'test' });
    const times = overview.recentTransitions.map((t) => Date.parse(t.decidedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(overview.recentTransitions.map((t) => t.projectTitle)).not.toContain('Tavlemøter i NAV-kontoret');
  });
});

describe('GET /api/projects.csv', () => {
  it('exports what the person may see, for Excel: BOM, semicolons, Norwegian letters', async () => {
    await post('granLeader', '/api/projects', {
      partnershipId: pilotId,
      title: '=HYPERLINK("x") æøå',
      description: '',
      participantIds: [granId],
    });
    const response = await fetch(`${api.baseUrl}/api/projects.csv?partnershipId=${pilotId}&lang=nb`, {
      headers: { authorization: `Bearer ${s['granLeader']?.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('"Tittel";"Samarbeid";"Satsingsområde";"Fase";"Status";"Deltakere";"Opprettet";"Sist endret"');
    const total = (await get<ProjectListResponse>('granLeader', `/api/projects?partnershipId=${pilotId}`)).body.total;
    expect(lines).toHaveLength(total + 1);
    expect(text).toContain(`"'=HYPERLINK(""x"") æøå";"PILOTen Hadeland"`);
    expect(text).not.toContain('Tavlemøter');
  });

  it('takes the same filters as the list, and leaves out what is not visible', async () => {
    const csv = async (who: string, query: string) =>
      (await (await fetch(`${api.baseUrl}/api/projects.csv${query}`, { headers: { authorization: `Bearer ${s[who]?.token}` } })).text())
        .trimEnd()
        .split('\r\n');
    expect(await csv('granLeader', `?status=stopped&partnershipId=${figuresId}`)).toHaveLength(2);
    const roskilde = await csv('roskilde', '');
    const visible = (await get<ProjectListResponse>('roskilde', '/api/projects')).body.total;
    expect(visible).toBeGreaterThan(0);
    expect(roskilde).toHaveLength(visible + 1);
    for (const row of roskilde.slice(1)) expect(row).toContain('"Roskildes lean-netværk"');
    expect((await fetch(`${api.baseUrl}/api/projects.csv`)).status).toBe(401);
    expect(
      (await fetch(`${api.baseUrl}/api/projects.csv?stage=later`, { headers: { authorization: `Bearer ${s['admin']?.token}` } })).status,
    ).toBe(400);
  });
});

describe('GET /api/dashboard/partnerships/:id/report.pdf', () => {
  it('is a PDF for members and a 404 for outsiders', async () => {
    const response = await fetch(`${api.baseUrl}/api/dashboard/partnerships/${pilotId}/report.pdf`, {
      headers: { authorization: `Bearer ${s['lunnerPolitician']?.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(1500);
    const outsider = await fetch(`${api.baseUrl}/api/dashboard/partnerships/${pilotId}/report.pdf`, {
      headers: { authorization: `Bearer ${s['roskilde']?.token}` },
    });
    expect(outsider.status).toBe(404);
  });
});

describe('no N+1', () => {
  it('sends the same number of SQL statements per request whatever the size of the data', async () => {
    const { id: projectId } = await api.row<{ id: string }>(`SELECT id FROM projects WHERE title = 'Heltidskultur'`);
    const paths = [
      '/api/partnerships',
      `/api/partnerships/${pilotId}`,
      `/api/partnerships/${pilotId}/questions`,
      `/api/projects?partnershipId=${pilotId}&limit=200`,
      '/api/projects?limit=200',
      `/api/projects/${projectId}`,
      `/api/projects/${projectId}/transitions`,
      `/api/projects/${projectId}/log`,
      `/api/projects/${projectId}/indicators`,
      `/api/dashboard/partnerships/${pilotId}`,
      '/api/dashboard/overview',
    ];
    const count = async () => {
      const counts: Record<string, number> = {};
      for (const path of paths) {
        const result = await get<unknown>('admin', path);
        // The path, the refusal's body and the API's last warnings say which request failed and why, should one ever do so.
        const warnings =
          result.status === 200
            ? null
            : api
                .output()
                .split('\n')
                .filter((line) => line.includes('"level":40'))
                .slice(-3);
        expect({ path, status: result.status, body: result.status === 200 ? null : result.body, warnings }).toEqual({
          path,
          status: 200,
          body: null,
          warnings: null,
        });
        counts[path] = Number(result.headers.get('x-sql-statements'));
      }
      return counts;
    };
    // Dashboards are recomputed when the data version moves; start cold.
    await api.sql(`UPDATE partnerships SET data_version = data_version + 1`);
    const small = await count();
    expect(Object.values(small).every((n) => n > 0 && n < 20)).toBe(true);
    // Unchanged data: the dashboards are served from the versioned cache, with fewer statements.
    const warm = await count();
    expect(warm[`/api/dashboard/partnerships/${pilotId}`]).toBeLessThan(small[`/api/dashboard/partnerships/${pilotId}`] ?? 0);
    expect(warm['/api/dashboard/overview']).toBeLessThan(small['/api/dashboard/overview'] ?? 0);

    // Grow everything the endpoints touch: projects, participants, transitions, log, answers, indicators.
    const { id: admin } = await api.row<{ id: string }>(`SELECT id FROM users WHERE email = 'admin@samspill.no'`);
    await api.sql(
      `WITH p AS (
         INSERT INTO projects (partnership_id, title, description, created_by, stage)
         SELECT $1, 'Bulk ' || g, '', $2, (ARRAY['learn','test','establish'])[1 + g % 3] FROM generate_series(1, 150) g RETURNING id
       ) INSERT INTO project_participants (project_id, organization_id)
         SELECT p.id, m.organization_id FROM p CROSS JOIN partnership_members m WHERE m.partnership_id = $1`,
      [pilotId, admin],
    );
    await api.sql(
      `INSERT INTO stage_transitions (project_id, kind, from_stage, to_stage, rationale, decided_by)
       SELECT pr.id, 'stage', 'learn', 'test', 'bulk', $2 FROM projects pr, generate_series(1, 3) WHERE pr.partnership_id = $1`,
      [pilotId, admin],
    );
    await api.sql(
      `INSERT INTO log_entries (project_id, kind, text, author_id, organization_id)
       SELECT $1, 'lesson', 'bulk ' || g, $2, $3 FROM generate_series(1, 300) g`,
      [projectId, admin, granId],
    );
    await api.sql(
      `INSERT INTO answers (partnership_id, from_organization_id, to_organization_id, question, text, author_id)
       SELECT $1, a.organization_id, b.organization_id, (ARRAY['theyLearnFromUs','weLearnFromThem','doTogether'])[1 + g % 3], 'bulk', $2
       FROM partnership_members a JOIN partnership_members b ON b.partnership_id = a.partnership_id AND b.organization_id <> a.organization_id,
            generate_series(1, 100) g
       WHERE a.partnership_id = $1`,
      [pilotId, admin],
    );
    await api.sql(
      `WITH i AS (INSERT INTO indicators (project_id, name, unit, baseline, target, direction, created_by)
                  SELECT $1, 'Bulk ' || g, 'x', 0, 10, 'increase', $2 FROM generate_series(1, 20) g RETURNING id)
       INSERT INTO measurements (indicator_id, value, measured_on, recorded_by)
       SELECT i.id, g, current_date - g, $2 FROM i, generate_series(1, 10) g`,
      [projectId, admin],
    );
    const large = await count();
    expect(large).toEqual(small);
    expect(await count()).toEqual(warm);
    const { n } = await api.row<{ n: number }>(`SELECT count(*)::int AS n FROM projects`);
    expect(n).toBeGreaterThan(150);
    process.stdout.write(`SQL statements per request (constant): ${JSON.stringify(large)}\n`);
  });
});
