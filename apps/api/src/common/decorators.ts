import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Permission } from '@samspill/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';

export const IS_PUBLIC = 'samspill:public';
/** Opens a route to requests without a token. Use for very few routes. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const REQUIRED_PERMISSION = 'samspill:permission';
/** The role-level permission a route needs, from the shared permission table. */
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  return context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user;
});
