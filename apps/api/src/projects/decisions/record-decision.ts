import type { DecisionKind, ProjectStatus, Stage } from '@samspill/contracts';
import { EntityManager } from 'typeorm';
import { recordAudit } from '../../audit/audit-trail';

/** A stage move, or a status change made in the stage the project is in. */
export type Decision = { kind: DecisionKind; projectId: string; rationale: string; decidedBy: string; at?: Date } & (
  { kind: 'stage'; fromStage: Stage; toStage: Stage } | { kind: 'status'; stage: Stage; fromStatus: ProjectStatus; toStatus: ProjectStatus }
);

/**
 * The one way a decision is written: appended to the project's history with its
 * kind, and applied to the project (which gets a new version), in the caller's
 * transaction. Callers check the rules and lock the project first. `at` back-dates
 * the decision; only the demo seed passes it.
 */
export async function recordDecision(m: EntityManager, d: Decision): Promise<string> {
  const [fromStage, toStage, fromStatus, toStatus] =
    d.kind === 'stage' ? [d.fromStage, d.toStage, null, null] : [d.stage, d.stage, d.fromStatus, d.toStatus];
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO stage_transitions (project_id, kind, from_stage, to_stage, from_status, to_status, rationale, decided_by, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::timestamptz, clock_timestamp())) RETURNING id`,
    [d.projectId, d.kind, fromStage, toStage, fromStatus, toStatus, d.rationale, d.decidedBy, d.at ?? null],
  );
  await m.query(
    `UPDATE projects SET stage = $2, status = coalesce($3, status), version = version + 1, updated_at = coalesce($4::timestamptz, now())
     WHERE id = $1`,
    [d.projectId, toStage, toStatus, d.at ?? null],
  );
  const decisionId = (row as { id: string }).id;
  await recordAudit(m, {
    action: d.kind === 'stage' ? 'project.stage_change' : 'project.status_change',
    entityType: 'project',
    entityId: d.projectId,
    concerns: await participantsOf(m, d.projectId),
    before: d.kind === 'stage' ? { stage: fromStage } : { status: fromStatus },
    after:
      d.kind === 'stage'
        ? { stage: toStage, rationale: d.rationale, decisionId }
        : { status: toStatus, rationale: d.rationale, decisionId },
  });
  return decisionId;
}

/** The organisations taking part in a project: what a project's trail entry concerns. */
export async function participantsOf(m: EntityManager, projectId: string): Promise<string[]> {
  const rows = await m.query<{ organization_id: string }[]>(`SELECT organization_id FROM project_participants WHERE project_id = $1`, [
    projectId,
  ]);
  return rows.map((r) => r.organization_id);
}
