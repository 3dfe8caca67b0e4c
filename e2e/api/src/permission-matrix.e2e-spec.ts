import type {
  AnswerResponse,
  AuditListResponse,
  IndicatorResponse,
  InvitationResponse,
  LessonListResponse,
  OverviewOrganization,
  OverviewPartnership,
  PartnershipResponse,
  ProjectListResponse,
  ProjectResponse,
  SessionResponse,
  SimilarResponse,
  UserListResponse,
} from '@samspill/contracts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@samspill/testing';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { startTestApi, TEST_JWT_SECRET, type TestApi } from './support/api-server';
import { type HttpResult, login, request } from './support/http';
import { startTestProvider, type TestProvider } from './support/oidc-provider';

/**
 * Every collaboration endpoint × every role × the actor's relation to the
 * resource. The resource is a project of PILOTen Hadeland (Gran + Lunner) in
 * which only Gran takes part, so:
 *   own      = Gran: member of the partnership and participant in the project
 *   partner  = Lunner: member of the partnership, not a participant
 *   outsider = Roskilde: not a member of the (members-only) partnership
 *   observer = Statsforvalteren i Innlandet: observes the partnership (reads all, writes nothing)
 * For the people endpoints (users, invitations, the audit trail) the resource
 * belongs to Gran, so `own` is Gran and every other relation is another organisation.
 * Expectations are written out here from the issue's rules, independently of
 * the policy code. Each case checks the status, that a refused request
 * changed nothing in the database, and that a 404 leaks nothing.
 */
type Relation = 'own' | 'partner' | 'outsider' | 'observer';
type Role = 'staff' | 'leader' | 'politician';
interface Actor {
  label: string;
  role: Role | 'admin';
  relation: Relation | 'none';
  token: string;
  organizationId: string | null;
  userId: string;
  email: string;
}

const EMAILS: Record<Relation, Record<Role, string>> = {
  own: { staff: DEMO_ACCOUNTS.granStaff, leader: DEMO_ACCOUNTS.granLeader, politician: DEMO_ACCOUNTS.granPolitician },
  partner: { staff: DEMO_ACCOUNTS.lunnerStaff, leader: DEMO_ACCOUNTS.lunnerLeader, politician: DEMO_ACCOUNTS.lunnerPolitician },
  outsider: { staff: DEMO_ACCOUNTS.roskildeStaff, leader: 'leder@roskilde.dk', politician: 'politiker@roskilde.dk' },
  observer: {
    staff: DEMO_ACCOUNTS.statsforvalterenStaff,
    leader: 'leder@statsforvalteren.no',
    politician: 'politiker@statsforvalteren.no',
  },
};

const TABLES = [
  'partnerships',
  'partnership_members',
  'focus_areas',
  'answers',
  'projects',
  'project_participants',
  'stage_transitions',
  'log_entries',
  'log_entry_revisions',
  'indicators',
  'measurements',
  // issue 10
  'partnership_observers',
  'organizations',
  'users',
  'invitations',
  'password_resets',
  'audit_log',
  'auth_sessions',
  // issue 15
  'identity_providers',
  'identity_provider_domains',
  'sso_sign_ins',
  'sso_sessions',
  // Issue 11
  'indicator_targets',
  'measurement_revisions',
  'benefits',
  'benefit_revisions',
  'follow_ups',
  // Issue 9
  'practices',
  'practice_revisions',
  'adoptions',
  // Issue 12
  'comments',
  'comment_mentions',
  'comment_revisions',
  'follows',
  'notifications',
];

let api: TestApi;
let admin: Actor;
const actors: Actor[] = [];
let baerumId: string;
let pilotId: string;
let granId: string;
let lunnerId: string;
let focusAreaId: string;
let hogskolenId: string;
let statsforvalterenId: string;
let checked = 0;

const call = <T = unknown>(actor: Actor, method: string, path: string, body?: unknown): Promise<HttpResult<T>> =>
  request<T>(api.baseUrl, method, path, { token: actor.token, body });

async function fingerprint(): Promise<string> {
  const parts = await api.sql<{ t: string; f: string | null }>(
    // ORDER BY: UNION ALL promises no order (a parallel append interleaves its branches).
    `${TABLES.map((t) => `SELECT '${t}' AS t, md5(string_agg(x::text, '|' ORDER BY x::text)) AS f FROM ${t} x`).join(' UNION ALL ')} ORDER BY t`,
  );
  return JSON.stringify(parts);
}

// --- fixtures, made fresh by the admin wherever a case consumes its resource ---
async function newProject(participantIds = [granId], stage: 'learn' | 'test' = 'learn'): Promise<ProjectResponse> {
  const created = await call<ProjectResponse>(admin, 'POST', '/api/projects', {
    partnershipId: pilotId,
    title: 'Matrix project',
    description: 'fixture',
    participantIds,
  });
  if (created.status !== 201) throw new Error(`fixture project: ${created.status}`);
  if (stage === 'test')
    await call(admin, 'POST', `/api/projects/${created.body.id}/transitions`, { toStage: 'test', rationale: 'fixture' });
  return created.body;
}
async function newAnswer(question: 'doTogether' | 'theyLearnFromUs' = 'doTogether'): Promise<AnswerResponse> {
  const created = await call<AnswerResponse>(admin, 'POST', `/api/partnerships/${pilotId}/answers`, {
    fromOrganizationId: granId,
    toOrganizationId: lunnerId,
    question,
    text: 'Matrix answer',
  });
  if (created.status !== 201) throw new Error(`fixture answer: ${created.status}`);
  return created.body;
}
async function newIndicator(projectId: string): Promise<IndicatorResponse> {
  const created = await call<IndicatorResponse>(admin, 'POST', `/api/projects/${projectId}/indicators`, {
    name: 'Ventetid',
    unit: 'dager',
    baseline: 14,
    target: 7,
    direction: 'decrease',
  });
  if (created.status !== 201) throw new Error(`fixture indicator: ${created.status}`);
  return created.body;
}

// --- fixtures of the people endpoints (issue 10) ---
async function newOrganization(): Promise<string> {
  const created = await call<{ id: string }>(admin, 'POST', '/api/organizations', {
    name: `Matrix ${randomUUID().slice(0, 8)}`,
    kind: 'municipality',
    country: 'NO',
  });
  if (created.status !== 201) throw new Error(`fixture organisation: ${created.status}`);
  return created.body.id;
}
async function newGranUser(): Promise<string> {
  const created = await call<{ id: string }>(admin, 'POST', '/api/users', {
    email: `matrix.${randomUUID().slice(0, 8)}@gran.kommune.no`,
    name: 'Matrix Person',
    role: 'staff',
    organizationId: granId,
    password: DEMO_PASSWORD,
  });
  if (created.status !== 201) throw new Error(`fixture user: ${created.status}`);
  return created.body.id;
}
async function newGranInvitation(): Promise<string> {
  const created = await call<InvitationResponse>(admin, 'POST', '/api/invitations', {
    email: `invitert.${randomUUID().slice(0, 8)}@gran.kommune.no`,
    name: 'Matrix Invitert',
    role: 'staff',
    organizationId: granId,
  });
  if (created.status !== 201) throw new Error(`fixture invitation: ${created.status}`);
  return created.body.id;
}
const inviteeOf = (a: Actor) => `matrix.${a.label.replace('/', '.')}@gran.kommune.no`;
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

