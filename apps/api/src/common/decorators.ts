import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ROLES } from '@samspill/contracts';
import { type Permission, PERMISSIONS } from '@samspill/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApiRefusals } from './openapi';

export const IS_PUBLIC = 'samspill:public';
/** Opens a route to requests without a token. Use for very few routes. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const REQUIRED_PERMISSION = 'samspill:permission';
/** The role-level permission a route needs, from the shared permission table; the API docs list its 403 where a role lacks it. */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ...(PERMISSIONS[permission].length < ROLES.length ? [ApiRefusals(403)] : []),
  );

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  return context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user;
});

/**
 * Body sizes that fit each route: the longest valid body, with room for
 * every character escaped, and not much more. Larger bodies get 413 before
 * they are read (see app.factory.ts).
 */
export const BODY_LIMITS = {
  /** Routes without a longer text: logins, users, answers, focus areas, indicators. */
  default: 16 * 1024,
  /** Up to 5,000 characters: rationales, partnership descriptions. */
  rationale: 32 * 1024,
  /** Up to 10,000 characters: project descriptions, log entries. */
  longText: 64 * 1024,
} as const;

export const BodyLimit = (bytes: number) => RouteConfig({ bodyLimit: bytes });
