import { type CallHandler, type ExecutionContext, Injectable, Logger, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { type Observable, tap } from 'rxjs';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { auditScope, type AuditScope } from './audit-context';

const NOT_AUDITED = 'samspill:not-audited';
/** A write route that changes nothing the trail keeps (renewing a token); says why, for the reader. */
export const NotAudited = (_why: string) => SetMetadata(NOT_AUDITED, true);

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Runs every handler with its person in the audit scope, so recordAudit()
 * knows who acts. A write that succeeded without recording anything is
 * reported in the log: every change made through the API belongs in the trail.
 */
@Injectable()
export class AuditContextInterceptor implements NestInterceptor {
  private readonly logger = new Logger('AuditTrail');

  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    const user = request.user;
    const scope: AuditScope = { actor: user ? { id: user.id, organizationId: user.organization?.id ?? null } : null, recorded: 0 };
    const exempt = this.reflector.getAllAndOverride<boolean>(NOT_AUDITED, [context.getHandler(), context.getClass()]);
    // handle() binds the handler to the async context it is called in: call it inside the scope.
    return auditScope
      .run(scope, () => next.handle())
      .pipe(
        tap(() => {
          if (WRITES.has(request.method) && !exempt && scope.recorded === 0) {
            this.logger.warn({ route: request.routeOptions?.url, method: request.method }, 'a write without an audit entry');
          }
        }),
      );
  }
}
