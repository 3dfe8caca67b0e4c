import type { UserResponse } from '@samspill/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { toOrganizationSummary } from '../organizations/organization.mapper';
import type { UserEntity } from './user.entity';

export function toAuthenticatedUser(u: UserEntity): AuthenticatedUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    organization: u.organization ? toOrganizationSummary(u.organization) : null,
    locale: u.locale,
    tokenVersion: u.tokenVersion,
  };
}

export function toUserResponse(u: UserEntity): UserResponse {
  const { tokenVersion: _hidden, ...current } = toAuthenticatedUser(u);
  return { ...current, active: u.active, createdAt: u.createdAt.toISOString(), version: u.version };
}
