import { BadRequestException, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { LoginDto } from '@samspill/contracts';
import { hasPermission, type Permission } from '@samspill/domain';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import { IS_PUBLIC, REQUIRED_PERMISSION } from '../common/decorators';
import { countHitSql, PRUNE_RATE_COUNTERS_SQL, TooManyRequestsException } from '../common/rate-limit';
import { containsNul, validationMessage } from '../common/validation';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
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

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The per-person write limit: every write a signed-in person sends is
 * counted (refused ones too) in PostgreSQL, so all API processes share one
 * count. Generous for a person working fast or a script importing a year of
 * measurements; far below what would flood the log.
 */
@Injectable()
export class WriteRateGuard {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ method: string; user?: AuthenticatedUser }>();
    if (!request.user || READS.has(request.method)) return true;
    const [row] = await this.dataSource.query<{ hits: number; retry_after: number }[]>(countHitSql('$1::text'), [
      `write:${request.user.id}`,
    ]);
    if (Math.random() < 0.001) await this.dataSource.query(PRUNE_RATE_COUNTERS_SQL);
    const limit = this.config.writeLimitPerMinute;
    if (row && row.hits > limit) {
      throw new TooManyRequestsException(
        row.retry_after,
        'TOO_MANY_REQUESTS',
        `You are sending changes faster than the platform accepts (${limit} changes a minute). Wait ${row.retry_after} seconds and try again.`,
      );
    }
    return true;
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
