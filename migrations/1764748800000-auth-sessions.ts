import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A sign-in session: the family of refresh tokens rotated from one sign-in,
 * and the access tokens issued to it (their `sid` claim). Every request
 * checks its session here, so when a replayed refresh token revokes the
 * family, the family's access tokens stop working at once, in every API
 * process. Existing families become sessions.
 */
export class AuthSessions1764748800000 implements MigrationInterface {
  name = 'AuthSessions1764748800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE auth_sessions (
        id          uuid PRIMARY KEY,
        user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at  timestamptz NOT NULL DEFAULT now(),
        revoked_at  timestamptz
      )`);
    await q.query(`CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_id) WHERE revoked_at IS NULL`);
    await q.query(`
      INSERT INTO auth_sessions (id, user_id, created_at, revoked_at)
      SELECT family_id, (array_agg(user_id))[1], min(created_at),
             CASE WHEN bool_and(revoked_at IS NOT NULL) THEN max(revoked_at) END
      FROM refresh_tokens GROUP BY family_id`);
    await q.query(`
      ALTER TABLE refresh_tokens ADD CONSTRAINT refresh_tokens_session_fk
        FOREIGN KEY (family_id) REFERENCES auth_sessions (id) ON DELETE CASCADE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refresh_tokens DROP CONSTRAINT refresh_tokens_session_fk`);
    await q.query(`DROP TABLE auth_sessions`);
  }
}
