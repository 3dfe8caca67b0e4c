import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { UsersService } from '../users/users.service';
import type { AuthenticatedUser } from './authenticated-user';
import { accessTokenClaims } from './tokens';

/**
 * Every request checks its token against the database (active user, current
 * token version, session not revoked), so a revocation through one API
 * process holds in all.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret as string,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: unknown): Promise<AuthenticatedUser> {
    const claims = accessTokenClaims(payload, this.config.accessTokenTtlSeconds);
    if (!claims) throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: 'Sign in to continue.' });
    const user = await this.users.findActiveForToken(claims);
    if (!user) {
      throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: 'Your session has ended. Please sign in again.' });
    }
    return user;
  }
}
