import { type CodeWithReasons, ERROR_CODES, ERROR_REASONS, type ErrorCode, type ErrorReasonOf } from '@samspill/contracts/values';
import type { ErrorResponse, IndicatorResponse, LogEntryResponse } from '@samspill/contracts';
import { DEMO_ACCOUNTS } from '@samspill/testing';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApi, type TestApi, WORKSPACE } from './support/api-server';
import { Collaboration, expectStatus, type Who } from './support/collaboration-fixtures';
import { type HttpResult, request } from './support/http';

/*
 * The error contract from the outside: every code in ERROR_CODES is sent by
 * the API, every reason in ERROR_REASONS too, and a 404 reads the same
 * whether the thing is hidden or missing.
 */

let api: TestApi;
let c: Collaboration;
beforeAll(async () => {
  // Failed sign-ins are counted per address too: the throttle cases speak from addresses of their own.
  api = await startTestApi({ TRUST_PROXY: 'true' });
  c = await Collaboration.load(api);
});
afterAll(async () => {
  await api?.close();
});

type Answer = HttpResult<ErrorResponse>;

const call = (who: Who, method: string, path: string, body?: unknown): Promise<Answer> => c.call<ErrorResponse>(who, method, path, body);
const signIn = (email: string, password: string, address: string): Promise<Answer> =>
  request<ErrorResponse>(api.baseUrl, 'POST', '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': address } });

/** A request as sent, for what the JSON helpers cannot send (another content type, huge headers). */
async function raw(path: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(`${api.baseUrl}${path}`, init);
  return { status: response.status, body: (await response.json()) as ErrorResponse, headers: response.headers };
}

const move = (who: Who, projectId: string, toStage: string) =>
  call(who, 'POST', `/api/projects/${projectId}/transitions`, { toStage, rationale: 'Vi går videre.' });
const setStatus = (who: Who, projectId: string, status: string) =>
  call(who, 'POST', `/api/projects/${projectId}/status`, { status, rationale: 'Slik ble det.' });

/** A `doTogether` answer in PILOTen Hadeland; `body` says from and to whom. */
const answerInPilot = (who: Who, body: Record<string, string>) =>
  call(who, 'POST', `/api/partnerships/${c.pilot.id}/answers`, { question: 'doTogether', text: 'Et svar.', ...body });

/** A project in PILOTen Hadeland, as `who` asks for it; `change` makes it what the case needs. */
const newProject = (who: Who, change: Record<string, unknown>) =>
  call(who, 'POST', '/api/projects', {
    partnershipId: c.pilot.id,
    title: 'Et prosjekt',
    description: '',
    participantIds: [c.org.lunner],
    ...change,
  });
const newPartnership = (memberIds: string[]) =>
  call('granLeader', 'POST', '/api/partnerships', { name: 'Nytt samarbeid', description: '', memberIds });

const newUser = (change: Record<string, unknown>) => ({
  email: `ny.${randomUUID()}@gran.kommune.no`,
  name: 'Ny Bruker',
  role: 'staff',
  organizationId: c.org.gran,
  password: 'et-langt-nok-passord',
  ...change,
});

async function doTogetherAnswer(): Promise<string> {
  const answer = await c.answer('granStaff', c.pilot, {
    toOrganizationId: c.org.lunner,
    question: 'doTogether',
    text: 'Felles opplæring.',
  });
  return answer.id;
}

async function indicatorOfNewProject(): Promise<IndicatorResponse> {
  const project = await c.project('granStaff');
  const body = { name: 'Ventetid', unit: 'dager', baseline: 14, target: 7, direction: 'decrease' };
  return expectStatus(201, await c.call<IndicatorResponse>('granStaff', 'POST', `/api/projects/${project.id}/indicators`, body));
}

/** A new municipality of its own, made by the admin. */
async function newOrganization(): Promise<string> {
  const body = { name: `Kommune ${randomUUID().slice(0, 8)}`, kind: 'municipality', country: 'NO' };
  return expectStatus(201, await c.call<{ id: string }>('admin', 'POST', '/api/organizations', body)).id;
}

