import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version number per partnership, bumped in the same transaction as any
 * change the dashboards show. API processes may keep a computed dashboard
 * and reuse it only while the version in the database is unchanged, so a
 * cached figure can never outlive the data it came from.
 */
export class DataVersions1764403200000 implements MigrationInterface {
  name = 'DataVersions1764403200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE partnerships ADD COLUMN data_version bigint NOT NULL DEFAULT 0`);

    await q.query(`
      CREATE FUNCTION samspill_touch_partnership(p_partnership uuid) RETURNS void LANGUAGE sql AS $$
        UPDATE partnerships SET data_version = data_version + 1 WHERE id = p_partnership
      $$`);

    // Tables that carry the partnership id themselves.
    await q.query(`
      CREATE FUNCTION samspill_touch_by_partnership() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM samspill_touch_partnership(CASE WHEN TG_OP = 'DELETE' THEN OLD.partnership_id ELSE NEW.partnership_id END);
        RETURN NULL;
      END $$`);
    for (const table of ['projects', 'answers', 'focus_areas', 'partnership_members']) {
      await q.query(`
        CREATE TRIGGER ${table}_touch AFTER INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION samspill_touch_by_partnership()`);
    }

    // Tables that belong to a project.
    await q.query(`
      CREATE FUNCTION samspill_touch_by_project() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM samspill_touch_partnership(
          (SELECT partnership_id FROM projects WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.project_id ELSE NEW.project_id END));
        RETURN NULL;
      END $$`);
    for (const table of ['stage_transitions', 'project_participants', 'indicators']) {
      await q.query(`
        CREATE TRIGGER ${table}_touch AFTER INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION samspill_touch_by_project()`);
    }

    await q.query(`
      CREATE FUNCTION samspill_touch_by_indicator() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM samspill_touch_partnership(
          (SELECT pr.partnership_id FROM indicators i JOIN projects pr ON pr.id = i.project_id
           WHERE i.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.indicator_id ELSE NEW.indicator_id END));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER measurements_touch AFTER INSERT OR UPDATE OR DELETE ON measurements
      FOR EACH ROW EXECUTE FUNCTION samspill_touch_by_indicator()`);

    // The partnership's own fields.
    await q.query(`
      CREATE FUNCTION samspill_touch_self() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.data_version := OLD.data_version + 1;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER partnerships_touch BEFORE UPDATE OF name, description, visibility ON partnerships
      FOR EACH ROW EXECUTE FUNCTION samspill_touch_self()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER partnerships_touch ON partnerships`);
    await q.query(`DROP TRIGGER measurements_touch ON measurements`);
    for (const table of [
      'stage_transitions',
      'project_participants',
      'indicators',
      'projects',
      'answers',
      'focus_areas',
      'partnership_members',
    ]) {
      await q.query(`DROP TRIGGER ${table}_touch ON ${table}`);
    }
    await q.query(`DROP FUNCTION samspill_touch_self()`);
    await q.query(`DROP FUNCTION samspill_touch_by_indicator()`);
    await q.query(`DROP FUNCTION samspill_touch_by_project()`);
    await q.query(`DROP FUNCTION samspill_touch_by_partnership()`);
    await q.query(`DROP FUNCTION samspill_touch_partnership(uuid)`);
    await q.query(`ALTER TABLE partnerships DROP COLUMN data_version`);
  }
}
