import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counters for sign-in throttling and the per-person write limit, one row
 * per key and fixed one-minute window, so every API process shares them.
 * An attempt is counted by one UPSERT before any other work, which makes
 * the count atomic (the row lock serialises parallel attempts). Unlogged:
 * counters are worth losing in a crash rather than paying WAL for.
 */
export class RateLimits1764662400000 implements MigrationInterface {
  name = 'RateLimits1764662400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE rate_counters (
        key           text PRIMARY KEY,
        window_start  timestamptz NOT NULL,
        hits          integer NOT NULL
      )`);
    await q.query(`CREATE INDEX rate_counters_window_idx ON rate_counters (window_start)`);
    await q.query(`DROP TABLE login_attempts`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_attempts (
        id            bigserial PRIMARY KEY,
        email         text NOT NULL,
        ip            text NOT NULL,
        attempted_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_attempts_email_idx ON login_attempts (email, attempted_at)`);
    await q.query(`CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, attempted_at)`);
    await q.query(`DROP TABLE rate_counters`);
  }
}