// Issue 11: a measurement and a benefit of Gran, and a follow-up asking Gran.
async function newMeasurement(indicatorId: string): Promise<string> {
  const created = await call<{ id: string }>(admin, 'POST', `/api/indicators/${indicatorId}/measurements`, {
    value: 12,
    measuredOn: '2026-10-01',
    organizationId: granId,
  });
  if (created.status !== 201) throw new Error(`fixture measurement: ${created.status}`);
  return created.body.id;
}
async function newBenefit(projectId: string): Promise<string> {
  const created = await call<{ id: string }>(admin, 'POST', `/api/projects/${projectId}/benefits`, {
    organizationId: granId,
    kind: 'time',
    description: 'Matrix benefit',
    unit: 'hours',
    identified: 10,
  });
  if (created.status !== 201) throw new Error(`fixture benefit: ${created.status}`);
  return created.body.id;
}
async function newFollowUp(): Promise<string> {
  const project = await newProject([granId], 'test');
  const moved = await call(admin, 'POST', `/api/projects/${project.id}/transitions`, { toStage: 'establish', rationale: 'fixture' });
  if (moved.status !== 201) throw new Error(`fixture establish: ${moved.status}`);
  return (await api.row<{ id: string }>(`SELECT id FROM follow_ups WHERE project_id = $1 AND months = 6`, [project.id])).id;
}

/** A practice owned by `organizationId`, published by the admin (issue 9). */
async function newPractice(organizationId: string): Promise<{ id: string }> {
  const created = await call<{ id: string }>(admin, 'POST', '/api/practices', {
    title: 'Matrix practice',
    summary: 'fixture',
    description: '',
    organizationId,
  });
  if (created.status !== 201) throw new Error(`fixture practice: ${created.status}`);
  return created.body;
}

// --- the rules, as the issue states them ---
const ok = (status: number) => () => status;
const read = (a: Actor) => (a.relation === 'outsider' ? 404 : 200);
/** Leaders of a member organisation (and admins) manage the partnership; observers see it, so they get 403. */
const manage = (success: number) => (a: Actor) =>
  a.relation === 'outsider' ? 404 : a.role === 'admin' || (a.role === 'leader' && a.relation !== 'observer') ? success : 403;
/** Staff and leaders of a member organisation write in the partnership; politicians and observers never. */
const memberWrites = (success: number) => (a: Actor) =>
  a.relation === 'outsider' ? 404 : a.role === 'politician' || a.relation === 'observer' ? 403 : success;
/** Only the organisation that owns the answer or takes part in the project writes to it. */
const ownWrites = (success: number) => (a: Actor) =>
  a.relation === 'outsider' ? 404 : a.role === 'admin' || (a.relation === 'own' && a.role !== 'politician') ? success : 403;
/** Admins only (organisations). */
const onlyAdmin = (success: number) => (a: Actor) => (a.role === 'admin' ? success : 403);
/** Admins and leaders (the user list, invitations, the audit trail), each within their reach. */
const managers = (success: number) => (a: Actor) => (a.role === 'admin' || a.role === 'leader' ? success : 403);
/**
 * A Gran person or invitation: admins and Gran's leaders; a leader of any other organisation is told it does
 * not exist (404); staff and politicians manage nobody (403).
 */
const managesGran = (success: number) => (a: Actor) =>
  a.role === 'admin' ? success : a.role === 'leader' ? (a.relation === 'own' ? success : 404) : 403;
/** Into `establish`: a leader of a participating organisation, or an admin. */
const establish = (a: Actor) =>
  a.relation === 'outsider' ? 404 : a.role === 'admin' || (a.relation === 'own' && a.role === 'leader') ? 201 : 403;

/** A follow-up is answered by a leader of the organisation asked (Gran), or an admin. */
const answerFollowUp = (a: Actor) =>
  a.relation === 'outsider' ? 404 : a.role === 'admin' || (a.relation === 'own' && a.role === 'leader') ? 200 : 403;

/** Staff and leaders of members and observers write in a members-only partnership's threads; politicians and admins read. */
const threadWrites = (success: number) => (a: Actor) =>
  a.relation === 'outsider' ? 404 : a.role === 'politician' || a.role === 'admin' ? 403 : success;

interface Case {
  name: string;
  expected: (a: Actor) => number;
  /** Runs the request; may prepare fresh fixtures first (made before the fingerprint is taken). */
  prepare?: () => Promise<Record<string, string>>;
  run: (a: Actor, ctx: Record<string, string>) => Promise<HttpResult>;
  /** For allowed requests: check the effect itself. */
  verify?: (a: Actor, result: HttpResult, ctx: Record<string, string>) => Promise<void>;
}

let sharedProjectId: string;
let sharedIndicatorId: string;

