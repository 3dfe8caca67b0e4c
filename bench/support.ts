import { type EmbeddedPostgres, startEmbeddedPostgres } from '@samspill/api/embedded-postgres';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..');
export const API_MAIN = join(ROOT, 'dist/apps/api/main.js');
export const BENCH_DATABASE = 'samspill_bench';
export const BENCH_JWT_SECRET = 'bench-secret-that-is-long-enough-for-hs256-signing';

export interface BenchDatabase {
  url: string;
  embedded: EmbeddedPostgres | null;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR (default .data), database samspill_bench. */
export async function benchDatabase(): Promise<BenchDatabase> {
  if (process.env['DATABASE_URL']) {
    return { url: process.env['DATABASE_URL'], embedded: null, stop: async () => undefined };
  }
  const dataDir = resolve(process.env['DATA_DIR'] || join(ROOT, '.data'));
  const embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres') });
  await embedded.ensureDatabase(BENCH_DATABASE);
  return { url: embedded.urlFor(BENCH_DATABASE), embedded, stop: () => embedded.stop() };
}

export function requireBuiltApi(): void {
  if (!existsSync(API_MAIN)) throw new Error(`Build the API first (npx nx build api): ${API_MAIN} is missing`);
}

export function runApi(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [API_MAIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolveRun() : reject(new Error(`main.js ${args.join(' ')} exited with ${code}`))));
  });
}

/** A one-line progress bar on stderr. */
export function progress(label: string, done: number, total: number): void {
  const width = 30;
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░');
  process.stderr.write(
    `\r  ${bar} ${String(Math.round(share * 100)).padStart(3)}%  ${label} ${done.toLocaleString('en')} / ${total.toLocaleString('en')}   `,
  );
  if (done >= total) process.stderr.write('\n');
}

/** The indicator with 60 monthly points per organisation that the run-chart benchmark reads (seeded in one project of every partnership). */
export const CHART_INDICATOR = 'Seriediagram (60 målinger)';
