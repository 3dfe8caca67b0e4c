import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';

/** The queues of the API, each with its retry policy. */
export const QUEUES = {
  /** One immediate mail (a mention or a reply): data `{ notificationId }`. */
  immediateMail: 'mail-immediate',
  /** Plans one digest period: data `{ frequency, day }`; fans out into batches. */
  digestPlan: 'digest-plan',
  /** One batch of a digest period: data `{ frequency, period, afterId, upToId }`. */
  digestBatch: 'digest-batch',
  /** Notifies the follow-ups that have come due. */
  followUpsDue: 'follow-ups-due',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** A mail server that is away for a while is waited out: 30 s, 60 s, 120 s … (about 8.5 hours over ten tries by default). */
const RETRY_LIMIT = 10;

export interface JobQueueSettings {
  /** A direct connection (not through a transaction-mode pooler). */
  url: string;
  /** Run workers and schedules here. */
  work: boolean;
  pollSeconds: number;
  /** The first wait before a retry (JOB_RETRY_DELAY_SECONDS); doubled each time. */
  retryDelaySeconds?: number;
}

/**
 * The job queue in PostgreSQL (pg-boss 10, schema `pgboss` in the same database). Jobs are sent inside the
 * transaction of the change that causes them, so a mail is queued if and only if its notification is stored.
 * Every API process may work the queue: pg-boss hands each job to one worker (SKIP LOCKED), retries failures
 * with backoff, and keeps the job when the mail server is away.
 */
export class JobQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private boss: PgBoss | null = null;
  private readonly handlers: { name: QueueName; batchSize: number; handle: (jobs: PgBoss.Job<never>[]) => Promise<void> }[] = [];
  private readonly schedules: { name: QueueName; cron: string; data: object }[] = [];

  constructor(private readonly settings: JobQueueSettings | null) {}

  /** Registers a worker; it starts with the queue (and only where this process works the queue). */
  work<T>(name: QueueName, batchSize: number, handle: (jobs: PgBoss.Job<T>[]) => Promise<void>): void {
    this.handlers.push({ name, batchSize, handle: handle as (jobs: PgBoss.Job<never>[]) => Promise<void> });
  }

  /** A cron schedule (Europe/Oslo); pg-boss sends each due job once across all processes. */
  schedule(name: QueueName, cron: string, data: object = {}): void {
    this.schedules.push({ name, cron, data });
  }

  async start(): Promise<void> {
    if (!this.settings || this.boss) return;
    const settings = this.settings;
    // Several processes starting at once may deadlock each other creating the queues' partitions: the loser retries.
    for (let attempt = 1; ; attempt++) {
      const boss = new PgBoss({
        connectionString: settings.url,
        schema: 'pgboss',
        max: 4,
        application_name: 'samspill-jobs',
        supervise: settings.work,
        schedule: settings.work,
      });
      boss.on('error', (error) => this.logger.error({ reason: error.message }, 'job queue error'));
      try {
        await boss.start();
        for (const name of Object.values(QUEUES)) {
          const queue = { name, ...this.retries };
          if (!(await boss.getQueue(name))) await boss.createQueue(name, queue);
          // A queue made earlier keeps its policy unless told: the configured delay holds in every process.
          await boss.updateQueue(name, queue);
        }
        this.boss = boss;
        break;
      } catch (error) {
        await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
        if (attempt >= 5 || !/deadlock/i.test(error instanceof Error ? error.message : String(error))) throw error;
        await new Promise((r) => setTimeout(r, 100 * attempt + Math.floor(Math.random() * 200)));
      }
    }
    if (!settings.work) return;
    for (const h of this.handlers) {
      await this.boss.work(h.name, { batchSize: h.batchSize, pollingIntervalSeconds: settings.pollSeconds }, h.handle);
    }
    for (const s of this.schedules) await this.boss.schedule(s.name, s.cron, s.data, { tz: 'Europe/Oslo' });
  }

  /** Queues a job in the caller's transaction: committed with the change, or not at all. Without a queue (the demo seed), nothing. */
  async sendIn(m: EntityManager, name: QueueName, data: object, options: PgBoss.SendOptions = {}): Promise<void> {
    if (!this.boss) return;
    const db = { executeSql: async (text: string, values: unknown[]) => ({ rows: (await m.query(text, values)) as unknown[] }) };
    await this.boss.send(name, data, { ...options, db });
  }

  /** Queues a job now (outside any transaction). */
  async send(name: QueueName, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
    if (!this.boss) throw new Error('the job queue is not running');
    return this.boss.send(name, data, options);
  }

  async sendMany(name: QueueName, items: { data: object; singletonKey?: string }[]): Promise<void> {
    if (!this.boss || items.length === 0) return;
    await this.boss.insert(items.map((i) => ({ name, data: i.data, singletonKey: i.singletonKey, ...this.retries })));
  }

  private get retries() {
    return { retryLimit: RETRY_LIMIT, retryDelay: this.settings?.retryDelaySeconds ?? 30, retryBackoff: true };
  }

  get running(): boolean {
    return this.boss !== null;
  }

  async onApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    await boss?.stop({ graceful: true, wait: true, timeout: 5000 });
  }
}
