import { createSecretKey } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { UsersService } from '../users/users.service';
import type { AuthenticatedUser } from './authenticated-user';
import { SessionCache } from './session-cache';
import { accessTokenClaims } from './tokens';

/**
 * Every request checks its token against the database (active user, current
 * token version, session not revoked), so a revocation through one API
 * process holds in all. A read (GET or HEAD outside /api/auth) may use the
 * check this process made moments before, kept only while PostgreSQL's
 * change notices are heard (SessionCache): a revocation in another process
 * reaches such reads as soon as its notice arrives; writes and the session's
 * own routes always ask the database.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super({
      passReqToCallback: true,
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, made once: given a string, jsonwebtoken first tries to parse it as a public key on every
      // request (a thrown and caught error), which was 14 % of the API's CPU (bench/profile/SUMMARY.md).
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret as string)) as unknown as string,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(request: FastifyRequest, payload: unknown): Promise<AuthenticatedUser> {
    const claims = accessTokenClaims(payload, this.config.accessTokenTtlSeconds);
    if (!claims) throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: 'Sign in to continue.' });
    const check = () => this.users.findActiveForToken(claims);
    const user = isRead(request) ? await this.sessions.get(claims, check) : await check();
    if (!user) {
      throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: 'Your session has ended. Please sign in again.' });
    }
    return user;
  }
}

/** A request that changes nothing, outside the session's own routes (sign-out, renewal, the person's own page). */
function isRead(request: FastifyRequest): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/auth/');
}
