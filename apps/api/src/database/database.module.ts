import { type DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { APP_INTERCEPTOR, Reflector } from '@nestjs/core';
import type { AppConfig } from '../config/configuration';
import { Database, ReplicaDataSources } from './database';
import { ReadRoutingInterceptor } from './read-routing.interceptor';

/**
 * The data layer: `Database` (primary, reader()) and the interceptor that
 * routes each request's reads. Global like the DataSource TypeORM provides,
 * which it wraps: every feature reads and writes through it.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    const log = new Logger('Database');
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: ReplicaDataSources,
          useFactory: () =>
            new ReplicaDataSources(
              config.databaseReplicaUrls,
              { connectTimeoutMs: config.dbConnectTimeoutMs, poolSize: config.dbPoolSize, countQueries: config.exposeQueryCount },
              (error) => log.warn(`A replica connection failed: ${error.message}`),
            ),
        },
        Database,
        {
          provide: APP_INTERCEPTOR,
          useFactory: (db: Database, reflector: Reflector) => new ReadRoutingInterceptor(db, reflector, config),
          inject: [Database, Reflector],
        },
      ],
      exports: [Database],
    };
  }
}