const CASES: Case[] = [
  {
    name: 'GET /partnerships',
    expected: ok(200),
    run: (a) => call(a, 'GET', '/api/partnerships'),
    verify: async (a, r) => {
      const names = (r.body as PartnershipResponse[]).map((p) => p.name);
      if (a.relation === 'outsider') expect(names).not.toContain('PILOTen Hadeland');
      else expect(names).toContain('PILOTen Hadeland');
      if (a.role === 'admin') expect(names).toEqual(expect.arrayContaining(['PILOTen Hadeland', 'Lean i NAV Drammen']));
      if (a.relation === 'own' || a.relation === 'partner') expect(names).not.toContain('Lean i NAV Drammen');
    },
  },
  { name: 'GET /partnerships/:id', expected: read, run: (a) => call(a, 'GET', `/api/partnerships/${pilotId}`) },
  { name: 'GET /partnerships/:id/questions', expected: read, run: (a) => call(a, 'GET', `/api/partnerships/${pilotId}/questions`) },
  {
    name: 'GET /projects?partnershipId',
    expected: ok(200),
    run: (a) => call(a, 'GET', `/api/projects?partnershipId=${pilotId}`),
    verify: async (a, r) => {
      const { n } = await api.row<{ n: number }>(`SELECT count(*)::int AS n FROM projects WHERE partnership_id = $1`, [pilotId]);
      expect((r.body as ProjectListResponse).total).toBe(a.relation === 'outsider' ? 0 : n);
      expect((r.body as ProjectListResponse).items).toHaveLength(a.relation === 'outsider' ? 0 : Math.min(n, 50));
    },
  },
  {
    name: 'GET /projects (no filter)',
    expected: ok(200),
    run: (a) => call(a, 'GET', '/api/projects?limit=200'),
    verify: async (a, r) => {
      const ids = (r.body as ProjectListResponse).items.map((p) => p.partnershipId);
      if (a.relation === 'outsider') expect(ids).not.toContain(pilotId);
      else expect(ids).toContain(pilotId);
    },
  },
  { name: 'GET /projects/:id', expected: read, run: (a) => call(a, 'GET', `/api/projects/${sharedProjectId}`) },
  { name: 'GET /projects/:id/transitions', expected: read, run: (a) => call(a, 'GET', `/api/projects/${sharedProjectId}/transitions`) },
  { name: 'GET /projects/:id/log', expected: read, run: (a) => call(a, 'GET', `/api/projects/${sharedProjectId}/log`) },
  { name: 'GET /projects/:id/indicators', expected: read, run: (a) => call(a, 'GET', `/api/projects/${sharedProjectId}/indicators`) },
  // --- the overview's paged rows (issue 14): what a person may see, nothing more ---
  {
    name: 'GET /dashboard/overview/partnerships',
    expected: ok(200),
    run: (a) => call(a, 'GET', '/api/dashboard/overview/partnerships'),
    verify: async (a, r) => {
      const names = (r.body as OverviewPartnership[]).map((p) => p.name);
      if (a.relation === 'outsider') expect(names).not.toContain('PILOTen Hadeland');
      else expect(names).toContain('PILOTen Hadeland');
    },
  },
  {
    name: 'GET /dashboard/overview/organizations',
    expected: ok(200),
    run: (a) => call(a, 'GET', '/api/dashboard/overview/organizations'),
    verify: async (a, r) => {
      const names = (r.body as OverviewOrganization[]).map((o) => o.name);
      if (a.relation === 'outsider') expect(names).not.toContain('Gran kommune');
      else expect(names).toContain('Gran kommune');
    },
  },
  {
    name: 'POST /partnerships',
    expected: (a) => (a.role === 'admin' || a.role === 'leader' ? 201 : 403),
    run: (a) => call(a, 'POST', '/api/partnerships', { name: `Ny ${a.label}`, description: '', memberIds: [granId, lunnerId] }),
    verify: async (a, r) => {
      const members = (r.body as PartnershipResponse).members.map((m) => m.id);
      if (a.organizationId) expect(members).toContain(a.organizationId);
      expect(await api.sql(`SELECT 1 FROM partnerships WHERE name = $1`, [`Ny ${a.label}`])).toHaveLength(1);
    },
  },
  {
    name: 'PATCH /partnerships/:id',
    expected: manage(200),
    run: (a) => call(a, 'PATCH', `/api/partnerships/${pilotId}`, { description: `Edited by ${a.label}` }),
    verify: async (a) => {
      expect(await api.sql(`SELECT description FROM partnerships WHERE id = $1`, [pilotId])).toEqual([
        { description: `Edited by ${a.label}` },
      ]);
    },
  },
  {
    name: 'POST /partnerships/:id/focus-areas',
    expected: manage(201),
    run: (a) => call(a, 'POST', `/api/partnerships/${pilotId}/focus-areas`, { name: `Tema ${a.label}` }),
    verify: async (a) => {
      expect(await api.sql(`SELECT 1 FROM focus_areas WHERE partnership_id = $1 AND name = $2`, [pilotId, `Tema ${a.label}`])).toHaveLength(
        1,
      );
    },
  },
  {
    name: 'POST /partnerships/:id/answers',
    expected: memberWrites(201),
    run: (a) => {
      const from = a.organizationId ?? granId;
      const to = from === granId ? lunnerId : granId;
      const body: Record<string, string> = { toOrganizationId: to, question: 'theyLearnFromUs', text: `Svar fra ${a.label}`, focusAreaId };
      if (a.role === 'admin') body['fromOrganizationId'] = from;
      return call(a, 'POST', `/api/partnerships/${pilotId}/answers`, body);
    },
    verify: async (a) => {
      const rows = await api.sql<{ from_organization_id: string }>(`SELECT from_organization_id FROM answers WHERE text = $1`, [
        `Svar fra ${a.label}`,
      ]);
      expect(rows).toEqual([{ from_organization_id: a.organizationId ?? granId }]);
    },
  },
  {
    name: 'PATCH /answers/:id',
    expected: ownWrites(200),
    prepare: async () => ({ answerId: (await newAnswer('theyLearnFromUs')).id }),
    run: (a, ctx) => call(a, 'PATCH', `/api/answers/${ctx['answerId']}`, { text: `Endret av ${a.label}` }),
    verify: async (a, _r, ctx) => {
      expect(await api.sql(`SELECT text FROM answers WHERE id = $1`, [ctx['answerId']])).toEqual([{ text: `Endret av ${a.label}` }]);
    },
  },
  {
    name: 'DELETE /answers/:id',
    expected: ownWrites(204),
    prepare: async () => ({ answerId: (await newAnswer('theyLearnFromUs')).id }),
    run: (a, ctx) => call(a, 'DELETE', `/api/answers/${ctx['answerId']}`),
    verify: async (_a, _r, ctx) => {
      expect(await api.sql(`SELECT 1 FROM answers WHERE id = $1`, [ctx['answerId']])).toHaveLength(0);
    },
  },
  {
    name: 'POST /answers/:id/project',
    expected: memberWrites(201),
    prepare: async () => ({ answerId: (await newAnswer('doTogether')).id }),
    run: (a, ctx) => call(a, 'POST', `/api/answers/${ctx['answerId']}/project`, {}),
    verify: async (_a, r, ctx) => {
      expect(await api.sql(`SELECT source_answer_id FROM projects WHERE id = $1`, [(r.body as ProjectResponse).id])).toEqual([
        { source_answer_id: ctx['answerId'] },
      ]);
    },
  },
  {
    name: 'POST /projects',
    expected: memberWrites(201),
    run: (a) =>
      call(a, 'POST', '/api/projects', {
        partnershipId: pilotId,
        title: `Prosjekt ${a.label}`,
        description: '',
        participantIds: [a.organizationId ?? granId],
      }),
    verify: async (a, r) => {
      const participants = (r.body as ProjectResponse).participants.map((p) => p.id);
      expect(participants).toContain(a.organizationId ?? granId);
      expect(await api.sql(`SELECT stage FROM projects WHERE title = $1`, [`Prosjekt ${a.label}`])).toEqual([{ stage: 'learn' }]);
    },
  },
  {
    name: 'PATCH /projects/:id',
    expected: ownWrites(200),
    prepare: async () => ({ projectId: (await newProject()).id }),
    run: (a, ctx) => call(a, 'PATCH', `/api/projects/${ctx['projectId']}`, { title: `Tittel ${a.label}`, version: 1 }),
    verify: async (a, _r, ctx) => {
      expect(await api.sql(`SELECT title, version FROM projects WHERE id = $1`, [ctx['projectId']])).toEqual([
        { title: `Tittel ${a.label}`, version: 2 },
      ]);
    },
  },
  {
    name: 'POST /projects/:id/transitions (learn → test)',
    expected: ownWrites(201),
    prepare: async () => ({ projectId: (await newProject()).id }),
    run: (a, ctx) =>
      call(a, 'POST', `/api/projects/${ctx['projectId']}/transitions`, { toStage: 'test', rationale: `Besluttet av ${a.label}` }),
    verify: async (_a, _r, ctx) => {
      expect(await api.sql(`SELECT stage FROM projects WHERE id = $1`, [ctx['projectId']])).toEqual([{ stage: 'test' }]);
    },
  },
  {
    name: 'POST /projects/:id/transitions (test → establish)',
    expected: establish,
    prepare: async () => ({ projectId: (await newProject([granId], 'test')).id }),
    run: (a, ctx) =>
      call(a, 'POST', `/api/projects/${ctx['projectId']}/transitions`, { toStage: 'establish', rationale: `Etablert av ${a.label}` }),
    verify: async (_a, _r, ctx) => {
      expect(await api.sql(`SELECT stage FROM projects WHERE id = $1`, [ctx['projectId']])).toEqual([{ stage: 'establish' }]);
    },
  },
  {
    name: 'POST /projects/:id/status',
    expected: (a) => ownWrites(200)(a),
    prepare: async () => ({ projectId: (await newProject()).id }),
    run: (a, ctx) => call(a, 'POST', `/api/projects/${ctx['projectId']}/status`, { status: 'stopped', rationale: `Stoppet av ${a.label}` }),
    verify: async (_a, _r, ctx) => {
      expect(await api.sql(`SELECT status FROM projects WHERE id = $1`, [ctx['projectId']])).toEqual([{ status: 'stopped' }]);
    },
  },
  {
    name: 'POST /projects/:id/log',
    expected: ownWrites(201),
    run: (a) => call(a, 'POST', `/api/projects/${sharedProjectId}/log`, { kind: 'lesson', text: `Lærdom fra ${a.label}` }),
    verify: async (a) => {
      const rows = await api.sql<{ organization_id: string }>(`SELECT organization_id FROM log_entries WHERE text = $1`, [
        `Lærdom fra ${a.label}`,
      ]);
      expect(rows).toEqual([{ organization_id: a.organizationId ?? granId }]);
    },
  },
  {
    name: 'POST /projects/:id/indicators',
    expected: ownWrites(201),
    run: (a) =>
      call(a, 'POST', `/api/projects/${sharedProjectId}/indicators`, {
        name: `Indikator ${a.label}`,
        unit: 'dager',
        baseline: 14,
        target: 7,
        direction: 'decrease',
      }),
    verify: async (a) => {
      expect(await api.sql(`SELECT 1 FROM indicators WHERE name = $1`, [`Indikator ${a.label}`])).toHaveLength(1);
    },
  },
  {
    name: 'POST /indicators/:id/measurements',
    expected: ownWrites(201),
    prepare: async () => ({ indicatorId: (await newIndicator(sharedProjectId)).id }),
    run: (a, ctx) => call(a, 'POST', `/api/indicators/${ctx['indicatorId']}/measurements`, { value: 10, measuredOn: '2026-11-01' }),
    verify: async (_a, _r, ctx) => {
      expect(await api.sql(`SELECT value FROM measurements WHERE indicator_id = $1`, [ctx['indicatorId']])).toEqual([{ value: 10 }]);
    },
  },
  // --- issue 10: organisations, observers, people, invitations, self-service and the audit trail ---
  {
    name: 'PATCH /partnerships/:id (observerIds)',
    expected: manage(200),
    run: (a) => call(a, 'PATCH', `/api/partnerships/${pilotId}`, { observerIds: [hogskolenId] }),
    verify: async () => {
      expect(await api.sql(`SELECT organization_id FROM partnership_observers WHERE partnership_id = $1`, [pilotId])).toEqual([
        { organization_id: hogskolenId },
      ]);
      // Back as the demo has it, for the cases that follow.
      await call(admin, 'PATCH', `/api/partnerships/${pilotId}`, { observerIds: [hogskolenId, statsforvalterenId] });
    },
  },
  {
    name: 'PATCH /organizations/:id',
    expected: onlyAdmin(200),
    prepare: async () => ({ organizationId: await newOrganization() }),
    run: (a, ctx) => call(a, 'PATCH', `/api/organizations/${ctx['organizationId']}`, { name: `Rettet ${ctx['organizationId']}` }),
    verify: async (_a, _r, ctx) => {
      expect(await api.sql(`SELECT name FROM organizations WHERE id = $1`, [ctx['organizationId']])).toEqual([
        { name: `Rettet ${ctx['organizationId']}` },
      ]);
    },
  },
  {
    name: 'POST /organizations/:id/successor',
    expected: onlyAdmin(200),
    prepare: async () => ({ organizationId: await newOrganization(), successorId: await newOrganization() }),
    run: (a, ctx) => call(a, 'POST', `/api/organizations/${ctx['organizationId']}/successor`, { successorId: ctx['successorId'] }),
    verify: async (_a, _r, ctx) => {
      expect(await api.sql(`SELECT active, successor_id FROM organizations WHERE id = $1`, [ctx['organizationId']])).toEqual([
        { active: false, successor_id: ctx['successorId'] },
      ]);
    },
  },
  {
    name: 'GET /users',
    expected: managers(200),
    run: (a) => call(a, 'GET', '/api/users?limit=200'),
    verify: async (a, r) => {
      const { items, total } = r.body as UserListResponse;
      if (a.role === 'admin') {
        expect(total).toBe((await api.row<{ n: number }>(`SELECT count(*)::int AS n FROM users`)).n);
      } else {
        expect(items.length).toBeGreaterThan(0);
        expect(items.every((u) => u.organization?.id === a.organizationId)).toBe(true);
      }
    },
  },
  {
    name: 'PATCH /users/:id (a Gran person’s name)',
    expected: managesGran(200),
    prepare: async () => ({ userId: await newGranUser() }),
    run: (a, ctx) => call(a, 'PATCH', `/api/users/${ctx['userId']}`, { name: `Endret av ${a.label}` }),
    verify: async (a, _r, ctx) => {
      expect(await api.sql(`SELECT name FROM users WHERE id = $1`, [ctx['userId']])).toEqual([{ name: `Endret av ${a.label}` }]);
    },
  },
  {
    name: 'PATCH /users/:id (making a Gran person an admin)',
    expected: (a) => (a.role === 'admin' ? 200 : managesGran(403)(a)),
    prepare: async () => ({ userId: await newGranUser() }),
    run: (a, ctx) => call(a, 'PATCH', `/api/users/${ctx['userId']}`, { role: 'admin' }),
    verify: async (_a, _r, ctx) => {
      expect(await api.sql(`SELECT role FROM users WHERE id = $1`, [ctx['userId']])).toEqual([{ role: 'admin' }]);
    },
  },
  {
    name: 'PATCH /users/:id (one’s own role)',
    expected: () => 403,
    run: (a) => call(a, 'PATCH', `/api/users/${a.userId}`, { role: a.role === 'staff' ? 'leader' : 'staff' }),
  },
  {
    name: 'POST /invitations (into Gran)',
    // Organisations are no secret: a leader of another one is refused (403), not told Gran does not exist.
    expected: (a) => (a.role === 'admin' || (a.role === 'leader' && a.relation === 'own') ? 201 : 403),
    run: (a) => call(a, 'POST', '/api/invitations', { email: inviteeOf(a), name: 'Ny Kollega', role: 'staff', organizationId: granId }),
    verify: async (a) => {
      expect(await api.sql(`SELECT organization_id FROM invitations WHERE email = $1`, [inviteeOf(a)])).toEqual([
        { organization_id: granId },
      ]);
    },
  },
  {
    name: 'GET /invitations',
    expected: managers(200),
    prepare: async () => ({ invitationId: await newGranInvitation() }),
    run: (a) => call(a, 'GET', '/api/invitations'),
    verify: async (a, r, ctx) => {
      const items = r.body as InvitationResponse[];
      if (a.role !== 'admin') expect(items.every((i) => i.organization?.id === a.organizationId)).toBe(true);
      if (a.role === 'admin' || a.organizationId === granId) expect(items.map((i) => i.id)).toContain(ctx['invitationId']);
      else expect(items.map((i) => i.id)).not.toContain(ctx['invitationId']);
    },
  },
  {
    name: 'POST /invitations/:id/resend',
    expected: managesGran(200),
    prepare: async () => ({ invitationId: await newGranInvitation() }),
    run: (a, ctx) => call(a, 'POST', `/api/invitations/${ctx['invitationId']}/resend`, {}),
    verify: async (_a, r, ctx) => {
      expect((r.body as InvitationResponse).id).toBe(ctx['invitationId']);
    },
  },
  {
    name: 'DELETE /invitations/:id',
    expected: managesGran(204),
    prepare: async () => ({ invitationId: await newGranInvitation() }),
    run: (a, ctx) => call(a, 'DELETE', `/api/invitations/${ctx['invitationId']}`),
    verify: async (_a, _r, ctx) => {
      expect(await api.sql(`SELECT withdrawn_at IS NOT NULL AS withdrawn FROM invitations WHERE id = $1`, [ctx['invitationId']])).toEqual([
        { withdrawn: true },
      ]);
    },
  },
  {
    name: 'POST /invitations/accept (public: the token decides)',
    expected: ok(201),
    prepare: async () => {
      const invitationId = await newGranInvitation();
      const token = randomUUID().replaceAll('-', '');
      await api.sql(`UPDATE invitations SET token_hash = $2 WHERE id = $1`, [invitationId, sha256(token)]);
      return { invitationId, token };
    },
    run: (a, ctx) => call(a, 'POST', '/api/invitations/accept', { token: ctx['token'], password: 'et-langt-nok-passord' }),
    verify: async (_a, _r, ctx) => {
      expect(await api.sql(`SELECT accepted_at IS NOT NULL AS accepted FROM invitations WHERE id = $1`, [ctx['invitationId']])).toEqual([
        { accepted: true },
      ]);
    },
  },
  {
    name: 'POST /auth/password-reset (public)',
    expected: ok(202),
    run: (a) => call(a, 'POST', '/api/auth/password-reset', { email: 'ingen@example.no' }),
  },
  {
    name: 'POST /auth/password-reset/confirm (public: the token decides)',
    expected: ok(204),
    prepare: async () => {
      const userId = await newGranUser();
      const token = randomUUID().replaceAll('-', '');
      await api.sql(`INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [
        userId,
        sha256(token),
      ]);
      return { userId, token };
    },
    run: (a, ctx) => call(a, 'POST', '/api/auth/password-reset/confirm', { token: ctx['token'], password: 'et-helt-nytt-passord' }),
    verify: async (_a, _r, ctx) => {
      expect(await api.sql(`SELECT used_at IS NOT NULL AS used FROM password_resets WHERE user_id = $1`, [ctx['userId']])).toEqual([
        { used: true },
      ]);
    },
  },
  {
    name: 'PATCH /auth/me',
    expected: ok(200),
    run: (a) => call(a, 'PATCH', '/api/auth/me', { locale: 'en' }),
    verify: async (a) => {
      expect(await api.sql(`SELECT locale FROM users WHERE id = $1`, [a.userId])).toEqual([{ locale: 'en' }]);
    },
  },
  {
    name: "GET /auth/sessions (one's own)",
    expected: ok(200),
    run: (a) => call(a, 'GET', '/api/auth/sessions'),
    verify: async (a, r) => {
      const sessions = r.body as SessionResponse[];
      expect(sessions.filter((s) => s.current)).toHaveLength(1);
      const owners = await api.sql<{ user_id: string }>(`SELECT DISTINCT user_id FROM auth_sessions WHERE id = ANY($1::uuid[])`, [
        sessions.map((s) => s.id),
      ]);
      expect(owners).toEqual([{ user_id: a.userId }]);
    },
  },
  {
    name: "DELETE /auth/sessions/:id (a session of Gran's staff member: theirs alone to end)",
    expected: (a) => (a.label === 'staff/own' ? 204 : 404),
    prepare: async () => {
      const other = await login(api.baseUrl, DEMO_ACCOUNTS.granStaff);
      const sid = (JSON.parse(Buffer.from(other.token.split('.')[1] ?? '', 'base64url').toString()) as { sid: string }).sid;
      return { sid, token: other.token };
    },
    run: (a, ctx) => call(a, 'DELETE', `/api/auth/sessions/${ctx['sid']}`),
    verify: async (_a, _r, ctx) => {
      expect(await api.sql(`SELECT revoked_at IS NOT NULL AS ended FROM auth_sessions WHERE id = $1`, [ctx['sid']])).toEqual([
        { ended: true },
      ]);
      expect((await request(api.baseUrl, 'GET', '/api/auth/me', { token: ctx['token'] })).status).toBe(401);
    },
  },
  {
    name: "POST /auth/logout-all (one's own sessions)",
    expected: ok(204),
    run: (a) => call(a, 'POST', '/api/auth/logout-all'),
    verify: async (a) => {
      expect(
        await api.sql(`SELECT count(*)::int AS open FROM auth_sessions WHERE user_id = $1 AND revoked_at IS NULL`, [a.userId]),
      ).toEqual([{ open: 0 }]);
      expect((await call(a, 'GET', '/api/auth/me')).status).toBe(401);
      // The following cases go on as this person: sign in again.
      a.token = (await login(api.baseUrl, a.email)).token;
    },
  },
  {
    name: 'GET /audit',
    expected: managers(200),
    run: (a) => call(a, 'GET', '/api/audit?limit=200'),
    verify: async (a, r) => {
      const { items } = r.body as AuditListResponse;
      expect(items.length).toBeGreaterThan(0);
      if (a.role !== 'admin') {
        const ids = items.map((e) => e.id);
        const readable = await api.sql<{ id: string }>(
          `SELECT id::text FROM audit_log WHERE id = ANY($1::bigint[]) AND (actor_organization_id = $2 OR $2::uuid = ANY(concerns))`,
          [ids, a.organizationId],
        );
        expect(readable).toHaveLength(ids.length);
      }
    },
  },
  {
    name: 'GET /audit.csv',
    expected: managers(200),
    run: (a) => call(a, 'GET', '/api/audit.csv?lang=nb'),
    verify: async (_a, r) => {
      expect(String(r.body).split('\r\n')[0]).toContain('Tidspunkt');
    },
  },
  // --- Issue 11: run charts, corrections, benefits, follow-ups ---
  { name: 'GET /indicators/:id/chart', expected: read, run: (a) => call(a, 'GET', `/api/indicators/${sharedIndicatorId}/chart`) },
  {
    name: 'PATCH /measurements/:id',
    expected: ownWrites(200),
    prepare: async () => ({ measurementId: await newMeasurement(sharedIndicatorId) }),
    run: (a, ctx) => call(a, 'PATCH', `/api/measurements/${ctx['measurementId']}`, { value: 11, note: `Rettet av ${a.label}` }),
    verify: async (a, _r, ctx) => {
      expect(await api.sql(`SELECT value, note FROM measurements WHERE id = $1`, [ctx['measurementId']])).toEqual([
        { value: 11, note: `Rettet av ${a.label}` },
      ]);
      expect(await api.sql(`SELECT change, value FROM measurement_revisions WHERE measurement_id = $1`, [ctx['measurementId']])).toEqual([
        { change: 'update', value: 12 },
      ]);
    },
  },
  {
    name: 'DELETE /measurements/:id',
    expected: ownWrites(204),
    prepare: async () => ({ measurementId: await newMeasurement(sharedIndicatorId) }),
    run: (a, ctx) => call(a, 'DELETE', `/api/measurements/${ctx['measurementId']}`),
    verify: async (_a, _r, ctx) => {
      expect(await api.sql(`SELECT 1 FROM measurements WHERE id = $1`, [ctx['measurementId']])).toHaveLength(0);
      expect(await api.sql(`SELECT change FROM measurement_revisions WHERE measurement_id = $1`, [ctx['measurementId']])).toEqual([
        { change: 'delete' },
      ]);
    },
  },
  { name: 'GET /projects/:id/benefits', expected: read, run: (a) => call(a, 'GET', `/api/projects/${sharedProjectId}/benefits`) },
  {
    name: 'POST /projects/:id/benefits',
    expected: ownWrites(201),
    run: (a) =>
      call(a, 'POST', `/api/projects/${sharedProjectId}/benefits`, {
        kind: 'money',
        description: `Gevinst fra ${a.label}`,
        unit: 'nok',
        identified: 1000,
      }),
    verify: async (a) => {
      // An admin without an organisation records for the project's one participant.
      expect(await api.sql(`SELECT organization_id FROM benefits WHERE description = $1`, [`Gevinst fra ${a.label}`])).toEqual([
        { organization_id: a.organizationId ?? granId },
      ]);
    },
  },
  {
    name: 'PATCH /benefits/:id',
    expected: ownWrites(200),
    prepare: async () => ({ benefitId: await newBenefit(sharedProjectId) }),
    run: (a, ctx) => call(a, 'PATCH', `/api/benefits/${ctx['benefitId']}`, { realised: 8, realisedOn: '2026-10-01', version: 1 }),
    verify: async (_a, _r, ctx) => {
      expect(await api.sql(`SELECT realised::float8 AS realised, version FROM benefits WHERE id = $1`, [ctx['benefitId']])).toEqual([
        { realised: 8, version: 2 },
      ]);
    },
  },
  {
    name: 'GET /benefits.csv?partnershipId',
    expected: ok(200),
    prepare: async () => ({ benefitId: await newBenefit(sharedProjectId) }),
    run: (a) => call(a, 'GET', `/api/benefits.csv?partnershipId=${pilotId}`),
    verify: async (a, r) => {
      if (a.relation === 'outsider') expect(r.body).not.toContain('Matrix benefit');
      else expect(r.body).toContain('"Matrix benefit"');
    },
  },
  {
    name: 'GET /follow-ups',
    expected: ok(200),
    prepare: async () => ({ followUpId: await newFollowUp() }),
    run: (a) => call(a, 'GET', '/api/follow-ups?limit=500'),
    verify: async (a, r, ctx) => {
      const ids = (r.body as { id: string }[]).map((f) => f.id);
      if (a.relation === 'outsider') expect(ids).not.toContain(ctx['followUpId']);
      else expect(ids).toContain(ctx['followUpId']);
    },
  },
  {
    name: 'POST /follow-ups/:id',
    expected: answerFollowUp,
    prepare: async () => ({ followUpId: await newFollowUp() }),
    run: (a, ctx) => call(a, 'POST', `/api/follow-ups/${ctx['followUpId']}`, { status: 'held', note: `Svar fra ${a.label}` }),
    verify: async (a, _r, ctx) => {
      expect(await api.sql(`SELECT answer, note FROM follow_ups WHERE id = $1`, [ctx['followUpId']])).toEqual([
        { answer: 'held', note: `Svar fra ${a.label}` },
      ]);
    },
  },
  // Issue 9: practices are published to everyone signed in; staff and leaders write for their own organisation.
  {
    name: 'GET /lessons',
    expected: ok(200),
    run: (a) => call(a, 'GET', '/api/lessons?limit=100'),
    verify: async (a, r) => {
      const names = (r.body as LessonListResponse).items.map((l) => l.partnership.name);
      if (a.relation === 'outsider') expect(names).not.toContain('PILOTen Hadeland');
      else expect(names).toContain('PILOTen Hadeland');
    },
  },
  { name: 'GET /practices', expected: ok(200), run: (a) => call(a, 'GET', '/api/practices') },
  {
    name: 'GET /practices/:id',
    expected: ok(200),
    prepare: async () => ({ practiceId: (await newPractice(lunnerId)).id }),
    run: (a, ctx) => call(a, 'GET', `/api/practices/${ctx['practiceId']}`),
  },
  {
    name: 'GET /practices/:id/lineage',
    expected: ok(200),
    prepare: async () => ({ practiceId: (await newPractice(lunnerId)).id }),
    run: (a, ctx) => call(a, 'GET', `/api/practices/${ctx['practiceId']}/lineage`),
  },
  {
    name: 'POST /practices',
    expected: (a) => (a.role === 'politician' ? 403 : 201),
    run: (a) =>
      call(a, 'POST', '/api/practices', {
        title: `Praksis ${a.label}`,
        summary: 'Kort.',
        description: '',
        ...(a.role === 'admin' ? { organizationId: granId } : {}),
      }),
    verify: async (a) => {
      expect(await api.sql(`SELECT organization_id FROM practices WHERE title = $1`, [`Praksis ${a.label}`])).toEqual([
        { organization_id: a.organizationId ?? granId },
      ]);
    },
  },
  {
    name: 'PATCH /practices/:id',
    expected: (a) => (a.role === 'admin' || (a.relation === 'own' && a.role !== 'politician') ? 200 : 403),
    prepare: async () => ({ practiceId: (await newPractice(granId)).id }),
    run: (a, ctx) => call(a, 'PATCH', `/api/practices/${ctx['practiceId']}`, { title: `Endret av ${a.label}`, version: 1 }),
    verify: async (a, _r, ctx) => {
      expect(await api.sql(`SELECT title, version FROM practices WHERE id = $1`, [ctx['practiceId']])).toEqual([
        { title: `Endret av ${a.label}`, version: 2 },
      ]);
    },
  },
  {
    name: 'POST /practices/:id/adoptions',
    expected: (a) => (a.role === 'politician' ? 403 : 201),
    prepare: async () => ({ practiceId: (await newPractice(baerumId)).id }),
    run: (a, ctx) =>
      call(a, 'POST', `/api/practices/${ctx['practiceId']}/adoptions`, {
        kind: 'adapted',
        changes: `Tilpasset av ${a.label}`,
        ...(a.role === 'admin' ? { organizationId: granId } : {}),
      }),
    verify: async (a, _r, ctx) => {
      expect(await api.sql(`SELECT organization_id, changes FROM adoptions WHERE practice_id = $1`, [ctx['practiceId']])).toEqual([
        { organization_id: a.organizationId ?? granId, changes: `Tilpasset av ${a.label}` },
      ]);
    },
  },
  { name: 'GET /projects/:id/similar', expected: read, run: (a) => call(a, 'GET', `/api/projects/${sharedProjectId}/similar`) },
  {
    name: 'GET /similar?text=',
    expected: ok(200),
    run: (a) => call(a, 'GET', `/api/similar?text=${encodeURIComponent('Matrix project fixture')}`),
    verify: async (a, r) => {
      const names = (r.body as SimilarResponse).projects.map((p) => p.partnership.name);
      if (a.relation === 'outsider') expect(names).not.toContain('PILOTen Hadeland');
      else expect(names).toContain('PILOTen Hadeland');
    },
  },
  { name: 'GET /dashboard/spread', expected: ok(200), run: (a) => call(a, 'GET', '/api/dashboard/spread') },
  // --- issue 15: an organisation's identity provider (administrators only) and e-mail-first sign-in ---
  {
    name: 'PUT /organizations/:id/identity-provider',
    expected: onlyAdmin(200),
    prepare: async () => ({ organizationId: await newOrganization() }),
    run: (a, ctx) => call(a, 'PUT', `/api/organizations/${ctx['organizationId']}/identity-provider`, providerSettings(ctx)),
    verify: async (_a, r, ctx) => {
      expect(r.body).not.toHaveProperty('clientSecret');
      expect(await api.sql(`SELECT domain FROM identity_provider_domains WHERE organization_id = $1`, [ctx['organizationId']])).toEqual([
        { domain: domainOf(ctx) },
      ]);
    },
  },
  {
    name: 'GET /organizations/:id/identity-provider',
    expected: onlyAdmin(200),
    prepare: newProviderOrganization,
    run: (a, ctx) => call(a, 'GET', `/api/organizations/${ctx['organizationId']}/identity-provider`),
    verify: async (_a, r, ctx) => {
      expect(r.body).toMatchObject({ organizationId: ctx['organizationId'], emailDomains: [domainOf(ctx)] });
      expect(JSON.stringify(r.body)).not.toContain('matrix-hemmelighet');
    },
  },
  {
    name: 'DELETE /organizations/:id/identity-provider',
    expected: onlyAdmin(204),
    prepare: newProviderOrganization,
    run: (a, ctx) => call(a, 'DELETE', `/api/organizations/${ctx['organizationId']}/identity-provider`),
    verify: async (_a, _r, ctx) => {
      expect(await api.sql(`SELECT 1 FROM identity_providers WHERE organization_id = $1`, [ctx['organizationId']])).toEqual([]);
    },
  },
  {
    name: 'POST /organizations/:id/identity-provider/test',
    expected: onlyAdmin(200),
    run: (a) => call(a, 'POST', `/api/organizations/${granId}/identity-provider/test`, { issuer: provider.issuer }),
    verify: async (_a, r) => {
      expect(r.body).toMatchObject({ issuer: provider.issuer, authorizationEndpoint: `${provider.issuer}/auth` });
    },
  },
  {
    name: 'POST /auth/sign-in-method (public)',
    expected: ok(200),
    run: (a) => call(a, 'POST', '/api/auth/sign-in-method', { email: 'noen@example.no' }),
    verify: async (_a, r) => {
      expect(r.body).toEqual({ method: 'password' });
    },
  },
  {
    name: 'GET /auth/me/sign-in-method',
    expected: ok(200),
    run: (a) => call(a, 'GET', '/api/auth/me/sign-in-method'),
    verify: async (a, r) => {
      expect(r.body).toMatchObject({
        currentSession: 'password',
        passwordAllowed: true,
        organizationName: a.organizationId ? expect.any(String) : null,
      });
    },
  },
  {
    name: 'GET /auth/oidc/callback (public: the state decides)',
    expected: ok(302),
    run: async (a) => {
      const response = await fetch(`${api.baseUrl}/api/auth/oidc/callback?code=x&state=unknown`, {
        headers: { authorization: `Bearer ${a.token}` },
        redirect: 'manual',
      });
      return { status: response.status, body: await response.text(), headers: response.headers };
    },
    verify: async (_a, r) => {
      expect(r.headers.get('location')).toBe('/sign-in?error=SSO_STATE_INVALID');
    },
  },
  // --- issue 12: threads, follows, notifications, settings and the one-click unsubscribe ---
  {
    name: 'GET /projects/:id/comments',
    expected: read,
    run: (a) => call(a, 'GET', `/api/projects/${sharedProjectId}/comments`),
  },
  {
    name: 'POST /projects/:id/comments',
    expected: threadWrites(201),
    run: (a) => call(a, 'POST', `/api/projects/${sharedProjectId}/comments`, { text: `Innlegg fra ${a.label}` }),
    verify: async (a, r) => {
      expect(await api.sql(`SELECT author_id, entity_id FROM comments WHERE id = $1`, [(r.body as { id: string }).id])).toEqual([
        { author_id: a.userId, entity_id: sharedProjectId },
      ]);
    },
  },
  {
    name: 'GET /partnerships/:id/comments',
    expected: read,
    run: (a) => call(a, 'GET', `/api/partnerships/${pilotId}/comments`),
  },
  {
    name: 'POST /partnerships/:id/comments',
    expected: threadWrites(201),
    run: (a) => call(a, 'POST', `/api/partnerships/${pilotId}/comments`, { text: `Innlegg fra ${a.label}` }),
    verify: async (a) => {
      expect(await api.sql(`SELECT entity_type FROM comments WHERE author_id = $1 AND entity_id = $2`, [a.userId, pilotId])).toEqual([
        { entity_type: 'partnership' },
      ]);
    },
  },
  {
    name: 'GET /practices/:id/comments',
    expected: ok(200),
    prepare: async () => ({ practiceId: (await newPractice(lunnerId)).id }),
    run: (a, ctx) => call(a, 'GET', `/api/practices/${ctx['practiceId']}/comments`),
  },
  {
    name: 'POST /practices/:id/comments',
    expected: (a) => (a.role === 'admin' || a.role === 'politician' ? 403 : 201),
    prepare: async () => ({ practiceId: (await newPractice(lunnerId)).id }),
    run: (a, ctx) => call(a, 'POST', `/api/practices/${ctx['practiceId']}/comments`, { text: `Innlegg fra ${a.label}` }),
  },
  {
    name: 'GET /projects/:id/comments/mentionable',
    expected: read,
    run: (a) => call(a, 'GET', `/api/projects/${sharedProjectId}/comments/mentionable`),
  },
  {
    name: 'GET /partnerships/:id/comments/mentionable',
    expected: read,
    run: (a) => call(a, 'GET', `/api/partnerships/${pilotId}/comments/mentionable`),
  },
  {
    name: 'GET /practices/:id/comments/mentionable',
    expected: ok(200),
    prepare: async () => ({ practiceId: (await newPractice(lunnerId)).id }),
    run: (a, ctx) => call(a, 'GET', `/api/practices/${ctx['practiceId']}/comments/mentionable`),
  },
  {
    name: 'PATCH /comments/:id',
    expected: (a) => (a.relation === 'outsider' ? 404 : a === granStaff() ? 200 : 403),
    prepare: newComment,
    run: (a, ctx) => call(a, 'PATCH', `/api/comments/${ctx['commentId']}`, { text: `Endret av ${a.label}` }),
    verify: async (a, _r, ctx) => {
      expect(await api.sql(`SELECT text FROM comments WHERE id = $1`, [ctx['commentId']])).toEqual([{ text: `Endret av ${a.label}` }]);
    },
  },
  {
    name: 'DELETE /comments/:id',
    expected: (a) => (a.relation === 'outsider' ? 404 : a === granStaff() || a.role === 'admin' ? 204 : 403),
    prepare: newComment,
    run: (a, ctx) => call(a, 'DELETE', `/api/comments/${ctx['commentId']}`),
    verify: async (_a, _r, ctx) => {
      expect(await api.sql(`SELECT text, deleted_at IS NOT NULL AS deleted FROM comments WHERE id = $1`, [ctx['commentId']])).toEqual([
        { text: '', deleted: true },
      ]);
    },
  },
  {
    name: 'GET /comments/:id/revisions',
    expected: read,
    prepare: newComment,
    run: (a, ctx) => call(a, 'GET', `/api/comments/${ctx['commentId']}/revisions`),
  },
  {
    name: 'PUT /follows',
    expected: (a) => (a.relation === 'outsider' ? 404 : 204),
    run: (a) => call(a, 'PUT', '/api/follows', { entityType: 'project', entityId: sharedProjectId }),
    verify: async (a) => {
      expect(await api.sql(`SELECT 1 AS f FROM follows WHERE user_id = $1 AND entity_id = $2`, [a.userId, sharedProjectId])).toEqual([
        { f: 1 },
      ]);
    },
  },
  {
    name: 'GET /follows',
    expected: read,
    run: (a) => call(a, 'GET', `/api/follows?entityType=project&entityId=${sharedProjectId}`),
  },
  {
    name: 'DELETE /follows',
    expected: (a) => (a.relation === 'outsider' ? 404 : 204),
    run: (a) => call(a, 'DELETE', '/api/follows', { entityType: 'project', entityId: sharedProjectId }),
    verify: async (a) => {
      expect(await api.sql(`SELECT 1 FROM follows WHERE user_id = $1 AND entity_id = $2`, [a.userId, sharedProjectId])).toEqual([]);
    },
  },
  { name: 'GET /notifications', expected: ok(200), run: (a) => call(a, 'GET', '/api/notifications') },
  {
    name: 'POST /notifications/read',
    expected: ok(204),
    run: (a) => call(a, 'POST', '/api/notifications/read', { all: true }),
    verify: async (a) => {
      expect(await api.sql(`SELECT 1 FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [a.userId])).toEqual([]);
    },
  },
  {
    name: 'GET /notifications/stream',
    expected: ok(200),
    run: async (a) => {
      const controller = new AbortController();
      const response = await fetch(`${api.baseUrl}/api/notifications/stream`, {
        headers: { authorization: `Bearer ${a.token}` },
        signal: controller.signal,
      });
      const reader = response.body?.getReader();
      const first = response.status === 200 && reader ? new TextDecoder().decode((await reader.read()).value) : await response.text();
      controller.abort();
      return { status: response.status, body: first, headers: response.headers };
    },
    verify: async (_a, r) => {
      expect(r.body).toContain('event: ready');
    },
  },
  { name: 'GET /auth/me/settings', expected: ok(200), run: (a) => call(a, 'GET', '/api/auth/me/settings') },
  {
    name: 'PATCH /auth/me/settings',
    expected: ok(200),
    run: (a) => call(a, 'PATCH', '/api/auth/me/settings', { digest: 'daily' }),
    verify: async (a) => {
      expect(await api.sql(`SELECT digest FROM users WHERE id = $1`, [a.userId])).toEqual([{ digest: 'daily' }]);
    },
  },
  {
    name: 'POST /unsubscribe (public: the token decides)',
    expected: ok(200),
    run: (a) => call(a, 'POST', `/api/unsubscribe?token=${unsubscribeToken(a.userId)}`),
    verify: async (a) => {
      expect(await api.sql(`SELECT email_on_reply FROM users WHERE id = $1`, [a.userId])).toEqual([{ email_on_reply: false }]);
    },
  },
  // Issue 13: public partnerships answer everyone alike, with a token or without; anything not public is the one 404.
  {
    name: 'GET /public/partnerships (public)',
    expected: ok(200),
    run: (a) => call(a, 'GET', '/api/public/partnerships'),
    verify: async (_a, r) => {
      const stored = await api.sql<{ id: string }>(`SELECT id FROM partnerships WHERE visibility = 'public' ORDER BY name, id`);
      expect((r.body as { id: string }[]).map((p) => p.id)).toEqual(stored.map((p) => p.id));
    },
  },
  {
    name: 'GET /public/partnerships/:id of a public one (public)',
    expected: ok(200),
    run: async (a) => {
      const { id } = await api.row<{ id: string }>(`SELECT id FROM partnerships WHERE visibility = 'public' LIMIT 1`);
      return call(a, 'GET', `/api/public/partnerships/${id}`);
    },
    verify: async (_a, r) => {
      expect(JSON.stringify(r.body)).not.toMatch(/@/);
    },
  },
  ...['', '/dashboard', '/data.json', '/data.csv'].map((tail): Case => ({
    name: `GET /public/partnerships/:id${tail} of a members-only one (404 for everyone, its members too)`,
    expected: ok(404),
    run: (a) => call(a, 'GET', `/api/public/partnerships/${pilotId}${tail}`),
  })),
];

