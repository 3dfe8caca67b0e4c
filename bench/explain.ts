/**
 * npm run bench:explain -- <label> — EXPLAIN (ANALYZE, BUFFERS) of every
 * statement the API sends for the benchmark's requests, on the Nordic-scale
 * database (npm run bench:seed), written to bench/plans/<label>.md. The
 * statements come from a traced API process, as in npm run bench.
 * BENCH_ONLY=<regular expression> keeps the requests whose name matches it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { captureStatements, findSubject, login, type Traced } from './api';
import { benchDatabase, requireBuiltApi, ROOT } from './support';
import { startApi } from './api';

async function main(): Promise<void> {
  const label = process.argv[2];
  if (!label || !/^[\w-]+$/.test(label)) throw new Error('Usage: npm run bench:explain -- <label>');
  requireBuiltApi();
  const db = await benchDatabase();
  const pool = new Pool({ connectionString: db.url, max: 2 });
  pool.on('error', () => undefined);
  try {
    const subject = await findSubject(pool);
    const port = 3900 + Math.floor(Math.random() * 90);
    const stop = await startApi(db.url, port);
    let requests: Traced[];
    try {
      const member = await login(`http://127.0.0.1:${port}`, subject.email);
      const admin = await login(`http://127.0.0.1:${port}`, 'admin@samspill.no');
      const uncached = { DASHBOARD_CACHE: 'false' };
      requests = [
        {
          key: `GET /api/projects?partnershipId (${subject.n} projects)`,
          path: `/api/projects?partnershipId=${subject.partnership_id}`,
          token: member.token,
        },
        { key: 'GET /api/projects (admin, every project)', path: '/api/projects', token: admin.token },
        { key: 'GET /api/projects/:id', path: `/api/projects/${subject.project_id}`, token: member.token },
        {
          key: 'GET /api/dashboard/partnerships/:id (recomputed)',
          env: uncached,
          path: `/api/dashboard/partnerships/${subject.partnership_id}`,
          token: member.token,
        },
        { key: 'GET /api/dashboard/overview (admin, recomputed)', env: uncached, path: '/api/dashboard/overview', token: admin.token },
        { key: 'GET /api/partnerships (admin)', path: '/api/partnerships', token: admin.token },
        { key: 'GET /api/notifications (a person with 2,000)', path: '/api/notifications', token: member.token },
        {
          key: 'GET /api/projects/:id/comments (a thread of 300, first page)',
          path: `/api/projects/${subject.project_id}/comments`,
          token: member.token,
        },
      ];
      // BENCH_ONLY=<regular expression> explains only the requests whose key matches it, as in npm run bench.
      const only = process.env['BENCH_ONLY'];
      if (only) requests = requests.filter((r) => new RegExp(only).test(r.key));
    } finally {
      await stop();
    }
    const captured = await captureStatements(db.url, port + 1, requests);
    const lines = [`# Query plans: ${label}`, '', `- date: ${new Date().toISOString()}`, '- data: npm run bench:seed (Nordic scale)', ''];
    for (const r of requests) {
      lines.push(`## ${r.key}`, '');
      for (const s of captured.get(r.key) ?? []) {
        if (!/^\s*(SELECT|WITH)\b/i.test(s.text)) continue;
        const explain = async () =>
          (await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values)).rows.map(
            (row) => row['QUERY PLAN'],
          );
        await explain(); // warm: the plan shown is the steady state
        const plan = await explain();
        lines.push('```sql', s.text.replace(/\s+/g, ' ').trim(), `-- ${JSON.stringify(s.values)}`, '```', '', '```', ...plan, '```', '');
      }
    }
    mkdirSync(join(ROOT, 'bench', 'plans'), { recursive: true });
    const file = join(ROOT, 'bench', 'plans', `${label}.md`);
    writeFileSync(file, lines.join('\n'));
    console.log(`Written to ${file}`);
  } finally {
    await pool.end();
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
