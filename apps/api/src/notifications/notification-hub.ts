import { randomUUID } from 'node:crypto';
import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';

export const NOTIFICATION_CHANNEL = 'samspill_notifications';

type Listener = (notificationId: string) => void;

/** Another channel's notices, and whether they are heard at all (the connection is up and proved to deliver). */
export interface ChannelWatcher {
  notice(payload: string): void;
  heard(heard: boolean): void;
}

/** How long a probe notice may take to come back before the channel counts as not heard. */
const PROBE_TIMEOUT_MS = 5_000;
const PROBE_PREFIX = 'probe:';

/**
 * One dedicated LISTEN connection per API process (direct, not through a transaction-mode pooler), fanning
 * `samspill_notifications` notices out to the streams open in this process. A notice is raised by the insert
 * trigger on `notifications` when the inserting transaction commits, in whichever process that was.
 * The connection is re-opened with backoff when it drops; streams stay open meanwhile.
 *
 * Other channels can be watched on the same connection (`watch`, before start). Their watchers are told when
 * the channel is heard: after each (re)connection a probe notice has come back, which fails where a pooler
 * in transaction mode swallows notices, and stops being so the moment the connection drops.
 */
export class NotificationHub implements OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly watchers = new Map<string, ChannelWatcher[]>();
  private probe: { payload: string; answered: () => void } | null = null;
  private client: Client | null = null;
  private stopped = false;
  private retryMs = 500;

  /** Notices on `channel` go to `watcher` from the next start (channels are our own constants, never input). */
  watch(channel: string, watcher: ChannelWatcher): void {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
    this.watchers.set(channel, [...(this.watchers.get(channel) ?? []), watcher]);
  }

  constructor(private readonly url: string | null) {}

  async start(): Promise<void> {
    if (!this.url || this.stopped) return;
    const client = new Client({ connectionString: this.url, application_name: 'samspill-listen', keepAlive: true });
    client.on('error', (error) => {
      this.tellHeard(false);
      this.logger.warn({ reason: error.message }, 'notification listener lost its connection');
    });
    client.on('end', () => {
      this.tellHeard(false);
      if (this.client === client) this.client = null;
      if (!this.stopped) this.reconnect();
    });
    client.on('notification', (msg) => {
      if (!msg.payload) return;
      if (msg.channel !== NOTIFICATION_CHANNEL) {
        // Probes (ours, and other processes' on the same channel) are not notices for the watchers.
        if (msg.payload.startsWith(PROBE_PREFIX)) return msg.payload === this.probe?.payload ? this.probe.answered() : undefined;
        for (const watcher of this.watchers.get(msg.channel) ?? []) watcher.notice(msg.payload);
        return;
      }
      const [userId, notificationId] = msg.payload.split(':');
      if (!userId || !notificationId) return;
      for (const listener of this.listeners.get(userId) ?? []) listener(notificationId);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
      for (const channel of this.watchers.keys()) await client.query(`LISTEN ${channel}`);
      this.client = client;
      this.retryMs = 500;
      // In the background: the process does not wait to start, it only reads without the watchers meanwhile.
      this.proveHeard(client).catch((error: unknown) =>
        this.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'the probe notice could not be sent'),
      );
    } catch (error) {
      this.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'notification listener could not connect');
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      this.reconnect();
    }
  }

  /** Sends a probe notice on the first watched channel and tells the watchers once it has come back. */
  private async proveHeard(client: Client): Promise<void> {
    const [channel] = this.watchers.keys();
    if (!channel) return;
    const payload = `${PROBE_PREFIX}${randomUUID()}`;
    let timer: NodeJS.Timeout | undefined;
    const answered = new Promise<boolean>((resolve) => {
      this.probe = { payload, answered: () => resolve(true) };
      timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS).unref();
    });
    await client.query(`SELECT pg_notify($1, $2)`, [channel, payload]);
    const heard = await answered;
    clearTimeout(timer);
    this.probe = null;
    if (heard && this.client === client) this.tellHeard(true);
    else if (!heard)
      this.logger.warn({ channel }, 'a probe notice did not come back: the listener may sit behind a transaction-mode pooler');
  }

  private tellHeard(heard: boolean): void {
    for (const watchers of this.watchers.values()) for (const watcher of watchers) watcher.heard(heard);
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