/** A municipality that has merged into another: inactive. */
async function mergedOrganization(): Promise<string> {
  const [merged, successor] = [await newOrganization(), await newOrganization()];
  expectStatus(200, await c.call('admin', 'POST', `/api/organizations/${merged}/successor`, { successorId: successor }));
  return merged;
}

const invite = (who: Who, body: Record<string, unknown>) =>
  call(who, 'POST', '/api/invitations', { email: `ny.${randomUUID()}@gran.kommune.no`, name: 'Ny Kollega', role: 'staff', ...body });

const SSO_SPEC = 'e2e/api/src/single-sign-on.e2e-spec.ts';
const DISCUSSION_SPEC = 'e2e/api/src/discussion.e2e-spec.ts';
/** Identity provider settings for Bærum, which `change` makes wrong. */
const ssoSettings = (change: Record<string, unknown>) => ({
  issuer: 'https://idp.baerum.kommune.no',
  clientId: 'samspill',
  clientSecret: 'hemmelig',
  emailDomains: ['baerum.kommune.no'],
  allowPassword: true,
  createUnknownUsers: false,
  ...change,
});

interface Refusal {
  status: number;
  provoke: () => Promise<Answer>;
}

/** One real request per code; the two a running API cannot be made to send on demand name the test that proves them. */
const leanILunner = async () => (await api.row<{ id: string }>(`SELECT id FROM practices WHERE title = 'Lean i Lunner'`)).id;
const newPractice = (change: Record<string, unknown>) =>
  call('granStaff', 'POST', '/api/practices', { title: 'En praksis', summary: 'Kort.', description: '', ...change });

