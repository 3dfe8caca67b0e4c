import type {
  AnswerResponse,
  OrganizationResponse,
  PartnershipResponse,
  ProjectResponse,
  ProjectStatus,
  Question,
  Stage,
  StageMoveResponse,
} from '@samspill/contracts';
import { DEMO_ACCOUNTS } from '@samspill/testing';
import type { TestApi } from './api-server';
import { type HttpResult, login, request, type Session } from './http';

/** Demo organisations by a short key (names as seeded). */
export const ORGS = {
  gran: 'Gran kommune',
  lunner: 'Lunner kommune',
  vestreToten: 'Vestre Toten kommune',
  baerum: 'Bærum kommune',
  navDrammen: 'NAV Drammen',
  roskilde: 'Roskilde Kommune',
  hogskolen: 'Høgskolen i Innlandet',
} as const;
export type OrgKey = keyof typeof ORGS;

/** Who makes a request: a demo account, by its key in DEMO_ACCOUNTS. */
export type Who = keyof typeof DEMO_ACCOUNTS;

export const PILOT = 'PILOTen Hadeland';
export const LEAN = 'Lean i NAV Drammen';

/** Tables a test may count rows in. */
export type Table =
  | 'partnerships'
  | 'partnership_members'
  | 'focus_areas'
  | 'answers'
  | 'projects'
  | 'project_participants'
  | 'stage_transitions'
  | 'log_entries'
  | 'log_entry_revisions'
  | 'indicators'
  | 'measurements';

/**
 * The demo world of one test API: organisation and partnership ids, sessions
 * signed in on first use, and short helpers for the requests most tests repeat.
 */
export class Collaboration {
  readonly org = {} as Record<OrgKey, string>;
  pilot!: PartnershipResponse;
  lean!: PartnershipResponse;
  private readonly sessions = new Map<Who, Promise<Session>>();

  private constructor(readonly api: TestApi) {}

  static async load(api: TestApi): Promise<Collaboration> {
    const c = new Collaboration(api);
    const organizations = await c.call<OrganizationResponse[]>('admin', 'GET', '/api/organizations');
    for (const [key, name] of Object.entries(ORGS) as [OrgKey, string][]) {
      const found = organizations.body.find((o) => o.name === name);
      if (!found) throw new Error(`demo organisation ${name} is missing`);
      c.org[key] = found.id;
    }
    const partnerships = await c.call<PartnershipResponse[]>('admin', 'GET', '/api/partnerships');
    const byName = (name: string) => {
      const found = partnerships.body.find((p) => p.name === name);
      if (!found) throw new Error(`demo partnership ${name} is missing`);
      return found;
    };
    c.pilot = byName(PILOT);
    c.lean = byName(LEAN);
    return c;
  }

  session(who: Who): Promise<Session> {
    let session = this.sessions.get(who);
    if (!session) {
      session = login(this.api.baseUrl, DEMO_ACCOUNTS[who]);
      this.sessions.set(who, session);
    }
    return session;
  }

  async userId(who: Who): Promise<string> {
    return (await this.session(who)).auth.user.id;
  }

  async call<T = unknown>(who: Who, method: string, path: string, body?: unknown): Promise<HttpResult<T>> {
    const { token } = await this.session(who);
    return request<T>(this.api.baseUrl, method, path, { token, body });
  }

  /** The id of a focus area, by partnership and name. */
  focus(partnership: PartnershipResponse, name: string): string {
    const found = partnership.focusAreas.find((f) => f.name === name);
    if (!found) throw new Error(`${partnership.name} has no focus area ${name}`);
    return found.id;
  }

  async count(table: Table, where = 'true', params: unknown[] = []): Promise<number> {
    const [row] = await this.api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
    return row?.n ?? 0;
  }

  async answer(
    who: Who,
    partnership: PartnershipResponse,
    body: { toOrganizationId: string; question: Question; text: string; focusAreaId?: string | null },
  ): Promise<AnswerResponse> {
    return expectStatus(201, await this.call<AnswerResponse>(who, 'POST', `/api/partnerships/${partnership.id}/answers`, body));
  }

  /** A project in PILOTen Hadeland with Gran and Lunner, unless told otherwise. */
  async project(
    who: Who = 'granStaff',
    overrides: Partial<{
      partnershipId: string;
      title: string;
      description: string;
      focusAreaId: string | null;
      participantIds: string[];
    }> = {},
  ): Promise<ProjectResponse> {
    const body = {
      partnershipId: this.pilot.id,
      title: 'Felles innkjøp av velferdsteknologi',
      description: 'Gran og Lunner vurderer å kjøpe inn og ta i bruk sensorer sammen.',
      participantIds: [this.org.gran, this.org.lunner],
      ...overrides,
    };
    return expectStatus(201, await this.call<ProjectResponse>(who, 'POST', '/api/projects', body));
  }

  move(who: Who, projectId: string, toStage: Stage, rationale = `Klar for ${toStage}.`): Promise<HttpResult<StageMoveResponse>> {
    return this.call<StageMoveResponse>(who, 'POST', `/api/projects/${projectId}/transitions`, { toStage, rationale });
  }

  setStatus(who: Who, projectId: string, status: ProjectStatus, rationale = `Status: ${status}.`): Promise<HttpResult<ProjectResponse>> {
    return this.call<ProjectResponse>(who, 'POST', `/api/projects/${projectId}/status`, { status, rationale });
  }

  async stored(projectId: string): Promise<{ stage: Stage; status: ProjectStatus; version: number; title: string }> {
    const [row] = await this.api.sql<{ stage: Stage; status: ProjectStatus; version: number; title: string }>(
      `SELECT stage, status, version, title FROM projects WHERE id = $1`,
      [projectId],
    );
    if (!row) throw new Error(`project ${projectId} is not stored`);
    return row;
  }
}

/** Returns the body when the status is the expected one; otherwise fails with the whole answer, which says why. */
export function expectStatus<T>(status: number, result: HttpResult<T>): T {
  if (result.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${result.status}: ${JSON.stringify(result.body)}`);
  }
  return result.body;
}
