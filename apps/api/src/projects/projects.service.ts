import { ConflictException, ForbiddenException, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ChangeStatusDto,
  CreateProjectDto,
  PageQuery,
  CreateTransitionDto,
  DecisionKind,
  ErrorReasonOf,
  ProjectListQuery,
  ProjectListResponse,
  ProjectResponse,
  ProjectStatus,
  Stage,
  StageMoveResponse,
  TransitionResponse,
  UpdateProjectDto,
} from '@samspill/contracts';
import { type Actor, canCreateProject, canDecideStage, canWorkOnProject, stageMoveProblem, statusChangeProblem } from '@samspill/domain';
import { visiblePartnershipSql } from '@samspill/api/sql-rules';
import { DataSource, EntityManager } from 'typeorm';
import { forbidden, PROJECT_WORKERS } from '../common/actor';
import { DomainException, notFound } from '../common/domain-exception';
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor, type Page, pageOf } from '../common/paging';
import { PartnershipAccess } from '../partnerships/partnership-access';
import { changedFields, nothingToRecord, recordAudit } from '../audit/audit-trail';
import { Notifier } from '../notifications/notifier';
import { checkActive } from '../organizations/check-active';
import { participantsOf, recordDecision } from './decisions/record-decision';
import { ProjectLoader } from './project-loader';
import { Database } from '../database/database';

const STAGE_PROBLEMS = {
  SAME_STAGE: 'The project is already in that stage.',
  SKIPS_A_STAGE: 'A project moves forward one stage at a time: learn, then test, then establish.',
  PROJECT_NOT_ACTIVE: 'Only an active project can change stage. Resume it first.',
} as const satisfies Record<ErrorReasonOf<'INVALID_STAGE_TRANSITION'>, string>;

const STATUS_PROBLEMS = {
  SAME_STATUS: 'The project already has that status.',
  ALREADY_CLOSED: 'A completed project stays completed.',
} as const satisfies Record<ErrorReasonOf<'INVALID_STATUS_CHANGE'>, string>;

interface TransitionRow {
  id: string;
  kind: DecisionKind;
  from_stage: Stage;
  to_stage: Stage;
  from_status: ProjectStatus | null;
  to_status: ProjectStatus | null;
  rationale: string;
  decided_by_id: string;
  decided_by_name: string;
  decided_at: Date;
}

const TRANSITION_COLUMNS = `t.id, t.kind, t.from_stage, t.to_stage, t.from_status, t.to_status, t.rationale,
  u.id AS decided_by_id, u.name AS decided_by_name, t.decided_at`;

export interface NewProject {
  partnershipId: string;
  title: string;
  description: string;
  focusAreaId: string | null;
  participantIds: string[];
  sourceAnswerId?: string;
  /** Back-dates the project; only the demo seed passes it. */
  createdAt?: Date;
}

