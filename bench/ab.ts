/**
 * Two builds of the API side by side on the bench database, each endpoint
 * measured on both in turn (A B, B A, …), so a busy machine weighs on both
 * alike. Besides latency, the CPU each API process tree used per request
 * (from /proc), which holds up better than latency when other work shares
 * the cores. Prints what each side answers first (headers, plain size).
 *
 *   cp -r dist/apps/api dist-base/apps/   # the build to compare against
 *   AB_A=dist-base/apps/api/main.js AB_B=dist/apps/api/main.js \
 *     TS_NODE_PROJECT=bench/tsconfig.json npx ts-node -r tsconfig-paths/register --transpile-only bench/ab.ts
 *
 * AB_ROUNDS (2), BENCH_DURATION seconds per run (8), AB_ONLY (a regular expression over dashboard, project, list,
 * notifications), BENCH_API_WORKERS (2), AB_PROF (a folder: both sides write V8 CPU profiles there).
 */
import autocannon from 'autocannon';
import { get, type IncomingMessage } from 'node:http';
import { readFileSync } from 'node:fs';
import { Pool } from 'pg';
import { findSubject, login, startApi } from './api';
import { benchDatabase } from './support';

const DURATION = Number(process.env['BENCH_DURATION'] ?? '8');
const ROUNDS = Number(process.env['AB_ROUNDS'] ?? '2');
const MAINS = { A: process.env['AB_A'] as string, B: process.env['AB_B'] as string };

/** utime+stime in ms of a process and its descendants (Linux /proc, 100 Hz ticks). */
function cpuMs(pid: number): number {
  let total = 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    total += (Number(fields[11]) + Number(fields[12])) * 10;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    for (const c of children ? children.split(' ') : []) total += cpuMs(Number(c));
  } catch {
    /* gone */
  }
  return total;
}
const pids: Record<string, number> = {};

function start(main: string, url: string, port: number): Promise<() => Promise<void>> {
  const prof = process.env['AB_PROF'];
  return startApi(url, port, {
    main,
    nodeFlags: prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [],
    env: { API_WORKERS: process.env['BENCH_API_WORKERS'] ?? '2' },
    onPid: (pid) => (pids[String(port)] = pid),
  });
}

async function measure(
  url: string,
  token: string,
): Promise<{ p50: number; p95: number; rps: number; bytes: number; errors: number; cpu: number }> {
  const pid = pids[new URL(url).port] as number;
  const cpu0 = cpuMs(pid);
  const lat: number[] = [];
  let bytes = 0;
  let errors = 0;
  await new Promise<void>((res, rej) => {
    const inst = autocannon(
      { url, connections: 50, duration: DURATION, headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'br, gzip' } },
      (e) => (e ? rej(e) : res()),
    );
    inst.on('response', (_c, status, b, t) => {
      if (status !== 200) errors++;
      bytes += b;
      lat.push(t);
    });
  });
  lat.sort((a, b) => a - b);
  const p = (q: number) => lat[Math.min(lat.length - 1, Math.ceil(q * lat.length) - 1)] as number;
  const cpu = ((cpuMs(pid) - cpu0) * 1000) / Math.max(1, lat.length);
  return { p50: p(0.5), p95: p(0.95), rps: lat.length / DURATION, bytes: bytes / Math.max(1, lat.length), errors, cpu };
}

async function main(): Promise<void> {
  const db = await benchDatabase();
  const pool = new Pool({ connectionString: db.url, max: 2 });
  pool.on('error', () => undefined);
  const stops: Array<() => Promise<void>> = [];
  try {
    const subject = await findSubject(pool);
    const port = 3900 + Math.floor(Math.random() * 80);
    const bases = { A: `http://127.0.0.1:${port}`, B: `http://127.0.0.1:${port + 1}` };
    stops.push(await start(MAINS.A, db.url, port));
    stops.push(await start(MAINS.B, db.url, port + 1));
    const token = (await login(bases.A, subject.email)).token;
    const paths: Record<string, string> = {
      dashboard: `/api/dashboard/partnerships/${subject.partnership_id}`,
      project: `/api/projects/${subject.project_id}`,
      list: `/api/projects?partnershipId=${subject.partnership_id}`,
      notifications: '/api/notifications',
    };
    const only = process.env['AB_ONLY'];
    for (const [name, path] of Object.entries(paths)) {
      if (only && !new RegExp(only).test(name)) continue;
      // warm-up, and what each side answers
      for (const side of ['A', 'B'] as const) {
        const plain = await fetch(`${bases[side]}${path}`, {
          headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'identity' },
        });
        const size = (await plain.arrayBuffer()).byteLength;
        const raw = await new Promise<string>((resolve) => {
          const u = new URL(`${bases[side]}${path}`);
          const req = get(
            {
              host: u.hostname,
              port: u.port,
              path: u.pathname,
              headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'br, gzip' },
            },
            (res: IncomingMessage) => {
              res.resume();
              res.on('end', () => resolve(res.rawHeaders.join(' ')));
            },
          );
          req.end();
        });
        console.log(`${name} ${side}: plain ${size} bytes; ${raw.replace(/x-request-id \S+ /, '')}`);
      }
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const);
        for (const side of order) {
          const r = await measure(`${bases[side]}${path}`, token);
          console.log(
            `${name.padEnd(14)} ${side} r${round}  p50 ${r.p50.toFixed(1).padStart(6)}  p95 ${r.p95.toFixed(1).padStart(6)}  rps ${r.rps.toFixed(0).padStart(5)}  bytes ${r.bytes.toFixed(0)}  cpu/req ${r.cpu.toFixed(0).padStart(5)} µs  err ${r.errors}`,
          );
        }
      }
    }
  } finally {
    for (const s of stops) await s();
    await pool.end();
    await db.stop();
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
