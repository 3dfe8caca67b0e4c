import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CreateFocusAreaDto,
  type CreatePartnershipDto,
  type DirectoryPageQuery,
  type FocusAreaResponse,
  type OrganizationKind,
  type PartnershipResponse,
  type UpdateFocusAreaDto,
  type UpdatePartnershipDto,
  type Visibility,
  PARTNERSHIP_PAGE_DEFAULT,
} from '@samspill/contracts';
import { type Actor, canCreatePartnership, canManagePartnership, canSeePartnership } from '@samspill/domain';
import { visiblePartnershipSql } from '@samspill/api/sql-rules';
import { DataSource, EntityManager } from 'typeorm';
import { forbidden } from '../common/actor';
import { onlyRow } from '../database/only-row';
import { DomainException, notFound } from '../common/domain-exception';
import { decodeCursor, type Page, pageOf } from '../common/paging';
import { changedFields, nothingToRecord, recordAudit } from '../audit/audit-trail';
import { checkActive } from '../organizations/check-active';
import { PartnershipAccess } from './partnership-access';
import { Database } from '../database/database';

interface PartnershipRow {
  id: string;
  name: string;
  /** lower(name) as PostgreSQL computes it: the cursor must compare the way the index does. */
  sort_name: string;
  description: string;
  visibility: Visibility;
  members: { id: string; name: string; kind: OrganizationKind }[];
  observers: { id: string; name: string; kind: OrganizationKind }[];
  focus_areas: FocusAreaResponse[];
}

const MANAGERS = 'leaders of a member organisation';

