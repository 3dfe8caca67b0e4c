import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './api-server';

export interface PgBouncer {
  port: number;
  stop(): Promise<void>;
}

/** Debian's pgbouncer (apt-get install pgbouncer), or PGBOUNCER_PATH. */
export function pgBouncerBinary(): string | null {
  const candidates = [process.env['PGBOUNCER_PATH'], '/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'];
  const found = candidates.find((c): c is string => !!c && existsSync(c));
  if (found) return found;
  const which = spawnSync('sh', ['-c', 'command -v pgbouncer'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

/**
 * PgBouncer in transaction mode in front of `serverUrl`, for every database
 * on that server: the API tests run through it, as a production behind a
 * pooler would. Clients may sign in with any password (auth_type any); the
 * pooler signs in to PostgreSQL with the server's own credentials. Session
 * settings sent at connection start (statement_timeout and the like) cannot
 * follow a client from one server connection to the next, so PgBouncer
 * ignores them; production sets them on the role instead (see the README).
 */
export async function startPgBouncer(binary: string, serverUrl: string, dir: string): Promise<PgBouncer> {
  const server = new URL(serverUrl);
  const port = await freePort();
  const config = join(dir, 'pgbouncer.ini');
  const user = decodeURIComponent(server.username);
  const password = decodeURIComponent(server.password);
  await writeFile(
    config,
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port} user=${user} password=${password}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = any',
      'pool_mode = transaction',
      // Server connections show where their client came from: the tests can tell pooled connections from direct ones.
      'application_name_add_host = 1',
      'max_client_conn = 2000',
      'default_pool_size = 20',
      'ignore_startup_parameters = extra_float_digits,statement_timeout,idle_in_transaction_session_timeout,options',
      `logfile = ${join(dir, 'pgbouncer.log')}`,
      'log_connections = 0',
      'log_disconnections = 0',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  // PgBouncer refuses to run as root, like PostgreSQL: then it runs as the postgres user.
  const runAs = process.getuid?.() === 0 ? postgresIds() : undefined;
  if (runAs) {
    await chown(dir, runAs.uid, runAs.gid);
    await chown(config, runAs.uid, runAs.gid);
    await chmod(dir, 0o755);
  }
  const child = spawn(binary, [config], { stdio: ['ignore', 'ignore', 'pipe'], ...runAs });
  let output = '';
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitUntilServing(child, port, () => output);
  return {
    port,
    stop: () =>
      new Promise<void>((resolveStop) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
      }),
  };
}

function postgresIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

async function waitUntilServing(child: ChildProcess, port: number, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited with ${child.exitCode}:\n${output()}`);
    const client = new Client({
      host: '127.0.0.1',
      port,
      user: 'samspill',
      password: 'any',
      database: 'postgres',
      connectionTimeoutMillis: 1000,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch {
      // not yet
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`pgbouncer did not start within 15 s:\n${output()}`);
}
