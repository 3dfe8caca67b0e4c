// Starts the built app (`node dist/apps/api/main.js`, which also serves
// dist/apps/web/browser) on a fresh embedded database in a temporary folder,
// and removes that folder once the server has stopped. Playwright's webServer
// runs this; its SIGTERM reaches the API directly (same process group), so
// here we only wait for the API to finish its own clean shutdown.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspace = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const main = join(workspace, 'dist/apps/api/main.js');
const webIndex = join(workspace, 'dist/apps/web/browser/index.html');

for (const [file, build] of [
  [main, 'npx nx run api:build'],
  [webIndex, 'npx nx run web:build'],
]) {
  if (!existsSync(file)) {
    process.stderr.write(`Missing ${file}. Build first: ${build} (npm test does this).\n`);
    process.exit(1);
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'samspill-e2e-'));
const port = process.env.PORT ?? '4310';
// Browser tests read the mail the app wrote (no SMTP_URL: one .eml file per mail in DATA_DIR/mail); this says where.
const pointer = join(tmpdir(), `samspill-e2e-web-${port}.json`);
writeFileSync(pointer, JSON.stringify({ dataDir }));
// Reachable by the postgres user (as root), so the cluster lives inside it and goes with it.
chmodSync(dataDir, 0o755);
// Serve a copy of the web build: a build started meanwhile (another run, on
// another port) empties dist/apps/web and would break this run's pages.
const webRoot = join(dataDir, 'web');
cpSync(dirname(webIndex), webRoot, { recursive: true });
const api = spawn(process.execPath, [main], {
  cwd: workspace,
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: port,
    HOST: '127.0.0.1',
    // Links in mails lead back to this server.
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    WEB_ROOT: webRoot,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  },
});

const ignore = () => undefined;
process.on('SIGTERM', ignore);
process.on('SIGINT', ignore);

api.on('exit', (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  rmSync(pointer, { force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