@Injectable()
export class PartnershipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly db: Database,
    private readonly access: PartnershipAccess,
  ) {}

  /** One query per page, whatever the number of partnerships: members and focus areas come as JSON. By name, in index order. */
  async list(actor: Actor, page: DirectoryPageQuery): Promise<Page<PartnershipResponse>> {
    const limit = page.limit ?? PARTNERSHIP_PAGE_DEFAULT;
    const after = decodeCursor(page.cursor, ['text', 'uuid']);
    const params: unknown[] = [actor.organizationId, limit + 1];
    let where = visiblePartnershipSql(actor, 'p', '$1');
    if (after) {
      params.push(...after);
      where += ` AND (lower(p.name), p.id) > ($3, $4::uuid)`;
    }
    const rows = await this.query(this.db.reader(), `WHERE ${where} ORDER BY lower(p.name), p.id LIMIT $2`, params);
    return pageOf(rows, limit, (r) => [r.sort_name, r.id], toPartnershipResponse);
  }

  /** One statement: the row carries what the visibility rule needs (its members), so no separate check goes first. */
  async get(actor: Actor, id: string): Promise<PartnershipResponse> {
    const [partnership] = await this.query(this.db.reader(), 'WHERE p.id = $1', [id]);
    if (
      !partnership ||
      !canSeePartnership(actor, {
        visibility: partnership.visibility,
        memberIds: partnership.members.map((m) => m.id),
        observerIds: partnership.observers.map((o) => o.id),
      })
    ) {
      throw notFound('partnership');
    }
    return toPartnershipResponse(partnership);
  }

  async create(actor: Actor, createdBy: string, dto: CreatePartnershipDto): Promise<PartnershipResponse> {
    if (!canCreatePartnership(actor)) throw forbidden(actor, 'leaders and administrators');
    // A leader's partnership always includes the leader's own organisation.
    const memberIds = [...new Set([...dto.memberIds, ...(actor.organizationId ? [actor.organizationId] : [])])];
    const observerIds = dto.observerIds ?? [];
    const id = await this.dataSource.transaction(async (manager) => {
      await this.checkMembers(manager, memberIds);
      await this.checkObservers(manager, observerIds, memberIds);
      await checkActive(manager, [...memberIds, ...observerIds]);
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO partnerships (name, description, visibility, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
        [dto.name, dto.description, dto.visibility ?? 'members', createdBy],
      );
      const partnershipId = (row as { id: string }).id;
      await manager.query(`INSERT INTO partnership_members (partnership_id, organization_id) SELECT $1, unnest($2::uuid[])`, [
        partnershipId,
        memberIds,
      ]);
      await manager.query(`INSERT INTO partnership_observers (partnership_id, organization_id) SELECT $1, unnest($2::uuid[])`, [
        partnershipId,
        observerIds,
      ]);
      await recordAudit(manager, {
        action: 'partnership.create',
        entityType: 'partnership',
        entityId: partnershipId,
        concerns: [...memberIds, ...observerIds],
        after: { name: dto.name, visibility: dto.visibility ?? 'members', memberIds, observerIds },
      });
      // The creator follows what they created (issue 12).
      if (createdBy) {
        await manager.query(`INSERT INTO follows (user_id, entity_type, entity_id) VALUES ($1, 'partnership', $2) ON CONFLICT DO NOTHING`, [
          createdBy,
          partnershipId,
        ]);
      }
      return partnershipId;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, dto: UpdatePartnershipDto): Promise<PartnershipResponse> {
    const scope = await this.access.visiblePartnership(actor, id);
    if (!canManagePartnership(actor, scope)) throw forbidden(actor, MANAGERS);
    await this.dataSource.transaction(async (manager) => {
      const before = await this.auditedFields(manager, id);
      const memberIds = dto.memberIds ?? before.memberIds;
      if (dto.memberIds) {
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
      }
      if (dto.memberIds || dto.observerIds) {
        // Organisations joining (as members or observers) must be active; those already there stay, merged or not.
        const present = new Set([...before.memberIds, ...before.observerIds]);
        await this.checkObservers(manager, dto.observerIds ?? before.observerIds, memberIds);
        await checkActive(
          manager,
          [...(dto.memberIds ?? []), ...(dto.observerIds ?? [])].filter((o) => !present.has(o)),
        );
      }
      if (dto.observerIds) {
        await manager.query(`DELETE FROM partnership_observers WHERE partnership_id = $1 AND NOT (organization_id = ANY($2::uuid[]))`, [
          id,
          dto.observerIds,
        ]);
      }
      if (dto.memberIds) {
        await manager.query(`DELETE FROM partnership_members WHERE partnership_id = $1 AND NOT (organization_id = ANY($2::uuid[]))`, [
          id,
          memberIds,
        ]);
        await manager.query(
          `INSERT INTO partnership_members (partnership_id, organization_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
          [id, memberIds],
        );
      }
      if (dto.observerIds) {
        await manager.query(
          `INSERT INTO partnership_observers (partnership_id, organization_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
          [id, dto.observerIds],
        );
      }
      await manager.query(
        `UPDATE partnerships SET name = coalesce($2, name), description = coalesce($3, description),
                visibility = coalesce($4, visibility), updated_at = now()
         WHERE id = $1`,
        [id, dto.name ?? null, dto.description ?? null, dto.visibility ?? null],
      );
      const after = await this.auditedFields(manager, id);
      const change = changedFields(before, after);
      if (!change) return nothingToRecord();
      await recordAudit(manager, {
        action: 'partnership.update',
        entityType: 'partnership',
        entityId: id,
        concerns: [...new Set([...before.memberIds, ...after.memberIds, ...before.observerIds, ...after.observerIds])],
        ...change,
      });
    });
    return this.get(actor, id);
  }

  async addFocusArea(actor: Actor, partnershipId: string, dto: CreateFocusAreaDto): Promise<FocusAreaResponse> {
    const scope = await this.access.visiblePartnership(actor, partnershipId);
    if (!canManagePartnership(actor, scope)) throw forbidden(actor, MANAGERS);
    return this.dataSource.transaction(async (m) => {
      const [row] = await m.query<FocusAreaResponse[]>(
        `INSERT INTO focus_areas (partnership_id, name, description)
         SELECT $1, $2, $3
         WHERE NOT EXISTS (SELECT 1 FROM focus_areas WHERE partnership_id = $1 AND lower(name) = lower($2))
         RETURNING id, name, description`,
        [partnershipId, dto.name, dto.description ?? ''],
      );
      if (!row) throw new DomainException('CONFLICT', 'This partnership already has a focus area with that name.', 409);
      await recordAudit(m, {
        action: 'focus_area.create',
        entityType: 'focus_area',
        entityId: row.id,
        concerns: scope.memberIds,
        after: { partnershipId, name: row.name, description: row.description },
      });
      return row;
    });
  }

  async updateFocusArea(actor: Actor, focusAreaId: string, dto: UpdateFocusAreaDto): Promise<FocusAreaResponse> {
    const [found] = await this.dataSource.query<{ partnership_id: string }[]>(`SELECT partnership_id FROM focus_areas WHERE id = $1`, [
      focusAreaId,
    ]);
    if (!found) throw notFound('focus area');
    const scope = await this.access.visiblePartnership(actor, found.partnership_id, 'focus area');
    if (!canManagePartnership(actor, scope)) throw forbidden(actor, MANAGERS);
    return this.dataSource.transaction(async (m) => {
      const [before] = await m.query<FocusAreaResponse[]>(`SELECT id, name, description FROM focus_areas WHERE id = $1 FOR UPDATE`, [
        focusAreaId,
      ]);
      const [row] = await m.query<FocusAreaResponse[]>(
        `WITH updated AS (
           UPDATE focus_areas SET name = coalesce($2, name), description = coalesce($3, description)
           WHERE id = $1 RETURNING id, name, description
         ) SELECT * FROM updated`,
        [focusAreaId, dto.name ?? null, dto.description ?? null],
      );
      const updated = row as FocusAreaResponse;
      const change = before
        ? changedFields({ name: before.name, description: before.description }, { name: updated.name, description: updated.description })
        : null;
      if (change) {
        await recordAudit(m, {
          action: 'focus_area.update',
          entityType: 'focus_area',
          entityId: focusAreaId,
          concerns: scope.memberIds,
          ...change,
        });
      } else {
        nothingToRecord();
      }
      return updated;
    });
  }

  /** What the trail records of a partnership: its own fields and who takes part, as it stands in this transaction. */
  private async auditedFields(
    m: EntityManager,
    id: string,
  ): Promise<{ name: string; description: string; visibility: Visibility; memberIds: string[]; observerIds: string[] }> {
    const [row] = await m.query<
      { name: string; description: string; visibility: Visibility; member_ids: string[]; observer_ids: string[] }[]
    >(
      `SELECT p.name, p.description, p.visibility,
         (SELECT coalesce(array_agg(organization_id ORDER BY organization_id), '{}') FROM partnership_members WHERE partnership_id = p.id) AS member_ids,
         (SELECT coalesce(array_agg(organization_id ORDER BY organization_id), '{}') FROM partnership_observers WHERE partnership_id = p.id) AS observer_ids
       FROM partnerships p WHERE p.id = $1 FOR UPDATE OF p`,
      [id],
    );
    if (!row) throw notFound('partnership');
    return {
      name: row.name,
      description: row.description,
      visibility: row.visibility,
      memberIds: row.member_ids,
      observerIds: row.observer_ids,
    };
  }

  /** Observers are organisations, and never members of the same partnership. */
  private async checkObservers(manager: EntityManager, observerIds: readonly string[], memberIds: readonly string[]): Promise<void> {
    if (observerIds.some((o) => memberIds.includes(o))) {
      throw new DomainException(
        'INVALID_OBSERVERS',
        'An organisation is either a member or an observer of a partnership, not both.',
        400,
        'ALSO_A_MEMBER',
      );
    }
    if (observerIds.length === 0) return;
    const { found } = onlyRow(
      await manager.query<{ found: number }[]>(`SELECT count(*)::int AS found FROM organizations WHERE id = ANY($1::uuid[])`, [
        observerIds,
      ]),
    );
    if (found !== observerIds.length) {
      throw new DomainException('INVALID_OBSERVERS', 'observerIds contains an id that is not an organisation.', 400, 'NOT_AN_ORGANIZATION');
    }
  }

  private query(source: DataSource, whereAndOrder: string, params: unknown[]): Promise<PartnershipRow[]> {
    return source.query<PartnershipRow[]>(
      `SELECT p.id, p.name, lower(p.name) AS sort_name, p.description, p.visibility,
         coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind) ORDER BY o.name)
                   FROM partnership_members m JOIN organizations o ON o.id = m.organization_id
                   WHERE m.partnership_id = p.id), '[]') AS members,
         coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind) ORDER BY o.name)
                   FROM partnership_observers ob JOIN organizations o ON o.id = ob.organization_id
                   WHERE ob.partnership_id = p.id), '[]') AS observers,
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
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    visibility: r.visibility,
    members: r.members,
    observers: r.observers,
    focusAreas: r.focus_areas,
  };
}