const granStaff = () => actors.find((x) => x.email === DEMO_ACCOUNTS.granStaff);
/** A comment by Gran's staff on the shared project. */
async function newComment(): Promise<Record<string, string>> {
  const author = granStaff();
  if (!author) throw new Error('no Gran staff');
  const created = await call<{ id: string }>(author, 'POST', `/api/projects/${sharedProjectId}/comments`, { text: 'Matrix comment' });
  if (created.status !== 201) throw new Error(`fixture comment: ${created.status}`);
  return { commentId: created.body.id };
}
/** A one-click unsubscribe token for the reply mail, signed as the API signs it (the test API's JWT secret). */
const unsubscribeToken = (userId: string) => {
  const payload = Buffer.from(`${userId}:reply`).toString('base64url');
  return `${payload}.${createHmac('sha256', TEST_JWT_SECRET).update(`samspill-unsubscribe:${payload}`).digest('base64url')}`;
};

let provider: TestProvider;
const domainOf = (ctx: Record<string, string>) => `o${(ctx['organizationId'] ?? '').slice(0, 8)}.matrix.no`;
const providerSettings = (ctx: Record<string, string>) => ({
  issuer: 'https://idp.matrix.no',
  clientId: 'samspill',
  clientSecret: 'matrix-hemmelighet',
  emailDomains: [domainOf(ctx)],
  allowPassword: true,
  createUnknownUsers: false,
});
async function newProviderOrganization(): Promise<Record<string, string>> {
  const ctx = { organizationId: await newOrganization() };
  const created = await call(admin, 'PUT', `/api/organizations/${ctx.organizationId}/identity-provider`, providerSettings(ctx));
  if (created.status !== 200) throw new Error(`fixture identity provider: ${created.status}`);
  return ctx;
}

