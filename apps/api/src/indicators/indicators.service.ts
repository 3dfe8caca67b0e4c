import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateIndicatorDto,
  CreateMeasurementDto,
  Direction,
  IndicatorResponse,
  IndicatorTargetDto,
  MeasurementResponse,
  PageQuery,
} from '@samspill/contracts';
import { type Actor, canWorkOnProject, indicatorProgress, organizationProgress } from '@samspill/domain';
import { DataSource, EntityManager } from 'typeorm';
import { forbidden, PROJECT_WORKERS, recordedFor } from '../common/actor';
import { DomainException, notFound } from '../common/domain-exception';
import { decodeCursor, DEFAULT_PAGE_SIZE, type Page, pageOf } from '../common/paging';
import { recordAudit } from '../audit/audit-trail';
import { type LoadedProjectScope, PartnershipAccess } from '../partnerships/partnership-access';
import { Database } from '../database/database';

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
  measurements: MeasurementJson[];
  organizations: {
    id: string;
    name: string;
    baseline: number | null;
    target: number | null;
    latest: { value: number; measuredOn: string } | null;
  }[];
}

/** An indicator answers with at most its latest this many measurements (a year of daily ones fits). */
export const MEASUREMENTS_SHOWN = 500;

type MeasurementJson = Omit<MeasurementResponse, 'createdAt'> & { createdAt: string };

/** A measurement as the API answers it; `m` is the measurement, `o` its organisation (left-joined). */
export const MEASUREMENT_JSON = `json_build_object(
        'id', m.id, 'value', m.value, 'measuredOn', to_char(m.measured_on, 'YYYY-MM-DD'),
        'organization', CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'name', o.name) END,
        'createdAt', m.created_at, 'note', m.note, 'version', m.version)`;

/**
 * The organisations an indicator is shown for: the project's participants, and
 * any other that measured or set its own figures (a former participant).
 */
export const INDICATOR_ORGANIZATIONS = (indicator: string, project: string) => `
  SELECT organization_id FROM project_participants WHERE project_id = ${project}
  UNION SELECT organization_id FROM measurements WHERE indicator_id = ${indicator} AND organization_id IS NOT NULL
  UNION SELECT organization_id FROM indicator_targets WHERE indicator_id = ${indicator}`;

const INDICATOR_SELECT = `SELECT i.id, i.project_id, i.name, i.unit, i.baseline, i.target, i.direction, i.created_at,
    i.created_at::text AS created_key,
    coalesce((SELECT json_agg(${MEASUREMENT_JSON} ORDER BY m.measured_on, m.created_at, m.id)
      FROM (SELECT * FROM measurements WHERE indicator_id = i.id
            ORDER BY measured_on DESC, created_at DESC, id DESC LIMIT ${MEASUREMENTS_SHOWN}) m
      LEFT JOIN organizations o ON o.id = m.organization_id), '[]') AS measurements,
    (SELECT coalesce(json_agg(json_build_object(
        'id', o.id, 'name', o.name, 'baseline', t.baseline, 'target', t.target, 'latest', l.latest) ORDER BY o.name, o.id), '[]')
      FROM organizations o
      LEFT JOIN indicator_targets t ON t.indicator_id = i.id AND t.organization_id = o.id
      LEFT JOIN LATERAL (
        SELECT json_build_object('value', m.value, 'measuredOn', to_char(m.measured_on, 'YYYY-MM-DD')) AS latest
        FROM measurements m WHERE m.indicator_id = i.id AND m.organization_id = o.id
        ORDER BY m.measured_on DESC, m.created_at DESC, m.id DESC LIMIT 1) l ON true
      WHERE o.id IN (${INDICATOR_ORGANIZATIONS('i.id', 'i.project_id')})) AS organizations
  FROM indicators i`;

