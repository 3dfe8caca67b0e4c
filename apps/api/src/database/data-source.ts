import { Client } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@samspill/migrations';
import { CountingLogger } from './query-counter';
import { RefreshTokenEntity } from '../auth/refresh-token.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { UserEntity } from '../users/user.entity';

export const ENTITIES = [OrganizationEntity, UserEntity, RefreshTokenEntity];

export interface DatabaseSettings {
  url: string;
  connectTimeoutMs: number;
  poolSize: number;
  /** Server-side limit per statement; 0 (migrations, seeding) for none. The client gives up a second later. */
  statementTimeoutMs?: number;
  countQueries?: boolean;
}

/** How much longer than the statement timeout the client waits before it decides the server is not answering. */
const CLIENT_GRACE_MS = 1_000;

/**
 * A pg client that is never reused after its own query timeout fired: the
 * server did not answer at all (frozen, or the network is gone), so the
 * connection's state is unknown, and a BEGIN still in flight could leave
 * the next request inside a stale transaction. Destroying the socket makes
 * the pool drop the client.
 */
export class TimeoutSafeClient extends Client {
  override query(...args: unknown[]): never {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) {
      return result.catch((error: unknown) => {
        if (error instanceof Error && error.message === 'Query read timeout') {
          (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
        }
        throw error;
      }) as never;
    }
    return result as never;
  }
}

/**
 * The one description of the database, used by Nest and by the migration
 * command alike. Schema changes happen only through migrations.
 */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    ...(settings.countQueries ? { logging: ['query' as const], logger: new CountingLogger() } : { logging: false }),
    extra: {
      Client: TimeoutSafeClient,
      max: settings.poolSize,
      // Fail fast (then 503) instead of waiting forever for a database that is away…
      connectionTimeoutMillis: settings.connectTimeoutMs,
      // …or slow (the server cancels the statement)…
      statement_timeout: settings.statementTimeoutMs ?? 0,
      // …or frozen: the server cannot cancel anything, so the client stops waiting a little after it would have.
      ...(settings.statementTimeoutMs ? { query_timeout: settings.statementTimeoutMs + CLIENT_GRACE_MS } : {}),
      idle_in_transaction_session_timeout: 30_000,
      application_name: 'samspill-api',
    },
  };
}

export function createDataSource(settings: DatabaseSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}

/**
 * node-postgres emits 'error' on the pool when an idle client loses its
 * server; without a listener that would crash the process.
 */
export function guardPool(dataSource: DataSource, onError: (error: Error) => void): void {
  const driver = dataSource.driver as unknown as { master?: { on(event: 'error', cb: (e: Error) => void): void } };
  driver.master?.on('error', onError);
}

export async function runMigrations(settings: DatabaseSettings): Promise<string[]> {
  const dataSource = createDataSource(settings);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
