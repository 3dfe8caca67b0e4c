import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createDataSource, type DatabaseSettings, guardPool } from './data-source';
import { formatLsn, parseLsn, readContext } from './read-routing';

/** How often each replica is asked how far it has replayed. */
const POLL_MS = 200;

interface Replica {
  name: string;
  dataSource: DataSource;
  /** The WAL position it has replayed, as of the last poll; null while it does not answer. */
  replayed: bigint | null;
  polling: boolean;
}

/** The replicas' connection pools (opened by the first poll, so a replica that is down does not stop the start). */
export class ReplicaDataSources {
  readonly dataSources: DataSource[];

  constructor(
    urls: string[],
    settings: Omit<DatabaseSettings, 'url'>,
    readonly onError: (error: Error) => void,
  ) {
    this.dataSources = urls.map((url) => createDataSource({ ...settings, url, applicationName: 'samspill-api-reader' }));
  }
}

/**
 * The database as the services see it: `primary` for writes and for reads
 * that must be current, `reader()` for reads that may lag. With
 * DATABASE_REPLICA_URLS unset, reader() is the primary too.
 */
@Injectable()
export class Database implements OnApplicationShutdown {
  private readonly replicas: Replica[];
  private readonly timer: NodeJS.Timeout | null = null;
  private next = 0;
  private readonly onPoolError: (error: Error) => void;

  constructor(
    @InjectDataSource() readonly primary: DataSource,
    replicas: ReplicaDataSources,
  ) {
    this.replicas = replicas.dataSources.map((dataSource, i) => ({ name: `replica-${i + 1}`, dataSource, replayed: null, polling: false }));
    this.onPoolError = replicas.onError;
    if (this.replicas.length > 0) {
      void this.poll();
      this.timer = setInterval(() => void this.poll(), POLL_MS);
      this.timer.unref();
    }
  }

  get hasReplicas(): boolean {
    return this.replicas.length > 0;
  }

  /**
   * Where a read that may lag goes: a replica, in turn, when the route is
   * marked @ReadsMayLag() and the replica has replayed the person's last
   * write; otherwise the primary. Inside a write request it is always the primary.
   */
  reader(): DataSource {
    const context = readContext.getStore();
    if (!context?.mayLag || this.replicas.length === 0) return this.chose(this.primary, 'primary');
    const after = context.after;
    const ready = this.replicas.filter((r) => r.replayed !== null && (after === null || r.replayed >= after));
    if (ready.length === 0) return this.chose(this.primary, 'primary');
    const replica = ready[this.next++ % ready.length] as Replica;
    return this.chose(replica.dataSource, replica.name);
  }

  /** The primary's WAL position now: a replica that has replayed it has everything written so far. */
  async writtenUpTo(): Promise<string> {
    const [row] = await this.primary.query<{ lsn: string }[]>(`SELECT pg_current_wal_insert_lsn()::text AS lsn`);
    const lsn = parseLsn(row?.lsn);
    if (lsn === null) throw new Error('the primary did not report its WAL position');
    return formatLsn(lsn);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all(this.replicas.map((r) => (r.dataSource.isInitialized ? r.dataSource.destroy() : undefined)));
  }

  private chose(dataSource: DataSource, name: string): DataSource {
    const context = readContext.getStore();
    if (context) context.readFrom = name;
    return dataSource;
  }

  /** A replica that is down, or not yet up, is skipped until it answers again. */
  private async poll(): Promise<void> {
    await Promise.all(
      this.replicas
        .filter((r) => !r.polling)
        .map(async (replica) => {
          replica.polling = true;
          try {
            if (!replica.dataSource.isInitialized) {
              await replica.dataSource.initialize();
              guardPool(replica.dataSource, this.onPoolError);
            }
            const [row] = await replica.dataSource.query<{ lsn: string | null }[]>(`SELECT pg_last_wal_replay_lsn()::text AS lsn`);
            // Null: not (or no longer) a standby, so nothing tells how current it is.
            replica.replayed = parseLsn(row?.lsn);
          } catch {
            replica.replayed = null;
          } finally {
            replica.polling = false;
          }
        }),
    );
  }
}

/** The database without replicas, for code that runs outside the app (the demo seed). */
export function primaryOnly(dataSource: DataSource): Database {
  return new Database(dataSource, new ReplicaDataSources([], { connectTimeoutMs: 0, poolSize: 0 }, () => undefined));
}
