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
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { type EmbeddedPostgres, startEmbeddedReplica } from '@samspill/api/embedded-postgres';
import { type Level, preparePeople, runLevel, THINK_MS, WRITE_SHARE } from './mixed';
import { learningEndpoints } from './learning-endpoints';
import { captureStatements, findSubject, login, type Statement, startApi, WORKERS } from './api';
import { BENCH_DATABASE, benchDatabase, CHART_INDICATOR, ROOT, requireBuiltApi } from './support';

const DURATION = Number(process.env['BENCH_DURATION'] ?? '20');
const CONNECTIONS = 50;
const loadAtStart = loadavg()
  .map((l) => l.toFixed(1))
  .join(' / ');
const MIXED_LEVELS = (process.env['BENCH_PEOPLE'] ?? '25,50,100,200,400,800,1600,3200').split(',').map(Number);
const MIXED_SECONDS = Number(process.env['BENCH_MIXED_DURATION'] ?? '20');

interface ReplicaReads {
  statements: number;
  one: Stats;
  two: Stats;
  onePinned: Stats;
  twoPinned: Stats;
}

/** Pins a PostgreSQL server (its postmaster and every process it has started) to the given CPUs. */
async function pin(url: string, cpuList: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { pid } = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0] as { pid: number };
    const postmaster = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
    const children = execFileSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    for (const target of [String(postmaster), ...children]) {
      execFileSync('taskset', ['-a', '-cp', cpuList, target], { stdio: 'ignore' });
    }
  } finally {
    await client.end();
  }
}

/**
 * Read throughput of one database server against two (the primary and a
 * streaming replica of it, both on this machine): the project page's and the
 * list's statements, replayed directly, all on the primary, then half on each.
 */
async function measureReplicaReads(
  primary: EmbeddedPostgres,
  pool: Pool,
  captured: Map<string, Statement[]>,
  rows: Row[],
): Promise<ReplicaReads> {
  const reads = rows.filter((r) => r.e.name.startsWith('GET /api/projects')).flatMap((r) => inSteps(captured.get(r.e.name) ?? []));
  const dataDir = join(ROOT, '.data', 'bench-replica');
  process.stderr.write('\nA streaming replica of the bench database (copying its data folder)…');
  const replica = await startEmbeddedReplica(primary, { dataDir });
  const replicaPool = new Pool({ connectionString: replica.urlFor(BENCH_DATABASE), max: CONNECTIONS });
  replicaPool.on('error', () => undefined);
  try {
    const run = replay(reads);
    const onOne = () => measureDirect(pool, run);
    const onTwo = async () => {
      const [a, b] = await Promise.all([measureDirect(pool, run, CONNECTIONS / 2), measureDirect(replicaPool, run, CONNECTIONS / 2)]);
      return { ...a, rps: a.rps + b.rps, requests: a.requests + b.requests, errors: a.errors + b.errors, p95: Math.max(a.p95, b.p95) };
    };
    process.stderr.write(` sharing both cores: one server for ${DURATION} s…`);
    const one = await onOne();
    process.stderr.write(` two…`);
    const two = await onTwo();
    // Each server on a core of its own (taskset), as two database machines would be: what the two cores allow.
    await pin(primary.urlFor(BENCH_DATABASE), '0');
    await pin(replica.urlFor(BENCH_DATABASE), '1');
    await Promise.all([pool, replicaPool].map(async (p) => p.query('SELECT 1')));
    process.stderr.write(` one core each: one server…`);
    const onePinned = await onOne();
    process.stderr.write(` two…\n`);
    const twoPinned = await onTwo();
    await pin(primary.urlFor(BENCH_DATABASE), `0-${cpus().length - 1}`);
    return { statements: reads.flat().length, one, two, onePinned, twoPinned };
  } finally {
    await replicaPool.end();
    await replica.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Stats {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  requests: number;
  /** Mean bytes per response on the wire (headers included; compressed as a browser would ask). */
  bytes?: number;
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
  let bytes = 0;
  const result = await new Promise<autocannon.Result>((resolveRun, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: DURATION,
        headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'br, gzip' },
      },
      (error, finished) => (error ? reject(error) : resolveRun(finished)),
    );
    instance.on('response', (_client, statusCode, resBytes, responseTime) => {
      if (statusCode !== 200) errors++;
      bytes += resBytes;
      latencies.push(responseTime);
    });
  });
  return { ...summarise(latencies, DURATION, errors + result.errors + result.timeouts), bytes: bytes / Math.max(1, latencies.length) };
}

