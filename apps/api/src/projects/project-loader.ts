import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PROJECT_COUNT_LIMIT, type ProjectResponse, type ProjectStatus, type Stage, type Visibility } from '@samspill/contracts';
import { type Actor, canSeePartnership } from '@samspill/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Database } from '../database/database';

interface ProjectRow {
  id: string;
  partnership_id: string;
  title: string;
  description: string;
  focus_area_id: string | null;
  focus_area_name: string | null;
  stage: Stage;
  status: ProjectStatus;
  source_answer_id: string | null;
  created_by_id: string;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
  version: number;
  participants: { id: string; name: string }[];
}

const PROJECT_COLUMNS = `pr.id, pr.partnership_id, pr.title, pr.description, pr.focus_area_id, f.name AS focus_area_name,
              pr.stage, pr.status, pr.source_answer_id, u.id AS created_by_id, u.name AS created_by_name,
              pr.created_at, pr.updated_at, pr.version, pr.participants`;

/** Projects by id ($1 = uuid[]); participants are kept on the project's row (migration 1796100000004). */
const PROJECT_LOAD_SQL = `SELECT ${PROJECT_COLUMNS}
       FROM projects pr
       JOIN users u ON u.id = pr.created_by
       LEFT JOIN focus_areas f ON f.id = pr.focus_area_id
       WHERE pr.id = ANY($1::uuid[])`;

/** One project with what visibility needs ($1 = id): the project page in one statement. */
const PROJECT_PAGE_SQL = `SELECT ${PROJECT_COLUMNS}, p.visibility,
              (SELECT coalesce(array_agg(m.organization_id), '{}') FROM partnership_members m WHERE m.partnership_id = p.id) AS member_ids,
              (SELECT coalesce(array_agg(ob.organization_id), '{}') FROM partnership_observers ob WHERE ob.partnership_id = p.id) AS observer_ids
       FROM projects pr
       JOIN partnerships p ON p.id = pr.partnership_id
       JOIN users u ON u.id = pr.created_by
       LEFT JOIN focus_areas f ON f.id = pr.focus_area_id
       WHERE pr.id = $1`;

/** The list's columns without joins: users and focus areas are looked up for the page's rows only. */
const LIST_COLUMNS = `pr.id, pr.partnership_id, pr.title, pr.description, pr.focus_area_id,
              (SELECT f.name FROM focus_areas f WHERE f.id = pr.focus_area_id) AS focus_area_name,
              pr.stage, pr.status, pr.source_answer_id, pr.created_by AS created_by_id,
              (SELECT u.name FROM users u WHERE u.id = pr.created_by) AS created_by_name,
              pr.created_at, pr.updated_at, pr.version, pr.participants,
              pr.updated_at::text AS updated_key`;

/**
 * A page of a filtered list and its total, in one statement. The page is
 * read in the order of an index (newest change first) and stops at its
 * limit; after a cursor it starts where the page before ended (keyset).
 * The total counts at most PROJECT_COUNT_LIMIT + 1 rows, never the whole
 * filtered set. `from` is a projectFilter() FROM … WHERE; limit, offset and
 * the cursor's two values follow its params.
 */
function projectPageSql(from: string, paramCount: number, afterCursor: boolean): string {
  const n = paramCount;
  const after = afterCursor
    ? ` AND (pr.updated_at < $${n + 3}::timestamptz OR (pr.updated_at = $${n + 3}::timestamptz AND pr.id > $${n + 4}::uuid))`
    : '';
  return `WITH total AS (SELECT count(*)::int AS n FROM (SELECT 1 ${from} LIMIT ${PROJECT_COUNT_LIMIT + 1}) counted),
       page AS (SELECT ${LIST_COLUMNS} ${from}${after} ORDER BY pr.updated_at DESC, pr.id LIMIT $${n + 1} OFFSET $${n + 2})
       SELECT total.n AS total, page.* FROM total LEFT JOIN page ON true ORDER BY page.updated_at DESC, page.id`;
}

/**
 * Turns project ids into responses with one query, however many projects;
 * the participants come with each project's row.
 */
@Injectable()
export class ProjectLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly db: Database,
  ) {}

  async load(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<ProjectResponse[]> {
    if (ids.length === 0) return [];
    const rows = await manager.query<ProjectRow[]>(PROJECT_LOAD_SQL, [ids]);
    const byId = new Map(rows.map((r) => [r.id, toProjectResponse(r)]));
    return ids.map((id) => byId.get(id)).filter((p): p is ProjectResponse => p !== undefined);
  }

  /** The project if the actor may see its partnership; null otherwise. */
  async loadVisible(actor: Actor, id: string): Promise<ProjectResponse | null> {
    const [row] = await this.db
      .reader()
      .query<(ProjectRow & { visibility: Visibility; member_ids: string[]; observer_ids: string[] })[]>(PROJECT_PAGE_SQL, [id]);
    if (!row || !canSeePartnership(actor, { visibility: row.visibility, memberIds: row.member_ids, observerIds: row.observer_ids })) {
      return null;
    }
    return toProjectResponse(row);
  }

  /** A page of projects and the total; `from`/`params` come from projectFilter(), `after` from the page before's cursor. */
  async loadPage(from: string, params: unknown[], limit: number, offset: number, after: [string, string] | null): Promise<ProjectPage> {
    const rows = await this.db
      .reader()
      .query<(ProjectRow & { total: number; updated_key: string })[]>(projectPageSql(from, params.length, after !== null), [
        ...params,
        limit + 1,
        offset,
        ...(after ?? []),
      ]);
    const total = rows[0]?.total ?? 0;
    const found = rows.filter((r) => r.id !== null);
    const last = found.length > limit ? found[limit - 1] : undefined;
    return {
      items: found.slice(0, limit).map(toProjectResponse),
      total: Math.min(total, PROJECT_COUNT_LIMIT),
      totalIsExact: total <= PROJECT_COUNT_LIMIT,
      next: last ? ([last.updated_key, last.id] as [string, string]) : null,
    };
  }

  async loadOne(id: string, manager?: EntityManager): Promise<ProjectResponse> {
    const [project] = await this.load([id], manager);
    if (!project) throw new Error(`project ${id} vanished`);
    return project;
  }
}

export interface ProjectPage {
  items: ProjectResponse[];
  total: number;
  totalIsExact: boolean;
  /** Where the next page starts (the last row's order key), null on the last page. */
  next: [string, string] | null;
}

function toProjectResponse(r: ProjectRow): ProjectResponse {
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    title: r.title,
    description: r.description,
    focusArea: r.focus_area_id ? { id: r.focus_area_id, name: r.focus_area_name ?? '' } : null,
    stage: r.stage,
    status: r.status,
    participants: r.participants,
    sourceAnswerId: r.source_answer_id,
    createdBy: { id: r.created_by_id, name: r.created_by_name },
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}
