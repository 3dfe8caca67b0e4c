// Finds a Chromium for the browser tests. Playwright cannot download its own
// browser on every machine (no network, or no permission), so a system
// Chromium is preferred. `node tools/chromium.mjs --check` fails fast when there
// is none; `--print` prints the path found (or nothing).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium to use: `CHROME_PATH` if set, else Debian's `/usr/bin/chromium`,
 * else Playwright's own download if present, else null.
 * @returns {string | null}
 */
export function findChromium() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  try {
    const require = createRequire(import.meta.url);
    const bundled = require('playwright-core').chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // playwright-core missing or without a browser registry: fall through.
  }
  return null;
}

function check() {
  const chromium = findChromium();
  if (chromium && existsSync(chromium)) {
    process.stdout.write(`Chromium for the browser tests: ${chromium}\n`);
    return 0;
  }
  const reason = chromium
    ? `CHROME_PATH is set to ${chromium}, but there is no file there.`
    : "No Chromium found (looked at CHROME_PATH, /usr/bin/chromium and Playwright's own browsers).";
  process.stderr.write(
    `${reason}\n` +
      'The browser tests need one. Either:\n' +
      "  - install Debian's:   apt-get install -y chromium\n" +
      '  - or point at one:    CHROME_PATH=/path/to/chromium npm test\n',
  );
  return 1;
}

const runAsScript = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (runAsScript && process.argv.includes('--check')) {
  process.exit(check());
}
// For CommonJS callers (Playwright's config) that cannot import this module: prints the path or nothing.
if (runAsScript && process.argv.includes('--print')) {
  process.stdout.write(findChromium() ?? '');
}