beforeAll(async () => {
  // No queue workers: a mail job finishing later (notifications.mailed_at) would change the fingerprint of an unrelated case.
  api = await startTestApi({ JOBS: 'false' });
  provider = await startTestProvider({ clients: [], accounts: [] });
  const adminSession = await login(api.baseUrl, DEMO_ACCOUNTS.admin);
  admin = {
    label: 'admin',
    role: 'admin',
    relation: 'none',
    token: adminSession.token,
    organizationId: null,
    userId: adminSession.auth.user.id,
    email: DEMO_ACCOUNTS.admin,
  };
  const ids = await api.sql<{ id: string; name: string }>(`SELECT id, name FROM organizations`);
  const idOf = (name: string) => ids.find((o) => o.name === name)?.id ?? '';
  granId = idOf('Gran kommune');
  lunnerId = idOf('Lunner kommune');
  baerumId = idOf('Bærum kommune');
  const roskildeId = idOf('Roskilde Kommune');
  statsforvalterenId = idOf('Statsforvalteren i Innlandet');
  hogskolenId = idOf('Høgskolen i Innlandet');
  for (const [email, role, organizationId] of [
    ['leder@roskilde.dk', 'leader', roskildeId],
    ['politiker@roskilde.dk', 'politician', roskildeId],
    ['leder@statsforvalteren.no', 'leader', statsforvalterenId],
    ['politiker@statsforvalteren.no', 'politician', statsforvalterenId],
  ] as const) {
    const created = await call(admin, 'POST', '/api/users', {
      email,
      name: email,
      role,
      organizationId,
      password: DEMO_PASSWORD,
    });
    if (created.status !== 201) throw new Error(`could not create ${email}`);
  }
  const orgOf: Record<Relation, string> = { own: granId, partner: lunnerId, outsider: roskildeId, observer: statsforvalterenId };
  for (const relation of ['own', 'partner', 'outsider', 'observer'] as const) {
    for (const role of ['staff', 'leader', 'politician'] as const) {
      const session = await login(api.baseUrl, EMAILS[relation][role]);
      actors.push({
        label: `${role}/${relation}`,
        role,
        relation,
        token: session.token,
        organizationId: orgOf[relation],
        userId: session.auth.user.id,
        email: EMAILS[relation][role],
      });
    }
  }
  actors.push(admin);
  pilotId = (await api.row<{ id: string }>(`SELECT id FROM partnerships WHERE name = 'PILOTen Hadeland'`)).id;
  focusAreaId = (await api.row<{ id: string }>(`SELECT id FROM focus_areas WHERE partnership_id = $1 LIMIT 1`, [pilotId])).id;
  sharedProjectId = (await newProject()).id;
  sharedIndicatorId = (await newIndicator(sharedProjectId)).id;
});

