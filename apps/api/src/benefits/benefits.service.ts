import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BenefitKind, BenefitResponse, BenefitUnit, CreateBenefitDto, UpdateBenefitDto } from '@samspill/contracts';
import { type Actor, canWorkOnProject } from '@samspill/domain';
import { DataSource, EntityManager } from 'typeorm';
import { forbidden, PROJECT_WORKERS, recordedFor } from '../common/actor';
import { DomainException, notFound } from '../common/domain-exception';
import { PartnershipAccess } from '../partnerships/partnership-access';
import { recordAudit } from '../audit/audit-trail';

interface BenefitRow {
  id: string;
  project_id: string;
  organization_id: string;
  organization_name: string;
  kind: BenefitKind;
  description: string;
  unit: BenefitUnit;
  identified: number;
  realised: number | null;
  realised_on: string | null;
  version: number;
  created_at: Date;
}

const BENEFIT_SELECT = `SELECT b.id, b.project_id, o.id AS organization_id, o.name AS organization_name, b.kind, b.description, b.unit,
    b.identified::float8 AS identified, b.realised::float8 AS realised, to_char(b.realised_on, 'YYYY-MM-DD') AS realised_on,
    b.version, b.created_at
  FROM benefits b JOIN organizations o ON o.id = b.organization_id`;

/** A project's benefits per organisation: identified when found, realised when taken out. */
@Injectable()
export class BenefitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PartnershipAccess,
  ) {}

  /** Oldest first. */
  async list(actor: Actor, projectId: string): Promise<BenefitResponse[]> {
    await this.access.visibleProject(actor, projectId);
    const rows = await this.dataSource.query<BenefitRow[]>(
      `${BENEFIT_SELECT} WHERE b.project_id = $1 ORDER BY b.created_at, b.id LIMIT 1000`,
      [projectId],
    );
    return rows.map(toBenefitResponse);
  }

  /** `at` back-dates the benefit; only the demo seed passes it. */
  async create(actor: Actor, userId: string, projectId: string, dto: CreateBenefitDto, at?: Date): Promise<BenefitResponse> {
    const project = await this.access.visibleProject(actor, projectId);
    if (!canWorkOnProject(actor, project)) throw forbidden(actor, PROJECT_WORKERS);
    const organizationId = recordedFor(actor, project.participantIds, dto.organizationId, 'benefit');
    const id = await this.dataSource.transaction(async (m) => {
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO benefits (project_id, organization_id, kind, description, unit, identified, realised, realised_on, created_by,
                             created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, coalesce($10::timestamptz, clock_timestamp()), coalesce($10::timestamptz, clock_timestamp()))
       RETURNING id`,
        [
          projectId,
          organizationId,
          dto.kind,
          dto.description,
          dto.unit,
          dto.identified,
          dto.realised ?? null,
          dto.realisedOn ?? null,
          userId,
          at ?? null,
        ],
      );
      const benefitId = (row as { id: string }).id;
      await recordAudit(m, {
        action: 'benefit.create',
        entityType: 'benefit',
        entityId: benefitId,
        concerns: [organizationId],
        after: {
          projectId,
          organizationId,
          kind: dto.kind,
          description: dto.description,
          unit: dto.unit,
          identified: dto.identified,
          realised: dto.realised ?? null,
          realisedOn: dto.realisedOn ?? null,
        },
      });
      return benefitId;
    });
    return this.load(id);
  }

  /** Optimistic lock on `version`; what the benefit said before is appended to benefit_revisions. */
  async update(actor: Actor, userId: string, id: string, dto: UpdateBenefitDto): Promise<BenefitResponse> {
    const [found] = await this.dataSource.query<{ project_id: string; organization_id: string }[]>(
      `SELECT project_id, organization_id FROM benefits WHERE id = $1`,
      [id],
    );
    if (!found) throw notFound('benefit');
    const project = await this.access.visibleProject(actor, found.project_id, 'benefit');
    if (!canWorkOnProject(actor, project)) throw forbidden(actor, PROJECT_WORKERS);
    if (actor.role !== 'admin' && found.organization_id !== actor.organizationId) {
      throw forbidden(actor, 'people from the organisation the benefit belongs to');
    }
    if (dto.organizationId !== undefined && dto.organizationId !== found.organization_id) {
      if (actor.role !== 'admin') throw forbidden(actor, 'an admin');
      recordedFor(actor, project.participantIds, dto.organizationId, 'benefit');
    }
    await this.dataSource.transaction(async (m) => {
      const current = await lock(m, id);
      if (current.version !== dto.version) throw stale();
      const realised = dto.realised === undefined ? current.realised : dto.realised;
      const realisedOn = dto.realisedOn === undefined ? current.realised_on : dto.realisedOn;
      if ((realised === null) !== (realisedOn === null)) {
        throw new DomainException('VALIDATION_FAILED', 'realised and realisedOn go together: say on which day the benefit was realised');
      }
      await m.query(
        `INSERT INTO benefit_revisions (benefit_id, kind, description, unit, identified, realised, realised_on, version, edited_by)
         SELECT id, kind, description, unit, identified, realised, realised_on, version, $2 FROM benefits WHERE id = $1`,
        [id, userId],
      );
      const updated = await m.query<{ id: string }[]>(
        `WITH updated AS (UPDATE benefits SET
           organization_id = coalesce($3, organization_id), kind = coalesce($4, kind), description = coalesce($5, description),
           unit = coalesce($6, unit), identified = coalesce($7, identified), realised = $8, realised_on = $9::date,
           version = version + 1, updated_at = clock_timestamp()
         WHERE id = $1 AND version = $2 RETURNING id) SELECT id FROM updated`,
        [
          id,
          dto.version,
          dto.organizationId ?? null,
          dto.kind ?? null,
          dto.description ?? null,
          dto.unit ?? null,
          dto.identified ?? null,
          realised,
          realisedOn,
        ],
      );
      if (updated.length === 0) throw stale();
      await recordAudit(m, {
        action: 'benefit.update',
        entityType: 'benefit',
        entityId: id,
        concerns: [found.organization_id, dto.organizationId],
        before: { version: current.version, realised: current.realised, realisedOn: current.realised_on },
        after: { ...dto, realised, realisedOn },
      });
    });
    return this.load(id);
  }

  private async load(id: string): Promise<BenefitResponse> {
    const [row] = await this.dataSource.query<BenefitRow[]>(`${BENEFIT_SELECT} WHERE b.id = $1`, [id]);
    if (!row) throw notFound('benefit');
    return toBenefitResponse(row);
  }
}

async function lock(m: EntityManager, id: string): Promise<{ version: number; realised: number | null; realised_on: string | null }> {
  const [row] = await m.query<{ version: number; realised: number | null; realised_on: string | null }[]>(
    `SELECT version, realised::float8 AS realised, to_char(realised_on, 'YYYY-MM-DD') AS realised_on FROM benefits WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!row) throw notFound('benefit');
  return row;
}

function stale(): ConflictException {
  return new ConflictException({
    code: 'STALE_VERSION',
    message: 'Someone else changed this benefit after you opened it. Reload it to see their changes, then try again.',
  });
}

function toBenefitResponse(r: BenefitRow): BenefitResponse {
  return {
    id: r.id,
    projectId: r.project_id,
    organization: { id: r.organization_id, name: r.organization_name },
    kind: r.kind,
    description: r.description,
    unit: r.unit,
    identified: r.identified,
    realised: r.realised,
    realisedOn: r.realised_on,
    version: r.version,
    createdAt: r.created_at.toISOString(),
  };
}