const BY_CODE: Record<ErrorCode, Refusal | { provedIn: string }> = {
  VALIDATION_FAILED: { status: 400, provoke: () => call('granStaff', 'POST', '/api/projects', {}) },
  UNAUTHENTICATED: { status: 401, provoke: () => request<ErrorResponse>(api.baseUrl, 'GET', '/api/projects') },
  INVALID_CREDENTIALS: { status: 401, provoke: () => signIn(DEMO_ACCOUNTS.granStaff, 'feil-passord', '10.7.0.1') },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    provoke: async () => {
      const email = `ukjent.${randomUUID()}@example.no`;
      // Ten failures for one account, each from an address of its own (one address alone is stopped after five).
      for (let i = 0; i < 10; i++) expect((await signIn(email, `feil-${i}`, `10.7.1.${i + 1}`)).status).toBe(401);
      return signIn(email, 'feil-igjen', '10.7.2.1');
    },
  },
  FORBIDDEN: {
    status: 403,
    provoke: () => newProject('granPolitician', {}),
  },
  NOT_FOUND: { status: 404, provoke: () => call('granStaff', 'GET', `/api/projects/${randomUUID()}`) },
  CONFLICT: {
    status: 409,
    provoke: () => call('admin', 'POST', '/api/organizations', { name: 'Gran kommune', kind: 'municipality', country: 'NO' }),
  },
  EMAIL_TAKEN: { status: 409, provoke: () => call('admin', 'POST', '/api/users', newUser({ email: DEMO_ACCOUNTS.granStaff })) },
  UNKNOWN_ORGANIZATION: { status: 400, provoke: () => call('admin', 'POST', '/api/users', newUser({ organizationId: randomUUID() })) },
  ORGANIZATION_REQUIRED: { status: 400, provoke: () => call('admin', 'POST', '/api/users', newUser({ organizationId: undefined })) },
  INVALID_STAGE_TRANSITION: { status: 400, provoke: async () => move('granLeader', (await c.project()).id, 'establish') },
  INVALID_STATUS_CHANGE: { status: 400, provoke: async () => setStatus('granStaff', (await c.project()).id, 'active') },
  STALE_VERSION: {
    status: 409,
    provoke: async () => call('granStaff', 'PATCH', `/api/projects/${(await c.project()).id}`, { title: 'Ny', version: 2 }),
  },
  INVALID_MEMBERS: { status: 400, provoke: () => newPartnership([c.org.gran]) },
  INVALID_PARTICIPANTS: { status: 400, provoke: () => newProject('granStaff', { participantIds: [c.org.roskilde] }) },
  INVALID_FOCUS_AREA: { status: 400, provoke: () => newProject('granStaff', { focusAreaId: c.focus(c.lean, 'Gevinstrealisering') }) },
  INVALID_ANSWER_TARGET: { status: 400, provoke: () => answerInPilot('granStaff', { toOrganizationId: c.org.gran }) },
  NOT_A_DO_TOGETHER_ANSWER: {
    status: 400,
    provoke: async () => {
      const answer = await c.answer('granStaff', c.pilot, { toOrganizationId: c.org.lunner, question: 'theyLearnFromUs', text: 'Turnus.' });
      return call('granStaff', 'POST', `/api/answers/${answer.id}/project`);
    },
  },
  ANSWER_HAS_PROJECT: {
    status: 409,
    provoke: async () => {
      const id = await doTogetherAnswer();
      expectStatus(201, await c.call('granStaff', 'POST', `/api/answers/${id}/project`));
      return call('granStaff', 'POST', `/api/answers/${id}/project`);
    },
  },
  INACTIVE_ORGANIZATION: { status: 400, provoke: async () => newPartnership([c.org.lunner, await mergedOrganization()]) },
  INVALID_SUCCESSOR: {
    status: 400,
    provoke: async () => {
      const id = await newOrganization();
      return call('admin', 'POST', `/api/organizations/${id}/successor`, { successorId: id });
    },
  },
  INVALID_OBSERVERS: {
    status: 400,
    provoke: () =>
      call('granLeader', 'POST', '/api/partnerships', {
        name: 'Nytt',
        description: '',
        memberIds: [c.org.lunner],
        observerIds: [c.org.lunner],
      }),
  },
  INVALID_TOKEN: {
    status: 400,
    provoke: () =>
      request<ErrorResponse>(api.baseUrl, 'POST', '/api/invitations/accept', {
        body: { token: 'forfalsket', password: 'et-langt-nok-passord' },
      }),
  },
  INVITATION_PENDING: {
    status: 409,
    provoke: async () => {
      const email = `ny.${randomUUID()}@gran.kommune.no`;
      expect((await invite('granLeader', { email })).status).toBe(201);
      return invite('granLeader', { email });
    },
  },
  INVITATION_NOT_PENDING: {
    status: 409,
    provoke: async () => {
      const invitation = await invite('granLeader', {});
      const id = (invitation.body as unknown as { id: string }).id;
      expect((await call('granLeader', 'DELETE', `/api/invitations/${id}`)).status).toBe(204);
      return call('granLeader', 'DELETE', `/api/invitations/${id}`);
    },
  },
  FOLLOW_UP_ANSWERED: {
    status: 409,
    provoke: async () => {
      // A project moved into establish asks Gran 6, 12 and 24 months on; an answer is given once.
      const project = await c.project('granStaff', { participantIds: [c.org.gran] });
      expectStatus(201, await move('granStaff', project.id, 'test'));
      expectStatus(201, await move('granLeader', project.id, 'establish'));
      const [followUp] = await api.sql<{ id: string }>(`SELECT id FROM follow_ups WHERE project_id = $1 AND months = 6`, [project.id]);
      expectStatus(200, await call('granLeader', 'POST', `/api/follow-ups/${followUp?.id}`, { status: 'held', note: 'Holder.' }));
      return call('granLeader', 'POST', `/api/follow-ups/${followUp?.id}`, { status: 'slipped', note: 'Glipper.' });
    },
  },
  // Issue 9: practices and adoptions (Lean i Lunner is Lunner's, and Gran took it up in the demo).
  OWN_PRACTICE: {
    status: 400,
    provoke: async () => call('lunnerStaff', 'POST', `/api/practices/${await leanILunner()}/adoptions`, { kind: 'copy' }),
  },
  ALREADY_ADOPTED: {
    status: 409,
    provoke: async () => call('granStaff', 'POST', `/api/practices/${await leanILunner()}/adoptions`, { kind: 'copy' }),
  },
  UNKNOWN_PRACTICE: { status: 400, provoke: () => newPractice({ basedOn: [{ practiceId: randomUUID(), kind: 'copy' }] }) },
  INVALID_PROJECT: {
    status: 400,
    provoke: async () => newPractice({ projectId: (await c.project('lunnerStaff', { participantIds: [c.org.lunner] })).id }),
  },
  TOO_MANY_REQUESTS: { provedIn: 'e2e/api/src/throttle-and-processes.e2e-spec.ts' },
  PAYLOAD_TOO_LARGE: { status: 413, provoke: () => signIn(DEMO_ACCOUNTS.granStaff, 'p'.repeat(40_000), '10.7.3.1') },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    provoke: () => raw('/api/auth/login', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hei' }),
  },
  URI_TOO_LONG: { status: 414, provoke: () => call('granStaff', 'GET', `/api/projects/${'a'.repeat(5_000)}`) },
  HEADERS_TOO_LARGE: { status: 431, provoke: () => raw('/api/health', { headers: { 'x-padding': 'a'.repeat(20_000) } }) },
  BAD_URL: { status: 400, provoke: () => call('granStaff', 'GET', '/api/projects/%FF') },
  BAD_REQUEST: { provedIn: 'e2e/api/src/hostile-input.e2e-spec.ts' },
  REQUEST_TIMEOUT: { provedIn: 'apps/api/src/common/http-layer.spec.ts' },
  DATABASE_UNAVAILABLE: { provedIn: 'e2e/api/src/database-lifecycle.e2e-spec.ts' },
  INTERNAL_ERROR: { provedIn: 'apps/api/src/common/http-exception.filter.spec.ts' },
  // Single sign-on (issue 15): they need a real identity provider, started in that file; most arrive as a redirect.
  INVALID_ISSUER: {
    status: 400,
    provoke: () =>
      call('admin', 'PUT', `/api/organizations/${c.org.baerum}/identity-provider`, ssoSettings({ issuer: 'http://idp.example' })),
  },
  USE_SINGLE_SIGN_ON: { provedIn: SSO_SPEC },
  EMAIL_DOMAIN_TAKEN: { provedIn: SSO_SPEC },
  SSO_PROVIDER_UNAVAILABLE: { provedIn: SSO_SPEC },
  SSO_STATE_INVALID: { provedIn: SSO_SPEC },
  SSO_NONCE_MISMATCH: { provedIn: SSO_SPEC },
  SSO_ISSUER_MISMATCH: { provedIn: SSO_SPEC },
  SSO_TOKEN_EXPIRED: { provedIn: SSO_SPEC },
  SSO_TOKEN_INVALID: { provedIn: SSO_SPEC },
  SSO_PROVIDER_REFUSED: { provedIn: SSO_SPEC },
  SSO_EMAIL_NOT_VERIFIED: { provedIn: SSO_SPEC },
  SSO_OTHER_ORGANIZATION: { provedIn: SSO_SPEC },
  SSO_NOT_INVITED: { provedIn: SSO_SPEC },
  SSO_ACCOUNT_INACTIVE: { provedIn: SSO_SPEC },
  // issue 12
  INVALID_PARENT: { provedIn: DISCUSSION_SPEC },
  INVALID_MENTIONS: {
    status: 400,
    provoke: async () =>
      call('granStaff', 'POST', `/api/partnerships/${c.pilot.id}/comments`, { text: 'Hei', mentionIds: [await c.userId('roskildeStaff')] }),
  },
  COMMENT_DELETED: {
    status: 409,
    provoke: async () => {
      const made = await c.call<{ id: string }>('granStaff', 'POST', `/api/partnerships/${c.pilot.id}/comments`, { text: 'Borte snart' });
      expectStatus(204, await call('granStaff', 'DELETE', `/api/comments/${made.body.id}`));
      return call('granStaff', 'PATCH', `/api/comments/${made.body.id}`, { text: 'Tilbake' });
    },
  },
};

