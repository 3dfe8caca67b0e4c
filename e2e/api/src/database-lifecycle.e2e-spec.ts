import { type EmbeddedPostgres, startEmbeddedPostgres } from '@samspill/api/embedded-postgres';
import type { ErrorResponse } from '@samspill/contracts';
import { DEMO_ACCOUNTS } from '@samspill/testing';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runApiCommand, spawnApi, TEST_JWT_SECRET, type ApiProcess } from './support/api-server';
import { login, request } from './support/http';
import { reachableTempDir } from './support/temp-dir';

describe('when the database goes away', () => {
  let dataDir: string;
  let pg: EmbeddedPostgres;
  let api: ApiProcess;

  beforeAll(async () => {
    dataDir = await reachableTempDir('samspill-db-down-');
    pg = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), fastButUnsafe: true });
    await pg.ensureDatabase('samspill');
    await runApiCommand('seed-demo', { DATABASE_URL: pg.urlFor('samspill'), JWT_SECRET: TEST_JWT_SECRET });
    api = await spawnApi({ DATABASE_URL: pg.urlFor('samspill'), DB_CONNECT_TIMEOUT_MS: '2000' });
  });
  afterAll(async () => {
    await api?.stop();
    await pg?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 503 within a few seconds, stays up, and recovers when it is back', async () => {
    const session = await login(api.baseUrl, DEMO_ACCOUNTS.granStaff);
    const port = pg.port;
    await pg.stop();

    const started = Date.now();
    const health = await request(api.baseUrl, 'GET', '/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'error', database: 'down' });
    const list = await request<ErrorResponse>(api.baseUrl, 'GET', '/api/organizations', { token: session.token });
    expect(list.status).toBe(503);
    expect(list.body).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
    expect(list.body.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres/i);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(api.child.exitCode).toBeNull();

    pg = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port, fastButUnsafe: true });
    await api.waitUntilHealthy(15_000);
    const again = await request(api.baseUrl, 'GET', '/api/organizations', { token: session.token });
    expect(again.status).toBe(200);
  });
});

describe('the embedded database (no DATABASE_URL)', () => {
  let dataDir: string;
  const running: ApiProcess[] = [];
  beforeAll(async () => {
    dataDir = await reachableTempDir('samspill-embedded-');
  });
  afterAll(async () => {
    for (const p of running) await p.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts, migrates, seeds the demo data, and starts again after kill -9', async () => {
    const env = { DATA_DIR: dataDir, JWT_SECRET: '' };
    const first = await spawnApi(env);
    running.push(first);
    const session = await login(first.baseUrl, DEMO_ACCOUNTS.admin);
    const orgs = await request<unknown[]>(first.baseUrl, 'GET', '/api/organizations', { token: session.token });
    expect(orgs.body).toHaveLength(8);
    expect(first.output()).toContain('Demo accounts');

    // A hard kill leaves the postmaster orphaned; the next start must clear it.
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await spawnApi(env);
    running.push(second);
    // The seed is idempotent and the signing secret persisted: the old token still works.
    const again = await request<unknown[]>(second.baseUrl, 'GET', '/api/organizations', { token: session.token });
    expect(again.status).toBe(200);
    expect(again.body).toHaveLength(8);

    // A clean stop (SIGTERM) stops the database too.
    await second.stop();
    expect(second.child.exitCode).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'pgdata', 'postmaster.pid'))).toBe(false);
  });
});

describe('several API processes (API_WORKERS)', () => {
  it('serve one port on the embedded database and all stop, database included, on SIGTERM', async () => {
    const dataDir = await reachableTempDir('samspill-workers-');
    try {
      const api = await spawnApi({ DATA_DIR: dataDir, JWT_SECRET: '', API_WORKERS: '2' });
      const session = await login(api.baseUrl, DEMO_ACCOUNTS.granStaff);
      // Requests spread over both processes; every one of them must accept the token.
      const results = await Promise.all(
        Array.from({ length: 20 }, () => request(api.baseUrl, 'GET', '/api/auth/me', { token: session.token })),
      );
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
      // The first worker may answer before the second listens; the primary reports when both do.
      await api.waitForOutput('with 2 API processes');
      expect(api.output()).toContain('with 2 API processes');
      await api.stop();
      expect(api.child.exitCode).toBe(0);
      expect(existsSync(join(dataDir, 'postgres', 'pgdata', 'postmaster.pid'))).toBe(false);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
