import type { EntityManager } from 'typeorm';
import { DomainException } from '../common/domain-exception';

/**
 * Refuses to add an inactive organisation (one merged into a successor) to
 * anything new: a partnership, a project, an invitation. Ids that are no
 * organisation are left for the caller's own check.
 */
export async function checkActive(m: EntityManager, organizationIds: readonly string[]): Promise<void> {
  if (organizationIds.length === 0) return;
  const [inactive] = await m.query<{ name: string; successor: string | null }[]>(
    `SELECT o.name, s.name AS successor FROM organizations o LEFT JOIN organizations s ON s.id = o.successor_id
     WHERE o.id = ANY($1::uuid[]) AND NOT o.active ORDER BY o.name LIMIT 1`,
    [organizationIds],
  );
  if (inactive) {
    throw new DomainException(
      'INACTIVE_ORGANIZATION',
      `${inactive.name} is no longer active${inactive.successor ? `: it is now part of ${inactive.successor}` : ''}. Choose an active organisation.`,
    );
  }
}
