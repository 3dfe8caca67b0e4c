import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counters the dashboards read instead of counting 100,000 projects per
 * request. Triggers keep them exact in the same transaction as the change,
 * so the figures always agree with the project list.
 */
export class DashboardCounters1764316800000 implements MigrationInterface {
  name = 'DashboardCounters1764316800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE partnership_project_counts (
        partnership_id  uuid PRIMARY KEY REFERENCES partnerships (id) ON DELETE CASCADE,
        learn           integer NOT NULL DEFAULT 0,
        test            integer NOT NULL DEFAULT 0,
        establish       integer NOT NULL DEFAULT 0,
        active          integer NOT NULL DEFAULT 0,
        stopped         integer NOT NULL DEFAULT 0,
        completed       integer NOT NULL DEFAULT 0
      )`);
    // Active projects per (partnership, participating organisation).
    await q.query(`
      CREATE TABLE partnership_organization_counts (
        partnership_id   uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
        organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        active_projects  integer NOT NULL DEFAULT 0,
        PRIMARY KEY (partnership_id, organization_id)
      )`);
    await q.query(`CREATE INDEX partnership_organization_counts_org_idx ON partnership_organization_counts (organization_id)`);

    await q.query(`
      CREATE FUNCTION samspill_count_project(p_partnership uuid, p_stage text, p_status text, p_sign integer) RETURNS void
      LANGUAGE sql AS $$
        INSERT INTO partnership_project_counts AS c (partnership_id, learn, test, establish, active, stopped, completed)
        VALUES (p_partnership,
          CASE WHEN p_status = 'active' AND p_stage = 'learn' THEN p_sign ELSE 0 END,
          CASE WHEN p_status = 'active' AND p_stage = 'test' THEN p_sign ELSE 0 END,
          CASE WHEN p_status = 'active' AND p_stage = 'establish' THEN p_sign ELSE 0 END,
          CASE WHEN p_status = 'active' THEN p_sign ELSE 0 END,
          CASE WHEN p_status = 'stopped' THEN p_sign ELSE 0 END,
          CASE WHEN p_status = 'completed' THEN p_sign ELSE 0 END)
        ON CONFLICT (partnership_id) DO UPDATE SET
          learn = c.learn + EXCLUDED.learn, test = c.test + EXCLUDED.test, establish = c.establish + EXCLUDED.establish,
          active = c.active + EXCLUDED.active, stopped = c.stopped + EXCLUDED.stopped, completed = c.completed + EXCLUDED.completed
      $$`);
    await q.query(`
      CREATE FUNCTION samspill_count_participation(p_project uuid, p_partnership uuid, p_organization uuid, p_sign integer) RETURNS void
      LANGUAGE sql AS $$
        INSERT INTO partnership_organization_counts AS c (partnership_id, organization_id, active_projects)
        VALUES (p_partnership, p_organization, p_sign)
        ON CONFLICT (partnership_id, organization_id) DO UPDATE SET active_projects = c.active_projects + EXCLUDED.active_projects
      $$`);

    await q.query(`
      CREATE FUNCTION samspill_projects_counts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM samspill_count_project(OLD.partnership_id, OLD.stage, OLD.status, -1);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          PERFORM samspill_count_project(NEW.partnership_id, NEW.stage, NEW.status, 1);
        END IF;
        -- A project that becomes (in)active changes its participants' active counts.
        IF TG_OP = 'UPDATE' AND (OLD.status = 'active') <> (NEW.status = 'active') THEN
          PERFORM samspill_count_participation(NEW.id, NEW.partnership_id, pp.organization_id,
                                               CASE WHEN NEW.status = 'active' THEN 1 ELSE -1 END)
          FROM project_participants pp WHERE pp.project_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER projects_counts AFTER INSERT OR DELETE OR UPDATE OF stage, status, partnership_id ON projects
      FOR EACH ROW EXECUTE FUNCTION samspill_projects_counts()`);

    await q.query(`
      CREATE FUNCTION samspill_participants_counts() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        r record;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT partnership_id, status INTO r FROM projects WHERE id = NEW.project_id;
          IF r.status = 'active' THEN
            PERFORM samspill_count_participation(NEW.project_id, r.partnership_id, NEW.organization_id, 1);
          END IF;
        ELSE
          SELECT partnership_id, status INTO r FROM projects WHERE id = OLD.project_id;
          IF FOUND AND r.status = 'active' THEN
            PERFORM samspill_count_participation(OLD.project_id, r.partnership_id, OLD.organization_id, -1);
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER project_participants_counts AFTER INSERT OR DELETE ON project_participants
      FOR EACH ROW EXECUTE FUNCTION samspill_participants_counts()`);

    // Backfill from what is there.
    await q.query(`
      INSERT INTO partnership_project_counts (partnership_id, learn, test, establish, active, stopped, completed)
      SELECT p.id,
        count(pr.id) FILTER (WHERE pr.status = 'active' AND pr.stage = 'learn'),
        count(pr.id) FILTER (WHERE pr.status = 'active' AND pr.stage = 'test'),
        count(pr.id) FILTER (WHERE pr.status = 'active' AND pr.stage = 'establish'),
        count(pr.id) FILTER (WHERE pr.status = 'active'),
        count(pr.id) FILTER (WHERE pr.status = 'stopped'),
        count(pr.id) FILTER (WHERE pr.status = 'completed')
      FROM partnerships p LEFT JOIN projects pr ON pr.partnership_id = p.id GROUP BY p.id`);
    await q.query(`
      INSERT INTO partnership_organization_counts (partnership_id, organization_id, active_projects)
      SELECT pr.partnership_id, pp.organization_id, count(*)
      FROM project_participants pp JOIN projects pr ON pr.id = pp.project_id AND pr.status = 'active'
      GROUP BY 1, 2`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER project_participants_counts ON project_participants`);
    await q.query(`DROP TRIGGER projects_counts ON projects`);
    await q.query(`DROP FUNCTION samspill_participants_counts()`);
    await q.query(`DROP FUNCTION samspill_projects_counts()`);
    await q.query(`DROP FUNCTION samspill_count_participation(uuid, uuid, uuid, integer)`);
    await q.query(`DROP FUNCTION samspill_count_project(uuid, text, text, integer)`);
    await q.query(`DROP TABLE partnership_organization_counts`);
    await q.query(`DROP TABLE partnership_project_counts`);
  }
}
