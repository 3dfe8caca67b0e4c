import { type EmbeddedPostgres, startEmbeddedPostgres } from '@samspill/api/embedded-postgres';
import type { ErrorResponse } from '@samspill/contracts';
import { DEMO_ACCOUNTS } from '@samspill/testing';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { runApiCommand, spawnApi, TEST_JWT_SECRET, type ApiProcess } from './support/api-server';
import { login, request, type Session } from './support/http';
import { freeze, outageLasting } from './support/outage';
import { reachableTempDir } from './support/temp-dir';

/*
 * The database goes away while people work: restarted (immediate), stopped
 * for 10 s, frozen for 10 s. PostgreSQL runs with its safe settings here
 * (fsync and synchronous commit on), because what is checked is that
 * nothing acknowledged is lost. The API runs with short timeouts, so that
 * "within seconds" is well below the 10-second outages.
 */

const CONNECT_TIMEOUT_MS = 2_000;
const STATEMENT_TIMEOUT_MS = 2_000;
/** The longest a request may take while the database is away: a pool wait, a query the client gives up on, and slack. */
const LONGEST_REQUEST_MS = CONNECT_TIMEOUT_MS + STATEMENT_TIMEOUT_MS + 1_000 + 1_500;
const OUTAGE_MS = 10_000;

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
  api = await spawnApi({
    DATABASE_URL: pg.urlFor('samspill'),
    // A 503 is logged as a warning (thousands of them say nothing here); a 500 is an error, shown when this test fails.
    LOG_LEVEL: 'error',
    DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
    DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
    // The load below is far above a person's write limit, which is not what is tested here.
    WRITE_LIMIT_PER_MINUTE: '1000000',
  });
  session = await login(api.baseUrl, DEMO_ACCOUNTS.granStaff);
  const partnerships = await request<{ id: string; name: string; members: { id: string }[] }[]>(api.baseUrl, 'GET', '/api/partnerships', {
    token: session.token,
  });
  const pilot = partnerships.body.find((p) => p.name === 'PILOTen Hadeland');
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

const writeEntry = (text: string) =>
  request<ErrorResponse>(api.baseUrl, 'POST', `/api/projects/${projectId}/log`, { token: session.token, body: { kind: 'result', text } });

interface Outcome {
  text: string;
  status: number;
  ms: number;
  body: unknown;
}

/**
 * A bounded write load: `workers` people, each writing one log entry after
 * the other until stopped. `acknowledged(n)` resolves once n writes in all got 201.
 */
function writeLoad(workers: number) {
  let running = true;
  const outcomes: Outcome[] = [];
  const waiting: { n: number; resolve: () => void }[] = [];
  let acknowledgedCount = 0;
  const worker = async (w: number) => {
    for (let i = 0; running; i++) {
      const text = `load ${w}-${i}-${Math.random().toString(36).slice(2)}`;
      const started = Date.now();
      const result = await writeEntry(text);
      outcomes.push({ text, status: result.status, ms: Date.now() - started, body: result.body });
      if (result.status === 201) acknowledgedCount++;
      for (const wait of waiting.filter((x) => acknowledgedCount >= x.n)) wait.resolve();
    }
  };
  const all = Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
  return {
    count: () => acknowledgedCount,
    acknowledged: (n: number) => new Promise<void>((resolve) => (acknowledgedCount >= n ? resolve() : waiting.push({ n, resolve }))),
    async stop(): Promise<Outcome[]> {
      running = false;
      await all;
      return outcomes;
    },
  };
}

/** Polls (no fixed wait) until a process has exited. */
async function exited(pid: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    if (Date.now() > deadline) throw new Error(`process ${pid} did not exit`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function storedTexts(texts: string[]): Promise<Set<string>> {
  const db = new Client({ connectionString: pg.urlFor('samspill') });
  await db.connect();
  try {
    const { rows } = await db.query<{ text: string }>(`SELECT text FROM log_entries WHERE text = ANY($1)`, [texts]);
    return new Set(rows.map((r) => r.text));
  } finally {
    await db.end();
  }
}

/**
 * Runs the write load before, through and after an outage, then checks
 * what the issue asks: every acknowledged write is stored, every error is a
 * 503 in the common shape, no request took longer than the timeouts allow,
 * and the first write after recovery succeeds within a second.
 */
async function underLoad(outage: () => Promise<void>): Promise<void> {
  const load = writeLoad(3);
  await load.acknowledged(20);
  const outageStarted = Date.now();
  await outage();
  const recovered = Date.now();
  const first = await writeEntry('first after recovery');
  const firstMs = Date.now() - recovered;
  // The load goes on after recovery too.
  await load.acknowledged(load.count() + 20);
  const outcomes = await load.stop();

  const unexpected = outcomes.filter((o) => o.status !== 201 && o.status !== 503);
  const failures = api
    .output()
    .split('\n')
    .filter((line) => line.includes('request failed'));
  expect({ unexpected: unexpected.slice(0, 3), logged: failures.slice(0, 3) }).toEqual({ unexpected: [], logged: [] });
  const refused = outcomes.filter((o) => o.status === 503);
  expect(refused.length).toBeGreaterThan(0);
  for (const o of refused) expect(o.body).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
  const slowest = Math.max(...outcomes.map((o) => o.ms));
  expect(slowest).toBeLessThanOrEqual(LONGEST_REQUEST_MS);

  const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.text);
  const stored = await storedTexts([...acknowledged, 'first after recovery']);
  expect(acknowledged.filter((t) => !stored.has(t))).toEqual([]);
  expect(first.status).toBe(201);
  expect(stored.has('first after recovery')).toBe(true);
  expect(firstMs).toBeLessThan(1_000);
  expect(api.child.exitCode).toBeNull();
  // The numbers, for the note: how much was written and refused, and the slowest answer.
  process.stdout.write(
    `outage ${Date.now() - outageStarted} ms: ${acknowledged.length} writes acknowledged, ${refused.length} refused with 503, ` +
      `slowest ${slowest} ms, first write after recovery ${firstMs} ms\n`,
  );
}

describe('a frozen database (SIGSTOP)', () => {
  it('answers requests in flight with 503 within seconds, not when it thaws', async () => {
    const thaw = freeze(pg.pid);
    const outage = outageLasting(OUTAGE_MS).then(thaw);
    try {
      const started = Date.now();
      const [read, write] = await Promise.all([
        request<ErrorResponse>(api.baseUrl, 'GET', `/api/projects/${projectId}`, { token: session.token }),
        writeEntry('Fryst'),
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

  it('for 10 s under a write load: nothing acknowledged is lost, and writing goes on when it thaws', async () => {
    await underLoad(async () => {
      const thaw = freeze(pg.pid);
      await outageLasting(OUTAGE_MS);
      thaw();
    });
  }, 60_000);
});

describe('PostgreSQL restarted (immediate shutdown)', () => {
  it('under a write load: nothing acknowledged is lost, and writing goes on when it is back', async () => {
    await underLoad(async () => {
      const { pid, port } = pg;
      process.kill(pid, 'SIGQUIT'); // pg_ctl stop -m immediate: no checkpoint, crash recovery at the next start
      await exited(pid);
      pg = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port });
    });
  }, 60_000);
});

describe('PostgreSQL stopped for 10 s', () => {
  it('under a write load: nothing acknowledged is lost, and writing goes on when it is back', async () => {
    await underLoad(async () => {
      const { port } = pg;
      await pg.stop();
      await outageLasting(OUTAGE_MS);
      pg = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port });
    });
  }, 60_000);
});
