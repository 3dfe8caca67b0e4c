import type {
  ErrorResponse,
  LogEntryResponse,
  OrganizationResponse,
  PartnershipDashboard,
  PartnershipResponse,
  ProjectListResponse,
  ProjectResponse,
  QuestionsResponse,
} from '@samspill/contracts';
import { randomUUID } from 'node:crypto';
import { startTestApi, type TestApi } from './support/api-server';
import { Collaboration, expectStatus } from './support/collaboration-fixtures';

/*
 * Organisations: admins correct them and record mergers (kommunereform); an
 * organisation that merged keeps its name in its history and joins nothing
 * new. Observers: Statsforvalteren i Innlandet and Høgskolen i Innlandet
 * follow PILOTen Hadeland in the demo data, reading everything, writing nothing.
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

async function newMunicipality(name = `Kommune ${randomUUID().slice(0, 8)}`, code?: string): Promise<OrganizationResponse> {
  return expectStatus(
    201,
    await c.call<OrganizationResponse>('admin', 'POST', '/api/organizations', {
      name,
      kind: 'municipality',
      country: 'NO',
      ...(code ? { code } : {}),
    }),
  );
}
/** A partnership of the organisation and Gran, and a project of theirs in it with both taking part (made by an admin). */
async function sharedWithGran(
  org: OrganizationResponse,
  partnershipName: string,
  title: string,
): Promise<{ partnership: PartnershipResponse; project: ProjectResponse }> {
  const memberIds = [org.id, c.org.gran];
  const partnership = expectStatus(
    201,
    await c.call<PartnershipResponse>('admin', 'POST', '/api/partnerships', { name: partnershipName, description: '', memberIds }),
  );
  const project = expectStatus(
    201,
    await c.call<ProjectResponse>('admin', 'POST', '/api/projects', {
      partnershipId: partnership.id,
      title,
      description: '',
      participantIds: memberIds,
    }),
  );
  return { partnership, project };
}

const stored = (id: string) =>
  api.row<{
    name: string;
    kind: string;
    code: string | null;
    country: string;
    active: boolean;
    successor_id: string | null;
    version: number;
  }>(`SELECT name, kind, code, country, active, successor_id, version FROM organizations WHERE id = $1`, [id]);

describe('PATCH /api/organizations/:id', () => {
  it('lets an admin correct name, official number, kind and country', async () => {
    const org = await newMunicipality();
    const result = await c.call<OrganizationResponse>('admin', 'PATCH', `/api/organizations/${org.id}`, {
      name: 'Hole kommune',
      code: '3310',
      kind: 'municipality',
      country: 'NO',
    });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      id: org.id,
      name: 'Hole kommune',
      kind: 'municipality',
      code: '3310',
      country: 'NO',
      active: true,
      successor: null,
      version: 2,
    });
    expect(await stored(org.id)).toMatchObject({ name: 'Hole kommune', code: '3310', version: 2 });
    const cleared = expectStatus(
      200,
      await c.call<OrganizationResponse>('admin', 'PATCH', `/api/organizations/${org.id}`, { code: null, kind: 'other' }),
    );
    expect(cleared).toMatchObject({ code: null, kind: 'other', name: 'Hole kommune', version: 3 });
  });

  it('refuses a stale version (409) and a name or number another organisation has (409), changing nothing', async () => {
    const org = await newMunicipality();
    const stale = await c.call<ErrorResponse>('admin', 'PATCH', `/api/organizations/${org.id}`, { name: 'Nytt navn', version: 7 });
    expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 409, code: 'STALE_VERSION' });
    const taken = await c.call<ErrorResponse>('admin', 'PATCH', `/api/organizations/${org.id}`, { name: 'gran KOMMUNE' });
    expect({ status: taken.status, code: taken.body.code }).toEqual({ status: 409, code: 'CONFLICT' });
    const number = await c.call<ErrorResponse>('admin', 'PATCH', `/api/organizations/${org.id}`, { code: '3446' });
    expect(number.body.message).toContain('official number');
    expect(await stored(org.id)).toMatchObject({ name: org.name, code: null, version: 1 });
  });

  it('refuses bad values and unknown fields (400), and answers 404 for an organisation that does not exist', async () => {
    const org = await newMunicipality();
    for (const body of [{ code: '12ab' }, { kind: 'kingdom' }, { country: 'SV' }, { name: '' }, { active: false }]) {
      expect((await c.call('admin', 'PATCH', `/api/organizations/${org.id}`, body)).status).toBe(400);
    }
    const missing = await c.call<ErrorResponse>('admin', 'PATCH', `/api/organizations/${randomUUID()}`, { name: 'X' });
    expect(missing.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'No such organization.' });
  });

  it('names a renamed organisation by its new name in the projects it takes part in, in name order', async () => {
    const org = await newMunicipality('Østre Skog kommune');
    const { partnership, project } = await sharedWithGran(org, 'Skogsamarbeidet', 'Felles skogforvaltning');
    expect(project.participants.map((p) => p.name)).toEqual(['Gran kommune', 'Østre Skog kommune']);

    expectStatus(200, await c.call('admin', 'PATCH', `/api/organizations/${org.id}`, { name: 'Aasen kommune' }));

    const renamed = [
      { id: org.id, name: 'Aasen kommune' },
      { id: c.org.gran, name: 'Gran kommune' },
    ];
    const page = expectStatus(200, await c.call<ProjectResponse>('admin', 'GET', `/api/projects/${project.id}`));
    expect(page.participants).toEqual(renamed);
    const list = expectStatus(200, await c.call<ProjectListResponse>('admin', 'GET', `/api/projects?partnershipId=${partnership.id}`));
    expect(list.items.map((p) => p.participants)).toEqual([renamed]);
  });

  it('is for admins only', async () => {
    for (const who of ['granLeader', 'granStaff', 'granPolitician'] as const) {
      const result = await c.call(who, 'PATCH', `/api/organizations/${c.org.gran}`, { name: 'Gran' });
      expect(result.status).toBe(403);
    }
    expect(await stored(c.org.gran)).toMatchObject({ name: 'Gran kommune' });
  });
});

