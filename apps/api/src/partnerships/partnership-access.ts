import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProjectStatus, Stage, Visibility } from '@samspill/contracts';
import { type Actor, canSeePartnership, type PartnershipScope, type ProjectScope } from '@samspill/domain';
import { DataSource, EntityManager } from 'typeorm';
import { DomainException, type Findable, notFound } from '../common/domain-exception';

export interface LoadedPartnershipScope extends PartnershipScope {
  id: string;
  /** Bumped by triggers whenever anything the dashboards show changes. */
  dataVersion: string;
}

export interface LoadedProjectScope extends ProjectScope {
  id: string;
  partnershipId: string;
  partnership: PartnershipScope & { id: string };
  stage: Stage;
  status: ProjectStatus;
  version: number;
}

/** What the policy needs about a partnership ($1 = id). */
const PARTNERSHIP_SCOPE_SQL = `SELECT p.id, p.visibility, p.data_version::text AS data_version,
              coalesce(array_agg(m.organization_id) FILTER (WHERE m.organization_id IS NOT NULL), '{}') AS member_ids,
              (SELECT coalesce(array_agg(ob.organization_id), '{}') FROM partnership_observers ob WHERE ob.partnership_id = p.id) AS observer_ids
       FROM partnerships p LEFT JOIN partnership_members m ON m.partnership_id = p.id
       WHERE p.id = $1 GROUP BY p.id`;

/** What the policy needs about a project ($1 = id). */
const PROJECT_SCOPE_SQL = `SELECT pr.id, pr.partnership_id, pr.stage, pr.status, pr.version, p.visibility,
              (SELECT coalesce(array_agg(m.organization_id), '{}') FROM partnership_members m WHERE m.partnership_id = p.id) AS member_ids,
              (SELECT coalesce(array_agg(ob.organization_id), '{}') FROM partnership_observers ob WHERE ob.partnership_id = p.id) AS observer_ids,
              (SELECT coalesce(array_agg(pp.organization_id), '{}') FROM project_participants pp WHERE pp.project_id = pr.id) AS participant_ids
       FROM projects pr JOIN partnerships p ON p.id = pr.partnership_id
       WHERE pr.id = $1`;

/**
 * Loads what the policy needs to decide (members, participants) in one
 * query, and turns "not allowed to see" into the same 404 as "not there":
 * outsiders must not learn that a members-only partnership exists.
 */
@Injectable()
export class PartnershipAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `asked` names what the caller looked for (an answer of the partnership, say), so its 404 says that. */
  async visiblePartnership(actor: Actor, id: string, asked: Findable = 'partnership'): Promise<LoadedPartnershipScope> {
    const [row] = await this.dataSource.query<
      { id: string; visibility: Visibility; data_version: string; member_ids: string[]; observer_ids: string[] }[]
    >(PARTNERSHIP_SCOPE_SQL, [id]);
    const scope = row
      ? { id: row.id, visibility: row.visibility, memberIds: row.member_ids, observerIds: row.observer_ids, dataVersion: row.data_version }
      : null;
    if (!scope || !canSeePartnership(actor, scope)) throw notFound(asked);
    return scope;
  }

  /** A focus area given with an answer or a project must belong to that partnership. */
  async checkFocusArea(partnershipId: string, focusAreaId: string | null, manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (!focusAreaId) return;
    const found = await manager.query(`SELECT 1 FROM focus_areas WHERE id = $1 AND partnership_id = $2`, [focusAreaId, partnershipId]);
    if (found.length === 0) {
      throw new DomainException('INVALID_FOCUS_AREA', 'focusAreaId is not one of this partnership’s focus areas.');
    }
  }

  async visibleProject(actor: Actor, id: string, asked: Findable = 'project'): Promise<LoadedProjectScope> {
    const [row] = await this.dataSource.query<
      {
        id: string;
        partnership_id: string;
        stage: Stage;
        status: ProjectStatus;
        version: number;
        visibility: Visibility;
        member_ids: string[];
        observer_ids: string[];
        participant_ids: string[];
      }[]
    >(PROJECT_SCOPE_SQL, [id]);
    const partnership = row
      ? { id: row.partnership_id, visibility: row.visibility, memberIds: row.member_ids, observerIds: row.observer_ids }
      : null;
    if (!row || !partnership || !canSeePartnership(actor, partnership)) throw notFound(asked);
    return {
      id: row.id,
      partnershipId: row.partnership_id,
      partnership,
      participantIds: row.participant_ids,
      stage: row.stage,
      status: row.status,
      version: row.version,
    };
  }
}