describe('every code in ERROR_CODES', () => {
  it.each(ERROR_CODES.map((code) => [code]))('%s is sent by the API', async (code) => {
    const refusal = BY_CODE[code];
    if ('provedIn' in refusal) {
      expect(readFileSync(join(WORKSPACE, refusal.provedIn), 'utf8')).toContain(`code: '${code}'`);
      return;
    }
    const result = await refusal.provoke();
    expect(result.status).toBe(refusal.status);
    expect(result.body).toMatchObject({ statusCode: refusal.status, code, message: expect.any(String) });
    expect(result.body.message.length).toBeGreaterThan(10);
  });
});

/** A case prepares what it needs, then hands back the request that must be refused. */
type ReasonCase = () => Promise<() => Promise<Answer>>;

/** A case on a new project: `first` (which must succeed) brings it where `refuse` is refused. */
const onNewProject =
  (refuse: (id: string) => Promise<Answer>, first?: (id: string) => Promise<Answer>): ReasonCase =>
  async () => {
    const project = await c.project();
    if (first) expectStatus(200, await first(project.id));
    return () => refuse(project.id);
  };

/** Every reason, provoked for real; the type makes a new reason without a case fail to compile. */
const BY_REASON: { [C in CodeWithReasons]: Record<ErrorReasonOf<C>, ReasonCase> } = {
  INVALID_STAGE_TRANSITION: {
    SAME_STAGE: onNewProject((id) => move('granStaff', id, 'learn')),
    SKIPS_A_STAGE: onNewProject((id) => move('granLeader', id, 'establish')),
    PROJECT_NOT_ACTIVE: onNewProject(
      (id) => move('granStaff', id, 'test'),
      (id) => setStatus('granStaff', id, 'stopped'),
    ),
  },
  INVALID_STATUS_CHANGE: {
    SAME_STATUS: onNewProject((id) => setStatus('granStaff', id, 'active')),
    ALREADY_CLOSED: onNewProject(
      (id) => setStatus('granLeader', id, 'stopped'),
      (id) => setStatus('granLeader', id, 'completed'),
    ),
  },
  INVALID_MEMBERS: {
    TOO_FEW_MEMBERS: async () => () => newPartnership([c.org.gran]),
    NOT_AN_ORGANIZATION: async () => () => newPartnership([c.org.lunner, randomUUID()]),
    OWN_ORGANIZATION_REMOVED: async () => () =>
      call('granLeader', 'PATCH', `/api/partnerships/${c.pilot.id}`, { memberIds: [c.org.lunner, c.org.vestreToten] }),
    MEMBER_HAS_PROJECTS: async () => {
      await c.project('granStaff', { participantIds: [c.org.gran, c.org.lunner] });
      return () => call('granLeader', 'PATCH', `/api/partnerships/${c.pilot.id}`, { memberIds: [c.org.gran, c.org.vestreToten] });
    },
  },
  INVALID_PARTICIPANTS: {
    NOT_A_MEMBER: async () => () => newProject('granStaff', { participantIds: [c.org.lunner, c.org.roskilde] }),
    OWN_ORGANIZATION_REMOVED: onNewProject((id) =>
      call('granStaff', 'PATCH', `/api/projects/${id}`, { participantIds: [c.org.lunner], version: 1 }),
    ),
    NOT_A_PARTICIPANT: async () => {
      const indicator = await indicatorOfNewProject();
      const body = { value: 10, measuredOn: '2026-03-01', organizationId: c.org.vestreToten };
      return () => call('admin', 'POST', `/api/indicators/${indicator.id}/measurements`, body);
    },
  },
  INVALID_ANSWER_TARGET: {
    ANSWERING_ORGANIZATION_MISSING: async () => () => answerInPilot('admin', { toOrganizationId: c.org.lunner }),
    ANSWERING_ORGANIZATION_NOT_A_MEMBER: async () => () =>
      answerInPilot('admin', { fromOrganizationId: c.org.roskilde, toOrganizationId: c.org.lunner }),
    NOT_ANOTHER_MEMBER: async () => () => answerInPilot('granStaff', { toOrganizationId: c.org.gran }),
  },
  INVALID_SUCCESSOR: {
    SAME_ORGANIZATION: async () => {
      const id = await newOrganization();
      return () => call('admin', 'POST', `/api/organizations/${id}/successor`, { successorId: id });
    },
    ALREADY_MERGED: async () => {
      const [merged, other] = [await mergedOrganization(), await newOrganization()];
      return () => call('admin', 'POST', `/api/organizations/${merged}/successor`, { successorId: other });
    },
    UNKNOWN_SUCCESSOR: async () => {
      const id = await newOrganization();
      return () => call('admin', 'POST', `/api/organizations/${id}/successor`, { successorId: randomUUID() });
    },
  },
  INVALID_ISSUER: {
    NOT_A_URL: async () => () =>
      call('admin', 'PUT', `/api/organizations/${c.org.baerum}/identity-provider`, ssoSettings({ issuer: 'idp' })),
    NOT_HTTPS: async () => () =>
      call('admin', 'PUT', `/api/organizations/${c.org.baerum}/identity-provider`, ssoSettings({ issuer: 'http://idp.example' })),
    HAS_QUERY: async () => () =>
      call('admin', 'PUT', `/api/organizations/${c.org.baerum}/identity-provider`, ssoSettings({ issuer: 'https://idp.example/?t=1' })),
  },
  INVALID_PARENT: {
    REPLY_TO_A_REPLY: async () => {
      const path = `/api/partnerships/${c.pilot.id}/comments`;
      const top = expectStatus(201, await c.call<{ id: string }>('granStaff', 'POST', path, { text: 'Et spørsmål' }));
      const reply = expectStatus(201, await c.call<{ id: string }>('lunnerStaff', 'POST', path, { text: 'Et svar', parentId: top.id }));
      return () => call('granStaff', 'POST', path, { text: 'Svar på svar', parentId: reply.id });
    },
    NOT_IN_THREAD: async () => () =>
      call('granStaff', 'POST', `/api/partnerships/${c.pilot.id}/comments`, { text: 'Hei', parentId: randomUUID() }),
  },
  INVALID_OBSERVERS: {
    NOT_AN_ORGANIZATION: async () => () => call('granLeader', 'PATCH', `/api/partnerships/${c.pilot.id}`, { observerIds: [randomUUID()] }),
    ALSO_A_MEMBER: async () => () => call('granLeader', 'PATCH', `/api/partnerships/${c.pilot.id}`, { observerIds: [c.org.lunner] }),
  },
};