afterAll(async () => {
  await provider?.stop();
  await api?.close();
});

describe('permission matrix', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    for (const actor of actors) {
      const ctx = c.prepare ? await c.prepare() : {};
      const before = await fingerprint();
      const result = await c.run(actor, ctx);
      const expected = c.expected(actor);
      const what = `${c.name} as ${actor.label}`;
      expect({ what, status: result.status }).toEqual({ what, status: expected });
      if (expected >= 400) {
        expect({ what, unchanged: (await fingerprint()) === before }).toEqual({ what, unchanged: true });
        expect(result.body).toMatchObject({ statusCode: expected, code: expected === 404 ? 'NOT_FOUND' : 'FORBIDDEN' });
        if (expected === 404) expect(JSON.stringify(result.body)).not.toMatch(/PILOTen|Gran|Lunner|Matrix/);
      } else if (c.verify) {
        await c.verify(actor, result, ctx);
      }
      checked++;
    }
  });

  it('recorded every write it made in the audit trail: the API logged no write without an entry', () => {
    expect(api.output()).not.toContain('a write without an audit entry');
  });

  afterAll(() => {
    // Printed so the size of the matrix is visible in the test output.
    process.stdout.write(`permission matrix: ${checked} cases (${CASES.length} endpoints × ${actors.length} actors)\n`);
  });
});

