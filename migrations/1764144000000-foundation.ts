import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764144000000 implements MigrationInterface {
  name = 'Foundation1764144000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);

    await q.query(`
      CREATE TABLE organizations (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind        text NOT NULL CHECK (kind IN ('municipality', 'state_agency', 'county', 'academia', 'other')),
        code        text NULL CHECK (code ~ '^[0-9]{1,8}$'),
        country     char(2) NOT NULL CHECK (country IN ('NO', 'DK', 'SE', 'FI', 'IS')),
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX organizations_country_name_key ON organizations (country, lower(name))`);
    await q.query(`CREATE UNIQUE INDEX organizations_country_code_key ON organizations (country, code) WHERE code IS NOT NULL`);

    await q.query(`
      CREATE TABLE users (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email            text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
        name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        role             text NOT NULL CHECK (role IN ('staff', 'leader', 'politician', 'admin')),
        organization_id  uuid NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        password_hash    text NOT NULL,
        active           boolean NOT NULL DEFAULT true,
        locale           text NOT NULL DEFAULT 'nb' CHECK (locale IN ('nb', 'en', 'nn', 'da')),
        token_version    integer NOT NULL DEFAULT 0,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_organization_required CHECK (role = 'admin' OR organization_id IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await q.query(`CREATE INDEX users_organization_idx ON users (organization_id)`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash  text NOT NULL,
        family_id   uuid NOT NULL,
        expires_at  timestamptz NOT NULL,
        revoked_at  timestamptz NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash)`);
    await q.query(`CREATE INDEX refresh_tokens_user_active_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);

    await q.query(`
      CREATE TABLE login_attempts (
        id            bigserial PRIMARY KEY,
        email         text NOT NULL,
        ip            text NOT NULL,
        attempted_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_attempts_email_idx ON login_attempts (email, attempted_at)`);
    await q.query(`CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, attempted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_attempts`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE organizations`);
  }
}
