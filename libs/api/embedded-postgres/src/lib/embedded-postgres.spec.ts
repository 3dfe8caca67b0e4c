import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

jest.setTimeout(60_000);

// As root a mode-700 temp dir is unreachable for the postgres user, so the cluster lives elsewhere.
function clusterHome(dataDir: string): string {
  const pointer = path.join(dataDir, 'EMBEDDED-POSTGRES-LOCATION.txt');
  if (!fs.existsSync(pointer)) return dataDir;
  const match = /^\/var\/tmp\/samspill-pg-data\/[0-9a-f]{16}$/m.exec(fs.readFileSync(pointer, 'utf8'));
  if (!match) throw new Error(`Unexpected pointer file content in ${pointer}`);
  return match[0];
}

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

function postmasterPid(dataDir: string): number {
  return Number(fs.readFileSync(path.join(clusterHome(dataDir), 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

describe('startEmbeddedPostgres', () => {
  const dataDirs: string[] = [];
  const running: EmbeddedPostgres[] = [];

  function newDataDir(): string {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-pg-'));
    // Reachable by the postgres user when run as root, so the cluster stays inside and is removed with it.
    fs.chmodSync(parent, 0o755);
    const dir = path.join(parent, 'postgres');
    dataDirs.push(dir);
    return dir;
  }

  async function start(dataDir: string, messages: string[] = []): Promise<EmbeddedPostgres> {
    const pg = await startEmbeddedPostgres({ dataDir, fastButUnsafe: true, log: (message) => messages.push(message) });
    running.push(pg);
    return pg;
  }

  afterAll(async () => {
    await Promise.all(running.map((pg) => pg.stop()));
    for (const dir of dataDirs) {
      const home = clusterHome(dir);
      if (home !== dir) fs.rmSync(home, { recursive: true, force: true });
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });

  it('serves queries, creates databases and stops cleanly', async () => {
    const messages: string[] = [];
    const dataDir = newDataDir();
    const pg = await start(dataDir, messages);

    expect(pg.url).toBe(`postgres://samspill:${encodeURIComponent(pg.password)}@127.0.0.1:${pg.port}/postgres`);
    expect(await query(pg.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    expect(await query(pg.url, "select current_setting('listen_addresses') as l, current_setting('fsync') as f")).toEqual([
      { l: '127.0.0.1', f: 'off' },
    ]);

    await pg.ensureDatabase('x');
    await pg.ensureDatabase('x');
    expect(await query(pg.urlFor('x'), 'select current_database() as db')).toEqual([{ db: 'x' }]);

    const passwordFile = path.join(clusterHome(dataDir), 'superuser-password');
    expect(fs.statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(passwordFile, 'utf8').trim()).toBe(pg.password);
    expect(pg.password.length).toBeGreaterThanOrEqual(24);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join('\n')).not.toContain(pg.password);
    expect(fs.readFileSync(path.join(clusterHome(dataDir), 'postgres.log'), 'utf8')).not.toContain(pg.password);

    await pg.stop();
    await pg.stop();
    await expect(query(pg.url, 'select 1')).rejects.toThrow(/ECONNREFUSED/);

    const again = await start(dataDir);
    expect(again.password).toBe(pg.password);
    expect(await query(again.urlFor('x'), 'select 1 as one')).toEqual([{ one: 1 }]);
    await again.stop();
  });

  it('takes over a data folder whose postmaster was orphaned', async () => {
    const dataDir = newDataDir();
    const orphan = await start(dataDir);
    const orphanPid = postmasterPid(dataDir);
    expect(isRunning(orphanPid)).toBe(true);

    const messages: string[] = [];
    const fresh = await start(dataDir, messages);
    expect(isRunning(orphanPid)).toBe(false);
    expect(postmasterPid(dataDir)).not.toBe(orphanPid);
    expect(messages.join('\n')).toContain(`leftover PostgreSQL server (PID ${orphanPid})`);
    expect(await query(fresh.url, 'select 1 as one')).toEqual([{ one: 1 }]);

    await orphan.stop(); // must not touch the new server
    expect(await query(fresh.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    await fresh.stop();
  });
});
