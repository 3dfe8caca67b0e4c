/**
 * npm run bench — measures the API against the Nordic-scale database made by
 * `npm run bench:seed`: autocannon with 50 connections for BENCH_DURATION
 * seconds (default 20) per endpoint, then the same SQL statements run
 * directly through `pg` at the same concurrency (the floor). The statements
 * are captured from a traced API process answering the same request (see
 * sql-trace.cjs), so the floor follows the API's SQL as it changes. Prints
 * requests/s and p50/p95/p99 for both, the p50 ratio, and writes
 * bench/RESULTS.md.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { DEMO_PASSWORD as PASSWORD } from '@samspill/demo';
import { learningEndpoints } from './learning-endpoints';
import { API_MAIN, BENCH_JWT_SECRET, benchDatabase, ROOT, requireBuiltApi } from './support';

const DURATION = Number(process.env['BENCH_DURATION'] ?? '20');
const CONNECTIONS = 50;
/** API processes per server, as in production on this machine (one per core). */
const WORKERS = process.env['BENCH_API_WORKERS'] ?? String(cpus().length);

interface Stats {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  requests: number;
}

interface Endpoint {
  name: string;
  /** Which API process answers: the default one, or one with the dashboard cache off. */
  base: Mode;
  path: string;
  token: string;
  target: { percentile: 'p95' | 'p99'; ms: number };
}

type Mode = 'cached' | 'uncached';
const MODE_ENV: Record<Mode, Record<string, string>> = { cached: {}, uncached: { DASHBOARD_CACHE: 'false' } };

/** One statement as the traced API sent it, with when it started and ended (ms, that process's clock). */
interface Statement {
  text: string;
  values: unknown[];
  start: number;
  end: number;
}

/** Statements that overlapped in the API (a Promise.all there) run together here too; the rest one after another. */
function inSteps(statements: Statement[]): Statement[][] {
  const steps: Statement[][] = [];
  let until = -Infinity;
  for (const statement of [...statements].sort((a, b) => a.start - b.start)) {
    const step = steps.at(-1);
    if (step && statement.start < until) step.push(statement);
    else steps.push([statement]);
    until = Math.max(step && statement.start < until ? until : -Infinity, statement.end);
  }
  return steps;
}

function replay(steps: Statement[][]): (pool: Pool) => Promise<unknown> {
  return async (pool) => {
    for (const step of steps) await Promise.all(step.map((s) => pool.query(s.text, s.values)));
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function summarise(latencies: number[], seconds: number, errors: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    rps: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors,
    requests: latencies.length,
  };
}

async function measureApi(url: string, token: string): Promise<Stats> {
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolveRun, reject) => {
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration: DURATION, headers: { authorization: `Bearer ${token}` } },
      (error, finished) => (error ? reject(error) : resolveRun(finished)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== 200) errors++;
      latencies.push(responseTime);
    });
  });
  return summarise(latencies, DURATION, errors + result.errors + result.timeouts);
}

async function measureDirect(pool: Pool, run: (pool: Pool) => Promise<unknown>): Promise<Stats> {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + DURATION * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        const started = process.hrtime.bigint();
        try {
          await run(pool);
        } catch {
          errors++;
        }
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }),
  );
  return summarise(latencies, DURATION, errors);
}

