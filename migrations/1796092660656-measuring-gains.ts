import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Measurement the way improvement teams work (issue 11):
 * - an organisation's own baseline and target for an indicator;
 * - a note on a measurement, and corrections and removals kept in an
 *   append-only history (a removed measurement lives on there);
 * - benefits per project and organisation, identified and later realised,
 *   in one unit each, with the earlier wording of every edit kept;
 * - follow-ups 6, 12 and 24 months after a move into `establish`, answered
 *   once.
 * Each new table that the dashboards read bumps the partnership's data version.
 */
export class MeasuringGains1796092660656 implements MigrationInterface {
  name = 'MeasuringGains1796092660656';

  async up(q: QueryRunner): Promise<void> {
    // Refuses any change to a row once written: history is appended, never rewritten.
    await q.query(`
      CREATE FUNCTION samspill_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END $$`);

    await q.query(`
      CREATE TABLE indicator_targets (
        indicator_id     uuid NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
        organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        baseline         double precision NOT NULL,
        target           double precision NOT NULL,
        PRIMARY KEY (indicator_id, organization_id)
      )`);
    await q.query(`
      CREATE TRIGGER indicator_targets_touch AFTER INSERT OR UPDATE OR DELETE ON indicator_targets
      FOR EACH ROW EXECUTE FUNCTION samspill_touch_by_indicator()`);

    await q.query(`ALTER TABLE measurements ADD COLUMN note text NULL CHECK (length(note) <= 2000)`);
    await q.query(`ALTER TABLE measurements ADD COLUMN version integer NOT NULL DEFAULT 1`);
    // One organisation's series, in the order a run chart reads it.
    await q.query(`CREATE INDEX measurements_series_idx ON measurements (indicator_id, organization_id, measured_on, created_at, id)`);

    // What a measurement was before each correction or removal. No foreign key to the measurement: a removed one stays here.
    await q.query(`
      CREATE TABLE measurement_revisions (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        measurement_id   uuid NOT NULL,
        indicator_id     uuid NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
        organization_id  uuid NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        change           text NOT NULL CHECK (change IN ('update', 'delete')),
        value            double precision NOT NULL,
        measured_on      date NOT NULL,
        note             text NULL,
        version          integer NOT NULL,
        changed_by       uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        changed_at       timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX measurement_revisions_measurement_idx ON measurement_revisions (measurement_id, changed_at)`);
    await q.query(`CREATE INDEX measurement_revisions_indicator_idx ON measurement_revisions (indicator_id)`);
    await q.query(`
      CREATE TRIGGER measurement_revisions_append_only BEFORE UPDATE ON measurement_revisions
      FOR EACH ROW EXECUTE FUNCTION samspill_append_only()`);

    await q.query(`
      CREATE TABLE benefits (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id       uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        kind             text NOT NULL CHECK (kind IN ('time', 'money', 'quality', 'other')),
        description      text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
        unit             text NOT NULL CHECK (unit IN ('fte', 'hours', 'nok', 'dkk', 'sek', 'eur', 'isk', 'count')),
        identified       numeric NOT NULL CHECK (identified >= 0),
        realised         numeric NULL CHECK (realised >= 0),
        realised_on      date NULL,
        version          integer NOT NULL DEFAULT 1,
        created_by       uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK ((realised IS NULL) = (realised_on IS NULL))
      )`);
    await q.query(`CREATE INDEX benefits_project_idx ON benefits (project_id, created_at, id)`);
    await q.query(`CREATE INDEX benefits_organization_idx ON benefits (organization_id)`);
    await q.query(`
      CREATE TRIGGER benefits_touch AFTER INSERT OR UPDATE OR DELETE ON benefits
      FOR EACH ROW EXECUTE FUNCTION samspill_touch_by_project()`);

    await q.query(`
      CREATE TABLE benefit_revisions (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        benefit_id   uuid NOT NULL REFERENCES benefits (id) ON DELETE CASCADE,
        kind         text NOT NULL,
        description  text NOT NULL,
        unit         text NOT NULL,
        identified   numeric NOT NULL,
        realised     numeric NULL,
        realised_on  date NULL,
        version      integer NOT NULL,
        edited_by    uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        edited_at    timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX benefit_revisions_benefit_idx ON benefit_revisions (benefit_id, edited_at)`);
    await q.query(`
      CREATE TRIGGER benefit_revisions_append_only BEFORE UPDATE ON benefit_revisions
      FOR EACH ROW EXECUTE FUNCTION samspill_append_only()`);

    await q.query(`
      CREATE TABLE follow_ups (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id       uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        decision_id      uuid NOT NULL REFERENCES stage_transitions (id) ON DELETE CASCADE,
        months           smallint NOT NULL CHECK (months IN (6, 12, 24)),
        due_on           date NOT NULL,
        answer           text NULL CHECK (answer IN ('held', 'slipped', 'abandoned')),
        note             text NULL CHECK (length(note) <= 2000),
        answered_by      uuid NULL REFERENCES users (id) ON DELETE RESTRICT,
        answered_at      timestamptz NULL,
        created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (decision_id, organization_id, months),
        CHECK ((answer IS NULL) = (answered_at IS NULL) AND (answer IS NULL) = (answered_by IS NULL))
      )`);
    await q.query(`CREATE INDEX follow_ups_organization_idx ON follow_ups (organization_id, due_on, id)`);
    await q.query(`CREATE INDEX follow_ups_project_idx ON follow_ups (project_id)`);
    await q.query(`CREATE INDEX follow_ups_due_idx ON follow_ups (due_on, id)`);
    await q.query(`
      CREATE TRIGGER follow_ups_touch AFTER INSERT OR UPDATE OR DELETE ON follow_ups
      FOR EACH ROW EXECUTE FUNCTION samspill_touch_by_project()`);
    // An answer is given once: an answered follow-up never changes.
    await q.query(`
      CREATE TRIGGER follow_ups_answered_once BEFORE UPDATE ON follow_ups
      FOR EACH ROW WHEN (OLD.answer IS NOT NULL) EXECUTE FUNCTION samspill_append_only()`);
    // Practices established before this migration are followed up too: from each project's latest move into establish,
    // for each participant, as recordDecision does from now on (date + months keeps the day or takes the month's last).
    await q.query(`
      INSERT INTO follow_ups (project_id, organization_id, decision_id, months, due_on, created_at)
      SELECT pr.id, pp.organization_id, t.id, m.months,
             ((t.decided_at AT TIME ZONE 'UTC')::date + make_interval(months => m.months))::date, t.decided_at
      FROM projects pr
      JOIN LATERAL (SELECT id, decided_at FROM stage_transitions
                    WHERE project_id = pr.id AND kind = 'stage' AND to_stage = 'establish'
                    ORDER BY decided_at DESC LIMIT 1) t ON true
      JOIN project_participants pp ON pp.project_id = pr.id
      CROSS JOIN (VALUES (6), (12), (24)) AS m(months)
      WHERE pr.stage = 'establish'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE follow_ups`);
    await q.query(`DROP TABLE benefit_revisions`);
    await q.query(`DROP TABLE benefits`);
    await q.query(`DROP TABLE measurement_revisions`);
    await q.query(`DROP INDEX measurements_series_idx`);
    await q.query(`ALTER TABLE measurements DROP COLUMN version`);
    await q.query(`ALTER TABLE measurements DROP COLUMN note`);
    await q.query(`DROP TABLE indicator_targets`);
    await q.query(`DROP FUNCTION samspill_append_only()`);
  }
}
