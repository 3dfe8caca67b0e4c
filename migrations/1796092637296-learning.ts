import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Learning that travels (issue 9): full-text search over lessons, projects and
 * practices, and practices with their adoptions.
 *
 * Each searchable text carries a `search_vector`: the text stemmed in its author
 * organisation's language (NO norwegian, DK danish, SE swedish, FI finnish, IS and
 * the rest simple) plus the language-neutral `simple` form, kept by a trigger so
 * every writer (API, seed, a hand-written UPDATE) gets it. The GIN indexes are
 * partial where only some rows are searched: of the log, only lessons and results;
 * of the decisions, only the rationales with which a project was stopped or completed.
 *
 * A practice builds on others through adoptions: the adoption by the new
 * practice's organisation of each practice it built on, with
 * `derived_practice_id` naming the new practice. Those adoptions are the edges
 * of the lineage.
 */
export class Learning1796092637296 implements MigrationInterface {
  name = 'Learning1796092637296';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE FUNCTION samspill_search_config(p_country text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT (CASE p_country WHEN 'NO' THEN 'norwegian' WHEN 'DK' THEN 'danish' WHEN 'SE' THEN 'swedish' WHEN 'FI' THEN 'finnish'
                ELSE 'simple' END)::regconfig
      $$`);
    await q.query(`
      CREATE FUNCTION samspill_organization_search_config(p_organization uuid) RETURNS regconfig LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT coalesce((SELECT samspill_search_config(country) FROM organizations WHERE id = p_organization), 'simple'::regconfig)
      $$`);
    // The stems of the text's language and its words as written, so a match needs neither the same language nor the same form.
    await q.query(`
      CREATE FUNCTION samspill_search_vector(p_config regconfig, p_text text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN p_config = 'simple'::regconfig THEN to_tsvector('simple', p_text)
                    ELSE to_tsvector(p_config, p_text) || to_tsvector('simple', p_text) END
      $$`);
    // A search in any Nordic language: we do not know the searcher's, so the words are stemmed in each, and kept as written.
    // Identical alternatives are dropped: each one more makes ts_rank_cd slower for every row it ranks.
    await q.query(`
      CREATE FUNCTION samspill_search_query(p_text text) RETURNS tsquery LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      DECLARE
        config regconfig;
        part tsquery;
        seen text[] := '{}';
        result tsquery := '';
      BEGIN
        FOREACH config IN ARRAY ARRAY['norwegian', 'danish', 'swedish', 'finnish', 'simple']::regconfig[] LOOP
          part := websearch_to_tsquery(config, p_text);
          IF numnode(part) > 0 AND NOT (part::text = ANY (seen)) THEN
            seen := seen || part::text;
            result := result || part;
          END IF;
        END LOOP;
        RETURN result;
      END $$`);

    // "Who has done this before?": the text's first 24 words of three letters or more, stemmed in its language, any of them
    // matching; words in `p_common` (too frequent to tell work apart) are left out unless nothing else is left.
    await q.query(`
      CREATE FUNCTION samspill_similar_query(p_config regconfig, p_text text, p_common text[] DEFAULT '{}') RETURNS tsquery
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        WITH words AS (SELECT lexeme, positions[1] AS at FROM unnest(to_tsvector(p_config, p_text)) WHERE length(lexeme) >= 3),
             telling AS (SELECT * FROM words WHERE NOT lexeme = ANY (p_common)),
             chosen AS (SELECT * FROM telling UNION ALL SELECT * FROM words WHERE NOT EXISTS (SELECT 1 FROM telling))
        SELECT coalesce(string_agg('''' || replace(replace(w.lexeme, '\\', '\\\\'), '''', '''''') || '''', ' | ')::tsquery, ''::tsquery)
        FROM (SELECT lexeme FROM chosen ORDER BY at LIMIT 24) w
      $$`);
    // The words in more than p_share of a large table's search vectors, from the planner's statistics (an inverse
    // document frequency for free). Small tables have none: there every word may tell.
    await q.query(`
      CREATE FUNCTION samspill_common_lexemes(p_table regclass, p_share real) RETURNS text[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(e.lexeme), '{}')
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname AND s.attname = 'search_vector'
        CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(lexeme, share)
        WHERE c.oid = p_table AND c.reltuples >= 10000 AND e.lexeme IS NOT NULL AND e.share > p_share
      $$`);

    // The language a text is read in to find work like it: its organisation's, or bokmål where that has no stemmer.
    await q.query(`
      CREATE FUNCTION samspill_similar_config(p_organization uuid) RETURNS regconfig LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN c = 'simple'::regconfig THEN 'norwegian'::regconfig ELSE c END
        FROM (SELECT samspill_organization_search_config(p_organization) AS c) x
      $$`);

    // Lessons and results of the improvement log.
    await q.query(`ALTER TABLE log_entries ADD COLUMN search_vector tsvector`);
    await q.query(`
      CREATE FUNCTION samspill_log_entry_search() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := CASE WHEN NEW.kind IN ('lesson', 'result')
          THEN samspill_search_vector(samspill_organization_search_config(NEW.organization_id), NEW.text) END;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER log_entries_search BEFORE INSERT OR UPDATE OF kind, text, organization_id ON log_entries
      FOR EACH ROW EXECUTE FUNCTION samspill_log_entry_search()`);
    await q.query(`
      UPDATE log_entries SET search_vector = samspill_search_vector(samspill_organization_search_config(organization_id), text)
      WHERE kind IN ('lesson', 'result')`);
    await q.query(`CREATE INDEX log_entries_lesson_search_idx ON log_entries USING gin (search_vector) WHERE kind IN ('lesson', 'result')`);
    await q.query(`CREATE INDEX log_entries_lesson_created_idx ON log_entries (created_at DESC, id) WHERE kind IN ('lesson', 'result')`);

    // Rationales with which a project was stopped or completed, in the language of whoever decided.
    await q.query(`ALTER TABLE stage_transitions ADD COLUMN search_vector tsvector`);
    await q.query(`
      CREATE FUNCTION samspill_closing_search() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := CASE WHEN NEW.kind = 'status' AND NEW.to_status IN ('stopped', 'completed')
          THEN samspill_search_vector(
            samspill_organization_search_config((SELECT organization_id FROM users WHERE id = NEW.decided_by)), NEW.rationale) END;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER stage_transitions_search BEFORE INSERT OR UPDATE OF kind, to_status, rationale, decided_by ON stage_transitions
      FOR EACH ROW EXECUTE FUNCTION samspill_closing_search()`);
    await q.query(`
      UPDATE stage_transitions t SET search_vector = samspill_search_vector(
        samspill_organization_search_config((SELECT organization_id FROM users WHERE id = t.decided_by)), t.rationale)
      WHERE t.kind = 'status' AND t.to_status IN ('stopped', 'completed')`);
    await q.query(`
      CREATE INDEX stage_transitions_closing_search_idx ON stage_transitions USING gin (search_vector)
      WHERE kind = 'status' AND to_status IN ('stopped', 'completed')`);
    await q.query(`
      CREATE INDEX stage_transitions_closing_created_idx ON stage_transitions (decided_at DESC, id)
      WHERE kind = 'status' AND to_status IN ('stopped', 'completed')`);

    // Projects, for "who has done this before?": the title weighs more than the description.
    await q.query(`ALTER TABLE projects ADD COLUMN search_vector tsvector`);
    await q.query(`
      CREATE FUNCTION samspill_project_search_vector(p_created_by uuid, p_title text, p_description text) RETURNS tsvector
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT setweight(samspill_search_vector(c.config, p_title), 'A') || samspill_search_vector(c.config, p_description)
        FROM (SELECT samspill_organization_search_config((SELECT organization_id FROM users WHERE id = p_created_by)) AS config) c
      $$`);
    await q.query(`
      CREATE FUNCTION samspill_project_search() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := samspill_project_search_vector(NEW.created_by, NEW.title, NEW.description);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER projects_search BEFORE INSERT OR UPDATE OF title, description, created_by ON projects
      FOR EACH ROW EXECUTE FUNCTION samspill_project_search()`);
    await q.query(`UPDATE projects SET search_vector = samspill_project_search_vector(created_by, title, description)`);
    await q.query(`CREATE INDEX projects_search_idx ON projects USING gin (search_vector)`);
    // The ids of a partnership's projects from the index alone: the lessons a person may see are those of these projects.
    await q.query(`CREATE INDEX projects_partnership_ids_idx ON projects (partnership_id, id)`);

    await q.query(`
      CREATE TABLE practices (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        project_id       uuid NULL REFERENCES projects (id) ON DELETE SET NULL,
        title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        summary          text NOT NULL CHECK (length(summary) BETWEEN 1 AND 500),
        description      text NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
        created_by       uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
        version          integer NOT NULL DEFAULT 1,
        search_vector    tsvector NOT NULL DEFAULT ''
      )`);
    await q.query(`
      CREATE FUNCTION samspill_practice_search() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        config regconfig := samspill_organization_search_config(NEW.organization_id);
      BEGIN
        NEW.search_vector := setweight(samspill_search_vector(config, NEW.title), 'A')
          || setweight(samspill_search_vector(config, NEW.summary), 'B')
          || samspill_search_vector(config, NEW.description);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER practices_search BEFORE INSERT OR UPDATE OF title, summary, description, organization_id ON practices
      FOR EACH ROW EXECUTE FUNCTION samspill_practice_search()`);
    await q.query(`CREATE INDEX practices_search_idx ON practices USING gin (search_vector)`);
    await q.query(`CREATE INDEX practices_created_idx ON practices (created_at DESC, id)`);
    await q.query(`CREATE INDEX practices_organization_idx ON practices (organization_id, created_at DESC)`);
    await q.query(`CREATE INDEX practices_project_idx ON practices (project_id) WHERE project_id IS NOT NULL`);

    // An edit never hides what was written: the wording before each edit.
    await q.query(`
      CREATE TABLE practice_revisions (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id  uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
        version      integer NOT NULL,
        title        text NOT NULL,
        summary      text NOT NULL,
        description  text NOT NULL,
        edited_by    uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        edited_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (practice_id, version)
      )`);

    await q.query(`
      CREATE TABLE adoptions (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id          uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
        organization_id      uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        kind                 text NOT NULL CHECK (kind IN ('copy', 'adapted')),
        changes              text NULL CHECK (changes IS NULL OR length(changes) BETWEEN 1 AND 5000),
        project_id           uuid NULL REFERENCES projects (id) ON DELETE SET NULL,
        derived_practice_id  uuid NULL REFERENCES practices (id) ON DELETE CASCADE,
        recorded_by          uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        created_at           timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT adoptions_once UNIQUE (practice_id, organization_id),
        CONSTRAINT adoptions_adapted_says_what CHECK (kind = 'copy' OR changes IS NOT NULL),
        CONSTRAINT adoptions_not_itself CHECK (derived_practice_id IS DISTINCT FROM practice_id)
      )`);
    await q.query(`CREATE INDEX adoptions_organization_idx ON adoptions (organization_id)`);
    await q.query(
      `CREATE INDEX adoptions_derived_idx ON adoptions (derived_practice_id, practice_id) WHERE derived_practice_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX adoptions_project_idx ON adoptions (project_id) WHERE project_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE adoptions`);
    await q.query(`DROP TABLE practice_revisions`);
    await q.query(`DROP TABLE practices`);
    await q.query(`DROP FUNCTION samspill_practice_search()`);

    await q.query(`DROP INDEX projects_partnership_ids_idx`);
    await q.query(`DROP TRIGGER projects_search ON projects`);
    await q.query(`DROP FUNCTION samspill_project_search()`);
    await q.query(`DROP FUNCTION samspill_project_search_vector(uuid, text, text)`);
    await q.query(`ALTER TABLE projects DROP COLUMN search_vector`);

    await q.query(`DROP TRIGGER stage_transitions_search ON stage_transitions`);
    await q.query(`DROP FUNCTION samspill_closing_search()`);
    await q.query(`DROP INDEX stage_transitions_closing_created_idx`);
    await q.query(`ALTER TABLE stage_transitions DROP COLUMN search_vector`);

    await q.query(`DROP TRIGGER log_entries_search ON log_entries`);
    await q.query(`DROP FUNCTION samspill_log_entry_search()`);
    await q.query(`DROP INDEX log_entries_lesson_created_idx`);
    await q.query(`ALTER TABLE log_entries DROP COLUMN search_vector`);

    await q.query(`DROP FUNCTION samspill_similar_config(uuid)`);
    await q.query(`DROP FUNCTION samspill_common_lexemes(regclass, real)`);
    await q.query(`DROP FUNCTION samspill_similar_query(regconfig, text, text[])`);
    await q.query(`DROP FUNCTION samspill_search_query(text)`);
    await q.query(`DROP FUNCTION samspill_search_vector(regconfig, text)`);
    await q.query(`DROP FUNCTION samspill_organization_search_config(uuid)`);
    await q.query(`DROP FUNCTION samspill_search_config(text)`);
    await q.query(`DROP EXTENSION pg_trgm`);
  }
}
