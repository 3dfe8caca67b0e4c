import { MigrationInterface, QueryRunner } from 'typeorm';

export class Collaboration1764230400000 implements MigrationInterface {
  name = 'Collaboration1764230400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE partnerships (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description  text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
        visibility   text NOT NULL DEFAULT 'members' CHECK (visibility IN ('members', 'platform')),
        created_by   uuid NULL REFERENCES users (id) ON DELETE SET NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE partnership_members (
        partnership_id   uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
        organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        joined_at        timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (partnership_id, organization_id)
      )`);
    await q.query(`CREATE INDEX partnership_members_organization_idx ON partnership_members (organization_id, partnership_id)`);

    await q.query(`
      CREATE TABLE focus_areas (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id  uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
        name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description     text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
        created_at      timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE UNIQUE INDEX focus_areas_partnership_name_key ON focus_areas (partnership_id, lower(name))`);

    await q.query(`
      CREATE TABLE answers (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id        uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
        from_organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        to_organization_id    uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        question              text NOT NULL CHECK (question IN ('theyLearnFromUs', 'weLearnFromThem', 'doTogether')),
        text                  text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
        focus_area_id         uuid NULL REFERENCES focus_areas (id) ON DELETE SET NULL,
        author_id             uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        created_at            timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        CHECK (from_organization_id <> to_organization_id)
      )`);
    await q.query(`CREATE INDEX answers_partnership_idx ON answers (partnership_id, created_at)`);

    await q.query(`
      CREATE TABLE projects (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id    uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
        title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description       text NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
        focus_area_id     uuid NULL REFERENCES focus_areas (id) ON DELETE SET NULL,
        stage             text NOT NULL DEFAULT 'learn' CHECK (stage IN ('learn', 'test', 'establish')),
        status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stopped', 'completed')),
        source_answer_id  uuid NULL UNIQUE REFERENCES answers (id) ON DELETE SET NULL,
        created_by        uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        stage_changed_at  timestamptz NOT NULL DEFAULT now(),
        version           integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX projects_partnership_idx ON projects (partnership_id, status, stage)`);
    await q.query(`CREATE INDEX projects_focus_area_idx ON projects (focus_area_id)`);

    await q.query(`
      CREATE TABLE project_participants (
        project_id       uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        PRIMARY KEY (project_id, organization_id)
      )`);
    await q.query(`CREATE INDEX project_participants_organization_idx ON project_participants (organization_id, project_id)`);

    // The history of a project: stage moves and status changes, never rewritten.
    await q.query(`
      CREATE TABLE stage_transitions (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id   uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        from_stage   text NOT NULL CHECK (from_stage IN ('learn', 'test', 'establish')),
        to_stage     text NOT NULL CHECK (to_stage IN ('learn', 'test', 'establish')),
        from_status  text NULL CHECK (from_status IN ('active', 'stopped', 'completed')),
        to_status    text NULL CHECK (to_status IN ('active', 'stopped', 'completed')),
        rationale    text NOT NULL CHECK (length(rationale) BETWEEN 1 AND 5000),
        decided_by   uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        decided_at   timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX stage_transitions_project_idx ON stage_transitions (project_id, decided_at)`);
    await q.query(`CREATE INDEX stage_transitions_decided_idx ON stage_transitions (decided_at)`);

    await q.query(`
      CREATE TABLE log_entries (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id       uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        kind             text NOT NULL CHECK (kind IN ('observation', 'experiment', 'result', 'lesson', 'decision')),
        text             text NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
        occurred_on      date NOT NULL DEFAULT current_date,
        author_id        uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        created_at       timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX log_entries_project_idx ON log_entries (project_id, occurred_on DESC, created_at DESC)`);

    await q.query(`
      CREATE TABLE log_entry_revisions (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        entry_id     uuid NOT NULL REFERENCES log_entries (id) ON DELETE CASCADE,
        kind         text NOT NULL,
        text         text NOT NULL,
        occurred_on  date NOT NULL,
        edited_by    uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        edited_at    timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX log_entry_revisions_entry_idx ON log_entry_revisions (entry_id, edited_at)`);

    await q.query(`
      CREATE TABLE indicators (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id  uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        unit        text NOT NULL CHECK (length(unit) BETWEEN 1 AND 50),
        baseline    double precision NOT NULL,
        target      double precision NOT NULL,
        direction   text NOT NULL CHECK (direction IN ('increase', 'decrease')),
        created_by  uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        created_at  timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX indicators_project_idx ON indicators (project_id)`);

    await q.query(`
      CREATE TABLE measurements (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        indicator_id     uuid NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
        organization_id  uuid NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        value            double precision NOT NULL,
        measured_on      date NOT NULL,
        recorded_by      uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        created_at       timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX measurements_indicator_idx ON measurements (indicator_id, measured_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'measurements',
      'indicators',
      'log_entry_revisions',
      'log_entries',
      'stage_transitions',
      'project_participants',
      'projects',
      'answers',
      'focus_areas',
      'partnership_members',
      'partnerships',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
