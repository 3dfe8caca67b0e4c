import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProjectResponse, ProjectStatus, Stage, Visibility } from '@samspill/contracts';
import { type Actor, canSeePartnership } from '@samspill/domain';
import { DataSource, EntityManager } from 'typeorm';

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
              pr.created_at, pr.updated_at, pr.version,
              coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.name)
                        FROM project_participants pp JOIN organizations o ON o.id = pp.organization_id
                        WHERE pp.project_id = pr.id), '[]') AS participants`;

/** Projects by id ($1 = uuid[]), participants aggregated. */
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

/**
 * A page of a filtered list with its total, in one statement: the window
 * count runs over the ids only, the project columns only for the page.
 * `from` is a projectFilter() FROM … WHERE; limit and offset follow its params.
 */
function projectPageSql(from: string, paramCount: number): string {
  return `WITH page AS (
         SELECT pr.id, pr.updated_at, count(*) OVER () AS total ${from}
         ORDER BY pr.updated_at DESC, pr.id LIMIT $${paramCount + 1} OFFSET $${paramCount + 2}
       )
       SELECT ${PROJECT_COLUMNS}, page.total::int AS total
       FROM page JOIN projects pr ON pr.id = page.id
       JOIN users u ON u.id = pr.created_by
       LEFT JOIN focus_areas f ON f.id = pr.focus_area_id
       ORDER BY page.updated_at DESC, page.id`;
}

/**
 * Turns project ids into responses with one query, however many projects:
 * participants are aggregated in SQL rather than fetched per project.
 */
@Injectable()
export class ProjectLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<ProjectResponse[]> {
    if (ids.length === 0) return [];
    const rows = await manager.query<ProjectRow[]>(PROJECT_LOAD_SQL, [ids]);
    const byId = new Map(rows.map((r) => [r.id, toProjectResponse(r)]));
    return ids.map((id) => byId.get(id)).filter((p): p is ProjectResponse => p !== undefined);
  }

  /** The project if the actor may see its partnership; null otherwise. */
  async loadVisible(actor: Actor, id: string): Promise<ProjectResponse | null> {
    const [row] = await this.dataSource.query<(ProjectRow & { visibility: Visibility; member_ids: string[]; observer_ids: string[] })[]>(
      PROJECT_PAGE_SQL,
      [id],
    );
    if (!row || !canSeePartnership(actor, { visibility: row.visibility, memberIds: row.member_ids, observerIds: row.observer_ids })) {
      return null;
    }
    return toProjectResponse(row);
  }

  /** A page of projects and the total; `from`/`params` come from projectFilter(). */
  async loadPage(
    from: string,
    params: unknown[],
    limit: number,
    offset: number,
  ): Promise<{ items: ProjectResponse[]; total: number | null }> {
    const rows = await this.dataSource.query<(ProjectRow & { total: number })[]>(projectPageSql(from, params.length), [
      ...params,
      limit,
      offset,
    ]);
    return { items: rows.map(toProjectResponse), total: rows[0]?.total ?? null };
  }

  async loadOne(id: string, manager?: EntityManager): Promise<ProjectResponse> {
    const [project] = await this.load([id], manager);
    if (!project) throw new Error(`project ${id} vanished`);
    return project;
  }
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
