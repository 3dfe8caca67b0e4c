import type { Actor } from '@samspill/domain';

/**
 * SQL twin of `canReadAuditEntry` (libs/shared/domain): the condition "audit
 * entry `alias` may be read by this actor". `orgParam` holds the actor's
 * organisation id. e2e/api/src/rules-agree.e2e-spec.ts holds the two equal.
 */
export function readableAuditSql(actor: Actor, alias: string, orgParam: string): string {
  if (actor.role === 'admin') return `(${orgParam}::uuid IS NULL OR true)`;
  if (actor.role !== 'leader') return `(${orgParam}::uuid IS NULL AND false)`;
  return `(${alias}.actor_organization_id = ${orgParam}::uuid OR ${orgParam}::uuid = ANY(${alias}.concerns))`;
}
