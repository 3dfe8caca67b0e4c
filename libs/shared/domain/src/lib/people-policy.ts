import type { Role } from '@samspill/contracts';
import type { Actor } from './collaboration-policy';

/**
 * Who manages whom. Admins manage everyone; a leader manages the people of
 * their own organisation (staff, politicians, leaders) and never an admin,
 * never another organisation. Nobody changes their own role. The API decides
 * with these functions, the web app shows only what they allow.
 */
export interface ManagedPerson {
  id: string;
  role: Role;
  organizationId: string | null;
}

/** The actor with the id of the signed-in person, where the rule is about oneself. */
export type PersonActor = Actor & { userId: string };

/** The roles a leader may give: every role but admin. */
export const ROLES_A_LEADER_GIVES: readonly Role[] = ['staff', 'leader', 'politician'];

/** Whether the person is in the actor's reach at all: outside it, the API answers 404 as for someone who does not exist. */
export function canSeePerson(actor: Actor, person: Pick<ManagedPerson, 'organizationId'>): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'leader' && actor.organizationId !== null && person.organizationId === actor.organizationId;
}

/**
 * Why a change to a person is refused (403), or null when it is allowed.
 * Callers check canSeePerson first (404).
 */
export type PersonChangeProblem = 'MANAGES_AN_ADMIN' | 'MAKES_AN_ADMIN' | 'OWN_ROLE' | 'OWN_DEACTIVATION' | 'NOT_A_MANAGER';

export function personChangeProblem(
  actor: PersonActor,
  person: ManagedPerson,
  change: { role?: Role; active?: boolean },
): PersonChangeProblem | null {
  if (actor.role !== 'admin' && actor.role !== 'leader') return 'NOT_A_MANAGER';
  const self = actor.userId === person.id;
  if (self && change.role !== undefined && change.role !== person.role) return 'OWN_ROLE';
  if (self && change.active === false) return 'OWN_DEACTIVATION';
  if (actor.role === 'admin') return null;
  if (person.role === 'admin') return 'MANAGES_AN_ADMIN';
  if (change.role === 'admin') return 'MAKES_AN_ADMIN';
  return null;
}

/** Why an invitation is refused (403), or null. A leader invites into their own organisation, never an admin. */
export type InvitationProblem = 'NOT_A_MANAGER' | 'MAKES_AN_ADMIN' | 'OTHER_ORGANIZATION';

export function invitationProblem(actor: Actor, invitation: { role: Role; organizationId: string | null }): InvitationProblem | null {
  if (actor.role === 'admin') return null;
  if (actor.role !== 'leader' || actor.organizationId === null) return 'NOT_A_MANAGER';
  if (invitation.role === 'admin') return 'MAKES_AN_ADMIN';
  if (invitation.organizationId !== actor.organizationId) return 'OTHER_ORGANIZATION';
  return null;
}

/** Which invitations (by the organisation they invite into) an actor sees, resends and withdraws. */
export function canManageInvitation(actor: Actor, invitation: { organizationId: string | null }): boolean {
  return canSeePerson(actor, invitation);
}

/**
 * Which audit entries an actor reads: an admin all, a leader those by people
 * of their organisation or about it. `concerns` lists the organisations an
 * entry is about.
 */
export function canReadAuditEntry(actor: Actor, entry: { actorOrganizationId: string | null; concerns: readonly string[] }): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'leader' || actor.organizationId === null) return false;
  return entry.actorOrganizationId === actor.organizationId || entry.concerns.includes(actor.organizationId);
}
