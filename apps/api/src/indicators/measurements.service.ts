import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MeasurementResponse, UpdateMeasurementDto } from '@samspill/contracts';
import { type Actor, canWorkOnProject } from '@samspill/domain';
import { DataSource, EntityManager } from 'typeorm';
import { forbidden, PROJECT_WORKERS } from '../common/actor';
import { notFound } from '../common/domain-exception';
import { PartnershipAccess } from '../partnerships/partnership-access';
import { MEASUREMENT_JSON, toMeasurementResponse } from './indicators.service';
import { recordAudit } from '../audit/audit-trail';

/**
 * Corrections and removals of measurements, by the organisation that
 * measured (or an admin). What the measurement was before is appended to
 * measurement_revisions in the same transaction: nothing is lost.
 */
@Injectable()
export class MeasurementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PartnershipAccess,
  ) {}

  async update(actor: Actor, userId: string, id: string, dto: UpdateMeasurementDto): Promise<MeasurementResponse> {
    const organizationId = await this.checkOwner(actor, id);
    return this.dataSource.transaction(async (m) => {
      const current = await lock(m, id);
      if (dto.version !== undefined && dto.version !== current.version) {
        throw new ConflictException({
          code: 'STALE_VERSION',
          message: 'Someone else corrected this measurement after you opened it. Reload it to see their change, then try again.',
        });
      }
      await keepRevision(m, id, 'update', userId);
      const [row] = await m.query<{ measurement: Parameters<typeof toMeasurementResponse>[0] }[]>(
        `WITH m AS (
           UPDATE measurements SET
             value = coalesce($2, value),
             measured_on = coalesce($3::date, measured_on),
             note = CASE WHEN $4::boolean THEN nullif($5, '') ELSE note END,
             version = version + 1
           WHERE id = $1 RETURNING *
         )
         SELECT ${MEASUREMENT_JSON} AS measurement FROM m LEFT JOIN organizations o ON o.id = m.organization_id`,
        [id, dto.value ?? null, dto.measuredOn ?? null, dto.note !== undefined, dto.note ?? null],
      );
      await recordAudit(m, {
        action: 'measurement.update',
        entityType: 'measurement',
        entityId: id,
        concerns: [organizationId],
        before: { version: current.version },
        after: { value: dto.value, measuredOn: dto.measuredOn, note: dto.note },
      });
      return toMeasurementResponse((row as { measurement: Parameters<typeof toMeasurementResponse>[0] }).measurement);
    });
  }

  async remove(actor: Actor, userId: string, id: string): Promise<void> {
    const organizationId = await this.checkOwner(actor, id);
    await this.dataSource.transaction(async (m) => {
      await lock(m, id);
      await keepRevision(m, id, 'delete', userId);
      await m.query(`DELETE FROM measurements WHERE id = $1`, [id]);
      await recordAudit(m, { action: 'measurement.delete', entityType: 'measurement', entityId: id, concerns: [organizationId] });
    });
  }

  /** 404 for a measurement the person may not see; 403 unless they work on the project for the organisation that measured. */
  private async checkOwner(actor: Actor, id: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ project_id: string; organization_id: string | null }[]>(
      `SELECT i.project_id, m.organization_id FROM measurements m JOIN indicators i ON i.id = m.indicator_id WHERE m.id = $1`,
      [id],
    );
    if (!row) throw notFound('measurement');
    const project = await this.access.visibleProject(actor, row.project_id, 'measurement');
    if (!canWorkOnProject(actor, project)) throw forbidden(actor, PROJECT_WORKERS);
    if (actor.role !== 'admin' && row.organization_id !== actor.organizationId) {
      throw forbidden(actor, 'people from the organisation that measured');
    }
    return row.organization_id;
  }
}

/** Locks the measurement; a removal between the check and the change is a 404. */
async function lock(m: EntityManager, id: string): Promise<{ version: number }> {
  const [row] = await m.query<{ version: number }[]>(`SELECT version FROM measurements WHERE id = $1 FOR UPDATE`, [id]);
  if (!row) throw notFound('measurement');
  return row;
}

function keepRevision(m: EntityManager, id: string, change: 'update' | 'delete', userId: string): Promise<unknown> {
  return m.query(
    `INSERT INTO measurement_revisions (measurement_id, indicator_id, organization_id, change, value, measured_on, note, version, changed_by)
     SELECT id, indicator_id, organization_id, $2, value, measured_on, note, version, $3 FROM measurements WHERE id = $1`,
    [id, change, userId],
  );
}
