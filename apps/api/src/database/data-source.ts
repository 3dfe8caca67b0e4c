import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@samspill/migrations';
import { CountingLogger } from './query-counter';
import { RefreshTokenEntity } from '../auth/refresh-token.entity';
import { LoginAttemptEntity } from '../auth/login-attempt.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { UserEntity } from '../users/user.entity';

export const ENTITIES = [OrganizationEntity, UserEntity, RefreshTokenEntity, LoginAttemptEntity];

export interface DatabaseSettings {
  url: string;
  connectTimeoutMs: number;
  poolSize: number;
  countQueries?: boolean;
  /** Shown in pg_stat_activity; replicas' pools say they are readers. */
  applicationName?: string;
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
      max: settings.poolSize,
      // Fail fast (then 503) instead of waiting forever for a database that is away.
      connectionTimeoutMillis: settings.connectTimeoutMs,
      statement_timeout: 15_000,
      idle_in_transaction_session_timeout: 30_000,
      application_name: settings.applicationName ?? 'samspill-api',
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