/** Starts the built API; with `traceFile`, one process that records its SQL there (sql-trace.cjs). */
function startApi(databaseUrl: string, port: number, extraEnv: Record<string, string>, traceFile?: string): Promise<() => Promise<void>> {
  return new Promise((resolveStart, reject) => {
    const trace = traceFile ? { API_WORKERS: '1', SQL_TRACE_FILE: traceFile } : {};
    const child = spawn(process.execPath, [...(traceFile ? ['-r', join(ROOT, 'bench', 'sql-trace.cjs')] : []), API_MAIN], {
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
        ...extraEnv,
        ...trace,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    const stop = () =>
      new Promise<void>((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
      });
    const deadline = Date.now() + 30_000;
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

async function login(base: string, email: string): Promise<{ token: string; id: string; organizationId: string | null }> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status}`);
  const body = (await response.json()) as { accessToken: string; user: { id: string; organization: { id: string } | null } };
  return { token: body.accessToken, id: body.user.id, organizationId: body.user.organization?.id ?? null };
}

async function main(): Promise<void> {
  requireBuiltApi();
  const db = await benchDatabase();
  const pool = new Pool({ connectionString: db.url, max: CONNECTIONS });
  // pool.end() resolves before its idle connections have closed; the database stopping right after must not crash the run.
  pool.on('error', () => undefined);
  try {
    const [{ projects }] = (await pool.query<{ projects: number }>(`SELECT count(*)::int AS projects FROM projects`)).rows as [
      { projects: number },
    ];
    if (projects < 1000) throw new Error(`The bench database has ${projects} projects. Run npm run bench:seed first.`);
    // A partnership of typical size, one of its members' staff, and one of its projects.
    const [subject] = (
      await pool.query<{ partnership_id: string; n: number; email: string; project_id: string }>(
        `WITH sizes AS (SELECT partnership_id, count(*) AS n FROM projects GROUP BY 1),
              median AS (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS m FROM sizes)
         SELECT s.partnership_id, s.n::int, u.email, (SELECT id FROM projects WHERE partnership_id = s.partnership_id LIMIT 1) AS project_id
         FROM sizes s, median, partnership_members pm JOIN users u ON u.organization_id = pm.organization_id AND u.email LIKE 'bench-%'
         WHERE s.n = median.m AND pm.partnership_id = s.partnership_id LIMIT 1`,
      )
    ).rows;
    if (!subject) throw new Error('no subject partnership found');
    const port = 3900 + Math.floor(Math.random() * 90);
    const bases: Record<Mode, string> = { cached: `http://127.0.0.1:${port}`, uncached: `http://127.0.0.1:${port + 1}` };
    const stopApi = await startApi(db.url, port, MODE_ENV.cached);
    const stopUncached = await startApi(db.url, port + 1, MODE_ENV.uncached);
    try {
      const member = await login(bases.cached, subject.email);
      const admin = await login(bases.cached, 'admin@samspill.no');
      const endpoints: Endpoint[] = [
        {
          name: `GET /api/projects?partnershipId (${subject.n} projects)`,
          base: 'cached',
          path: `/api/projects?partnershipId=${subject.partnership_id}`,
          token: member.token,
          target: { percentile: 'p99', ms: 50 },
        },
        {
          name: 'GET /api/projects/:id',
          base: 'cached',
          path: `/api/projects/${subject.project_id}`,
          token: member.token,
          target: { percentile: 'p99', ms: 50 },
        },
        {
          // Steady state: the figures are current, so the API reads visibility and the data version only.
          name: 'GET /api/dashboard/partnerships/:id',
          base: 'cached',
          path: `/api/dashboard/partnerships/${subject.partnership_id}`,
          token: member.token,
          target: { percentile: 'p95', ms: 50 },
        },
        {
          name: 'GET /api/dashboard/partnerships/:id (cache off: recomputed every request)',
          base: 'uncached',
          path: `/api/dashboard/partnerships/${subject.partnership_id}`,
          token: member.token,
          target: { percentile: 'p95', ms: 50 },
        },
        {
          name: 'GET /api/dashboard/overview (admin)',
          base: 'cached',
          path: '/api/dashboard/overview',
          token: admin.token,
          target: { percentile: 'p95', ms: 200 },
        },
        {
          name: 'GET /api/dashboard/overview (admin, cache off: recomputed every request)',
          base: 'uncached',
          path: '/api/dashboard/overview',
          token: admin.token,
          target: { percentile: 'p95', ms: 200 },
        },
      ];
      // Issue 9: the lessons library, practices and similar work.
      endpoints.push(...learningEndpoints({ staff: member.token, admin: admin.token }, subject.project_id));
      // BENCH_ONLY=<regular expression> measures only the endpoints whose name matches it, and leaves RESULTS.md as it is.
      const only = process.env['BENCH_ONLY'];
      if (only) endpoints.splice(0, endpoints.length, ...endpoints.filter((e) => new RegExp(only).test(e.name)));
      const captured = await captureStatements(db.url, port + 2, endpoints);

      const rows: Row[] = [];
      for (const e of endpoints) {
        const steps = inSteps(captured.get(e) ?? []);
        process.stderr.write(`\n${e.name}: API for ${DURATION} s…`);
        const api = await measureApi(`${bases[e.base]}${e.path}`, e.token);
        process.stderr.write(` direct (${steps.flat().length} statements in ${steps.length} steps) for ${DURATION} s…`);
        const direct = await measureDirect(pool, replay(steps));
        rows.push({ e, api, direct, steps });
      }
      process.stderr.write('\n\n');
      const report = render(rows, subject.n, projects);
      console.log(report);
      if (only) {
        console.log('BENCH_ONLY is set: bench/RESULTS.md is left as it is.');
      } else {
        writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), report);
        console.log('Written to bench/RESULTS.md');
      }
    } finally {
      await stopApi();
      await stopUncached();
    }
  } finally {
    await pool.end();
    await db.stop();
  }
}

