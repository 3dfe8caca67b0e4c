import 'reflect-metadata';
import cluster from 'node:cluster';
import { ConfigError, loadConfig, type AppConfig } from './config/configuration';
import { createDataSource, runMigrations } from './database/data-source';
import { ensureJwtSecret, resolveDatabase, type ResolvedDatabase } from './database/database-bootstrap';
import { registerShutdown } from '@samspill/api/embedded-postgres';
import { createApp } from './app.factory';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_USERS } from '@samspill/demo';
import { seedDemo } from './seed/seed-demo';
import { MailService } from './mail/mail.service';
import { JobQueue, QUEUES } from './jobs/job-queue';

type Command = 'serve' | 'migrate' | 'seed-demo' | 'send-digests';

const say = (message: string) => process.stdout.write(`${message}\n`);

async function main(command: Command): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }

  if (cluster.isWorker) {
    // A worker of a multi-process API: the primary has prepared the database and passed its URL.
    await serve(config, { url: config.databaseUrl as string, embedded: null });
    return;
  }
  const database = await resolveDatabase(config, (m) => say(`[database] ${m}`));
  // Until the server is up, a Ctrl-C or SIGTERM must still stop the embedded database.
  const stopEarly = () => void (database.embedded?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  process.once('SIGINT', stopEarly);
  process.once('SIGTERM', stopEarly);
  const settings = { url: database.url, connectTimeoutMs: config.dbConnectTimeoutMs, poolSize: 2 };
  const stopDatabase = () => database.embedded?.stop() ?? Promise.resolve();

  try {
    const applied = await runMigrations(settings);
    if (applied.length > 0) say(`[database] applied migrations: ${applied.join(', ')}`);
    // Demo data only in embedded mode, or when asked for explicitly.
    if (command === 'seed-demo' || (command === 'serve' && database.embedded)) {
      await seed(settings);
    }
  } catch (error) {
    process.off('SIGINT', stopEarly);
    process.off('SIGTERM', stopEarly);
    await stopDatabase();
    throw error;
  }
  process.off('SIGINT', stopEarly);
  process.off('SIGTERM', stopEarly);
  if (command === 'send-digests') {
    try {
      await queueDigests(config.databaseDirectUrl ?? database.url, process.argv[3], process.argv[4]);
    } finally {
      await stopDatabase();
    }
    return;
  }
  if (command !== 'serve') {
    await stopDatabase();
    return;
  }
  await serve(config, database);
}

/**
 * `send-digests [daily|weekly] [YYYY-MM-DD]`: queues the digest of the period holding that day (both, and yesterday,
 * when left out) for the API processes to send; the schedule does the same every morning. Queuing a period twice
 * sends nothing twice.
 */
async function queueDigests(url: string, frequency: string | undefined, day: string | undefined): Promise<void> {
  if (frequency !== undefined && frequency !== 'daily' && frequency !== 'weekly') throw new Error('send-digests takes daily or weekly');
  if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error('send-digests takes a day as YYYY-MM-DD');
  const queue = new JobQueue({ url, work: false, pollSeconds: 60 });
  await queue.start();
  try {
    const id = await queue.send(QUEUES.digestPlan, { ...(frequency ? { frequency } : {}), ...(day ? { day } : {}) });
    say(`[jobs] digest queued (job ${id})`);
  } finally {
    await queue.onApplicationShutdown();
  }
}

async function seed(settings: { url: string; connectTimeoutMs: number; poolSize: number }): Promise<void> {
  const dataSource = createDataSource(settings);
  await dataSource.initialize();
  try {
    const created = await seedDemo(dataSource);
    if (created.organizations + created.users + created.partnerships > 0) {
      say(
        `[database] demo data added: ${created.organizations} organisations, ${created.users} users, ${created.partnerships} partnerships`,
      );
    }
  } finally {
    await dataSource.destroy();
  }
}

async function serve(config: AppConfig, database: ResolvedDatabase): Promise<void> {
  const jwtSecret = await ensureJwtSecret(config);
  if (config.apiWorkers > 1 && cluster.isPrimary) {
    await serveWithWorkers(config, database, jwtSecret);
    return;
  }
  const app = await createApp({ ...config, jwtSecret }, database.url);
  if (database.embedded) {
    registerShutdown(database.embedded, () => app.close());
  } else {
    process.once('SIGINT', () => void app.close().then(() => process.exit(0)));
    process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
  }
  await app.listen({ port: config.port, host: config.host });
  if (cluster.isWorker) return;
  say(`[mail] ${app.get(MailService).describe()}`);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  say(`\nSamspill is running on http://localhost:${port}  (API docs: http://localhost:${port}/api/docs)`);
  if (database.embedded) {
    say(`Embedded PostgreSQL, data in ${config.dataDir}. Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const u of DEMO_USERS) say(`  ${DEMO_ACCOUNTS[u.account].padEnd(34)} ${u.role.padEnd(11)} ${u.organization ?? ''}`);
  }
  say('Press Ctrl-C to stop.');
}

/** API_WORKERS > 1: this process keeps the database and starts that many API processes on one port. */
async function serveWithWorkers(config: AppConfig, database: ResolvedDatabase, jwtSecret: string): Promise<void> {
  let stopping = false;
  const env = { DATABASE_URL: database.url, JWT_SECRET: jwtSecret };
  const fork = () => cluster.fork(env);
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    process.stderr.write(`API worker ${worker.process.pid} stopped (${signal ?? code}); starting another\n`);
    fork();
  });
  let listening = 0;
  cluster.on('listening', () => {
    if (++listening === config.apiWorkers) {
      say(`\nSamspill is running on http://localhost:${config.port} with ${config.apiWorkers} API processes`);
      say('Press Ctrl-C to stop.');
    }
  });
  for (let i = 0; i < config.apiWorkers; i++) fork();
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((r) => {
            w.once('exit', () => r());
            w.kill('SIGTERM');
          }),
      ),
    );
    await database.embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

const command = (process.argv[2] ?? 'serve') as Command;
if (!['serve', 'migrate', 'seed-demo', 'send-digests'].includes(command)) {
  process.stderr.write(`Unknown command "${command}". Use: serve (default), migrate, seed-demo or send-digests.\n`);
  process.exit(64);
}
main(command).catch((error: unknown) => {
  process.stderr.write(`Samspill could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
