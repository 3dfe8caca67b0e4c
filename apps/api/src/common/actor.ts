import { ForbiddenException } from '@nestjs/common';
import type { Actor } from '@samspill/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';

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