async function measureDirect(pool: Pool, run: (pool: Pool) => Promise<unknown>, connections = CONNECTIONS): Promise<Stats> {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + DURATION * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
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
    const subject = await findSubject(pool);
    // Issue 11: the subject partnership's run-chart indicator (60 monthly points per organisation), if seeded.
    const [chart] = (
      await pool.query<{ id: string; series: number }>(
        `SELECT i.id, (SELECT count(DISTINCT m.organization_id)::int FROM measurements m WHERE m.indicator_id = i.id) AS series
         FROM indicators i JOIN projects pr ON pr.id = i.project_id
         WHERE pr.partnership_id = $1 AND i.name = $2 ORDER BY i.id LIMIT 1`,
        [subject.partnership_id, CHART_INDICATOR],
      )
    ).rows;
    const port = 3900 + Math.floor(Math.random() * 90);
    const bases: Record<Mode, string> = { cached: `http://127.0.0.1:${port}`, uncached: `http://127.0.0.1:${port + 1}` };
    const stopApi = await startApi(db.url, port, { env: MODE_ENV.cached });
    const stopUncached = await startApi(db.url, port + 1, { env: MODE_ENV.uncached });
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
          name: 'GET /api/projects (admin: all 100,000, first page)',
          base: 'cached',
          path: '/api/projects',
          token: admin.token,
          target: { percentile: 'p99', ms: 50 },
        },
        {
          name: 'GET /api/dashboard/overview (admin, cache off: recomputed every request)',
          base: 'uncached',
          path: '/api/dashboard/overview',
          token: admin.token,
          target: { percentile: 'p95', ms: 200 },
        },
      ];
      if (chart) {
        endpoints.push({
          name: `GET /api/indicators/:id/chart (60 points × ${chart.series} organisations)`,
          base: 'cached',
          path: `/api/indicators/${chart.id}/chart`,
          token: member.token,
          target: { percentile: 'p95', ms: 50 },
        });
      }
      // Issue 9: the lessons library, practices and similar work.
      endpoints.push(...learningEndpoints({ staff: member.token, admin: admin.token }, subject.project_id));
      // Issue 12: the bell's list and a busy project thread (bench:seed gives the subject both).
      endpoints.push(
        {
          name: 'GET /api/notifications (a person with 2,000)',
          base: 'cached',
          path: '/api/notifications',
          token: member.token,
          target: { percentile: 'p95', ms: 50 },
        },
        {
          name: 'GET /api/projects/:id/comments (a thread of 300, first page)',
          base: 'cached',
          path: `/api/projects/${subject.project_id}/comments`,
          token: member.token,
          target: { percentile: 'p95', ms: 50 },
        },
      );
      // BENCH_ONLY=<regular expression> measures only the endpoints whose name matches it, and leaves RESULTS.md as it is.
      const only = process.env['BENCH_ONLY'];
      if (only) endpoints.splice(0, endpoints.length, ...endpoints.filter((e) => new RegExp(only).test(e.name)));
      const captured = await captureStatements(
        db.url,
        port + 2,
        endpoints.map((e) => ({ key: e.name, env: MODE_ENV[e.base], path: e.path, token: e.token })),
      );

      const rows: Row[] = [];
      for (const e of endpoints) {
        const steps = inSteps(captured.get(e.name) ?? []);
        process.stderr.write(`\n${e.name}: API for ${DURATION} s…`);
        const api = await measureApi(`${bases[e.base]}${e.path}`, e.token);
        process.stderr.write(` direct (${steps.flat().length} statements in ${steps.length} steps) for ${DURATION} s…`);
        const direct = await measureDirect(pool, replay(steps));
        rows.push({ e, api, direct, steps });
      }
      process.stderr.write('\n\nMixed workload of simulated people…\n');
      const people = await preparePeople(pool, bases.cached, 40);
      const levels: Level[] = [];
      for (const count of MIXED_LEVELS) {
        const level = await runLevel(bases.cached, people, count, MIXED_SECONDS);
        process.stderr.write(`  ${count} people: ${level.rps.toFixed(0)} req/s, p95 ${level.p95.toFixed(1)} ms, ${level.errors} errors\n`);
        levels.push(level);
        if (level.p95 > 200 || level.errors > 0) break;
      }
      const replica =
        db.embedded && process.env['BENCH_REPLICA'] !== 'off' ? await measureReplicaReads(db.embedded, pool, captured, rows) : null;
      const report = render(rows, subject.n, projects, levels, replica);
      console.log(report);
      if (only) {
        console.log('BENCH_ONLY is set: bench/RESULTS.md is left as it is.');
      } else {
        // Earlier runs stay: each run adds its own section.
        const file = join(ROOT, 'bench', 'RESULTS.md');
        const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
        writeFileSync(file, `${report}\n${before ? `\n---\n\n${before}` : ''}`);
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

function render(rows: Row[], partnershipSize: number, projects: number, levels: Level[], replica: ReplicaReads | null): string {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
  const lines = [
    `# Samspill benchmark, ${new Date().toISOString().slice(0, 10)}`,
    '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average at the start ${loadAtStart}, at the end ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (other work shares this machine)`,
    `- data: ${projects.toLocaleString('en')} projects (npm run bench:seed); subject partnership of median size (${partnershipSize} projects)`,
    `- load: autocannon, ${CONNECTIONS} connections, ${DURATION} s per endpoint, \`accept-encoding: br, gzip\` as a browser sends; API (${WORKERS} processes, API_WORKERS) and PostgreSQL on the same machine`,
    '- direct: the SQL statements a traced API process sent for the same request (bench/sql-trace.cjs), replayed through `pg` at the same concurrency, statements that overlapped there together — the floor',
    '',
    '| endpoint | API req/s | API p50 | API p95 | API p99 | errors | bytes on the wire | SQL statements (steps) | direct req/s | direct p50 | direct p95 | direct p99 | p50 ratio | latency target | latency met | ratio ≤ 1.5 met |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |',
  ];
  for (const { e, api, direct, steps } of rows) {
    const value = api[e.target.percentile];
    const ratio = api.p50 / direct.p50;
    const latencyMet = value <= e.target.ms && api.errors === 0;
    lines.push(
      `| ${e.name} | ${f(api.rps)} | ${f(api.p50)} | ${f(api.p95)} | ${f(api.p99)} | ${api.errors} | ${Math.round(api.bytes ?? 0).toLocaleString('en')} | ${steps.flat().length} (${steps.length}) | ${f(direct.rps)} | ${f(direct.p50)} | ${f(direct.p95)} | ${f(direct.p99)} | ${ratio.toFixed(2)} | ${e.target.percentile} ≤ ${e.target.ms} ms | ${latencyMet ? 'yes' : `no: ${f(value)} ms, ${(value / e.target.ms).toFixed(1)}× the target`} | ${ratio <= 1.5 ? 'yes' : `no: ${ratio.toFixed(2)}×`} |`,
    );
  }
  lines.push('', 'Latencies in milliseconds.', '');
  lines.push(
    '## Mixed workload (simulated people)',
    '',
    `Each person reads their partnership's board, a project and its log, and the partnership's dashboard, writes a log entry in ${WRITE_SHARE * 100} % of rounds, and thinks ${THINK_MS[0] / 1000}–${THINK_MS[1] / 1000} s between steps; ${MIXED_SECONDS} s per level, ${WORKERS} API processes.`,
    '',
    '| people | requests | req/s | p50 | p95 | p99 | errors | log entries written | p95 ≤ 200 ms, no errors |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...levels.map(
      (l) =>
        `| ${l.people} | ${l.requests} | ${f(l.rps)} | ${f(l.p50)} | ${f(l.p95)} | ${f(l.p99)} | ${l.errors} | ${l.writes} | ${l.p95 <= 200 && l.errors === 0 ? 'yes' : 'no'} |`,
    ),
    '',
    `Served with p95 ≤ 200 ms and no errors: ${Math.max(0, ...levels.filter((l) => l.p95 <= 200 && l.errors === 0).map((l) => l.people))} people at once.`,
    '',
  );
  if (replica) {
    const ratio = replica.two.rps / replica.one.rps;
    const pinned = replica.twoPinned.rps / replica.onePinned.rps;
    const row = (what: string, servers: number, x: Stats) =>
      `| ${what} | ${servers} | ${f(x.rps)} | ${f(x.p50)} | ${f(x.p95)} | ${x.errors} |`;
    lines.push(
      '## Reads on one database server and on two (primary + streaming replica)',
      '',
      `The project lists' and project page's ${replica.statements} statements replayed directly, ${CONNECTIONS} connections: all on the primary, then half on the primary and half on a streaming replica of it, both on this machine — first sharing its ${cpus().length} cores, then each server pinned to a core of its own (taskset), as on two machines.`,
      '',
      '| cores | servers | reads/s | p50 | p95 | errors |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      row('shared', 1, replica.one),
      row('shared', 2, replica.two),
      row('one per server', 1, replica.onePinned),
      row('one per server', 2, replica.twoPinned),
      '',
      `Sharing the cores, two servers serve ${ratio.toFixed(2)}× the reads of one; with a core each, ${pinned.toFixed(2)}× (target ≥ 1.6×: ${pinned >= 1.6 ? 'met' : 'not met'}).`,
      '',
    );
  }
  return lines.join('\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
