/** The benchmark's API processes: start one, sign in, and record the SQL it sends per request. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { DEMO_PASSWORD as PASSWORD } from '@samspill/demo';
import { API_MAIN, BENCH_JWT_SECRET, ROOT } from './support';

/** API processes per server, as in production on this machine (one per core). */
export const WORKERS = process.env['BENCH_API_WORKERS'] ?? String(cpus().length);

/** One statement as the traced API sent it, with when it started and ended (ms, that process's clock). */
export interface Statement {
  text: string;
  values: unknown[];
  start: number;
  end: number;
}

export interface ApiOptions {
  env?: Record<string, string>;
  /** Record every statement in this file (one process, sql-trace.cjs). */
  traceFile?: string;
  /** Node flags for the API process (e.g. --cpu-prof). */
  nodeFlags?: string[];
  /** Another build's main.js (bench/ab.ts compares two); the current build's by default. */
  main?: string;
  /** Told the process id once it runs (to read its CPU time from /proc). */
  onPid?: (pid: number) => void;
}

/** Starts the built API on the port; resolves with a function that stops it. */
export function startApi(databaseUrl: string, port: number, options: ApiOptions = {}): Promise<() => Promise<void>> {
  return new Promise((resolveStart, reject) => {
    const { traceFile, env = {}, nodeFlags = [], main = API_MAIN } = options;
    const trace = traceFile ? { API_WORKERS: '1', SQL_TRACE_FILE: traceFile } : {};
    const child = spawn(process.execPath, [...nodeFlags, ...(traceFile ? ['-r', join(ROOT, 'bench', 'sql-trace.cjs')] : []), main], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        JWT_SECRET: BENCH_JWT_SECRET,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        WEB_ROOT: '',
        API_WORKERS: WORKERS,
        ...env,
        ...trace,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    if (child.pid !== undefined) options.onPid?.(child.pid);
    const stop = () =>
      new Promise<void>((r) => {
        if (child.exitCode !== null) return r();
        child.once('exit', () => r());
        child.kill('SIGTERM');
      });
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return resolveStart(stop);
      } catch {
        // not yet
      }
      if (Date.now() > deadline) return reject(new Error('the API did not start'));
      setTimeout(poll, 200);
    };
    void poll();
  });
}

export interface SignedIn {
  token: string;
  id: string;
  organizationId: string | null;
}

export async function login(base: string, email: string): Promise<SignedIn> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status}`);
  const body = (await response.json()) as { accessToken: string; user: { id: string; organization: { id: string } | null } };
  return { token: body.accessToken, id: body.user.id, organizationId: body.user.organization?.id ?? null };
}

export interface Traced {
  key: string;
  env?: Record<string, string>;
  path: string;
  token: string;
}

/**
 * The statements the API sends for each request, recorded by a traced API
 * process with the request's environment: every request goes out twice, and
 * the second (steady state: caches warm) is the one kept.
 */
export async function captureStatements(databaseUrl: string, port: number, requests: Traced[]): Promise<Map<string, Statement[]>> {
  const folder = mkdtempSync(join(tmpdir(), 'samspill-bench-sql-'));
  const captured = new Map<string, Statement[]>();
  const byEnv = new Map<string, Traced[]>();
  for (const r of requests) {
    const key = JSON.stringify(r.env ?? {});
    byEnv.set(key, [...(byEnv.get(key) ?? []), r]);
  }
  try {
    let n = 0;
    for (const [envKey, group] of byEnv) {
      const traceFile = join(folder, `${n++}.jsonl`);
      writeFileSync(traceFile, '');
      const stop = await startApi(databaseUrl, port, { env: JSON.parse(envKey) as Record<string, string>, traceFile });
      try {
        for (const r of group) {
          const get = async () => {
            const response = await fetch(`http://127.0.0.1:${port}${r.path}`, { headers: { authorization: `Bearer ${r.token}` } });
            if (!response.ok) throw new Error(`${r.path}: ${response.status}`);
            await response.arrayBuffer();
          };
          await get();
          const before = readFileSync(traceFile, 'utf8').length;
          await get();
          const lines = readFileSync(traceFile, 'utf8').slice(before).split('\n').filter(Boolean);
          captured.set(
            r.key,
            lines.map((line) => JSON.parse(line) as Statement),
          );
        }
      } finally {
        await stop();
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return captured;
}

export interface Subject {
  partnership_id: string;
  n: number;
  email: string;
  project_id: string;
}

/** A partnership of typical size, one of its members' staff, and one of its projects. */
export const SUBJECT_SQL = `WITH sizes AS (SELECT partnership_id, count(*) AS n FROM projects GROUP BY 1),
            median AS (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS m FROM sizes)
       SELECT s.partnership_id, s.n::int, u.email, (SELECT id FROM projects WHERE partnership_id = s.partnership_id ORDER BY id LIMIT 1) AS project_id
       FROM sizes s, median, partnership_members pm JOIN users u ON u.organization_id = pm.organization_id AND u.email LIKE 'bench-%'
       WHERE s.n = median.m AND pm.partnership_id = s.partnership_id ORDER BY s.partnership_id, u.email LIMIT 1`;

export async function findSubject(pool: Pool): Promise<Subject> {
  const [subject] = (await pool.query<Subject>(SUBJECT_SQL)).rows;
  if (!subject) throw new Error('no subject partnership found');
  return subject;
}