const REASON_CASES = (Object.keys(ERROR_REASONS) as CodeWithReasons[]).flatMap((code) =>
  ERROR_REASONS[code].map((reason) => [code, reason, (BY_REASON[code] as Record<string, ReasonCase>)[reason]] as const),
);

/** What a refused write could have changed: rows, members, participants and project versions. */
const fingerprint = () =>
  api.sql(
    `SELECT (SELECT count(*) FROM partnerships)::int AS partnerships, (SELECT count(*) FROM partnership_members)::int AS members,
       (SELECT count(*) FROM projects)::int AS projects, (SELECT sum(version) FROM projects)::int AS versions,
       (SELECT count(*) FROM project_participants)::int AS participants, (SELECT count(*) FROM stage_transitions)::int AS decisions,
       (SELECT count(*) FROM answers)::int AS answers, (SELECT count(*) FROM measurements)::int AS measurements`,
  );

describe('every reason in ERROR_REASONS', () => {
  it.each(REASON_CASES)('%s: %s', async (code, reason, prepare) => {
    if (!prepare) throw new Error(`no case for ${code}/${reason}`);
    const refuse = await prepare();
    const before = await fingerprint();
    const result = await refuse();
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ statusCode: 400, code, reason, message: expect.any(String) });
    expect(await fingerprint()).toEqual(before);
  });

  it('is absent where a code has a single cause', async () => {
    const result = await call('granStaff', 'GET', `/api/projects/${randomUUID()}`);
    expect(result.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'No such project.' });
  });
});

