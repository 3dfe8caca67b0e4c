import { defineConfig, devices } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Browser tests against the BUILT app: the API serves dist/apps/web/browser
 * on the same origin, as in production. Build first (`npm test` does);
 * nothing is built here.
 */
const port = Number(process.env['E2E_PORT'] ?? 4310);

/**
 * `findChromium()` from tools/chromium.mjs. It is an ES module, and both
 * Playwright's and Nx's TypeScript loaders (Nx reads this file to infer
 * targets) fail to import an .mjs file from here, so ask it in a child process.
 */
function findChromium(): string | undefined {
  const script = join(__dirname, '../../tools/chromium.mjs');
  return execFileSync(process.execPath, [script, '--print'], { encoding: 'utf8' }).trim() || undefined;
}
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './src',
  // Playwright empties this folder when a run starts: a run on another port gets its own.
  outputDir: `../../dist/.playwright/e2e/web/test-results${port === 4310 ? '' : `-${port}`}`,
  fullyParallel: false,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  // Two workers share one server; each test signs in on its own page.
  workers: 2,
  reporter: 'list',
  // A whole flow (sign in, several pages, several saves) on a shared machine under load; each step still has 10 s.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: 'nb-NO',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: findChromium(),
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    // Runs `node dist/apps/api/main.js` with DATA_DIR set to a fresh temporary folder, removed afterwards.
    command: 'node e2e/web/serve-built-app.mjs',
    cwd: '../..',
    url: `${baseURL}/api/health`,
    env: { PORT: String(port) },
    reuseExistingServer: false,
    timeout: 120_000,
    // The API stops its embedded PostgreSQL on SIGTERM; a SIGKILL would leave it running.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
