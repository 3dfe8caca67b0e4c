import type {
  BenefitResponse,
  ErrorResponse,
  FollowUpResponse,
  IndicatorChart,
  IndicatorResponse,
  MeasurementResponse,
  Overview,
  PartnershipDashboard,
  PartnershipResponse,
  ProjectResponse,
} from '@samspill/contracts';
import { addMonths, today } from '@samspill/domain';
import { startTestApi, type TestApi } from './support/api-server';
import { Collaboration, expectStatus, type Table, type Who } from './support/collaboration-fixtures';

/*
 * Issue 11: indicators per organisation, run charts, benefits identified and
 * realised, and holding the gains. Exact figures come from a partnership of
 * the test's own (Gran and Lunner), so the demo data cannot move them.
 */

let api: TestApi;
let c: Collaboration;
let own: PartnershipResponse;

beforeAll(async () => {
  api = await startTestApi();
  c = await Collaboration.load(api);
  own = expectStatus(
    201,
    await c.call<PartnershipResponse>('granLeader', 'POST', '/api/partnerships', {
      name: 'Måleprøve Hadeland',
      description: '',
      memberIds: [c.org.lunner],
    }),
  );
});
afterAll(async () => {
  await api?.close();
});

const waiting = { name: 'Ventetid', unit: 'dager', baseline: 14, target: 7, direction: 'decrease' };

async function project(title: string, participantIds = [c.org.gran, c.org.lunner]): Promise<ProjectResponse> {
  return c.project('granStaff', { partnershipId: own.id, title, participantIds });
}
async function indicator(projectId: string, body: object = waiting, who: Who = 'granStaff'): Promise<IndicatorResponse> {
  return expectStatus(201, await c.call<IndicatorResponse>(who, 'POST', `/api/projects/${projectId}/indicators`, body));
}
async function measure(who: Who, indicatorId: string, value: number, measuredOn: string, extra: object = {}): Promise<MeasurementResponse> {
  return expectStatus(
    201,
    await c.call<MeasurementResponse>(who, 'POST', `/api/indicators/${indicatorId}/measurements`, { value, measuredOn, ...extra }),
  );
}
const indicatorsOf = async (projectId: string) =>
  expectStatus(200, await c.call<IndicatorResponse[]>('granStaff', 'GET', `/api/projects/${projectId}/indicators`));
const dashboard = async () =>
  expectStatus(200, await c.call<PartnershipDashboard>('granLeader', 'GET', `/api/dashboard/partnerships/${own.id}`));

/** Counts rows of the tables a refused request must leave alone. */
async function counts(...tables: Table[]): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await c.count(t)] as const)));
}

/** The month day `n` months after January 2025 (the 28th: every month has one). */
const month = (n: number) => addMonths('2025-01-28', n);

