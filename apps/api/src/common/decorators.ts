import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
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
