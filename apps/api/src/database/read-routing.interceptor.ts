import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mergeMap, Observable, tap } from 'rxjs';
import type { AppConfig } from '../config/configuration';
import type { Database } from './database';
import { parseLsn, type ReadContext, readContext, READS_MAY_LAG } from './read-routing';

/** Carries the person's last write across API processes (a load balancer may send the next request anywhere). */
export const WRITTEN_COOKIE = 'samspill_written';
/** Long enough for any replica that is fit to serve to have caught up. */
const WRITTEN_MAX_AGE_SECONDS = 300;
const REMEMBERED_WRITERS = 10_000;

type Request = FastifyRequest & { user?: { id: string }; cookies?: Record<string, string | undefined> };

/**
 * Read-your-writes with replicas: after a write the primary's WAL position
 * is kept for the person (in this process and in a cookie); their reads
 * that may lag then go to a replica only once it has replayed that position,
 * to the primary until then. Without replicas it does nothing.
 */
@Injectable()
export class ReadRoutingInterceptor implements NestInterceptor {
  private readonly lastWrite = new Map<string, bigint>();

  constructor(
    private readonly db: Database,
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const reply = http.getResponse<FastifyReply>();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      if (!this.db.hasReplicas) return next.handle();
      return next.handle().pipe(
        mergeMap(async (result: unknown) => {
          await this.remember(request, reply);
          return result;
        }),
      );
    }
    const mayLag =
      this.reflector.getAllAndOverride<boolean | undefined>(READS_MAY_LAG, [context.getHandler(), context.getClass()]) ?? false;
    const store: ReadContext = { mayLag, after: mayLag ? this.after(request) : null };
    const handled = new Observable<unknown>((subscriber) => readContext.run(store, () => next.handle().subscribe(subscriber)));
    if (!this.config.exposeQueryCount) return handled;
    // Test aid: which server answered the reads.
    return handled.pipe(tap(() => void reply.header('x-read-from', store.readFrom ?? 'primary')));
  }

  private after(request: Request): bigint | null {
    const fromCookie = parseLsn(request.cookies?.[WRITTEN_COOKIE]);
    const here = request.user ? (this.lastWrite.get(request.user.id) ?? null) : null;
    if (fromCookie === null) return here;
    return here === null || fromCookie > here ? fromCookie : here;
  }

  private async remember(request: Request, reply: FastifyReply): Promise<void> {
    const lsn = await this.db.writtenUpTo();
    if (request.user) {
      this.lastWrite.delete(request.user.id);
      this.lastWrite.set(request.user.id, parseLsn(lsn) as bigint);
      if (this.lastWrite.size > REMEMBERED_WRITERS) this.lastWrite.delete(this.lastWrite.keys().next().value as string);
    }
    const secure = this.config.cookieSecure === 'auto' ? request.protocol === 'https' : this.config.cookieSecure;
    reply.setCookie(WRITTEN_COOKIE, lsn, { httpOnly: true, sameSite: 'lax', secure, path: '/api', maxAge: WRITTEN_MAX_AGE_SECONDS });
  }
}
