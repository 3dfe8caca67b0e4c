import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on through an organisation's own OpenID Connect provider (issue 15):
 * - one provider per organisation; its client secret only encrypted (AES-256-GCM, by the API);
 * - the e-mail domains it covers, each domain belonging to one organisation at most (the primary key holds it);
 * - the sign-ins under way between the redirect and the callback (state, nonce, PKCE verifier), found by the
 *   state's hash and bound to the browser that started them by the hash of a cookie; spent once, ten minutes at most;
 * - for a session that began at a provider: which one, and the ID token (encrypted) as the hint for RP-initiated logout.
 */
export class SingleSignOn1796098407678 implements MigrationInterface {
  name = 'SingleSignOn1796098407678';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE identity_providers (
        organization_id          uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
        issuer                   text NOT NULL CHECK (length(issuer) BETWEEN 8 AND 500),
        client_id                text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 255),
        client_secret_encrypted  text NOT NULL CHECK (client_secret_encrypted LIKE 'v1.%'),
        scopes                   text[] NOT NULL DEFAULT '{}' CHECK (cardinality(scopes) <= 20),
        acr_values               text[] NOT NULL DEFAULT '{}' CHECK (cardinality(acr_values) <= 10),
        allow_password           boolean NOT NULL DEFAULT true,
        create_unknown_users     boolean NOT NULL DEFAULT false,
        version                  integer NOT NULL DEFAULT 1,
        created_at               timestamptz NOT NULL DEFAULT now(),
        updated_at               timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE identity_provider_domains (
        domain           text PRIMARY KEY CHECK (domain = lower(domain) AND length(domain) BETWEEN 3 AND 253),
        organization_id  uuid NOT NULL REFERENCES identity_providers (organization_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX identity_provider_domains_organization_idx ON identity_provider_domains (organization_id)`);
    await q.query(`
      CREATE TABLE sso_sign_ins (
        state_hash       text PRIMARY KEY,
        browser_hash     text NOT NULL,
        organization_id  uuid NOT NULL REFERENCES identity_providers (organization_id) ON DELETE CASCADE,
        nonce            text NOT NULL,
        code_verifier    text NOT NULL,
        redirect_uri     text NOT NULL,
        return_url       text NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        expires_at       timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sso_sign_ins_expires_idx ON sso_sign_ins (expires_at)`);
    await q.query(`
      CREATE TABLE sso_sessions (
        session_id          uuid PRIMARY KEY REFERENCES auth_sessions (id) ON DELETE CASCADE,
        organization_id     uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        issuer              text NOT NULL,
        subject             text NOT NULL,
        id_token_encrypted  text NOT NULL,
        post_logout_uri     text NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sso_sessions`);
    await q.query(`DROP TABLE sso_sign_ins`);
    await q.query(`DROP TABLE identity_provider_domains`);
    await q.query(`DROP TABLE identity_providers`);
  }
}
