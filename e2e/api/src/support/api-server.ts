import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client, type QueryResultRow } from 'pg';

export const WORKSPACE = resolve(__dirname, '../../../..');
export const API_MAIN = join(WORKSPACE, 'dist/apps/api/main.js');
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Runs `node dist/apps/api/main.js <command>` to completion. */
export function runApiCommand(
  command: string,
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [API_MAIN, command, ...args], {
      cwd: WORKSPACE,
      env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (command !== 'serve' && code !== 0 && !env['EXPECT_FAILURE']) {
        reject(new Error(`main.js ${command} exited with ${code}:\n${output}`));
      } else {
        resolveRun({ code, output });
      }
    });
  });
}

/** A fresh database copied from the migrated, seeded template. */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = requireEnv('SAMSPILL_TEST_ADMIN_URL');
  const template = requireEnv('SAMSPILL_TEST_TEMPLATE');
  const name = `samspill_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY`);
  return withDatabase(adminUrl, name);
}

export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await adminQuery(requireEnv('SAMSPILL_TEST_ADMIN_URL'), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the API test global setup did not run`);
  return value;
}

export interface ApiProcess {
  baseUrl: string;
  port: number;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** The process's DATA_DIR: a fresh temporary folder unless the caller gave one (mail without SMTP_URL lands in its mail/). */
  dataDir: string;
  /** Resolves when the output holds `text`; fails after the timeout with what was written. */
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
  waitUntilHealthy(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The URL an API process uses for a test database: through the run's
 * PgBouncer (global-setup) when there is one and the database is on the
 * run's server; otherwise as given.
 */
export function throughPooler(url: string): string {
  const pooler = process.env['SAMSPILL_TEST_POOLER'];
  const server = process.env['SAMSPILL_TEST_ADMIN_URL'];
  if (!pooler || !server) return url;
  const u = new URL(url);
  if (u.host !== new URL(server).host) return url;
  u.host = pooler;
  return u.toString();
}

export interface SpawnOptions {
  /** Connect straight to PostgreSQL, not through PgBouncer: for tests that stop or freeze the server itself. */
  direct?: boolean;
}

/** Starts the built API as its own process on the given database (through PgBouncer when the run has one). */
export async function spawnApi(env: Record<string, string>, options: SpawnOptions = {}): Promise<ApiProcess> {
  const port = await freePort();
  // LISTEN and the job queue keep session state, which PgBouncer's transaction mode does not: they connect directly.
  if (env['DATABASE_URL'] && !options.direct) {
    env = { DATABASE_DIRECT_URL: env['DATABASE_URL'], ...env, DATABASE_URL: throughPooler(env['DATABASE_URL']) };
  }
  const ownDataDir = env['DATA_DIR'] ? null : mkdtempSync(join(tmpdir(), 'samspill-api-data-'));
  const dataDir = env['DATA_DIR'] ?? (ownDataDir as string);
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: WORKSPACE,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      JWT_SECRET: TEST_JWT_SECRET,
      WEB_ROOT: '',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const api: ApiProcess = {
    baseUrl,
    port,
    child,
    output: () => output,
    dataDir,
    waitForOutput: (text, timeoutMs = 15_000) =>
      new Promise<void>((resolveWait, reject) => {
        if (output.includes(text)) return resolveWait();
        const timer = setTimeout(() => {
          child.stdout?.off('data', check);
          reject(new Error(`"${text}" did not appear within ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        const check = () => {
          if (!output.includes(text)) return;
          clearTimeout(timer);
          child.stdout?.off('data', check);
          resolveWait();
        };
        child.stdout?.on('data', check);
      }),
    // Generous: on a shared machine under load a start can take tens of seconds.
    async waitUntilHealthy(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`The API exited with ${child.exitCode}:\n${output}`);
        try {
          const response = await fetch(`${baseUrl}/api/health`);
          if (response.status === 200) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`The API did not become healthy within ${timeoutMs} ms:\n${output}`);
    },
    stop: () =>
      new Promise<void>((resolveStop) => {
        const done = () => {
          if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
          resolveStop();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
  await api.waitUntilHealthy();
  return api;
}

export interface TestApi extends ApiProcess {
  databaseUrl: string;
  /** Reads the database directly, to check what was (or was not) stored. */
  sql<T extends QueryResultRow = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** The one row a query must return; the test fails, naming the query, when there is none. */
  row<T extends QueryResultRow = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T>;
  close(): Promise<void>;
}

/** A suite's API: its own database from the template, its own process. */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const databaseUrl = await createTestDatabase();
  const api = await spawnApi({ DATABASE_URL: databaseUrl, ...env });
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const sql = async <T extends QueryResultRow>(text: string, params: unknown[] = []) => (await db.query<T>(text, params)).rows;
  return {
    ...api,
    databaseUrl,
    sql,
    async row<T extends QueryResultRow>(text: string, params: unknown[] = []) {
      const [found] = await sql<T>(text, params);
      if (!found) throw new Error(`no row for: ${text}`);
      return found;
    },
    async close() {
      await api.stop();
      await db.end();
      await dropTestDatabase(databaseUrl);
    },
  };
}
