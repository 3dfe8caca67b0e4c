import { type EmbeddedPostgres, startEmbeddedPostgres } from '@samspill/api/embedded-postgres';
import type { ErrorResponse } from '@samspill/contracts';
import { DEMO_ACCOUNTS } from '@samspill/testing';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runApiCommand, spawnApi, TEST_JWT_SECRET, type ApiProcess } from './support/api-server';
import { login, request, type Session } from './support/http';
import { freeze, outageLasting } from './support/outage';
import { reachableTempDir } from './support/temp-dir';

/*
 * The database goes away while people work. PostgreSQL runs with its safe
 * settings here (fsync and synchronous commit on), because what is checked
 * is that nothing acknowledged is lost.
 */

let dataDir: string;
let pg: EmbeddedPostgres;
let api: ApiProcess;
let session: Session;
let projectId: string;

beforeAll(async () => {
  dataDir = await reachableTempDir('samspill-outage-');
  pg = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres') });
  await pg.ensureDatabase('samspill');
  await runApiCommand('seed-demo', { DATABASE_URL: pg.urlFor('samspill'), JWT_SECRET: TEST_JWT_SECRET });
  api = await spawnApi({ DATABASE_URL: pg.urlFor('samspill'), LOG_LEVEL: 'warn' });
  session = await login(api.baseUrl, DEMO_ACCOUNTS.granStaff);
  const [pilot] = (
    await request<{ id: string; name: string; members: { id: string }[] }[]>(api.baseUrl, 'GET', '/api/partnerships', {
      token: session.token,
    })
  ).body.filter((p) => p.name === 'PILOTen Hadeland');
  const created = await request<{ id: string }>(api.baseUrl, 'POST', '/api/projects', {
    token: session.token,
    body: { partnershipId: pilot?.id, title: 'Utfall', description: '', participantIds: pilot?.members.map((m) => m.id) },
  });
  projectId = created.body.id;
});
afterAll(async () => {
  await api?.stop();
  await pg?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a frozen database (SIGSTOP)', () => {
  it('answers requests in flight with 503 within seconds, not when it thaws', async () => {
    const thaw = freeze(pg.pid);
    const outage = outageLasting(10_000).then(thaw);
    try {
      const started = Date.now();
      const [read, write] = await Promise.all([
        request<ErrorResponse>(api.baseUrl, 'GET', `/api/projects/${projectId}`, { token: session.token }),
        request<ErrorResponse>(api.baseUrl, 'POST', `/api/projects/${projectId}/log`, {
          token: session.token,
          body: { kind: 'lesson', text: 'Fryst' },
        }),
      ]);
      const elapsed = Date.now() - started;
      expect({ read: read.status, write: write.status }).toEqual({ read: 503, write: 503 });
      expect(read.body).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(elapsed).toBeLessThan(8_000);
    } finally {
      await outage;
    }
    expect((await request(api.baseUrl, 'GET', `/api/projects/${projectId}`, { token: session.token })).status).toBe(200);
  }, 30_000);
});
