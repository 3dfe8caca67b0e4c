import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  type Country,
  type CreateOrganizationDto,
  DIRECTORY_PAGE_SIZE_MAX,
  type DirectoryPageQuery,
  type OrganizationKind,
  type UpdateOrganizationDto,
} from '@samspill/contracts';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { changedFields, nothingToRecord, recordAudit } from '../audit/audit-trail';
import { DomainException, notFound } from '../common/domain-exception';
import { type Page, pageByName } from '../common/paging';
import { onlyRow } from '../database/only-row';
import { OrganizationEntity } from './organization.entity';

interface OrganizationRow {
  id: string;
  name: string;
  kind: OrganizationKind;
  code: string | null;
  country: Country;
  active: boolean;
  successor_id: string | null;
  version: number;
}

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** By name, a page at a time; inactive ones (merged into a successor) included, with their successor. */
  async list(page: DirectoryPageQuery): Promise<Page<OrganizationEntity>> {
    // The successors come in a second query: a join would make TypeORM's paging wrap the ordered query in a subquery.
    const found = await pageByName(this.organizations.createQueryBuilder('o'), page, DIRECTORY_PAGE_SIZE_MAX, { caseInsensitive: true });
    const successorIds = [...new Set(found.items.map((o) => o.successorId).filter((id): id is string => id !== null))];
    if (successorIds.length === 0) return found;
    const successors = new Map((await this.organizations.findBy({ id: In(successorIds) })).map((o) => [o.id, o]));
    for (const o of found.items) o.successor = o.successorId ? (successors.get(o.successorId) ?? null) : null;
    return found;
  }

  async create(dto: CreateOrganizationDto): Promise<OrganizationEntity> {
    const code = dto.code ?? null;
    await this.checkUnique(this.dataSource.manager, { name: dto.name, code, country: dto.country });
    const id = await this.dataSource.transaction(async (m) => {
      const { id } = onlyRow(
        await m.query<{ id: string }[]>(`INSERT INTO organizations (name, kind, code, country) VALUES ($1, $2, $3, $4) RETURNING id`, [
          dto.name,
          dto.kind,
          code,
          dto.country,
        ]),
      );
      await recordAudit(m, {
        action: 'organization.create',
        entityType: 'organization',
        entityId: id,
        concerns: [id],
        after: { name: dto.name, kind: dto.kind, code, country: dto.country },
      });
      return id;
    });
    return this.get(id);
  }

  /** Name, official number, kind or country; with `version`, a stale edit is refused (409). */
  async update(id: string, dto: UpdateOrganizationDto): Promise<OrganizationEntity> {
    await this.dataSource.transaction(async (m) => {
      const current = await this.lock(m, id);
      if (dto.version !== undefined && dto.version !== current.version) throw staleOrganization();
      const next = {
        name: dto.name ?? current.name,
        kind: dto.kind ?? current.kind,
        code: dto.code === undefined ? current.code : dto.code,
        country: dto.country ?? current.country,
      };
      const change = changedFields({ name: current.name, kind: current.kind, code: current.code, country: current.country }, next);
      if (!change) return nothingToRecord();
      await this.checkUnique(m, next, id);
      await m.query(
        `UPDATE organizations SET name = $2, kind = $3, code = $4, country = $5, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, next.name, next.kind, next.code, next.country],
      );
      // Cached dashboards name their organisations: a new name is new data for every partnership it takes part in.
      if (change.after['name'] !== undefined) {
        await m.query(`SELECT samspill_touch_partnership(partnership_id) FROM partnership_members WHERE organization_id = $1`, [id]);
      }
      await recordAudit(m, { action: 'organization.update', entityType: 'organization', entityId: id, concerns: [id], ...change });
    });
    return this.get(id);
  }

  /**
   * A merger (kommunereform): the organisation becomes part of its successor
   * and inactive. Its row and name stay, so its history reads as it was; it
   * can no longer be added to a partnership, a project or an invitation.
   */
  async setSuccessor(id: string, successorId: string): Promise<OrganizationEntity> {
    if (id === successorId) {
      throw new DomainException('INVALID_SUCCESSOR', 'An organisation cannot merge into itself.', 400, 'SAME_ORGANIZATION');
    }
    await this.dataSource.transaction(async (m) => {
      // Both rows, locked in one order so that two crossing mergers cannot deadlock.
      const rows = await m.query<OrganizationRow[]>(
        `SELECT id, name, kind, code, country, active, successor_id, version FROM organizations WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
        [[id, successorId]],
      );
      const merged = rows.find((r) => r.id === id);
      const successor = rows.find((r) => r.id === successorId);
      if (!merged) throw notFound('organization');
      if (!successor) {
        throw new DomainException('INVALID_SUCCESSOR', 'successorId is not an organisation.', 400, 'UNKNOWN_SUCCESSOR');
      }
      if (!merged.active) {
        throw new DomainException(
          'INVALID_SUCCESSOR',
          `${merged.name} has already merged into another organisation.`,
          400,
          'ALREADY_MERGED',
        );
      }
      if (!successor.active) {
        throw new DomainException(
          'INACTIVE_ORGANIZATION',
          `${successor.name} has itself merged into another organisation: choose the one it is part of now.`,
        );
      }
      await m.query(
        `UPDATE organizations SET successor_id = $2, merged_at = now(), version = version + 1, updated_at = now() WHERE id = $1`,
        [id, successorId],
      );
      await recordAudit(m, {
        action: 'organization.merge',
        entityType: 'organization',
        entityId: id,
        concerns: [id, successorId],
        before: { active: true, successor: null },
        after: { active: false, successor: { id: successor.id, name: successor.name } },
      });
    });
    return this.get(id);
  }

  async get(id: string): Promise<OrganizationEntity> {
    const found = await this.organizations.findOne({ where: { id }, relations: { successor: true } });
    if (!found) throw notFound('organization');
    return found;
  }

  private async lock(m: EntityManager, id: string): Promise<OrganizationRow> {
    const [row] = await m.query<OrganizationRow[]>(
      `SELECT id, name, kind, code, country, active, successor_id, version FROM organizations WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw notFound('organization');
    return row;
  }

  /** Name and official number are unique per country. */
  private async checkUnique(
    m: EntityManager,
    o: { name: string; code: string | null; country: Country },
    except: string | null = null,
  ): Promise<void> {
    const [duplicate] = await m.query<{ code: string | null }[]>(
      `SELECT code FROM organizations
       WHERE country = $1 AND (lower(name) = lower($2) OR ($3::text IS NOT NULL AND code = $3)) AND id IS DISTINCT FROM $4::uuid
       LIMIT 1`,
      [o.country, o.name, o.code, except],
    );
    if (duplicate) {
      throw new DomainException(
        'CONFLICT',
        `An organisation with this ${duplicate.code === o.code && o.code ? 'official number' : 'name'} already exists in ${o.country}`,
        409,
      );
    }
  }
}

function staleOrganization(): ConflictException {
  return new ConflictException({
    code: 'STALE_VERSION',
    message: 'Someone else changed this organisation after you opened it. Reload it to see their changes, then try again.',
  });
}
