import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: an API process may keep what the per-request token check read (the person, their organisation, that
 * the session is open) for reads, and must hear at once when any of it changes, whichever process or script
 * changed it. These triggers announce such changes on the channel `samspill_sessions` when the transaction
 * commits: the person's id, or `*` when an organisation's name or kind changed (everyone in it is affected).
 * Only the columns the check reads announce anything: a changed mail preference or password hash does not
 * (a new password also bumps the token version, which does).
 */
export class SessionNotices1796100000005 implements MigrationInterface {
  name = 'SessionNotices1796100000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION samspill_session_notice() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'organizations' THEN
          PERFORM pg_notify('samspill_sessions', '*');
        ELSIF TG_TABLE_NAME = 'users' THEN
          PERFORM pg_notify('samspill_sessions', OLD.id::text);
        ELSE
          PERFORM pg_notify('samspill_sessions', OLD.user_id::text);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER users_session_notice AFTER UPDATE OF email, name, role, locale, token_version, active, organization_id
      ON users FOR EACH ROW
      WHEN ((OLD.email, OLD.name, OLD.role, OLD.locale, OLD.token_version, OLD.active, OLD.organization_id)
            IS DISTINCT FROM (NEW.email, NEW.name, NEW.role, NEW.locale, NEW.token_version, NEW.active, NEW.organization_id))
      EXECUTE FUNCTION samspill_session_notice()`);
    await q.query(`CREATE TRIGGER users_session_notice_gone AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION samspill_session_notice()`);
    await q.query(`
      CREATE TRIGGER auth_sessions_notice AFTER UPDATE OF revoked_at, user_id ON auth_sessions FOR EACH ROW
      WHEN ((OLD.revoked_at, OLD.user_id) IS DISTINCT FROM (NEW.revoked_at, NEW.user_id))
      EXECUTE FUNCTION samspill_session_notice()`);
    await q.query(
      `CREATE TRIGGER auth_sessions_notice_gone AFTER DELETE ON auth_sessions FOR EACH ROW EXECUTE FUNCTION samspill_session_notice()`,
    );
    await q.query(`
      CREATE TRIGGER organizations_session_notice AFTER UPDATE OF name, kind ON organizations FOR EACH ROW
      WHEN ((OLD.name, OLD.kind) IS DISTINCT FROM (NEW.name, NEW.kind))
      EXECUTE FUNCTION samspill_session_notice()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER organizations_session_notice ON organizations`);
    await q.query(`DROP TRIGGER auth_sessions_notice_gone ON auth_sessions`);
    await q.query(`DROP TRIGGER auth_sessions_notice ON auth_sessions`);
    await q.query(`DROP TRIGGER users_session_notice_gone ON users`);
    await q.query(`DROP TRIGGER users_session_notice ON users`);
    await q.query(`DROP FUNCTION samspill_session_notice()`);
  }
}