describe('a platform partnership', () => {
  it('is read by every signed-in person and written only by its members', async () => {
    expect((await call(admin, 'PATCH', `/api/partnerships/${pilotId}`, { visibility: 'platform' })).status).toBe(200);
    const outsiders = actors.filter((a) => a.relation === 'outsider');
    for (const outsider of outsiders) {
      expect((await call(outsider, 'GET', `/api/partnerships/${pilotId}`)).status).toBe(200);
      expect((await call(outsider, 'GET', `/api/projects/${sharedProjectId}`)).status).toBe(200);
      const list = await call<PartnershipResponse[]>(outsider, 'GET', '/api/partnerships');
      expect(list.body.map((p) => p.name)).toContain('PILOTen Hadeland');
      const before = await fingerprint();
      const answer = await call(outsider, 'POST', `/api/partnerships/${pilotId}/answers`, {
        toOrganizationId: granId,
        question: 'weLearnFromThem',
        text: 'Vi vil lære',
      });
      expect(answer.status).toBe(403);
      expect((await call(outsider, 'POST', `/api/projects/${sharedProjectId}/log`, { kind: 'lesson', text: 'x' })).status).toBe(403);
      expect((await call(outsider, 'PATCH', `/api/partnerships/${pilotId}`, { name: 'x' })).status).toBe(403);
      expect(await fingerprint()).toBe(before);
    }
  });
});
