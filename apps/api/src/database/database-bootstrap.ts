import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '../config/configuration';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '@samspill/api/embedded-postgres';

export interface ResolvedDatabase {
  url: string;
  embedded: EmbeddedPostgres | null;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR. */
export async function resolveDatabase(config: AppConfig, log: (message: string) => void): Promise<ResolvedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  await mkdir(config.dataDir, { recursive: true });
  const embedded = await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'postgres'), log });
  await embedded.ensureDatabase('samspill');
  return { url: embedded.urlFor('samspill'), embedded };
}

/** In embedded mode the signing secret is generated once and kept beside the data. */
export async function ensureJwtSecret(config: AppConfig): Promise<string> {
  if (config.jwtSecret) return config.jwtSecret;
  const file = join(config.dataDir, 'jwt-secret');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not there yet
  }
  const secret = randomBytes(48).toString('base64url');
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  await chmod(file, 0o600);
  return secret;
}
