import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RATE_WINDOW_SECONDS, TooManyRequestsException } from '../common/rate-limit';
import { WindowCounter } from '../common/window-counter';
import { APP_CONFIG, type AppConfig } from '../config/configuration';

/**
 * The public pages' API answers anyone, so it counts requests per address.
 * A browser reading the pages stays far below the limit; a scraper looping
 * over it is slowed down rather than the database. Unlike the sign-in and
 * write limits, which must hold across processes and are kept in PostgreSQL,
 * this one is counted in each API process's memory: reading a public page
 * writes nothing, and its reads can go to replicas. Behind N processes an
 * address may get up to N times the limit, which still stops a scraper.
 */
@Injectable()
export class PublicRateGuard implements CanActivate {
  private readonly counter = new WindowCounter(RATE_WINDOW_SECONDS * 1000);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const { hits, retryAfterSeconds } = this.counter.hit(request.ip);
    const limit = this.config.publicReadLimitPerMinute;
    if (hits > limit) {
      throw new TooManyRequestsException(
        retryAfterSeconds,
        'TOO_MANY_REQUESTS',
        `Too many requests from your address (${limit} a minute). Wait ${retryAfterSeconds} seconds and try again.`,
      );
    }
    return true;
  }
}
