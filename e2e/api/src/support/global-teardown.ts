import { rm } from 'node:fs/promises';
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const pooler = (globalThis as { __SAMSPILL_POOLER__?: { stop(): Promise<void>; dir: string } }).__SAMSPILL_POOLER__;
  if (pooler) {
    await pooler.stop();
    await rm(pooler.dir, { recursive: true, force: true });
  }
  const pg = (globalThis as { __SAMSPILL_PG__?: { stop(): Promise<void> } }).__SAMSPILL_PG__;
  if (pg) {
    await pg.stop();
    const dataDir = process.env['SAMSPILL_TEST_DATA_DIR'];
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    return;
  }
  const adminUrl = process.env['SAMSPILL_TEST_ADMIN_URL'];
  const template = process.env['SAMSPILL_TEST_TEMPLATE'];
  if (adminUrl && template) {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`).finally(() => admin.end());
  }
}