@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly db: Database,
    private readonly access: PartnershipAccess,
    private readonly loader: ProjectLoader,
    @Optional() private readonly notifier: Notifier = new Notifier(null),
  ) {}

  /** One statement for the page and its (capped) total, in index order; a cursor continues where the page before ended. */
  async list(actor: Actor, query: ProjectListQuery): Promise<ProjectListResponse> {
    const { from, params } = projectFilter(actor, query);
    const after = (decodeCursor(query.cursor, ['timestamp', 'uuid']) as [string, string] | undefined) ?? null;
    const page = await this.loader.loadPage(from, params, query.limit ?? 50, query.offset ?? 0, after);
    return {
      items: page.items,
      total: page.total,
      totalIsExact: page.totalIsExact,
      nextCursor: page.next ? encodeCursor(page.next) : null,
    };
  }

  async get(actor: Actor, id: string): Promise<ProjectResponse> {
    const project = await this.loader.loadVisible(actor, id);
    if (!project) throw notFound('project');
    return project;
  }

  async create(actor: Actor, userId: string, dto: CreateProjectDto): Promise<ProjectResponse> {
    return this.createProject(actor, userId, {
      partnershipId: dto.partnershipId,
      title: dto.title,
      description: dto.description,
      focusAreaId: dto.focusAreaId ?? null,
      participantIds: dto.participantIds,
    });
  }

  async createProject(actor: Actor, userId: string, project: NewProject, manager?: EntityManager): Promise<ProjectResponse> {
    const partnership = await this.access.visiblePartnership(actor, project.partnershipId);
    if (!canCreateProject(actor, partnership)) throw forbidden(actor, 'staff and leaders of a member organisation');
    // The creator's own organisation always takes part.
    const participantIds = [...new Set([...project.participantIds, ...(actor.organizationId ? [actor.organizationId] : [])])];
    checkParticipants(participantIds, partnership.memberIds);
    const run = async (m: EntityManager) => {
      await checkActive(m, participantIds);
      await this.access.checkFocusArea(project.partnershipId, project.focusAreaId, m);
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO projects (partnership_id, title, description, focus_area_id, source_answer_id, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, coalesce($7::timestamptz, now()), coalesce($7::timestamptz, now())) RETURNING id`,
        [
          project.partnershipId,
          project.title,
          project.description,
          project.focusAreaId,
          project.sourceAnswerId ?? null,
          userId,
          project.createdAt ?? null,
        ],
      );
      const id = (row as { id: string }).id;
      await m.query(`INSERT INTO project_participants (project_id, organization_id) SELECT $1, unnest($2::uuid[])`, [id, participantIds]);
      await this.notifier.follow(m, userId, { type: 'project', id });
      await recordAudit(m, {
        action: 'project.create',
        entityType: 'project',
        entityId: id,
        concerns: participantIds,
        after: {
          partnershipId: project.partnershipId,
          title: project.title,
          focusAreaId: project.focusAreaId,
          participantIds,
          ...(project.sourceAnswerId ? { sourceAnswerId: project.sourceAnswerId } : {}),
        },
      });
      return this.loader.loadOne(id, m);
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /** Optimistic lock: the UPDATE only matches the version the client saw. */
  async update(actor: Actor, id: string, dto: UpdateProjectDto): Promise<ProjectResponse> {
    const project = await this.access.visibleProject(actor, id);
    if (!canWorkOnProject(actor, project)) throw forbidden(actor, PROJECT_WORKERS);
    if (dto.participantIds) {
      checkParticipants(dto.participantIds, project.partnership.memberIds);
      if (actor.role !== 'admin' && actor.organizationId && !dto.participantIds.includes(actor.organizationId)) {
        throw new DomainException(
          'INVALID_PARTICIPANTS',
          'You cannot remove your own organisation from the project.',
          400,
          'OWN_ORGANIZATION_REMOVED',
        );
      }
    }
    return this.dataSource.transaction(async (m) => {
      if (dto.participantIds)
        await checkActive(
          m,
          dto.participantIds.filter((o) => !project.participantIds.includes(o)),
        );
      if (dto.focusAreaId !== undefined) await this.access.checkFocusArea(project.partnershipId, dto.focusAreaId, m);
      const before = await auditedProject(m, id);
      const updated = await m.query<{ id: string }[]>(
        `WITH updated AS (
           UPDATE projects SET
             title = coalesce($3, title),
             description = coalesce($4, description),
             focus_area_id = CASE WHEN $5::boolean THEN $6::uuid ELSE focus_area_id END,
             version = version + 1,
             updated_at = now()
           WHERE id = $1 AND version = $2
           RETURNING id
         ) SELECT id FROM updated`,
        [id, dto.version, dto.title ?? null, dto.description ?? null, dto.focusAreaId !== undefined, dto.focusAreaId ?? null],
      );
      if (updated.length === 0) throw stale();
      if (dto.participantIds) {
        await m.query(`DELETE FROM project_participants WHERE project_id = $1 AND NOT (organization_id = ANY($2::uuid[]))`, [
          id,
          dto.participantIds,
        ]);
        await m.query(
          `INSERT INTO project_participants (project_id, organization_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
          [id, dto.participantIds],
        );
      }
      const after = await auditedProject(m, id);
      // The version moves with every edit; the trail keeps what the edit changed.
      const change = before && after ? changedFields(before, after) : null;
      if (change) {
        await recordAudit(m, {
          action: 'project.update',
          entityType: 'project',
          entityId: id,
          concerns: [...new Set([...(before?.participantIds ?? []), ...(after?.participantIds ?? [])])],
          ...change,
        });
      } else {
        nothingToRecord();
      }
      return this.loader.loadOne(id, m);
    });
  }

  /** `at` back-dates the decision; only the demo seed passes it. */
  async transition(actor: Actor, userId: string, id: string, dto: CreateTransitionDto, at?: Date): Promise<StageMoveResponse> {
    const scope = await this.access.visibleProject(actor, id);
    if (!canWorkOnProject(actor, scope)) throw forbidden(actor, PROJECT_WORKERS);
    return this.dataSource.transaction(async (m) => {
      const current = await lockProject(m, id);
      const problem = stageMoveProblem(current.stage, dto.toStage, current.status);
      if (problem) throw new DomainException('INVALID_STAGE_TRANSITION', STAGE_PROBLEMS[problem], 400, problem);
      if (!canDecideStage(actor, scope, dto.toStage)) {
        throw new ForbiddenException({
          code: 'FORBIDDEN',
          message: 'Moving a project into establish is decided by a leader of a participating organisation.',
        });
      }
      const decisionId = await recordDecision(m, {
        kind: 'stage',
        projectId: id,
        fromStage: current.stage,
        toStage: dto.toStage,
        rationale: dto.rationale,
        decidedBy: userId,
        at,
      });
      await this.notifier.projectDecision(m, { projectId: id, actorId: userId, kind: 'stage', stage: dto.toStage, at });
      return { ...(await this.loadTransition(m, decisionId)), project: await this.loader.loadOne(id, m) };
    });
  }

  /** Oldest first, a page at a time. */
  async transitions(actor: Actor, id: string, page: PageQuery): Promise<Page<TransitionResponse>> {
    await this.access.visibleProject(actor, id);
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(page.cursor, ['timestamp', 'uuid']);
    const rows = await this.db.reader().query<(TransitionRow & { decided_key: string })[]>(
      `SELECT ${TRANSITION_COLUMNS}, t.decided_at::text AS decided_key FROM stage_transitions t JOIN users u ON u.id = t.decided_by
       WHERE t.project_id = $1 ${after ? 'AND (t.decided_at, t.id) > ($3::timestamptz, $4::uuid)' : ''}
       ORDER BY t.decided_at, t.id LIMIT $2`,
      [id, limit + 1, ...(after ?? [])],
    );
    return pageOf(rows, limit, (r) => [r.decided_key, r.id], toTransitionResponse);
  }

  /** `at` back-dates the decision; only the demo seed passes it. */
  async changeStatus(actor: Actor, userId: string, id: string, dto: ChangeStatusDto, at?: Date): Promise<ProjectResponse> {
    const scope = await this.access.visibleProject(actor, id);
    if (!canWorkOnProject(actor, scope)) throw forbidden(actor, PROJECT_WORKERS);
    return this.dataSource.transaction(async (m) => {
      const current = await lockProject(m, id);
      const problem = statusChangeProblem(current.status, dto.status);
      if (problem) throw new DomainException('INVALID_STATUS_CHANGE', STATUS_PROBLEMS[problem], 400, problem);
      await recordDecision(m, {
        kind: 'status',
        projectId: id,
        stage: current.stage,
        fromStatus: current.status,
        toStatus: dto.status,
        rationale: dto.rationale,
        decidedBy: userId,
        at,
      });
      await this.notifier.projectDecision(m, { projectId: id, actorId: userId, kind: 'status', status: dto.status, at });
      return this.loader.loadOne(id, m);
    });
  }

  private async loadTransition(m: EntityManager, id: string): Promise<TransitionResponse> {
    const [row] = await m.query<TransitionRow[]>(
      `SELECT ${TRANSITION_COLUMNS} FROM stage_transitions t JOIN users u ON u.id = t.decided_by WHERE t.id = $1`,
      [id],
    );
    return toTransitionResponse(row as TransitionRow);
  }
}