interface Row {
  e: Endpoint;
  api: Stats;
  direct: Stats;
  steps: Statement[][];
}

/**
 * The statements the API sends for each endpoint, recorded by a traced API process of the same
 * mode: every request goes out twice, and the second (steady state: caches warm) is the one kept.
 */
async function captureStatements(databaseUrl: string, port: number, endpoints: Endpoint[]): Promise<Map<Endpoint, Statement[]>> {
  const folder = mkdtempSync(join(tmpdir(), 'samspill-bench-sql-'));
  const captured = new Map<Endpoint, Statement[]>();
  try {
    for (const mode of ['cached', 'uncached'] as const) {
      const traceFile = join(folder, `${mode}.jsonl`);
      writeFileSync(traceFile, '');
      const stop = await startApi(databaseUrl, port, MODE_ENV[mode], traceFile);
      try {
        for (const e of endpoints.filter((x) => x.base === mode)) {
          const get = async () => {
            const response = await fetch(`http://127.0.0.1:${port}${e.path}`, { headers: { authorization: `Bearer ${e.token}` } });
            if (!response.ok) throw new Error(`${e.name}: ${response.status}`);
            await response.arrayBuffer();
          };
          await get();
          const before = readFileSync(traceFile, 'utf8').length;
          await get();
          const lines = readFileSync(traceFile, 'utf8').slice(before).split('\n').filter(Boolean);
          captured.set(
            e,
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

function render(rows: Row[], partnershipSize: number, projects: number): string {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
  const lines = [
    '# Samspill benchmark',
    '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    `- data: ${projects.toLocaleString('en')} projects (npm run bench:seed); subject partnership of median size (${partnershipSize} projects)`,
    `- load: autocannon, ${CONNECTIONS} connections, ${DURATION} s per endpoint; API (${WORKERS} processes, API_WORKERS) and PostgreSQL on the same machine`,
    '- direct: the SQL statements a traced API process sent for the same request (bench/sql-trace.cjs), replayed through `pg` at the same concurrency, statements that overlapped there together — the floor',
    '',
    '| endpoint | API req/s | API p50 | API p95 | API p99 | errors | SQL statements (steps) | direct req/s | direct p50 | direct p95 | direct p99 | p50 ratio | latency target | latency met | ratio ≤ 2 met |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |',
  ];
  for (const { e, api, direct, steps } of rows) {
    const value = api[e.target.percentile];
    const ratio = api.p50 / direct.p50;
    const latencyMet = value <= e.target.ms && api.errors === 0;
    lines.push(
      `| ${e.name} | ${f(api.rps)} | ${f(api.p50)} | ${f(api.p95)} | ${f(api.p99)} | ${api.errors} | ${steps.flat().length} (${steps.length}) | ${f(direct.rps)} | ${f(direct.p50)} | ${f(direct.p95)} | ${f(direct.p99)} | ${ratio.toFixed(2)} | ${e.target.percentile} ≤ ${e.target.ms} ms | ${latencyMet ? 'yes' : `no: ${f(value)} ms, ${(value / e.target.ms).toFixed(1)}× the target`} | ${ratio <= 2 ? 'yes' : `no: ${ratio.toFixed(2)}×`} |`,
    );
  }
  lines.push('', 'Latencies in milliseconds.', '');
  return lines.join('\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