describe('indicators per organisation', () => {
  it('measures each organisation against its own baseline and target, from its own latest measurement', async () => {
    const p = await project('Egne mål');
    const created = await indicator(p.id, { ...waiting, targets: [{ organizationId: c.org.lunner, baseline: 20, target: 10 }] });
    expect(await api.sql(`SELECT organization_id, baseline, target FROM indicator_targets WHERE indicator_id = $1`, [created.id])).toEqual([
      { organization_id: c.org.lunner, baseline: 20, target: 10 },
    ]);
    // Gran measured last, and lower: Lunner's progress must not come from Gran's number.
    await measure('lunnerStaff', created.id, 15, '2026-02-01');
    await measure('granStaff', created.id, 13, '2026-01-01');
    await measure('granStaff', created.id, 10.5, '2026-03-01');
    const [listed] = await indicatorsOf(p.id);
    expect(listed?.byOrganization).toEqual([
      {
        organization: { id: c.org.gran, name: 'Gran kommune' },
        baseline: 14,
        target: 7,
        latest: { value: 10.5, measuredOn: '2026-03-01' },
        progress: 0.5,
      },
      {
        organization: { id: c.org.lunner, name: 'Lunner kommune' },
        baseline: 20,
        target: 10,
        latest: { value: 15, measuredOn: '2026-02-01' },
        progress: 0.5,
      },
    ]);
    const d = await dashboard();
    expect(d.indicatorsByOrganization.filter((x) => x.indicatorId === created.id)).toEqual([
      { indicatorId: created.id, organization: { id: c.org.gran, name: 'Gran kommune' }, progress: 0.5 },
      { indicatorId: created.id, organization: { id: c.org.lunner, name: 'Lunner kommune' }, progress: 0.5 },
    ]);
  });

  it('has no progress for an organisation that has not measured yet', async () => {
    const p = await project('Bare Gran måler');
    const created = await indicator(p.id);
    await measure('granStaff', created.id, 7, '2026-02-01');
    const [listed] = await indicatorsOf(p.id);
    expect(listed?.byOrganization.map((o) => [o.organization.name, o.progress, o.latest])).toEqual([
      ['Gran kommune', 1, { value: 7, measuredOn: '2026-02-01' }],
      ['Lunner kommune', null, null],
    ]);
  });

  it('refuses own figures for an organisation outside the project, twice for one, or against the direction, and stores nothing', async () => {
    const p = await project('Feil mål', [c.org.gran]);
    const before = await counts('indicators', 'indicator_targets');
    const cases: [object, string, string?][] = [
      [{ targets: [{ organizationId: c.org.lunner, baseline: 20, target: 10 }] }, 'INVALID_PARTICIPANTS', 'NOT_A_PARTICIPANT'],
      [
        {
          targets: [
            { organizationId: c.org.gran, baseline: 20, target: 10 },
            { organizationId: c.org.gran, baseline: 21, target: 10 },
          ],
        },
        'VALIDATION_FAILED',
      ],
      [{ targets: [{ organizationId: c.org.gran, baseline: 10, target: 20 }] }, 'VALIDATION_FAILED'],
      [{ targets: [{ organizationId: c.org.gran, baseline: 10, target: 10 }] }, 'VALIDATION_FAILED'],
      [{ targets: [{ organizationId: c.org.gran, baseline: 20 }] }, 'VALIDATION_FAILED'],
      [{ targets: [{ organizationId: 'gran', baseline: 20, target: 10 }] }, 'VALIDATION_FAILED'],
    ];
    for (const [extra, code, reason] of cases) {
      const refused = await c.call<ErrorResponse>('granStaff', 'POST', `/api/projects/${p.id}/indicators`, { ...waiting, ...extra });
      expect({ extra, status: refused.status, code: refused.body.code, reason: refused.body.reason }).toEqual({
        extra,
        status: 400,
        code,
        reason,
      });
    }
    expect(await counts('indicators', 'indicator_targets')).toEqual(before);
  });
});

