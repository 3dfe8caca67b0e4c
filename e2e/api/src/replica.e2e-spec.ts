import { type EmbeddedPostgres, startEmbeddedPostgres, startEmbeddedReplica } from '@samspill/api/embedded-postgres';
import type { LogEntryResponse } from '@samspill/contracts';
import { DEMO_ACCOUNTS } from '@samspill/testing';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { type ApiProcess, runApiCommand, spawnApi, TEST_JWT_SECRET } from './support/api-server';
import { login, request } from './support/http';
import { reachableTempDir } from './support/temp-dir';

/**
 * A real primary and a real streaming replica of it (same binaries, so the
 * same major version), with DATABASE_REPLICA_URLS. Replay on the replica is
 * paused to make it lag on purpose: whoever did not write reads the
 * replica's older state, the writer reads their own change from the
 * primary — through the process they wrote to, and through another one that
 * only has the cookie the write set. The x-read-from test aid says where
 * each request's reads went.
 */
let folder: string;
let primary: EmbeddedPostgres;
let replica: EmbeddedPostgres;
let replicaSql: Client;
let primarySql: Client;
let api: ApiProcess;
let other: ApiProcess;
let projectId: string;

const DATABASE = 'samspill';

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Until the replica has replayed everything the primary has written so far. */
async function caughtUp(): Promise<void> {
  const { lsn } = (await primarySql.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn')).rows[0] as { lsn: string };
  await until('the replica to catch up', async () => {
    const { behind } = (await replicaSql.query<{ behind: boolean }>('SELECT pg_last_wal_replay_lsn() < $1::pg_lsn AS behind', [lsn]))
      .rows[0] as { behind: boolean };
    return behind ? undefined : true;
  });
}

beforeAll(async () => {
  folder = await reachableTempDir('samspill-replica-test-');
  primary = await startEmbeddedPostgres({ dataDir: join(folder, 'primary'), fastButUnsafe: true });
  await primary.ensureDatabase(DATABASE);
  await runApiCommand('seed-demo', { DATABASE_URL: primary.urlFor(DATABASE), JWT_SECRET: TEST_JWT_SECRET });
  replica = await startEmbeddedReplica(primary, { dataDir: join(folder, 'replica') });
  primarySql = new Client({ connectionString: primary.urlFor(DATABASE) });
  replicaSql = new Client({ connectionString: replica.urlFor(DATABASE) });
  // The last test stops the replica under this connection.
  replicaSql.on('error', () => undefined);
  await Promise.all([primarySql.connect(), replicaSql.connect()]);
  const env = { DATABASE_URL: primary.urlFor(DATABASE), DATABASE_REPLICA_URLS: replica.urlFor(DATABASE), EXPOSE_QUERY_COUNT: 'true' };
  [api, other] = await Promise.all([spawnApi(env), spawnApi(env)]);
  const { rows } = await primarySql.query<{ id: string }>(
    `SELECT pr.id FROM projects pr JOIN partnerships p ON p.id = pr.partnership_id
     JOIN project_participants pp ON pp.project_id = pr.id JOIN organizations o ON o.id = pp.organization_id
     WHERE p.name = 'PILOTen Hadeland' AND o.name = 'Gran kommune' AND pr.status = 'active' ORDER BY pr.title LIMIT 1`,
  );
  projectId = (rows[0] as { id: string }).id;
}, 120_000);

afterAll(async () => {
  await Promise.all([api?.stop(), other?.stop()]);
  await Promise.all([primarySql?.end(), replicaSql?.end().catch(() => undefined)]);
  await replica?.stop();
  await primary?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

const texts = (body: unknown) => (body as LogEntryResponse[]).map((e) => e.text);

describe('DATABASE_REPLICA_URLS', () => {
  it('is a real streaming replica that refuses writes', async () => {
    const { rows } = await replicaSql.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
    expect(rows[0]?.standby).toBe(true);
    await expect(replicaSql.query(`UPDATE projects SET title = title`)).rejects.toThrow(/read-only transaction/);
    const { rows: senders } = await primarySql.query<{ state: string }>('SELECT state FROM pg_stat_replication');
    expect(senders.map((s) => s.state)).toEqual(['streaming']);
  });

  it('sends reads that may lag to the replica, and a write with what its author reads next to the primary', async () => {
    const writer = await login(api.baseUrl, DEMO_ACCOUNTS.granStaff);
    const reader = await login(api.baseUrl, DEMO_ACCOUNTS.lunnerStaff);
    const log = `/api/projects/${projectId}/log`;
    await caughtUp();
    // Once the process has seen the replica catch up, the reader's list comes from there.
    await until('reads from the replica', async () => {
      const r = await request(api.baseUrl, 'GET', log, { token: reader.token });
      return r.headers.get('x-read-from') === 'replica-1' ? r : undefined;
    });

    await replicaSql.query('SELECT pg_wal_replay_pause()');
    await until('replay to pause', async () => {
      const { rows } = await replicaSql.query<{ state: string }>('SELECT pg_get_wal_replay_pause_state() AS state');
      return rows[0]?.state === 'paused' ? true : undefined;
    });

    const text = `Skrevet mens replikaen står stille ${Date.now()}`;
    const written = await request<LogEntryResponse>(api.baseUrl, 'POST', log, { token: writer.token, body: { kind: 'observation', text } });
    expect(written.status).toBe(201);
    // The write went to the primary (the replica is read-only, and has not replayed it).
    expect((await primarySql.query('SELECT 1 FROM log_entries WHERE text = $1', [text])).rowCount).toBe(1);
    expect((await replicaSql.query('SELECT 1 FROM log_entries WHERE text = $1', [text])).rowCount).toBe(0);
    const cookie = written.headers
      .getSetCookie()
      .find((c) => c.startsWith('samspill_written='))
      ?.split(';')[0];
    expect(cookie).toMatch(/^samspill_written=[0-9A-F]+\/[0-9A-F]+$/);

    // The writer reads their own entry: from the primary, in the process they wrote to…
    const own = await request(api.baseUrl, 'GET', log, { token: writer.token });
    expect(own.status).toBe(200);
    expect(own.headers.get('x-read-from')).toBe('primary');
    expect(texts(own.body)).toContain(text);
    // …and in another process, which knows of the write only by the cookie.
    const elsewhere = await request(other.baseUrl, 'GET', log, { token: writer.token, cookie });
    expect(elsewhere.headers.get('x-read-from')).toBe('primary');
    expect(texts(elsewhere.body)).toContain(text);

    // Whoever did not write reads the replica, which lags: the entry is not there yet.
    const lagging = await request(api.baseUrl, 'GET', log, { token: reader.token });
    expect(lagging.headers.get('x-read-from')).toBe('replica-1');
    expect(texts(lagging.body)).not.toContain(text);
    // So would the writer in another process without the cookie: the cookie is what carries the write.
    const forgetful = await request(other.baseUrl, 'GET', log, { token: writer.token });
    expect(forgetful.headers.get('x-read-from')).toBe('replica-1');
    expect(texts(forgetful.body)).not.toContain(text);
    // Reads that must be current never go to a replica: the session check and the writes themselves.
    const me = await request(api.baseUrl, 'GET', '/api/auth/me', { token: reader.token });
    expect(me.headers.get('x-read-from')).toBe('primary');

    await replicaSql.query('SELECT pg_wal_replay_resume()');
    await caughtUp();
    // Caught up, the replica serves everyone again, the writer included, and has the entry.
    const caught = await until('the writer to read from the replica again', async () => {
      const r = await request(api.baseUrl, 'GET', log, { token: writer.token });
      return r.headers.get('x-read-from') === 'replica-1' ? r : undefined;
    });
    expect(texts(caught.body)).toContain(text);
    const fresh = await request(api.baseUrl, 'GET', log, { token: reader.token });
    expect(fresh.headers.get('x-read-from')).toBe('replica-1');
    expect(texts(fresh.body)).toContain(text);
  });

  it('falls back to the primary while the replica is away', async () => {
    const reader = await login(api.baseUrl, DEMO_ACCOUNTS.lunnerStaff);
    await replica.stop();
    const r = await until('reads to leave the stopped replica', async () => {
      const result = await request(api.baseUrl, 'GET', `/api/projects/${projectId}/log`, { token: reader.token });
      return result.status === 200 && result.headers.get('x-read-from') === 'primary' ? result : undefined;
    });
    expect((r.body as unknown[]).length).toBeGreaterThan(0);
  });
});
