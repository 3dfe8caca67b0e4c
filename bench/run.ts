/**
 * npm run bench — measures the API against the Nordic-scale database made by
 * `npm run bench:seed`: autocannon with 50 connections for BENCH_DURATION
 * seconds (default 20) per endpoint, then the same SQL statements run
 * directly through `pg` at the same concurrency (the floor). Prints
 * requests/s and p50/p95/p99 for both, the p50 ratio, and writes
 * bench/RESULTS.md.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { OVERVIEW_VERSION_SQL, overviewSql, PARTNERSHIP_DASHBOARD_SQL } from '../apps/api/src/dashboards/dashboards.service';
import { visiblePartnershipSql } from '@samspill/api/sql-rules';
import { PARTNERSHIP_SCOPE_SQL } from '../apps/api/src/partnerships/partnership-access';
import { PROJECT_PAGE_SQL, projectPageSql } from '../apps/api/src/projects/project-loader';
import { projectFilter } from '../apps/api/src/projects/projects.service';
import { ACTIVE_USER_FOR_TOKEN_SQL as USER_SQL } from '../apps/api/src/users/users.service';
import { DEMO_PASSWORD as PASSWORD } from '@samspill/demo';
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
  base?: 'cached' | 'uncached';
  path: string;
  token: string;
  target: { percentile: 'p95' | 'p99'; ms: number };
  direct: (pool: Pool) => Promise<unknown>;
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

function startApi(databaseUrl: string, port: number, extraEnv: Record<string, string> = {}): Promise<() => Promise<void>> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, [API_MAIN], {
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

async function login(base: string, email: string): Promise<{ token: string; id: string; sid: string; organizationId: string | null }> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status}`);
  const body = (await response.json()) as { accessToken: string; user: { id: string; organization: { id: string } | null } };
  const { sid } = JSON.parse(Buffer.from(body.accessToken.split('.')[1] ?? '', 'base64url').toString()) as { sid: string };
  return { token: body.accessToken, id: body.user.id, sid, organizationId: body.user.organization?.id ?? null };
}

async function main(): Promise<void> {
  requireBuiltApi();
  const db = await benchDatabase();
  const pool = new Pool({ connectionString: db.url, max: CONNECTIONS });
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
    const stopApi = await startApi(db.url, port);
    const stopUncached = await startApi(db.url, port + 1, { DASHBOARD_CACHE: 'false' });
    const base = `http://127.0.0.1:${port}`;
    const uncachedBase = `http://127.0.0.1:${port + 1}`;
    try {
      const member = await login(base, subject.email);
      const admin = await login(base, 'admin@samspill.no');
      const memberActor = { role: 'staff' as const, organizationId: member.organizationId };
      const adminActor = { role: 'admin' as const, organizationId: null };
      const user = (u: { id: string; sid: string }) => pool.query(USER_SQL, [u.id, 0, u.sid]);
      const dashboardScope = async (p: Pool) => {
        await user(member);
        await p.query(PARTNERSHIP_SCOPE_SQL, [subject.partnership_id]);
      };
      const list = projectFilter(memberActor, { partnershipId: subject.partnership_id });
      const overview = overviewSql(visiblePartnershipSql(adminActor, 'p', '$1'));

      const endpoints: Endpoint[] = [
        {
          name: `GET /api/projects?partnershipId (${subject.n} projects)`,
          path: `/api/projects?partnershipId=${subject.partnership_id}`,
          token: member.token,
          target: { percentile: 'p99', ms: 50 },
          direct: async (p) => {
            await user(member);
            await p.query(projectPageSql(list.from, list.params.length), [...list.params, 50, 0]);
          },
        },
        {
          name: 'GET /api/projects/:id',
          path: `/api/projects/${subject.project_id}`,
          token: member.token,
          target: { percentile: 'p99', ms: 50 },
          direct: async (p) => {
            await user(member);
            await p.query(PROJECT_PAGE_SQL, [subject.project_id]);
          },
        },
        {
          name: 'GET /api/dashboard/partnerships/:id',
          path: `/api/dashboard/partnerships/${subject.partnership_id}`,
          token: member.token,
          target: { percentile: 'p95', ms: 50 },
          // Steady state: the figures are current, so the API reads visibility and the data version only.
          direct: dashboardScope,
        },
        {
          name: 'GET /api/dashboard/partnerships/:id (cache off: recomputed every request)',
          base: 'uncached',
          path: `/api/dashboard/partnerships/${subject.partnership_id}`,
          token: member.token,
          target: { percentile: 'p95', ms: 50 },
          direct: async (p) => {
            await dashboardScope(p);
            await Promise.all(Object.values(PARTNERSHIP_DASHBOARD_SQL).map((sql) => p.query(sql, [subject.partnership_id])));
          },
        },
        {
          name: 'GET /api/dashboard/overview (admin)',
          path: '/api/dashboard/overview',
          token: admin.token,
          target: { percentile: 'p95', ms: 200 },
          direct: async (p) => {
            await user(admin);
            await p.query(OVERVIEW_VERSION_SQL);
          },
        },
        {
          name: 'GET /api/dashboard/overview (admin, cache off: recomputed every request)',
          base: 'uncached',
          path: '/api/dashboard/overview',
          token: admin.token,
          target: { percentile: 'p95', ms: 200 },
          direct: async (p) => {
            await user(admin);
            await p.query(OVERVIEW_VERSION_SQL);
            await Promise.all(Object.values(overview).map((sql) => p.query(sql, [null])));
          },
        },
      ];

      const rows: { e: Endpoint; api: Stats; direct: Stats }[] = [];
      for (const e of endpoints) {
        process.stderr.write(`\n${e.name}: API for ${DURATION} s…`);
        const api = await measureApi(`${e.base === 'uncached' ? uncachedBase : base}${e.path}`, e.token);
        process.stderr.write(` direct for ${DURATION} s…`);
        const direct = await measureDirect(pool, e.direct);
        rows.push({ e, api, direct });
      }
      process.stderr.write('\n\n');
      const report = render(rows, subject.n, projects);
      console.log(report);
      writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), report);
      console.log('Written to bench/RESULTS.md');
    } finally {
      await stopApi();
      await stopUncached();
    }
  } finally {
    await pool.end();
    await db.stop();
  }
}

function render(rows: { e: Endpoint; api: Stats; direct: Stats }[], partnershipSize: number, projects: number): string {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
  const lines = [
    '# Samspill benchmark',
    '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    `- data: ${projects.toLocaleString('en')} projects (npm run bench:seed); subject partnership of median size (${partnershipSize} projects)`,
    `- load: autocannon, ${CONNECTIONS} connections, ${DURATION} s per endpoint; API (${WORKERS} processes, API_WORKERS) and PostgreSQL on the same machine`,
    '- direct: the same SQL statements (imported from the API source) run through `pg` at the same concurrency — the floor',
    '',
    '| endpoint | API req/s | API p50 | API p95 | API p99 | errors | direct req/s | direct p50 | direct p95 | direct p99 | p50 ratio | latency target | latency met | ratio ≤ 2 met |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |',
  ];
  for (const { e, api, direct } of rows) {
    const value = api[e.target.percentile];
    const ratio = api.p50 / direct.p50;
    const latencyMet = value <= e.target.ms && api.errors === 0;
    lines.push(
      `| ${e.name} | ${f(api.rps)} | ${f(api.p50)} | ${f(api.p95)} | ${f(api.p99)} | ${api.errors} | ${f(direct.rps)} | ${f(direct.p50)} | ${f(direct.p95)} | ${f(direct.p99)} | ${ratio.toFixed(2)} | ${e.target.percentile} ≤ ${e.target.ms} ms | ${latencyMet ? 'yes' : `no: ${f(value)} ms, ${(value / e.target.ms).toFixed(1)}× the target`} | ${ratio <= 2 ? 'yes' : `no: ${ratio.toFixed(2)}×`} |`,
    );
  }
  lines.push('', 'Latencies in milliseconds.', '');
  return lines.join('\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
