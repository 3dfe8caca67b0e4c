import { type Signal, computed, inject } from '@angular/core';
import type { CurrentUser } from '@samspill/contracts';
import type { Actor } from '@samspill/domain';
import { Auth } from './auth';

/** Someone who may do nothing: politicians never write, and without an organisation nobody is a member. */
const NOBODY: Actor = { role: 'politician', organizationId: null };

export function actorOf(user: CurrentUser | null): Actor {
  return user ? { role: user.role, organizationId: user.organization?.id ?? null } : NOBODY;
}

/** The signed-in person as the shared policy sees them; the API decides with the same functions. */
export function injectActor(): Signal<Actor> {
  const auth = inject(Auth);
  return computed(() => actorOf(auth.user()));
}