@Injectable()
export class IndicatorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly db: Database,
    private readonly access: PartnershipAccess,
  ) {}

  /** Oldest first, a page at a time. */
  async list(actor: Actor, projectId: string, page: PageQuery): Promise<Page<IndicatorResponse>> {
    await this.access.visibleProject(actor, projectId);
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(page.cursor, ['timestamp', 'uuid']);
    const rows = await this.db.reader().query<IndicatorRow[]>(
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
    checkFigures(dto, dto.direction, '');
    const targets = dto.targets ?? [];
    checkTargets(targets, dto.direction, project);
    const id = await this.dataSource.transaction(async (m) => {
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO indicators (project_id, name, unit, baseline, target, direction, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8::timestamptz, clock_timestamp())) RETURNING id`,
        [projectId, dto.name, dto.unit, dto.baseline, dto.target, dto.direction, userId, at ?? null],
      );
      const indicatorId = (row as { id: string }).id;
      await m.query(
        `INSERT INTO indicator_targets (indicator_id, organization_id, baseline, target)
         SELECT $1, t.organization_id, t.baseline, t.target
         FROM unnest($2::uuid[], $3::float8[], $4::float8[]) AS t(organization_id, baseline, target)`,
        [indicatorId, targets.map((t) => t.organizationId), targets.map((t) => t.baseline), targets.map((t) => t.target)],
      );
      await recordAudit(m, {
        action: 'indicator.create',
        entityType: 'indicator',
        entityId: indicatorId,
        concerns: project.participantIds,
        after: { projectId, name: dto.name, unit: dto.unit, baseline: dto.baseline, target: dto.target, direction: dto.direction, targets },
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
    const { project } = await this.scope(actor, indicatorId);
    if (!canWorkOnProject(actor, project)) throw forbidden(actor, PROJECT_WORKERS);
    // Staff and leaders measure for their own organisation; only an admin names another.
    const organizationId = recordedFor(actor, project.participantIds, dto.organizationId, 'measurement');
    return this.dataSource.transaction(async (m) => {
      const [row] = await m.query<{ measurement: MeasurementJson }[]>(
        `WITH m AS (
           INSERT INTO measurements (indicator_id, organization_id, value, measured_on, note, recorded_by, created_at)
           VALUES ($1, $2, $3, $4, nullif($5, ''), $6, coalesce($7::timestamptz, clock_timestamp())) RETURNING *
         )
         SELECT ${MEASUREMENT_JSON} AS measurement FROM m LEFT JOIN organizations o ON o.id = m.organization_id`,
        [indicatorId, organizationId, dto.value, dto.measuredOn, dto.note ?? null, userId, at ?? null],
      );
      const measurement = (row as { measurement: MeasurementJson }).measurement;
      await recordAudit(m, {
        action: 'measurement.create',
        entityType: 'measurement',
        entityId: measurement.id,
        concerns: [organizationId],
        after: { indicatorId, value: dto.value, measuredOn: dto.measuredOn, organizationId, note: dto.note ?? null },
      });
      return toMeasurementResponse(measurement);
    });
  }

  /** The indicator's project, checked for visibility: a hidden indicator is answered like a missing one. */
  async scope(
    actor: Actor,
    indicatorId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ project: LoadedProjectScope }> {
    const [row] = await manager.query<{ project_id: string }[]>(`SELECT project_id FROM indicators WHERE id = $1`, [indicatorId]);
    if (!row) throw notFound('indicator');
    return { project: await this.access.visibleProject(actor, row.project_id, 'indicator') };
  }

  private async load(id: string): Promise<IndicatorResponse> {
    const [row] = await this.dataSource.query<IndicatorRow[]>(`${INDICATOR_SELECT} WHERE i.id = $1`, [id]);
    if (!row) throw notFound('indicator');
    return toIndicatorResponse(row);
  }
}

/** A baseline and target with a way to go, in the indicator's direction. */
function checkFigures(f: { baseline: number; target: number }, direction: Direction, field: string): void {
  if (f.baseline === f.target) {
    throw new DomainException('VALIDATION_FAILED', `${field}target must differ from ${field}baseline, or there is nothing to improve.`);
  }
  if ((direction === 'increase') !== f.target > f.baseline) {
    throw new DomainException(
      'VALIDATION_FAILED',
      `With direction "${direction}" the ${field}target must be ${direction === 'increase' ? 'above' : 'below'} the ${field}baseline.`,
    );
  }
}

function checkTargets(targets: IndicatorTargetDto[], direction: Direction, project: LoadedProjectScope): void {
  const organizations = targets.map((t) => t.organizationId);
  if (new Set(organizations).size !== organizations.length) {
    throw new DomainException('VALIDATION_FAILED', 'targets must name each organisation once.');
  }
  if (organizations.some((id) => !project.participantIds.includes(id))) {
    throw new DomainException(
      'INVALID_PARTICIPANTS',
      'targets.organizationId must be a participating organisation of the project.',
      400,
      'NOT_A_PARTICIPANT',
    );
  }
  for (const t of targets) checkFigures(t, direction, 'targets.');
}

export function toMeasurementResponse(m: MeasurementJson): MeasurementResponse {
  return { ...m, createdAt: new Date(m.createdAt).toISOString() };
}

function toIndicatorResponse(r: IndicatorRow): IndicatorResponse {
  const measurements = r.measurements.map(toMeasurementResponse);
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
    byOrganization: r.organizations.map((o) => {
      const own = o.baseline === null || o.target === null ? null : { baseline: o.baseline, target: o.target };
      return {
        organization: { id: o.id, name: o.name },
        baseline: own?.baseline ?? r.baseline,
        target: own?.target ?? r.target,
        latest: o.latest,
        progress: organizationProgress(r, own, o.latest?.value ?? null),
      };
    }),
  };
}