/** The FROM … WHERE of a project list: what the actor may see, narrowed by the filters. */
export function projectFilter(actor: Actor, query: ProjectListQuery): { from: string; params: unknown[] } {
  const params: unknown[] = [actor.organizationId];
  const where = [visiblePartnershipSql(actor, 'p', '$1')];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (query.partnershipId) add('pr.partnership_id = ?', query.partnershipId);
  if (query.focusAreaId) add('pr.focus_area_id = ?', query.focusAreaId);
  if (query.stage) add('pr.stage = ?', query.stage);
  if (query.status) add('pr.status = ?', query.status);
  if (query.organizationId) {
    add('EXISTS (SELECT 1 FROM project_participants fp WHERE fp.project_id = pr.id AND fp.organization_id = ?)', query.organizationId);
  }
  if (query.q) add('(pr.title ILIKE ? OR pr.description ILIKE ?)', `%${escapeLike(query.q)}%`);
  return { from: `FROM projects pr JOIN partnerships p ON p.id = pr.partnership_id WHERE ${where.join(' AND ')}`, params };
}

/** What the trail records of a project edit. */
async function auditedProject(
  m: EntityManager,
  id: string,
): Promise<{ title: string; description: string; focusAreaId: string | null; participantIds: string[] } | undefined> {
  const [row] = await m.query<{ title: string; description: string; focus_area_id: string | null }[]>(
    `SELECT title, description, focus_area_id FROM projects WHERE id = $1`,
    [id],
  );
  if (!row) return undefined;
  return {
    title: row.title,
    description: row.description,
    focusAreaId: row.focus_area_id,
    participantIds: (await participantsOf(m, id)).sort(),
  };
}

/** Locks the project row: two people deciding at once must not both act on the same stage or status. */
async function lockProject(m: EntityManager, id: string): Promise<{ stage: Stage; status: ProjectStatus }> {
  const [current] = await m.query<{ stage: Stage; status: ProjectStatus }[]>(
    `SELECT stage, status FROM projects WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!current) throw notFound('project');
  return current;
}

function checkParticipants(participantIds: string[], memberIds: readonly string[]): void {
  const outsiders = participantIds.filter((id) => !memberIds.includes(id));
  if (outsiders.length > 0) {
    throw new DomainException(
      'INVALID_PARTICIPANTS',
      'Every participant must be a member organisation of the partnership.',
      400,
      'NOT_A_MEMBER',
    );
  }
}

function stale(): ConflictException {
  return new ConflictException({
    code: 'STALE_VERSION',
    message: 'Someone else changed this project after you opened it. Reload it to see their changes, then try again.',
  });
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toTransitionResponse(r: TransitionRow): TransitionResponse {
  return {
    id: r.id,
    kind: r.kind,
    fromStage: r.from_stage,
    toStage: r.to_stage,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    rationale: r.rationale,
    decidedBy: { id: r.decided_by_id, name: r.decided_by_name },
    decidedAt: r.decided_at.toISOString(),
  };
}
