import type { Actor, PartnershipScope } from './collaboration-policy';

/**
 * Who may write in a thread (issue 12): never politicians (they read) nor platform admins (they belong to no
 * organisation: they moderate, deleting what must go, and do not write); staff and leaders on any
 * practice (`partnership` null: practices are published to everyone), on a project or partnership of which their
 * organisation is a member or an observer (the one place an observer writes), and on the own thread of a
 * partnership that everyone may read (`platform` or `public`) from any organisation — a question from the floor. Reading follows seeing the thing.
 */
export function canWriteInThread(
  actor: Actor,
  thread: { type: 'project' | 'practice' | 'partnership'; partnership: PartnershipScope | null },
): boolean {
  if (actor.role !== 'staff' && actor.role !== 'leader') return false;
  if (!thread.partnership) return true;
  const org = actor.organizationId;
  if (org === null) return false;
  const inside = thread.partnership.memberIds.includes(org) || (thread.partnership.observerIds ?? []).includes(org);
  return inside || (thread.type === 'partnership' && thread.partnership.visibility !== 'members');
}
