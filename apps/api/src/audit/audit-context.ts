import { AsyncLocalStorage } from 'node:async_hooks';

/** Who acts, as the trail records them: the person and the organisation they act from. */
export interface AuditActor {
  id: string;
  organizationId: string | null;
}

/** What one request knows about its own trail: who is acting, and how many entries it wrote. */
export interface AuditScope {
  actor: AuditActor | null;
  recorded: number;
}

/**
 * The acting person of the request being handled, set by AuditContextInterceptor
 * around every handler. Services call recordAudit() without passing the person
 * through each signature; work outside a request (the demo seed) has no actor.
 */
export const auditScope = new AsyncLocalStorage<AuditScope>();

/** Runs `work` as `actor`: for work outside a request that still has someone behind it. */
export function asActor<T>(actor: AuditActor | null, work: () => Promise<T>): Promise<T> {
  return auditScope.run({ actor, recorded: 0 }, work);
}
