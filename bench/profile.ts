/**
 * npm run bench:profile — a CPU profile of one API process (API_WORKERS=1)
 * under the benchmark's load on the project list and the project page,
 * 50 connections for BENCH_DURATION seconds each. Keeps the V8 profile as
 * bench/profile/api.cpuprofile (open it in Chrome's DevTools) and writes
 * the functions with the most self time, grouped by package, to
 * bench/profile/SUMMARY.md.
 */
import autocannon from 'autocannon';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { findSubject, login, startApi } from './api';
import { benchDatabase, requireBuiltApi, ROOT } from './support';

const DURATION = Number(process.env['BENCH_DURATION'] ?? '15');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

async function main(): Promise<void> {
  requireBuiltApi();
  const db = await benchDatabase();
  const pool = new Pool({ connectionString: db.url, max: 2 });
  pool.on('error', () => undefined);
  const dir = join(ROOT, 'bench', 'profile');
  const raw = join(dir, 'raw');
  rmSync(raw, { recursive: true, force: true });
  mkdirSync(raw, { recursive: true });
  try {
    const subject = await findSubject(pool);
    const port = 3900 + Math.floor(Math.random() * 90);
    const stop = await startApi(db.url, port, { env: { API_WORKERS: '1' }, nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${raw}`] });
    const base = `http://127.0.0.1:${port}`;
    const member = await login(base, subject.email);
    for (const path of [`/api/projects?partnershipId=${subject.partnership_id}`, `/api/projects/${subject.project_id}`]) {
      process.stderr.write(`${path}: ${DURATION} s…\n`);
      await autocannon({
        url: `${base}${path}`,
        connections: 50,
        duration: DURATION,
        headers: { authorization: `Bearer ${member.token}`, 'accept-encoding': 'br, gzip' },
      });
    }
    await stop();
    const [file] = readdirSync(raw).filter((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('the API wrote no profile');
    renameSync(join(raw, file), join(dir, 'api.cpuprofile'));
    writeFileSync(join(dir, 'SUMMARY.md'), summarise(JSON.parse(readFileSync(join(dir, 'api.cpuprofile'), 'utf8')) as Profile));
    console.log(`Written to ${dir}`);
  } finally {
    rmSync(raw, { recursive: true, force: true });
    await pool.end();
    await db.stop();
  }
}

/** Self time per function and per package (node_modules/<name>, node internals, or the API's own code). */
function summarise(profile: Profile): string {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (us === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const pkg = packageOf(url, functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    const key = `${functionName || '(anonymous)'} — ${pkg}${url.includes('node_modules') ? '' : `:${lineNumber + 1}`}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  const share = (us: number) => `${((us / total) * 100).toFixed(1)} %`;
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `| ${k} | ${share(us)} |`);
  return [
    '# Where one API process spends its CPU',
    '',
    `- date: ${new Date().toISOString()}`,
    `- load: the project list and the project page, 50 connections, ${DURATION} s each (npm run bench:profile); profile in api.cpuprofile`,
    `- sampled: ${(total / 1e6).toFixed(1)} s of CPU`,
    '',
    '| package | self time |',
    '| --- | ---: |',
    ...top(byPackage, 25),
    '',
    '| function | self time |',
    '| --- | ---: |',
    ...top(byFunction, 40),
    '',
  ].join('\n');
}

function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1] as string;
  if (url.startsWith('node:')) return url;
  if (url.includes('dist/apps/api')) return 'samspill api (bundle)';
  return url.split('/').slice(-2).join('/');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
