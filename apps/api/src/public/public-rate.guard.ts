import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { countHitSql, PRUNE_RATE_COUNTERS_SQL, TooManyRequestsException } from '../common/rate-limit';
import { APP_CONFIG, type AppConfig } from '../config/configuration';

/**
 * The public pages' API answers anyone, so it counts requests per address
 * (in PostgreSQL, shared by every API process, like the sign-in and write
 * limits). A browser reading the pages stays far below the limit; a scraper
 * looping over it is slowed down rather than the database.
 */
@Injectable()
export class PublicRateGuard implements CanActivate {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const [row] = await this.dataSource.query<{ hits: number; retry_after: number }[]>(countHitSql('$1::text'), [`public:${request.ip}`]);
    if (Math.random() < 0.001) await this.dataSource.query(PRUNE_RATE_COUNTERS_SQL);
    const limit = this.config.publicReadLimitPerMinute;
    if (row && row.hits > limit) {
      throw new TooManyRequestsException(
        row.retry_after,
        'TOO_MANY_REQUESTS',
        `Too many requests from your address (${limit} a minute). Wait ${row.retry_after} seconds and try again.`,
      );
    }
    return true;
  }
}
