import { expect } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The test server's DATA_DIR, as e2e/web/serve-built-app.mjs wrote it down for this port. */
function dataDir(): string {
  const port = process.env['E2E_PORT'] ?? '4310';
  const pointer = join(tmpdir(), `samspill-e2e-web-${port}.json`);
  return (JSON.parse(readFileSync(pointer, 'utf8')) as { dataDir: string }).dataDir;
}

export interface Mail {
  subject: string;
  text: string;
}

/**
 * The newest mail to `to` that the app wrote as an .eml file (it has no
 * SMTP_URL in the browser tests), waiting for it to appear.
 */
export async function mailTo(to: string): Promise<Mail> {
  const folder = join(dataDir(), 'mail');
  let found: Mail | null = null;
  await expect
    .poll(async () => {
      if (!existsSync(folder)) return false;
      for (const file of readdirSync(folder).sort().reverse()) {
        const parsed = await simpleParser(readFileSync(join(folder, file)));
        const recipients = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) => a.value);
        if (recipients.some((r) => r.address?.toLowerCase() === to.toLowerCase())) {
          found = { subject: parsed.subject ?? '', text: parsed.text ?? '' };
          return true;
        }
      }
      return false;
    })
    .toBe(true);
  return found as unknown as Mail;
}

/** The path of the link in the mail, e.g. `/invitation/<token>`, to open on the test server. */
export function linkPath(mail: Mail, kind: 'invitation' | 'password-reset'): string {
  const match = new RegExp(`https?://[^/\\s]+(/${kind}/[A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no /${kind}/ link in the mail:\n${mail.text}`);
  return match[1];
}
