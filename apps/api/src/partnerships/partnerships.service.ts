import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CreateFocusAreaDto,
  type CreatePartnershipDto,
  DIRECTORY_PAGE_SIZE_MAX,
  type DirectoryPageQuery,
  type FocusAreaResponse,
  type OrganizationKind,
  type PartnershipResponse,
  type UpdateFocusAreaDto,
  type UpdatePartnershipDto,
  type Visibility,
} from '@samspill/contracts';
import { type Actor, canCreatePartnership, canManagePartnership } from '@samspill/domain';
import { visiblePartnershipSql } from '@samspill/api/sql-rules';
import { DataSource, EntityManager } from 'typeorm';
import { forbidden } from '../common/actor';
import { onlyRow } from '../database/only-row';
import { DomainException, notFound } from '../common/domain-exception';
import { decodeCursor, type Page, pageOf } from '../common/paging';
import { PartnershipAccess } from './partnership-access';

interface PartnershipRow {
  id: string;
  name: string;
  description: string;
  visibility: Visibility;
  members: { id: string; name: string; kind: OrganizationKind }[];
  focus_areas: FocusAreaResponse[];
}

const MANAGERS = 'leaders of a member organisation';

@Injectable()
export class PartnershipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PartnershipAccess,
  ) {}

  /** One query, whatever the number of partnerships: members and focus areas come as JSON. By name, a page at a time. */
  async list(actor: Actor, page: DirectoryPageQuery): Promise<Page<PartnershipResponse>> {
    const limit = page.limit ?? DIRECTORY_PAGE_SIZE_MAX;
    const after = decodeCursor(page.cursor, ['text', 'uuid']);
    const params: unknown[] = [actor.organizationId, limit + 1];
    let where = visiblePartnershipSql(actor, 'p', '$1');
    if (after) {
      params.push(...after);
      where += ` AND (lower(p.name), p.id) > (lower($3), $4::uuid)`;
    }
    const rows = await this.query(`WHERE ${where} ORDER BY lower(p.name), p.id LIMIT $2`, params);
    return pageOf(rows, limit, (r) => [r.name, r.id], toPartnershipResponse);
  }

  async get(actor: Actor, id: string): Promise<PartnershipResponse> {
    await this.access.visiblePartnership(actor, id);
    const [partnership] = await this.query('WHERE p.id = $1', [id]);
    if (!partnership) throw notFound('partnership');
    return toPartnershipResponse(partnership);
  }

  async create(actor: Actor, createdBy: string, dto: CreatePartnershipDto): Promise<PartnershipResponse> {
    if (!canCreatePartnership(actor)) throw forbidden(actor, 'leaders and administrators');
    // A leader's partnership always includes the leader's own organisation.
    const memberIds = [...new Set([...dto.memberIds, ...(actor.organizationId ? [actor.organizationId] : [])])];
    const id = await this.dataSource.transaction(async (manager) => {
      await this.checkMembers(manager, memberIds);
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO partnerships (name, description, visibility, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
        [dto.name, dto.description, dto.visibility ?? 'members', createdBy],
      );
      const partnershipId = (row as { id: string }).id;
      await manager.query(`INSERT INTO partnership_members (partnership_id, organization_id) SELECT $1, unnest($2::uuid[])`, [
        partnershipId,
        memberIds,
      ]);
      return partnershipId;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, dto: UpdatePartnershipDto): Promise<PartnershipResponse> {
    const scope = await this.access.visiblePartnership(actor, id);
    if (!canManagePartnership(actor, scope)) throw forbidden(actor, MANAGERS);
    await this.dataSource.transaction(async (manager) => {
      if (dto.memberIds) {
        const memberIds = dto.memberIds;
        if (actor.role !== 'admin' && actor.organizationId && !memberIds.includes(actor.organizationId)) {
          throw new DomainException(
            'INVALID_MEMBERS',
            'You cannot remove your own organisation from the partnership.',
            400,
            'OWN_ORGANIZATION_REMOVED',
          );
        }
        await this.checkMembers(manager, memberIds);
        const [blocking] = await manager.query<{ name: string }[]>(
          `SELECT o.name FROM project_participants pp
           JOIN projects pr ON pr.id = pp.project_id JOIN organizations o ON o.id = pp.organization_id
           WHERE pr.partnership_id = $1 AND NOT (pp.organization_id = ANY($2::uuid[])) LIMIT 1`,
          [id, memberIds],
        );
        if (blocking) {
          throw new DomainException(
            'INVALID_MEMBERS',
            `${blocking.name} takes part in projects of this partnership and cannot be removed.`,
            400,
            'MEMBER_HAS_PROJECTS',
          );
        }
        await manager.query(`DELETE FROM partnership_members WHERE partnership_id = $1 AND NOT (organization_id = ANY($2::uuid[]))`, [
          id,
          memberIds,
        ]);
        await manager.query(
          `INSERT INTO partnership_members (partnership_id, organization_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
          [id, memberIds],
        );
      }
      await manager.query(
        `UPDATE partnerships SET name = coalesce($2, name), description = coalesce($3, description),
                visibility = coalesce($4, visibility), updated_at = now()
         WHERE id = $1`,
        [id, dto.name ?? null, dto.description ?? null, dto.visibility ?? null],
      );
    });
    return this.get(actor, id);
  }

  async addFocusArea(actor: Actor, partnershipId: string, dto: CreateFocusAreaDto): Promise<FocusAreaResponse> {
    const scope = await this.access.visiblePartnership(actor, partnershipId);
    if (!canManagePartnership(actor, scope)) throw forbidden(actor, MANAGERS);
    const [row] = await this.dataSource.query<FocusAreaResponse[]>(
      `INSERT INTO focus_areas (partnership_id, name, description)
       SELECT $1, $2, $3
       WHERE NOT EXISTS (SELECT 1 FROM focus_areas WHERE partnership_id = $1 AND lower(name) = lower($2))
       RETURNING id, name, description`,
      [partnershipId, dto.name, dto.description ?? ''],
    );
    if (!row) throw new DomainException('CONFLICT', 'This partnership already has a focus area with that name.', 409);
    return row;
  }

  async updateFocusArea(actor: Actor, focusAreaId: string, dto: UpdateFocusAreaDto): Promise<FocusAreaResponse> {
    const [found] = await this.dataSource.query<{ partnership_id: string }[]>(`SELECT partnership_id FROM focus_areas WHERE id = $1`, [
      focusAreaId,
    ]);
    if (!found) throw notFound('focus area');
    const scope = await this.access.visiblePartnership(actor, found.partnership_id, 'focus area');
    if (!canManagePartnership(actor, scope)) throw forbidden(actor, MANAGERS);
    const [row] = await this.dataSource.query<FocusAreaResponse[]>(
      `WITH updated AS (
         UPDATE focus_areas SET name = coalesce($2, name), description = coalesce($3, description)
         WHERE id = $1 RETURNING id, name, description
       ) SELECT * FROM updated`,
      [focusAreaId, dto.name ?? null, dto.description ?? null],
    );
    return row as FocusAreaResponse;
  }

  private query(whereAndOrder: string, params: unknown[]): Promise<PartnershipRow[]> {
    return this.dataSource.query<PartnershipRow[]>(
      `SELECT p.id, p.name, p.description, p.visibility,
         coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind) ORDER BY o.name)
                   FROM partnership_members m JOIN organizations o ON o.id = m.organization_id
                   WHERE m.partnership_id = p.id), '[]') AS members,
         coalesce((SELECT json_agg(json_build_object('id', f.id, 'name', f.name, 'description', f.description) ORDER BY f.created_at, f.name)
                   FROM focus_areas f WHERE f.partnership_id = p.id), '[]') AS focus_areas
       FROM partnerships p
       ${whereAndOrder}`,
      params,
    );
  }

  private async checkMembers(manager: EntityManager, memberIds: string[]): Promise<void> {
    if (memberIds.length < 2) {
      throw new DomainException('INVALID_MEMBERS', 'A partnership needs at least two member organisations.', 400, 'TOO_FEW_MEMBERS');
    }
    const { found } = onlyRow(
      await manager.query<{ found: number }[]>(`SELECT count(*)::int AS found FROM organizations WHERE id = ANY($1::uuid[])`, [memberIds]),
    );
    if (found !== memberIds.length) {
      throw new DomainException('INVALID_MEMBERS', 'memberIds contains an id that is not an organisation.', 400, 'NOT_AN_ORGANIZATION');
    }
  }
}

function toPartnershipResponse(r: PartnershipRow): PartnershipResponse {
  return { id: r.id, name: r.name, description: r.description, visibility: r.visibility, members: r.members, focusAreas: r.focus_areas };
}