describe('measurements: notes, corrections and removals', () => {
  let ind: IndicatorResponse;
  beforeAll(async () => {
    ind = await indicator((await project('Rettinger')).id);
  });

  it('keeps a note with a measurement', async () => {
    const m = await measure('granStaff', ind.id, 12, '2026-01-28', { note: '  To søknader var registrert dobbelt.  ' });
    expect(m).toMatchObject({ value: 12, note: 'To søknader var registrert dobbelt.', version: 1 });
    expect(await api.sql(`SELECT note FROM measurements WHERE id = $1`, [m.id])).toEqual([{ note: 'To søknader var registrert dobbelt.' }]);
  });

  it('is corrected by its own organisation, and what it was is kept', async () => {
    const m = await measure('granStaff', ind.id, 12, '2026-02-28');
    const corrected = await c.call<MeasurementResponse>('granLeader', 'PATCH', `/api/measurements/${m.id}`, {
      value: 11,
      note: 'Telt på nytt.',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toEqual({ ...m, value: 11, note: 'Telt på nytt.', version: 2 });
    expect(await api.sql(`SELECT value, note, version FROM measurements WHERE id = $1`, [m.id])).toEqual([
      { value: 11, note: 'Telt på nytt.', version: 2 },
    ]);
    const history = await api.sql(
      `SELECT change, value, to_char(measured_on, 'YYYY-MM-DD') AS measured_on, note, version, changed_by
       FROM measurement_revisions WHERE measurement_id = $1`,
      [m.id],
    );
    expect(history).toEqual([
      { change: 'update', value: 12, measured_on: '2026-02-28', note: null, version: 1, changed_by: await c.userId('granLeader') },
    ]);
    // A date and a removed note.
    const moved = expectStatus(
      200,
      await c.call<MeasurementResponse>('granStaff', 'PATCH', `/api/measurements/${m.id}`, { measuredOn: '2026-02-27', note: null }),
    );
    expect(moved).toMatchObject({ value: 11, measuredOn: '2026-02-27', note: null, version: 3 });
    // The history is appended to, never rewritten.
    await expect(api.sql(`UPDATE measurement_revisions SET value = 0 WHERE measurement_id = $1`, [m.id])).rejects.toThrow(/append-only/);
  });

  it('refuses a stale correction (409) when the version is sent', async () => {
    const m = await measure('granStaff', ind.id, 10, '2026-03-28');
    expectStatus(200, await c.call('granStaff', 'PATCH', `/api/measurements/${m.id}`, { value: 9, version: 1 }));
    const stale = await c.call<ErrorResponse>('granStaff', 'PATCH', `/api/measurements/${m.id}`, { value: 8, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    expect(await api.sql(`SELECT value FROM measurements WHERE id = $1`, [m.id])).toEqual([{ value: 9 }]);
  });

  it('is removed by its own organisation (204) and lives on in the history', async () => {
    const m = await measure('lunnerStaff', ind.id, 13, '2026-04-28', { note: 'Feil avdeling' });
    const removed = await c.call('lunnerStaff', 'DELETE', `/api/measurements/${m.id}`);
    expect(removed.status).toBe(204);
    expect(await c.count('measurements', 'id = $1', [m.id])).toBe(0);
    expect(
      await api.sql(`SELECT change, value, note, organization_id FROM measurement_revisions WHERE measurement_id = $1`, [m.id]),
    ).toEqual([{ change: 'delete', value: 13, note: 'Feil avdeling', organization_id: c.org.lunner }]);
    expect((await c.call<ErrorResponse>('lunnerStaff', 'DELETE', `/api/measurements/${m.id}`)).status).toBe(404);
  });

  it("refuses another organisation's measurement (403), and hides it from outsiders (404), changing nothing", async () => {
    const m = await measure('granStaff', ind.id, 12, '2026-05-28');
    const before = await counts('measurements', 'measurement_revisions');
    for (const who of ['lunnerStaff', 'lunnerLeader', 'granPolitician'] as const) {
      const patched = await c.call<ErrorResponse>(who, 'PATCH', `/api/measurements/${m.id}`, { value: 1 });
      expect({ who, status: patched.status, code: patched.body.code }).toEqual({ who, status: 403, code: 'FORBIDDEN' });
      const deleted = await c.call<ErrorResponse>(who, 'DELETE', `/api/measurements/${m.id}`);
      expect({ who, status: deleted.status }).toEqual({ who, status: 403 });
    }
    const outsider = await c.call<ErrorResponse>('roskildeStaff', 'PATCH', `/api/measurements/${m.id}`, { value: 1 });
    expect(outsider.status).toBe(404);
    expect(outsider.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'No such measurement.' });
    expect(await counts('measurements', 'measurement_revisions')).toEqual(before);
    expect(await api.sql(`SELECT value FROM measurements WHERE id = $1`, [m.id])).toEqual([{ value: 12 }]);
  });

  it('refuses bad input with a clear code and stores nothing', async () => {
    const outsideProject = await indicator((await project('Bare Gran', [c.org.gran])).id);
    const before = await counts('measurements');
    const future = addMonths(today(), 1);
    const cases: [Who, string, object, string, string?][] = [
      [
        'admin',
        outsideProject.id,
        { value: 1, measuredOn: '2026-01-01', organizationId: c.org.lunner },
        'INVALID_PARTICIPANTS',
        'NOT_A_PARTICIPANT',
      ],
      ['granStaff', ind.id, { value: 1, measuredOn: future }, 'VALIDATION_FAILED'],
      ['granStaff', ind.id, { value: 1, measuredOn: '1989-12-31' }, 'VALIDATION_FAILED'],
      ['granStaff', ind.id, { value: 1, measuredOn: '2026-02-30' }, 'VALIDATION_FAILED'],
      ['granStaff', ind.id, { value: 'NaN', measuredOn: '2026-01-01' }, 'VALIDATION_FAILED'],
      ['granStaff', ind.id, { value: null, measuredOn: '2026-01-01' }, 'VALIDATION_FAILED'],
      ['granStaff', ind.id, { value: 1, measuredOn: '2026-01-01', note: 'x'.repeat(2001) }, 'VALIDATION_FAILED'],
    ];
    for (const [who, indicatorId, body, code, reason] of cases) {
      const refused = await c.call<ErrorResponse>(who, 'POST', `/api/indicators/${indicatorId}/measurements`, body);
      expect({ body, status: refused.status, code: refused.body.code, reason: refused.body.reason }).toEqual({
        body,
        status: 400,
        code,
        reason,
      });
    }
    // JSON has no Infinity, but 1e999 parses as one.
    const { token } = await c.session('granStaff');
    const infinite = await fetch(`${api.baseUrl}/api/indicators/${ind.id}/measurements`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"value": 1e999, "measuredOn": "2026-01-01"}',
    });
    expect(infinite.status).toBe(400);
    expect(await infinite.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: 'value must be a number' });
    // A correction is held to the same rules.
    const m = await measure('granStaff', ind.id, 5, '2026-06-28');
    for (const body of [{ measuredOn: future }, { measuredOn: '1989-01-01' }, { value: null }, { value: 'x' }]) {
      const refused = await c.call<ErrorResponse>('granStaff', 'PATCH', `/api/measurements/${m.id}`, body);
      expect({ body, status: refused.status, code: refused.body.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
    }
    expect(await counts('measurements')).toEqual({ measurements: (before['measurements'] ?? 0) + 1 });
    expect(await api.sql(`SELECT value, to_char(measured_on, 'YYYY-MM-DD') AS on FROM measurements WHERE id = $1`, [m.id])).toEqual([
      { value: 5, on: '2026-06-28' },
    ]);
  });
});

describe('GET /indicators/:id/chart', () => {
  it('draws each organisation by the run-chart rules, oldest first, with the project’s decisions and log on the time axis', async () => {
    const p = await project('Seriediagram');
    const ind = await indicator(p.id);
    // Six months above the median, then six below: two shifts, and a fall that is one long trend. Entered newest first.
    const gran = [14, 13.5, 13, 12, 12, 11, 10.5, 10, 9.5, 9, 8.5, 8];
    for (let n = gran.length - 1; n >= 0; n--) await measure('granStaff', ind.id, gran[n] as number, month(n));
    // Lunner: no signal. Two on the median (8) neither count nor break a run.
    const lunner = [7, 9, 8, 7, 9, 8, 7, 9];
    for (const [n, v] of lunner.entries()) await measure('lunnerStaff', ind.id, v, month(n));
    expectStatus(201, await c.move('granStaff', p.id, 'test', 'Vi prøver i to soner.'));
    expectStatus(
      201,
      await c.call('granStaff', 'POST', `/api/projects/${p.id}/log`, {
        kind: 'experiment',
        text: 'Kamera-tilsyn.',
        occurredOn: '2025-06-15',
      }),
    );

    const chart = expectStatus(200, await c.call<IndicatorChart>('lunnerPolitician', 'GET', `/api/indicators/${ind.id}/chart`));
    expect(chart.indicator).toEqual({ id: ind.id, name: 'Ventetid', unit: 'dager', baseline: 14, target: 7, direction: 'decrease' });
    expect(chart.series).toEqual([
      {
        organization: { id: c.org.gran, name: 'Gran kommune' },
        points: gran.map((value, n) => ({ measuredOn: month(n), value })),
        median: 10.75,
        signals: [
          { rule: 'shift', from: month(0), to: month(5), direction: 'up' },
          { rule: 'trend', from: month(0), to: month(11), direction: 'down' },
          { rule: 'shift', from: month(6), to: month(11), direction: 'down' },
        ],
      },
      {
        organization: { id: c.org.lunner, name: 'Lunner kommune' },
        points: lunner.map((value, n) => ({ measuredOn: month(n), value })),
        median: 8,
        signals: [],
      },
    ]);
    expect(chart.annotations).toEqual([
      { date: '2025-06-15', kind: 'log', text: 'Kamera-tilsyn.' },
      { date: today(), kind: 'stage', text: 'Vi prøver i to soner.' },
    ]);
  });

  it('answers 404 to outsiders, the same as for an indicator that does not exist', async () => {
    const ind = await indicator((await project('Skjult diagram')).id);
    const hidden = await c.call<ErrorResponse>('roskildeStaff', 'GET', `/api/indicators/${ind.id}/chart`);
    const missing = await c.call<ErrorResponse>('granStaff', 'GET', `/api/indicators/00000000-0000-4000-8000-000000000000/chart`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
  });
});

describe('benefits', () => {
  let p: ProjectResponse;
  beforeAll(async () => {
    p = await project('Gevinster');
  });
  const add = (who: Who, body: object) => c.call<BenefitResponse & ErrorResponse>(who, 'POST', `/api/projects/${p.id}/benefits`, body);

  it('records a benefit for your organisation, identified now and realised later', async () => {
    const created = await add('granStaff', { kind: 'time', description: ' Færre nattbesøk ', unit: 'fte', identified: 1.5 });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      projectId: p.id,
      organization: { id: c.org.gran, name: 'Gran kommune' },
      kind: 'time',
      description: 'Færre nattbesøk',
      unit: 'fte',
      identified: 1.5,
      realised: null,
      realisedOn: null,
      version: 1,
      createdAt: expect.any(String),
    });
    const realised = await c.call<BenefitResponse>('granLeader', 'PATCH', `/api/benefits/${created.body.id}`, {
      realised: 1,
      realisedOn: '2026-09-01',
      version: 1,
    });
    expect(realised.status).toBe(200);
    expect(realised.body).toEqual({ ...created.body, realised: 1, realisedOn: '2026-09-01', version: 2 });
    expect(
      await api.sql(
        `SELECT realised::float8 AS realised, to_char(realised_on, 'YYYY-MM-DD') AS realised_on, version FROM benefits WHERE id = $1`,
        [created.body.id],
      ),
    ).toEqual([{ realised: 1, realised_on: '2026-09-01', version: 2 }]);
    expect(await api.sql(`SELECT realised, version, edited_by FROM benefit_revisions WHERE benefit_id = $1`, [created.body.id])).toEqual([
      { realised: null, version: 1, edited_by: await c.userId('granLeader') },
    ]);
    const listed = expectStatus(200, await c.call<BenefitResponse[]>('lunnerPolitician', 'GET', `/api/projects/${p.id}/benefits`));
    expect(listed).toContainEqual(realised.body);
  });

  it('refuses a stale edit (409 STALE_VERSION) and keeps the newer one', async () => {
    const b = expectStatus(
      201,
      await add('lunnerStaff', { kind: 'money', description: 'Lavere innkjøp', unit: 'nok', identified: 250000 }),
    );
    expectStatus(200, await c.call('lunnerStaff', 'PATCH', `/api/benefits/${b.id}`, { identified: 300000, version: 1 }));
    const stale = await c.call<ErrorResponse>('lunnerLeader', 'PATCH', `/api/benefits/${b.id}`, { identified: 1, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    expect(await api.sql(`SELECT identified::float8 AS identified FROM benefits WHERE id = $1`, [b.id])).toEqual([{ identified: 300000 }]);
  });

  it('is edited only by its own organisation (403) and hidden from outsiders (404)', async () => {
    const b = expectStatus(201, await add('granStaff', { kind: 'quality', description: 'Tryggere natt', unit: 'count', identified: 6 }));
    const before = await counts('benefits', 'benefit_revisions');
    for (const who of ['lunnerStaff', 'granPolitician'] as const) {
      const refused = await c.call<ErrorResponse>(who, 'PATCH', `/api/benefits/${b.id}`, { identified: 1, version: 1 });
      expect({ who, status: refused.status, code: refused.body.code }).toEqual({ who, status: 403, code: 'FORBIDDEN' });
    }
    expect((await c.call('roskildeStaff', 'PATCH', `/api/benefits/${b.id}`, { identified: 1, version: 1 })).status).toBe(404);
    expect((await add('roskildeStaff', { kind: 'time', description: 'x', unit: 'fte', identified: 1 })).status).toBe(404);
    expect(await counts('benefits', 'benefit_revisions')).toEqual(before);
  });

  it('refuses a unit that does not exist, realised without a day, and other bad input, storing nothing', async () => {
    const before = await counts('benefits');
    const valid = { kind: 'money', description: 'Sparte kroner', unit: 'nok', identified: 1000 };
    const cases: [object, string, string?][] = [
      [{ ...valid, unit: 'kroner' }, 'VALIDATION_FAILED'],
      [{ ...valid, unit: 'NOK' }, 'VALIDATION_FAILED'],
      [{ ...valid, kind: 'happiness' }, 'VALIDATION_FAILED'],
      [{ ...valid, realised: 500 }, 'VALIDATION_FAILED'],
      [{ ...valid, realisedOn: '2026-01-01' }, 'VALIDATION_FAILED'],
      [{ ...valid, realised: 500, realisedOn: addMonths(today(), 2) }, 'VALIDATION_FAILED'],
      [{ ...valid, identified: -1 }, 'VALIDATION_FAILED'],
      [{ ...valid, identified: 'mye' }, 'VALIDATION_FAILED'],
      [{ ...valid, description: '  ' }, 'VALIDATION_FAILED'],
      [{ ...valid, organizationId: c.org.roskilde }, 'FORBIDDEN'],
    ];
    for (const [body, code] of cases) {
      const refused = await add('granStaff', body);
      expect({ body, code: refused.body.code }).toEqual({ body, code });
      expect(refused.status).toBe(code === 'FORBIDDEN' ? 403 : 400);
    }
    const forOutsider = await add('admin', { ...valid, organizationId: c.org.roskilde });
    expect(forOutsider.body).toMatchObject({ statusCode: 400, code: 'INVALID_PARTICIPANTS', reason: 'NOT_A_PARTICIPANT' });
    const b = expectStatus(201, await add('granStaff', valid));
    for (const body of [
      { realised: 900, version: 1 },
      { realisedOn: '2026-01-01', version: 1 },
      { unit: 'kroner', version: 1 },
      { identified: 5 },
    ]) {
      const refused = await c.call<ErrorResponse>('granStaff', 'PATCH', `/api/benefits/${b.id}`, body);
      expect({ body, status: refused.status, code: refused.body.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
    }
    expect(await counts('benefits')).toEqual({ benefits: (before['benefits'] ?? 0) + 1 });
    expect(await c.count('benefit_revisions', 'benefit_id = $1', [b.id])).toBe(0);
  });

  it('sums per unit on the dashboards, per partnership and per organisation, never adding one unit to another', async () => {
    const q = await project('Gevinstsummer');
    const post = (who: Who, body: object) =>
      c.call<BenefitResponse>(who, 'POST', `/api/projects/${q.id}/benefits`, { kind: 'money', description: 'Gevinst', ...body });
    expectStatus(201, await post('granStaff', { unit: 'fte', identified: 0.5, realised: 0.25, realisedOn: '2026-06-01' }));
    expectStatus(201, await post('lunnerStaff', { unit: 'fte', identified: 1 }));
    expectStatus(201, await post('granStaff', { unit: 'dkk', identified: 7000 }));
    const d = await dashboard();
    // Everything of the partnership: this test's projects and the ones above.
    const sums = await api.sql<{ unit: string; identified: number; realised: number }>(
      `SELECT unit, sum(identified)::float8 AS identified, coalesce(sum(realised), 0)::float8 AS realised
       FROM benefits b JOIN projects pr ON pr.id = b.project_id WHERE pr.partnership_id = $1 GROUP BY unit`,
      [own.id],
    );
    const order = ['fte', 'hours', 'nok', 'dkk', 'sek', 'eur', 'isk', 'count'];
    expect(d.benefits).toEqual(sums.sort((a, b) => order.indexOf(a.unit) - order.indexOf(b.unit)));
    expect(d.benefits.find((b) => b.unit === 'dkk')).toEqual({ unit: 'dkk', identified: 7000, realised: 0 });
    expect(d.benefits.map((b) => b.unit)).toEqual(expect.arrayContaining(['fte', 'nok', 'dkk', 'count']));
    // A new benefit shows at once: the benefits table moves the dashboard's data version.
    expectStatus(201, await post('lunnerStaff', { unit: 'hours', identified: 40 }));
    const after = await dashboard();
    expect(after.benefits.find((b) => b.unit === 'hours')).toEqual({ unit: 'hours', identified: 40, realised: 0 });
    const lunner = after.byOrganization.find((o) => o.organization.id === c.org.lunner);
    expect(lunner?.benefits.find((b) => b.unit === 'hours')).toEqual({ unit: 'hours', identified: 40, realised: 0 });
    expect(lunner?.benefits.map((b) => b.unit)).not.toContain('dkk');
    const overview = expectStatus(200, await c.call<Overview>('granLeader', 'GET', '/api/dashboard/overview'));
    expect(overview.benefits.find((b) => b.unit === 'dkk')?.identified).toBeGreaterThanOrEqual(7000);
  });

  it('exports the benefits as CSV with the project CSV’s conventions', async () => {
    const { token } = await c.session('granLeader');
    const response = await fetch(`${api.baseUrl}/api/benefits.csv?partnershipId=${own.id}&lang=nb`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="samspill-gevinster-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '"Prosjekt";"Samarbeid";"Organisasjon";"Type";"Beskrivelse";"Enhet";"Identifisert";"Realisert";"Realisert dato";"Registrert"',
    );
    // Decimal commas in bokmål; each amount in its own unit.
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^"Gevinster";"Måleprøve Hadeland";"Gran kommune";"Tid";"Færre nattbesøk";"årsverk";"1,5";"1";"2026-09-01";"\d{4}-\d{2}-\d{2}"$/,
      ),
    );
    const { n } = await api.row<{ n: number }>(
      `SELECT count(*)::int AS n FROM benefits b JOIN projects pr ON pr.id = b.project_id WHERE pr.partnership_id = $1`,
      [own.id],
    );
    expect(lines).toHaveLength(n + 1);
    const english = await fetch(`${api.baseUrl}/api/benefits.csv?partnershipId=${own.id}`, {
      headers: { authorization: `Bearer ${token}`, 'accept-language': 'en-GB' },
    });
    expect(await english.text()).toContain('"Gevinster";"Måleprøve Hadeland";"Gran kommune";"Time";"Færre nattbesøk";"FTE";"1.5";"1";');
    const outsider = await c.call<string>('roskildeStaff', 'GET', `/api/benefits.csv?partnershipId=${own.id}`);
    expect(outsider.body.trimEnd().split('\r\n')).toHaveLength(1);
  });
});

describe('holding the gains', () => {
  async function established(title: string): Promise<ProjectResponse> {
    const p = await project(title);
    expectStatus(201, await c.move('granStaff', p.id, 'test'));
    expectStatus(201, await c.move('granLeader', p.id, 'establish', 'Ny praksis i begge kommunene.'));
    return p;
  }
  const followUpsOf = async (projectId: string, who: Who = 'granLeader') =>
    expectStatus(200, await c.call<FollowUpResponse[]>(who, 'GET', '/api/follow-ups?limit=500')).filter((f) => f.project.id === projectId);

  it('asks each participant 6, 12 and 24 months after the move into establish', async () => {
    const p = await established('Etablert praksis');
    const decidedOn = today();
    const stored = await api.sql<{ organization_id: string; months: number; due_on: string; decided: string }>(
      `SELECT f.organization_id, f.months, to_char(f.due_on, 'YYYY-MM-DD') AS due_on,
              to_char(t.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS decided
       FROM follow_ups f JOIN stage_transitions t ON t.id = f.decision_id WHERE f.project_id = $1 ORDER BY f.organization_id, f.months`,
      [p.id],
    );
    const expected = [c.org.gran, c.org.lunner]
      .sort()
      .flatMap((org) =>
        [6, 12, 24].map((months) => ({ organization_id: org, months, due_on: addMonths(decidedOn, months), decided: decidedOn })),
      );
    expect(stored).toEqual(expected);
    const listed = await followUpsOf(p.id);
    expect(listed).toHaveLength(6);
    expect(listed[0]).toEqual({
      id: expect.any(String),
      project: { id: p.id, title: 'Etablert praksis' },
      organization: { id: c.org.gran, name: 'Gran kommune' },
      dueOn: addMonths(decidedOn, 6),
      status: 'upcoming',
      note: null,
      answeredAt: null,
    });
    // A move that is refused asks no one.
    const q = await project('Ikke etablert');
    expectStatus(201, await c.move('granStaff', q.id, 'test'));
    expect((await c.move('granStaff', q.id, 'establish')).status).toBe(403);
    expect(await c.count('follow_ups', 'project_id = $1', [q.id])).toBe(0);
  });

  it('is answered once by a leader of that organisation or an admin; a second answer is 409, anyone else 403', async () => {
    const p = await established('Besvart oppfølging');
    const [gran6, lunner6] = await followUpsOf(p.id);
    expect(gran6?.organization.id).toBe(c.org.gran);
    expect(lunner6?.organization.id).toBe(c.org.lunner);
    const before = await api.sql(`SELECT * FROM follow_ups WHERE project_id = $1 ORDER BY id`, [p.id]);
    for (const who of ['granStaff', 'granPolitician', 'lunnerLeader'] as const) {
      const refused = await c.call<ErrorResponse>(who, 'POST', `/api/follow-ups/${gran6?.id}`, { status: 'held', note: 'x' });
      expect({ who, status: refused.status, code: refused.body.code }).toEqual({ who, status: 403, code: 'FORBIDDEN' });
    }
    expect((await c.call('roskildeStaff', 'POST', `/api/follow-ups/${gran6?.id}`, { status: 'held', note: 'x' })).status).toBe(404);
    expect(await api.sql(`SELECT * FROM follow_ups WHERE project_id = $1 ORDER BY id`, [p.id])).toEqual(before);

    const answered = await c.call<FollowUpResponse>('granLeader', 'POST', `/api/follow-ups/${gran6?.id}`, {
      status: 'held',
      note: 'Tavlemøtene holdes hver uke.',
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toEqual({ ...gran6, status: 'held', note: 'Tavlemøtene holdes hver uke.', answeredAt: expect.any(String) });
    const again = await c.call<ErrorResponse>('admin', 'POST', `/api/follow-ups/${gran6?.id}`, { status: 'abandoned', note: 'Nei' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('FOLLOW_UP_ANSWERED');
    expect(await api.sql(`SELECT answer, note, answered_by FROM follow_ups WHERE id = $1`, [gran6?.id])).toEqual([
      { answer: 'held', note: 'Tavlemøtene holdes hver uke.', answered_by: await c.userId('granLeader') },
    ]);
    expectStatus(200, await c.call('admin', 'POST', `/api/follow-ups/${lunner6?.id}`, { status: 'slipped', note: 'Bare i én enhet.' }));
    const bad = await c.call<ErrorResponse>('granLeader', 'POST', `/api/follow-ups/${gran6?.id}`, { status: 'due' });
    expect(bad.status).toBe(400);
  });

  it('is due from its day: listed for the organisation and counted on the dashboard', async () => {
    const p = await established('Forfalt oppfølging');
    const before = await dashboard();
    // As if the move had been made six months ago.
    await api.sql(`UPDATE follow_ups SET due_on = current_date - 1 WHERE project_id = $1 AND months = 6`, [p.id]);
    const due = expectStatus(
      200,
      await c.call<FollowUpResponse[]>('granLeader', 'GET', `/api/follow-ups?status=due&organizationId=${c.org.gran}`),
    );
    expect(due.filter((f) => f.project.id === p.id).map((f) => [f.organization.name, f.status])).toEqual([['Gran kommune', 'due']]);
    expect(due.every((f) => f.status === 'due' && f.organization.id === c.org.gran)).toBe(true);
    const d = await dashboard();
    expect(d.followUps.due).toBe(before.followUps.due + 2);
    const [granDue] = due.filter((f) => f.project.id === p.id);
    expectStatus(200, await c.call('granLeader', 'POST', `/api/follow-ups/${granDue?.id}`, { status: 'abandoned', note: 'Gikk tilbake.' }));
    const answered = await dashboard();
    expect(answered.followUps).toEqual({ ...d.followUps, due: d.followUps.due - 1, abandoned: d.followUps.abandoned + 1 });
    // The six-month answers do not count as "after a year".
    expect(answered.followUpsAfterAYear).toEqual(d.followUpsAfterAYear);
    const upcoming = expectStatus(200, await c.call<FollowUpResponse[]>('granLeader', 'GET', `/api/follow-ups?status=upcoming`));
    expect(upcoming.filter((f) => f.project.id === p.id)).toHaveLength(4);
    expect((await c.call('granLeader', 'GET', '/api/follow-ups?status=later')).status).toBe(400);
  });

  it('shows outsiders none of a members partnership’s follow-ups', async () => {
    const p = await established('Skjult oppfølging');
    const seen = expectStatus(200, await c.call<FollowUpResponse[]>('roskildeStaff', 'GET', '/api/follow-ups?limit=500'));
    expect(seen.filter((f) => f.project.id === p.id)).toEqual([]);
  });
});