describe('POST /api/organizations/:id/successor (a merger)', () => {
  it('makes the organisation inactive and part of its successor; its history keeps its own name', async () => {
    const old = await newMunicipality('Gamle Hurum kommune');
    const successor = await newMunicipality('Asker kommune (ny)');
    // History under the old name: a partnership and a project with a log entry written by the old organisation.
    const { partnership, project } = await sharedWithGran(old, 'Hurum-samarbeidet', 'Felles barnevern');
    await api.sql(
      `INSERT INTO log_entries (project_id, kind, text, author_id, organization_id) SELECT $1, 'lesson', 'Fra før sammenslåingen.', id, $2 FROM users WHERE role = 'admin' LIMIT 1`,
      [project.id, old.id],
    );

    const merged = await c.call<OrganizationResponse>('admin', 'POST', `/api/organizations/${old.id}/successor`, {
      successorId: successor.id,
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toEqual({
      ...old,
      active: false,
      successor: { id: successor.id, name: 'Asker kommune (ny)' },
      version: 2,
    });
    expect(await stored(old.id)).toMatchObject({ name: 'Gamle Hurum kommune', active: false, successor_id: successor.id });

    const list = await c.call<OrganizationResponse[]>('granStaff', 'GET', '/api/organizations');
    expect(list.body.find((o) => o.id === old.id)).toMatchObject({ active: false, successor: { id: successor.id } });
    // Its history reads as it was.
    const page = await c.call<PartnershipResponse>('admin', 'GET', `/api/partnerships/${partnership.id}`);
    expect(page.body.members.map((m) => m.name)).toContain('Gamle Hurum kommune');
    const log = await c.call<LogEntryResponse[]>('admin', 'GET', `/api/projects/${project.id}/log`);
    expect(log.body[0]?.organization.name).toBe('Gamle Hurum kommune');
    expect((await c.call<ProjectResponse>('admin', 'GET', `/api/projects/${project.id}`)).body.participants.map((p) => p.name)).toContain(
      'Gamle Hurum kommune',
    );

    // It joins nothing new: no partnership, no project, no observer seat; edits that leave it where it is still work.
    const inactive = { code: 'INACTIVE_ORGANIZATION', message: expect.stringContaining('is now part of Asker kommune (ny)') };
    const refusals = [
      await c.call('admin', 'POST', '/api/partnerships', { name: 'Nytt', description: '', memberIds: [old.id, c.org.lunner] }),
      await c.call('admin', 'PATCH', `/api/partnerships/${c.pilot.id}`, { observerIds: [old.id] }),
      await c.call('admin', 'PATCH', `/api/partnerships/${c.lean.id}`, { memberIds: [...c.lean.members.map((m) => m.id), old.id] }),
      await c.call('admin', 'POST', '/api/projects', {
        partnershipId: partnership.id,
        title: 'Nytt',
        description: '',
        participantIds: [old.id],
      }),
    ];
    for (const refusal of refusals) expect({ status: refusal.status, body: refusal.body }).toMatchObject({ status: 400, body: inactive });
    expectStatus(200, await c.call('admin', 'PATCH', `/api/partnerships/${partnership.id}`, { description: 'Nå en del av Asker.' }));
    expectStatus(
      200,
      await c.call('admin', 'PATCH', `/api/projects/${project.id}`, { title: 'Felles barnevern (avsluttet)', version: project.version }),
    );
  });

  it('refuses a merger into itself, into an inactive organisation, of one that already merged, or into nothing: nothing changes', async () => {
    const [a, b, d] = [await newMunicipality(), await newMunicipality(), await newMunicipality()];
    const merge = (id: string, successorId: string) =>
      c.call<ErrorResponse>('admin', 'POST', `/api/organizations/${id}/successor`, { successorId });
    expectStatus(200, await merge(b.id, d.id));
    const cases: [string, string, number, string, string | undefined][] = [
      [a.id, a.id, 400, 'INVALID_SUCCESSOR', 'SAME_ORGANIZATION'],
      [a.id, b.id, 400, 'INACTIVE_ORGANIZATION', undefined],
      [b.id, a.id, 400, 'INVALID_SUCCESSOR', 'ALREADY_MERGED'],
      [a.id, randomUUID(), 400, 'INVALID_SUCCESSOR', 'UNKNOWN_SUCCESSOR'],
    ];
    for (const [id, successorId, status, code, reason] of cases) {
      const result = await merge(id, successorId);
      expect({ status: result.status, code: result.body.code, reason: result.body.reason }).toEqual({ status, code, reason });
      expect(result.body.message.length).toBeGreaterThan(10);
    }
    expect(await stored(a.id)).toMatchObject({ active: true, successor_id: null, version: 1 });
    expect(await stored(b.id)).toMatchObject({ active: false, successor_id: d.id });
    expect((await merge(randomUUID(), a.id)).status).toBe(404);
    expect((await c.call('granLeader', 'POST', `/api/organizations/${a.id}/successor`, { successorId: d.id })).status).toBe(403);
    expect(await stored(a.id)).toMatchObject({ active: true });
  });
});

describe('observers', () => {
  it('are Statsforvalteren i Innlandet and Høgskolen i Innlandet in PILOTen Hadeland, shown as such', async () => {
    const pilot = await c.call<PartnershipResponse>('granStaff', 'GET', `/api/partnerships/${c.pilot.id}`);
    expect(pilot.body.observers).toEqual([
      { id: expect.any(String), name: 'Høgskolen i Innlandet', kind: 'academia' },
      { id: expect.any(String), name: 'Statsforvalteren i Innlandet', kind: 'county' },
    ]);
    expect(pilot.body.members.map((m) => m.name)).toEqual(['Gran kommune', 'Lunner kommune']);
  });

  it('read everything in a members partnership', async () => {
    for (const who of ['statsforvalterenStaff', 'hogskolenStaff'] as const) {
      const list = await c.call<PartnershipResponse[]>(who, 'GET', '/api/partnerships');
      expect(list.body.map((p) => p.name)).toContain('PILOTen Hadeland');
      expect(list.body.map((p) => p.name)).not.toContain('Lean i NAV Drammen');
      expect((await c.call(who, 'GET', `/api/partnerships/${c.pilot.id}`)).status).toBe(200);
      const questions = await c.call<QuestionsResponse>(who, 'GET', `/api/partnerships/${c.pilot.id}/questions`);
      expect(questions.status).toBe(200);
      expect(questions.body.pairs.length).toBeGreaterThan(0);
      const projects = await c.call<ProjectListResponse>(who, 'GET', `/api/projects?partnershipId=${c.pilot.id}`);
      expect(projects.body.total).toBe(
        (await api.row<{ n: number }>(`SELECT count(*)::int AS n FROM projects WHERE partnership_id = $1`, [c.pilot.id])).n,
      );
      const project = projects.body.items[0] as ProjectResponse;
      for (const path of [
        `/api/projects/${project.id}`,
        `/api/projects/${project.id}/log`,
        `/api/projects/${project.id}/transitions`,
        `/api/projects/${project.id}/indicators`,
      ]) {
        expect({ path, status: (await c.call(who, 'GET', path)).status }).toEqual({ path, status: 200 });
      }
      const dashboard = await c.call<PartnershipDashboard>(who, 'GET', `/api/dashboard/partnerships/${c.pilot.id}`);
      expect(dashboard.status).toBe(200);
    }
  });

  it('write nothing: 403 for every write, and nothing changes', async () => {
    const project = await c.project('granStaff');
    const before = await api.sql(
      `SELECT (SELECT count(*) FROM answers) AS a, (SELECT count(*) FROM projects) AS p, (SELECT count(*) FROM log_entries) AS l, (SELECT description FROM partnerships WHERE id = $1) AS d`,
      [c.pilot.id],
    );
    const writes = [
      () =>
        c.call('statsforvalterenStaff', 'POST', `/api/partnerships/${c.pilot.id}/answers`, {
          toOrganizationId: c.org.gran,
          question: 'weLearnFromThem',
          text: 'Vi vil lære.',
        }),
      () =>
        c.call('statsforvalterenStaff', 'POST', '/api/projects', {
          partnershipId: c.pilot.id,
          title: 'Tilsyn',
          description: '',
          participantIds: [c.org.gran],
        }),
      () => c.call('hogskolenStaff', 'POST', `/api/projects/${project.id}/log`, { kind: 'observation', text: 'Forskningsnotat.' }),
      () => c.call('hogskolenStaff', 'PATCH', `/api/projects/${project.id}`, { title: 'Forsket på', version: project.version }),
      () => c.call('hogskolenStaff', 'PATCH', `/api/partnerships/${c.pilot.id}`, { description: 'Endret av høgskolen.' }),
      () => c.call('hogskolenStaff', 'POST', `/api/partnerships/${c.pilot.id}/focus-areas`, { name: 'Forskning' }),
    ];
    for (const write of writes) {
      const result = await write();
      expect({ status: result.status, code: (result.body as ErrorResponse).code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    }
    expect(
      await api.sql(
        `SELECT (SELECT count(*) FROM answers) AS a, (SELECT count(*) FROM projects) AS p, (SELECT count(*) FROM log_entries) AS l, (SELECT description FROM partnerships WHERE id = $1) AS d`,
        [c.pilot.id],
      ),
    ).toEqual(before);
  });

  it('are set with observerIds by the partnership’s managers, never as members too', async () => {
    const created = expectStatus(
      201,
      await c.call<PartnershipResponse>('granLeader', 'POST', '/api/partnerships', {
        name: 'Hadeland og forskerne',
        description: '',
        memberIds: [c.org.lunner],
        observerIds: [c.org.hogskolen],
      }),
    );
    expect(created.observers.map((o) => o.name)).toEqual(['Høgskolen i Innlandet']);
    // Observer becomes member, in one edit.
    const swapped = expectStatus(
      200,
      await c.call<PartnershipResponse>('granLeader', 'PATCH', `/api/partnerships/${created.id}`, {
        memberIds: [c.org.gran, c.org.lunner, c.org.hogskolen],
        observerIds: [],
      }),
    );
    expect(swapped.observers).toEqual([]);
    expect(swapped.members.map((m) => m.name)).toContain('Høgskolen i Innlandet');
    const both = await c.call<ErrorResponse>('granLeader', 'PATCH', `/api/partnerships/${created.id}`, { observerIds: [c.org.lunner] });
    expect(both.body).toMatchObject({ statusCode: 400, code: 'INVALID_OBSERVERS', reason: 'ALSO_A_MEMBER' });
    // The database holds the rule too.
    await expect(
      api.sql(`INSERT INTO partnership_observers (partnership_id, organization_id) VALUES ($1, $2)`, [created.id, c.org.lunner]),
    ).rejects.toThrow(/either a member or an observer/);
    expect((await c.call('lunnerStaff', 'PATCH', `/api/partnerships/${created.id}`, { observerIds: [c.org.roskilde] })).status).toBe(403);
  });
});
