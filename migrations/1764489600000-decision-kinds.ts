import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A project's history records two kinds of decision: a stage move and a
 * status change (stop, complete, resume). Until now a status change was a row
 * with from_stage = to_stage that readers told apart by `from_status IS NULL`;
 * now every row says which it is, and a CHECK keeps each kind's shape.
 * projects.stage_changed_at was written on every move and read by nothing
 * (the history holds the same moment): it goes.
 */
export class DecisionKinds1764489600000 implements MigrationInterface {
  name = 'DecisionKinds1764489600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stage_transitions ADD COLUMN kind text`);
    await q.query(`UPDATE stage_transitions SET kind = CASE WHEN from_status IS NULL THEN 'stage' ELSE 'status' END`);
    await q.query(`ALTER TABLE stage_transitions ALTER COLUMN kind SET NOT NULL`);
    await q.query(`ALTER TABLE stage_transitions ADD CONSTRAINT stage_transitions_kind_check CHECK (kind IN ('stage', 'status'))`);
    await q.query(`
      ALTER TABLE stage_transitions ADD CONSTRAINT stage_transitions_kind_shape_check CHECK (
        (kind = 'stage' AND from_status IS NULL AND to_status IS NULL AND from_stage <> to_stage)
        OR (kind = 'status' AND from_status IS NOT NULL AND to_status IS NOT NULL AND from_stage = to_stage))`);
    // The dashboards list stage moves newest first.
    await q.query(`CREATE INDEX stage_transitions_stage_moves_idx ON stage_transitions (decided_at) WHERE kind = 'stage'`);
    await q.query(`ALTER TABLE projects DROP COLUMN stage_changed_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE projects ADD COLUMN stage_changed_at timestamptz NOT NULL DEFAULT now()`);
    // What the column held: when the project last changed stage, or was created if it never did.
    await q.query(`
      UPDATE projects pr SET stage_changed_at = coalesce(
        (SELECT max(t.decided_at) FROM stage_transitions t WHERE t.project_id = pr.id AND t.kind = 'stage'), pr.created_at)`);
    await q.query(`DROP INDEX stage_transitions_stage_moves_idx`);
    await q.query(`ALTER TABLE stage_transitions DROP CONSTRAINT stage_transitions_kind_shape_check`);
    await q.query(`ALTER TABLE stage_transitions DROP CONSTRAINT stage_transitions_kind_check`);
    // Status rows keep from_status/to_status, stage rows have them null: the old shape tells the kinds apart again.
    await q.query(`ALTER TABLE stage_transitions DROP COLUMN kind`);
  }
}
