import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the list of one's sessions shows: the device (browser) a session was
 * started on and when it was last used (its sign-in or the last renewal of
 * its access token). Sessions from before keep null for the device and
 * their start as their last use.
 */
export class SessionDevices1796098191643 implements MigrationInterface {
  name = 'SessionDevices1796098191643';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE auth_sessions ADD COLUMN user_agent text, ADD COLUMN last_used_at timestamptz`);
    await q.query(`UPDATE auth_sessions SET last_used_at = created_at`);
    await q.query(`ALTER TABLE auth_sessions ALTER COLUMN last_used_at SET DEFAULT now(), ALTER COLUMN last_used_at SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE auth_sessions DROP COLUMN last_used_at, DROP COLUMN user_agent`);
  }
}
