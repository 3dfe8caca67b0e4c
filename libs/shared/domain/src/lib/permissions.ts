import type { Role } from '@samspill/contracts';

/**
 * Platform-wide permissions, decided by role alone. The API guard enforces
 * them and the web app uses the same table to show or hide actions.
 * Rules that depend on a resource (a partnership, a project) live beside
 * this file and take the resource as an argument.
 */
export const PERMISSIONS = {
  'organizations:read': ['staff', 'leader', 'politician', 'admin'],
  'organizations:create': ['admin'],
  'users:create': ['admin'],
  // People, invitations and the audit trail (issue 10): a leader manages the people of their own organisation,
  // and reads the trail of what concerns it; which people and entries is decided in people-policy.ts.
  'users:read': ['admin', 'leader'],
  'users:update': ['admin', 'leader'],
  'organizations:update': ['admin'],
  'invitations:manage': ['admin', 'leader'],
  'audit:read': ['admin', 'leader'],
  // Single sign-on (issue 15): connecting an organisation to its identity provider
  'identityProviders:manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
