import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProjectResponse, ProjectStatus, Stage } from '@samspill/contracts';
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

/** Projects by id ($1 = uuid[]), participants aggregated. Shared with the benchmark. */
export const PROJECT_LOAD_SQL = `SELECT pr.id, pr.partnership_id, pr.title, pr.description, pr.focus_area_id, f.name AS focus_area_name,
              pr.stage, pr.status, pr.source_answer_id, u.id AS created_by_id, u.name AS created_by_name,
              pr.created_at, pr.updated_at, pr.version,
              coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.name)
                        FROM project_participants pp JOIN organizations o ON o.id = pp.organization_id
                        WHERE pp.project_id = pr.id), '[]') AS participants
       FROM projects pr
       JOIN users u ON u.id = pr.created_by
       LEFT JOIN focus_areas f ON f.id = pr.focus_area_id
       WHERE pr.id = ANY($1::uuid[])`;

/**
 * Turns project ids into responses with one query, however many projects:
 * participants are aggregated in SQL rather than fetched per project.
 */
@Injectable()
export class ProjectLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<ProjectResponse[]> {
    if (ids.length === 0) return [];
    const rows = await manager.query<ProjectRow[]>(
      PROJECT_LOAD_SQL,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, toProjectResponse(r)]));
    return ids.map((id) => byId.get(id)).filter((p): p is ProjectResponse => p !== undefined);
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
