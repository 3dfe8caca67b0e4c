import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';

export const NOTIFICATION_CHANNEL = 'samspill_notifications';

type Listener = (notificationId: string) => void;

/**
 * One dedicated LISTEN connection per API process (direct, not through a transaction-mode pooler), fanning
 * `samspill_notifications` notices out to the streams open in this process. A notice is raised by the insert
 * trigger on `notifications` when the inserting transaction commits, in whichever process that was.
 * The connection is re-opened with backoff when it drops; streams stay open meanwhile.
 */
export class NotificationHub implements OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private readonly listeners = new Map<string, Set<Listener>>();
  private client: Client | null = null;
  private stopped = false;
  private retryMs = 500;

  constructor(private readonly url: string | null) {}

  async start(): Promise<void> {
    if (!this.url || this.stopped) return;
    const client = new Client({ connectionString: this.url, application_name: 'samspill-listen', keepAlive: true });
    client.on('error', (error) => this.logger.warn({ reason: error.message }, 'notification listener lost its connection'));
    client.on('end', () => {
      if (this.client === client) this.client = null;
      if (!this.stopped) this.reconnect();
    });
    client.on('notification', (msg) => {
      if (msg.channel !== NOTIFICATION_CHANNEL || !msg.payload) return;
      const [userId, notificationId] = msg.payload.split(':');
      if (!userId || !notificationId) return;
      for (const listener of this.listeners.get(userId) ?? []) listener(notificationId);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
      this.client = client;
      this.retryMs = 500;
    } catch (error) {
      this.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'notification listener could not connect');
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      this.reconnect();
    }
  }

  private reconnect(): void {
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 30_000);
    setTimeout(() => void this.start(), wait).unref();
  }

  /** Calls `listener` with the id of each new notification for the person; the returned function stops it. */
  subscribe(userId: string, listener: Listener): () => void {
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }

  /** Open streams in this process (for tests and the log). */
  get streams(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
