import './register-paths';
import { startEmbeddedPostgres } from '@samspill/api/embedded-postgres';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { API_MAIN, runApiCommand, TEST_JWT_SECRET, withDatabase } from './api-server';
import { pgBouncerBinary, startPgBouncer } from './pgbouncer';
import { reachableTempDir } from './temp-dir';

/**
 * One PostgreSQL for the whole run (the embedded one unless TEST_DATABASE_URL
 * is set), migrated and seeded once into a template database. Each suite gets
 * its own copy of the template (see api-server.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(API_MAIN)) {
    throw new Error(`The API is not built (${API_MAIN} is missing). Run: npx nx build api`);
  }
  let adminUrl = process.env['TEST_DATABASE_URL'];
  if (!adminUrl) {
    const dataDir = await reachableTempDir('samspill-api-test-');
    process.env['SAMSPILL_TEST_DATA_DIR'] = dataDir;
    const pg = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), fastButUnsafe: true });
    (globalThis as { __SAMSPILL_PG__?: unknown }).__SAMSPILL_PG__ = pg;
    adminUrl = pg.url;
  }
  await startPooler(adminUrl);
  const template = `samspill_template_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  const templateUrl = withDatabase(adminUrl, template);
  await runApiCommand('seed-demo', { DATABASE_URL: templateUrl, JWT_SECRET: TEST_JWT_SECRET });
  await readEnglish(templateUrl);

  process.env['SAMSPILL_TEST_ADMIN_URL'] = adminUrl;
  process.env['SAMSPILL_TEST_TEMPLATE'] = template;
}

/**
 * The API answers a signed-in person in their own language (issue 13). The suites assert the API's English
 * sentences, so the demo people of the tests read English; language.e2e-spec.ts and the tests of files in
 * bokmål choose their language themselves.
 */
async function readEnglish(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`UPDATE users SET locale = 'en'`);
  } finally {
    await client.end();
  }
}

/**
 * The API processes of the tests reach PostgreSQL through PgBouncer in
 * transaction mode (spawnApi rewrites their DATABASE_URL), as production
 * behind a pooler would; the tests' own checks read the server directly.
 * TEST_PGBOUNCER=off runs them direct.
 */
async function startPooler(serverUrl: string): Promise<void> {
  if (process.env['TEST_PGBOUNCER'] === 'off') return;
  const binary = pgBouncerBinary();
  if (!binary) {
    throw new Error(
      'The API tests run through PgBouncer, which is not installed. On Debian: apt-get install -y pgbouncer (or set PGBOUNCER_PATH; TEST_PGBOUNCER=off runs them without it).',
    );
  }
  const dir = await reachableTempDir('samspill-pgbouncer-');
  const pooler = await startPgBouncer(binary, serverUrl, dir);
  (globalThis as { __SAMSPILL_POOLER__?: unknown }).__SAMSPILL_POOLER__ = { ...pooler, dir };
  process.env['SAMSPILL_TEST_POOLER'] = `127.0.0.1:${pooler.port}`;
}
