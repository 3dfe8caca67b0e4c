import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: a project keeps its participants (id and name, ordered by name) as JSON on its own row, so the project
 * list and the project page read them with the row instead of aggregating `project_participants` and
 * `organizations` once per listed project. On the Nordic data that subquery cost the list statement a third of its
 * throughput (pgbench, 4 clients: 826 statements/s with it, 1,216 without).
 *
 * Triggers keep the copy right whatever writes: a change to a project's participants recomputes that project's
 * list, once per statement (transition tables), and renaming an organisation recomputes the projects it takes part
 * in. Edits of one project's participants are serialised by the project's version check, which locks its row first.
 */
export class ProjectParticipantNames1796100000004 implements MigrationInterface {
  name = 'ProjectParticipantNames1796100000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE projects ADD COLUMN participants json NOT NULL DEFAULT '[]'`);
    await q.query(`
      CREATE FUNCTION samspill_participants_of(p_project uuid) RETURNS json LANGUAGE sql STABLE AS $$
        SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.name, o.id), '[]')
        FROM project_participants pp JOIN organizations o ON o.id = pp.organization_id
        WHERE pp.project_id = p_project
      $$`);
    // One function for both triggers: each names its transition table "changed".
    await q.query(`
      CREATE FUNCTION samspill_refresh_participants() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE projects pr SET participants = samspill_participants_of(pr.id)
        WHERE pr.id IN (SELECT DISTINCT project_id FROM changed);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER project_participants_names_added AFTER INSERT ON project_participants
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION samspill_refresh_participants()`);
    await q.query(`
      CREATE TRIGGER project_participants_names_removed AFTER DELETE ON project_participants
      REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION samspill_refresh_participants()`);
    await q.query(`
      CREATE FUNCTION samspill_rename_participant() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE projects pr SET participants = samspill_participants_of(pr.id)
        WHERE pr.id IN (SELECT pp.project_id FROM project_participants pp WHERE pp.organization_id = NEW.id);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER organizations_participant_names AFTER UPDATE OF name ON organizations
      FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION samspill_rename_participant()`);

    // The copy of every existing project (about 10 s for 100,000). The projects' own row trigger (the partnership's
    // data version) is held meanwhile: nothing a dashboard shows changes here.
    await q.query(`ALTER TABLE projects DISABLE TRIGGER projects_touch`);
    await q.query(`UPDATE projects SET participants = samspill_participants_of(id)`);
    await q.query(`ALTER TABLE projects ENABLE TRIGGER projects_touch`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER organizations_participant_names ON organizations`);
    await q.query(`DROP FUNCTION samspill_rename_participant()`);
    await q.query(`DROP TRIGGER project_participants_names_removed ON project_participants`);
    await q.query(`DROP TRIGGER project_participants_names_added ON project_participants`);
    await q.query(`DROP FUNCTION samspill_refresh_participants()`);
    await q.query(`DROP FUNCTION samspill_participants_of(uuid)`);
    await q.query(`ALTER TABLE projects DROP COLUMN participants`);
  }
}
