import { BadRequestException, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { LoginDto } from '@samspill/contracts';
import { hasPermission, type Permission } from '@samspill/domain';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { IS_PUBLIC, REQUIRED_PERMISSION } from '../common/decorators';
import { containsNul, validationMessage } from '../common/validation';
import type { AuthenticatedUser } from './authenticated-user';

/** The one global guard: every route needs a valid access token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    return isPublic ? true : super.canActivate(context);
  }

  override handleRequest<TUser>(error: unknown, user: TUser): TUser {
    if (error) throw error;
    if (!user) throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: 'Sign in to continue.' });
    return user;
  }
}

/** Enforces @RequirePermission from the shared permission table. */
@Injectable()
export class PermissionGuard {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!permission) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
    if (!hasPermission(user?.role, permission)) {
      throw new ForbiddenException({ code: 'FORBIDDEN', message: 'You do not have permission to do this.' });
    }
    return true;
  }
}

/**
 * Guards run before pipes, so the login body is validated here, before
 * passport-local sees it: bad input is a 400, not a 401.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ body: unknown }>();
    if (containsNul(request.body)) {
      throw new BadRequestException({ code: 'VALIDATION_FAILED', message: 'Text must not contain the NUL control character.' });
    }
    const dto = plainToInstance(LoginDto, request.body ?? {});
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      throw new BadRequestException({ code: 'VALIDATION_FAILED', message: validationMessage(errors) });
    }
    request.body = dto;
    return (await super.canActivate(context)) as boolean;
  }
}
