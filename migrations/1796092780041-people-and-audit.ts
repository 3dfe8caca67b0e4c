import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Running Samspill for real (issue 10):
 * - organisations record a successor when municipalities merge; `active` is derived from it, so the two cannot
 *   disagree. An inactive organisation keeps its row and name: its history still reads as it was.
 * - organisations and users carry a version for optimistic edits;
 * - partnerships have observers, never members at the same time (a trigger holds that even for direct SQL);
 * - invitations and password resets keep only the SHA-256 hash of their token;
 * - the audit trail, append-only in the database itself: UPDATE, DELETE and TRUNCATE on it fail, whoever asks.
 */
export class PeopleAndAudit1796092780041 implements MigrationInterface {
  name = 'PeopleAndAudit1796092780041';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organizations
        ADD COLUMN successor_id uuid NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        ADD COLUMN merged_at timestamptz NULL,
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD CONSTRAINT organizations_successor_not_self CHECK (successor_id <> id),
        ADD CONSTRAINT organizations_merged_shape CHECK ((successor_id IS NULL) = (merged_at IS NULL))`);
    await q.query(`ALTER TABLE organizations ADD COLUMN active boolean GENERATED ALWAYS AS (successor_id IS NULL) STORED`);
    await q.query(`CREATE INDEX organizations_successor_idx ON organizations (successor_id) WHERE successor_id IS NOT NULL`);

    await q.query(`ALTER TABLE users ADD COLUMN version integer NOT NULL DEFAULT 1`);

    await q.query(`
      CREATE TABLE partnership_observers (
        partnership_id   uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
        organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        added_at         timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (partnership_id, organization_id)
      )`);
    await q.query(`CREATE INDEX partnership_observers_organization_idx ON partnership_observers (organization_id, partnership_id)`);
    // A member that also observed would read as both; the service refuses it first (INVALID_OBSERVERS), this holds it for SQL too.
    await q.query(`
      CREATE FUNCTION samspill_member_or_observer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (TG_TABLE_NAME = 'partnership_observers' AND EXISTS (
              SELECT 1 FROM partnership_members WHERE partnership_id = NEW.partnership_id AND organization_id = NEW.organization_id))
           OR (TG_TABLE_NAME = 'partnership_members' AND EXISTS (
              SELECT 1 FROM partnership_observers WHERE partnership_id = NEW.partnership_id AND organization_id = NEW.organization_id)) THEN
          RAISE EXCEPTION 'an organisation is either a member or an observer of a partnership, not both' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    for (const table of ['partnership_observers', 'partnership_members']) {
      await q.query(`
        CREATE TRIGGER ${table}_member_or_observer BEFORE INSERT OR UPDATE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION samspill_member_or_observer()`);
    }

    await q.query(`
      CREATE TABLE invitations (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email             text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
        name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        role              text NOT NULL CHECK (role IN ('staff', 'leader', 'politician', 'admin')),
        organization_id   uuid NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        locale            text NOT NULL DEFAULT 'nb' CHECK (locale ~ '^[a-z]{2}$'),
        token_hash        text NOT NULL,
        invited_by        uuid NULL REFERENCES users (id) ON DELETE SET NULL,
        created_at        timestamptz NOT NULL DEFAULT now(),
        sent_at           timestamptz NOT NULL DEFAULT now(),
        expires_at        timestamptz NOT NULL,
        mail_sent         boolean NOT NULL DEFAULT false,
        accepted_at       timestamptz NULL,
        accepted_user_id  uuid NULL REFERENCES users (id) ON DELETE SET NULL,
        withdrawn_at      timestamptz NULL,
        CONSTRAINT invitations_organization_required CHECK (role = 'admin' OR organization_id IS NOT NULL),
        CONSTRAINT invitations_closed_once CHECK (accepted_at IS NULL OR withdrawn_at IS NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX invitations_token_hash_key ON invitations (token_hash)`);
    await q.query(
      `CREATE INDEX invitations_open_idx ON invitations (organization_id, created_at) WHERE accepted_at IS NULL AND withdrawn_at IS NULL`,
    );
    await q.query(`CREATE INDEX invitations_open_email_idx ON invitations (email) WHERE accepted_at IS NULL AND withdrawn_at IS NULL`);

    await q.query(`
      CREATE TABLE password_resets (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash  text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX password_resets_token_hash_key ON password_resets (token_hash)`);
    await q.query(`CREATE INDEX password_resets_user_idx ON password_resets (user_id, created_at)`);

    // No foreign keys: an entry outlives whatever it names, and no cascade may ever reach it.
    await q.query(`
      CREATE TABLE audit_log (
        id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at                     timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id               uuid NULL,
        actor_organization_id  uuid NULL,
        action                 text NOT NULL CHECK (action ~ '^[a-z_]+\\.[a-z_]+$'),
        entity_type            text NOT NULL CHECK (entity_type ~ '^[a-z_]+$'),
        entity_id              uuid NULL,
        concerns               uuid[] NOT NULL DEFAULT '{}',
        before                 jsonb NULL,
        after                  jsonb NULL
      )`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, at DESC)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at DESC)`);
    await q.query(`CREATE INDEX audit_log_actor_organization_idx ON audit_log (actor_organization_id, at DESC)`);
    await q.query(`CREATE INDEX audit_log_concerns_idx ON audit_log USING gin (concerns)`);
    await q.query(`
      CREATE FUNCTION samspill_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit trail is append-only: % on audit_log is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION samspill_audit_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION samspill_audit_append_only()`);
    // Roles other than the owner get no way to change it either (the owner is held by the triggers).
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Dropping the table is the one way to remove the trail: down() means the whole feature goes.
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION samspill_audit_append_only()`);
    await q.query(`DROP TABLE password_resets`);
    await q.query(`DROP TABLE invitations`);
    await q.query(`DROP TRIGGER partnership_members_member_or_observer ON partnership_members`);
    await q.query(`DROP TABLE partnership_observers`);
    await q.query(`DROP FUNCTION samspill_member_or_observer()`);
    await q.query(`ALTER TABLE users DROP COLUMN version`);
    await q.query(`DROP INDEX organizations_successor_idx`);
    await q.query(`ALTER TABLE organizations DROP COLUMN active`);
    await q.query(`
      ALTER TABLE organizations
        DROP CONSTRAINT organizations_merged_shape,
        DROP CONSTRAINT organizations_successor_not_self,
        DROP COLUMN version,
        DROP COLUMN merged_at,
        DROP COLUMN successor_id`);
  }
}
