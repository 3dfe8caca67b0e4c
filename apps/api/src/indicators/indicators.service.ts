import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateIndicatorDto,
  CreateMeasurementDto,
  Direction,
  IndicatorResponse,
  MeasurementResponse,
  PageQuery,
} from '@samspill/contracts';
import { type Actor, canWorkOnProject, indicatorProgress } from '@samspill/domain';
import { DataSource } from 'typeorm';
import { forbidden, PROJECT_WORKERS } from '../common/actor';
import { DomainException, notFound } from '../common/domain-exception';
import { decodeCursor, DEFAULT_PAGE_SIZE, type Page, pageOf } from '../common/paging';
import { recordAudit } from '../audit/audit-trail';
import { PartnershipAccess } from '../partnerships/partnership-access';

interface IndicatorRow {
  id: string;
  project_id: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  direction: Direction;
  created_at: Date;
  /** created_at in full precision, for the page cursor. */
  created_key: string;
  measurements: { id: string; value: number; measuredOn: string; organization: { id: string; name: string } | null; createdAt: string }[];
}

/** An indicator answers with at most its latest this many measurements (a year of daily ones fits). */
export const MEASUREMENTS_SHOWN = 500;

const MEASUREMENT_JSON = `json_build_object(
        'id', m.id, 'value', m.value, 'measuredOn', to_char(m.measured_on, 'YYYY-MM-DD'),
        'organization', CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'name', o.name) END,
        'createdAt', m.created_at)`;

const INDICATOR_SELECT = `SELECT i.id, i.project_id, i.name, i.unit, i.baseline, i.target, i.direction, i.created_at,
    i.created_at::text AS created_key,
    coalesce((SELECT json_agg(${MEASUREMENT_JSON} ORDER BY m.measured_on, m.created_at, m.id)
      FROM (SELECT * FROM measurements WHERE indicator_id = i.id
            ORDER BY measured_on DESC, created_at DESC, id DESC LIMIT ${MEASUREMENTS_SHOWN}) m
      LEFT JOIN organizations o ON o.id = m.organization_id), '[]') AS measurements
  FROM indicators i`;

@Injectable()
export class IndicatorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PartnershipAccess,
  ) {}

  /** Oldest first, a page at a time. */
  async list(actor: Actor, projectId: string, page: PageQuery): Promise<Page<IndicatorResponse>> {
    await this.access.visibleProject(actor, projectId);
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(page.cursor, ['timestamp', 'uuid']);
    const rows = await this.dataSource.query<IndicatorRow[]>(
      `${INDICATOR_SELECT} WHERE i.project_id = $1 ${after ? 'AND (i.created_at, i.id) > ($3::timestamptz, $4::uuid)' : ''}
       ORDER BY i.created_at, i.id LIMIT $2`,
      [projectId, limit + 1, ...(after ?? [])],
    );
    return pageOf(rows, limit, (r) => [r.created_key, r.id], toIndicatorResponse);
  }

  /** `at` back-dates the indicator; only the demo seed passes it. */
  async create(actor: Actor, userId: string, projectId: string, dto: CreateIndicatorDto, at?: Date): Promise<IndicatorResponse> {
    const project = await this.access.visibleProject(actor, projectId);
    if (!canWorkOnProject(actor, project)) throw forbidden(actor, PROJECT_WORKERS);
    if (dto.baseline === dto.target) {
      throw new DomainException('VALIDATION_FAILED', 'target must differ from baseline, or there is nothing to improve.');
    }
    if ((dto.direction === 'increase') !== dto.target > dto.baseline) {
      throw new DomainException(
        'VALIDATION_FAILED',
        `With direction "${dto.direction}" the target must be ${dto.direction === 'increase' ? 'above' : 'below'} the baseline.`,
      );
    }
    const id = await this.dataSource.transaction(async (m) => {
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO indicators (project_id, name, unit, baseline, target, direction, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8::timestamptz, clock_timestamp())) RETURNING id`,
        [projectId, dto.name, dto.unit, dto.baseline, dto.target, dto.direction, userId, at ?? null],
      );
      const indicatorId = (row as { id: string }).id;
      await recordAudit(m, {
        action: 'indicator.create',
        entityType: 'indicator',
        entityId: indicatorId,
        concerns: project.participantIds,
        after: { projectId, name: dto.name, unit: dto.unit, baseline: dto.baseline, target: dto.target, direction: dto.direction },
      });
      return indicatorId;
    });
    return this.load(id);
  }

  /** `at` back-dates the recording; only the demo seed passes it. */
  async addMeasurement(
    actor: Actor,
    userId: string,
    indicatorId: string,
    dto: CreateMeasurementDto,
    at?: Date,
  ): Promise<MeasurementResponse> {
    const indicator = await this.load(indicatorId);
    const project = await this.access.visibleProject(actor, indicator.projectId, 'indicator');
    if (!canWorkOnProject(actor, project)) throw forbidden(actor, PROJECT_WORKERS);
    // Staff and leaders measure for their own organisation; only an admin names another.
    const organizationId = dto.organizationId ?? actor.organizationId;
    if (actor.role !== 'admin' && dto.organizationId && dto.organizationId !== actor.organizationId) {
      throw forbidden(actor, 'people from that organisation');
    }
    if (organizationId && !project.participantIds.includes(organizationId)) {
      throw new DomainException(
        'INVALID_PARTICIPANTS',
        'organizationId must be a participating organisation of the project.',
        400,
        'NOT_A_PARTICIPANT',
      );
    }
    return this.dataSource.transaction(async (m) => {
      const [row] = await m.query<{ measurement: MeasurementResponse }[]>(
        `WITH m AS (
           INSERT INTO measurements (indicator_id, organization_id, value, measured_on, recorded_by, created_at)
           VALUES ($1, $2, $3, $4, $5, coalesce($6::timestamptz, clock_timestamp())) RETURNING *
         )
         SELECT ${MEASUREMENT_JSON} AS measurement FROM m LEFT JOIN organizations o ON o.id = m.organization_id`,
        [indicatorId, organizationId ?? null, dto.value, dto.measuredOn, userId, at ?? null],
      );
      const measurement = (row as { measurement: MeasurementResponse }).measurement;
      await recordAudit(m, {
        action: 'measurement.create',
        entityType: 'measurement',
        entityId: measurement.id,
        concerns: organizationId ? [organizationId] : project.participantIds,
        after: { indicatorId, value: dto.value, measuredOn: dto.measuredOn, organizationId: organizationId ?? null },
      });
      return { ...measurement, createdAt: new Date(measurement.createdAt).toISOString() };
    });
  }

  private async load(id: string): Promise<IndicatorResponse> {
    const [row] = await this.dataSource.query<IndicatorRow[]>(`${INDICATOR_SELECT} WHERE i.id = $1`, [id]);
    if (!row) throw notFound('indicator');
    return toIndicatorResponse(row);
  }
}

function toIndicatorResponse(r: IndicatorRow): IndicatorResponse {
  const measurements = r.measurements.map((m) => ({ ...m, createdAt: new Date(m.createdAt).toISOString() }));
  // The latest by (measured_on, created_at, id), the order the dashboard uses too.
  const latest = measurements.at(-1)?.value ?? null;
  return {
    id: r.id,
    projectId: r.project_id,
    name: r.name,
    unit: r.unit,
    baseline: r.baseline,
    target: r.target,
    direction: r.direction,
    measurements,
    progress: indicatorProgress(r.baseline, r.target, r.direction, latest),
    createdAt: r.created_at.toISOString(),
  };
}