describe('a 404 reads the same whether the thing is hidden or missing', () => {
  // Roskilde is outside PILOTen Hadeland, a members-only partnership: its things are hidden from Roskilde.
  const things: [string, string, (id: string) => Promise<Answer>, () => Promise<string>][] = [
    ['partnership', 'GET /api/partnerships/:id', (id) => call('roskildeStaff', 'GET', `/api/partnerships/${id}`), async () => c.pilot.id],
    [
      'partnership',
      'GET /api/dashboard/partnerships/:id',
      (id) => call('roskildeStaff', 'GET', `/api/dashboard/partnerships/${id}`),
      async () => c.pilot.id,
    ],
    [
      'focus area',
      'PATCH /api/focus-areas/:id',
      (id) => call('roskildeStaff', 'PATCH', `/api/focus-areas/${id}`, { name: 'Nytt navn' }),
      async () => c.focus(c.pilot, 'Helse og omsorg'),
    ],
    ['project', 'GET /api/projects/:id', (id) => call('roskildeStaff', 'GET', `/api/projects/${id}`), async () => (await c.project()).id],
    [
      'answer',
      'PATCH /api/answers/:id',
      (id) => call('roskildeStaff', 'PATCH', `/api/answers/${id}`, { text: 'Endret.' }),
      doTogetherAnswer,
    ],
    [
      'log entry',
      'PATCH /api/log-entries/:id',
      (id) => call('roskildeStaff', 'PATCH', `/api/log-entries/${id}`, { text: 'Endret.' }),
      async () => {
        const project = await c.project();
        const body = { kind: 'observation', text: 'Notat.' };
        return expectStatus(201, await c.call<LogEntryResponse>('granStaff', 'POST', `/api/projects/${project.id}/log`, body)).id;
      },
    ],
    [
      'indicator',
      'POST /api/indicators/:id/measurements',
      (id) => call('roskildeStaff', 'POST', `/api/indicators/${id}/measurements`, { value: 3, measuredOn: '2026-03-01' }),
      async () => (await indicatorOfNewProject()).id,
    ],
  ];

  it.each(things)('%s (%s)', async (thing, _route, ask, hiddenId) => {
    const hidden = await ask(await hiddenId());
    const missing = await ask(randomUUID());
    const expected = { statusCode: 404, code: 'NOT_FOUND', message: `No such ${thing}.` };
    expect({ status: hidden.status, body: hidden.body }).toEqual({ status: 404, body: expected });
    expect({ status: missing.status, body: missing.body }).toEqual({ status: 404, body: expected });
  });

  it('names a missing user the same way', async () => {
    const result = await call('admin', 'PATCH', `/api/users/${randomUUID()}`, { name: 'Ingen' });
    expect(result.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'No such user.' });
  });

  it('answers a leader about a user of another organisation as about one that does not exist', async () => {
    const lunnerStaff = await c.userId('lunnerStaff');
    const hidden = await call('granLeader', 'PATCH', `/api/users/${lunnerStaff}`, { name: 'Endret' });
    const missing = await call('granLeader', 'PATCH', `/api/users/${randomUUID()}`, { name: 'Endret' });
    const expected = { statusCode: 404, code: 'NOT_FOUND', message: 'No such user.' };
    expect({ status: hidden.status, body: hidden.body }).toEqual({ status: 404, body: expected });
    expect({ status: missing.status, body: missing.body }).toEqual({ status: 404, body: expected });
  });

  it('answers a leader about an invitation into another organisation as about one that does not exist', async () => {
    const invitation = await invite('lunnerLeader', {});
    expect(invitation.status).toBe(201);
    const id = (invitation.body as unknown as { id: string }).id;
    const hidden = await call('granLeader', 'POST', `/api/invitations/${id}/resend`, {});
    const missing = await call('granLeader', 'DELETE', `/api/invitations/${randomUUID()}`);
    const expected = { statusCode: 404, code: 'NOT_FOUND', message: 'No such invitation.' };
    expect({ status: hidden.status, body: hidden.body }).toEqual({ status: 404, body: expected });
    expect({ status: missing.status, body: missing.body }).toEqual({ status: 404, body: expected });
  });
});
