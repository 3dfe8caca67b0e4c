import { ForbiddenException } from '@nestjs/common';
import type { Actor } from '@samspill/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DomainException } from './domain-exception';

export function actorOf(user: AuthenticatedUser): Actor {
  return { role: user.role, organizationId: user.organization?.id ?? null };
}

/** Who may work on a project, as the 403 message names them. */
export const PROJECT_WORKERS = 'staff and leaders of a participating organisation';

/** A 403 whose message says why, so the person knows whom to ask. */
export function forbidden(actor: Actor, whatOthersNeed: string): ForbiddenException {
  const message =
    actor.role === 'politician' ? 'Politicians can read everything here but not change it.' : `Only ${whatOthersNeed} may do this.`;
  return new ForbiddenException({ code: 'FORBIDDEN', message });
}

/**
 * The organisation a measurement or benefit is recorded for: your own, or
 * the one you name if you are an admin (403 for anyone else naming another);
 * an admin without an organisation must name one unless the project has a
 * single participant. It must take part in the project (400 otherwise).
 */
export function recordedFor(actor: Actor, participantIds: readonly string[], named: string | undefined, what: string): string {
  if (actor.role !== 'admin' && named && named !== actor.organizationId) throw forbidden(actor, 'people from that organisation');
  const [only, ...others] = participantIds;
  const organizationId = named ?? actor.organizationId ?? (others.length === 0 ? only : undefined);
  if (organizationId === undefined) {
    throw new DomainException('VALIDATION_FAILED', `organizationId must name the participating organisation the ${what} is for.`);
  }
  if (!participantIds.includes(organizationId)) {
    throw new DomainException(
      'INVALID_PARTICIPANTS',
      'organizationId must be a participating organisation of the project.',
      400,
      'NOT_A_PARTICIPANT',
    );
  }
  return organizationId;
}
