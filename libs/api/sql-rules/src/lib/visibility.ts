import type { Actor } from '@samspill/domain';

/**
 * SQL twin of `canSeePartnership` (libs/shared/domain): the condition "partnership
 * `alias` is visible to this actor", for lists. `orgParam` is the parameter that
 * holds the actor's organisation id. e2e/api/src/rules-agree.e2e-spec.ts runs
 * both on generated cases and requires the same answers.
 */
export function visiblePartnershipSql(actor: Actor, alias: string, orgParam: string): string {
  // Admins see everything; the parameter is still referenced so PostgreSQL can type it.
  if (actor.role === 'admin') return `(${orgParam}::uuid IS NULL OR true)`;
  return `(${alias}.visibility IN ('platform', 'public')
    OR EXISTS (SELECT 1 FROM partnership_members vm WHERE vm.partnership_id = ${alias}.id AND vm.organization_id = ${orgParam})
    OR EXISTS (SELECT 1 FROM partnership_observers vo WHERE vo.partnership_id = ${alias}.id AND vo.organization_id = ${orgParam}))`;
}
