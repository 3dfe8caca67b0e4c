import { HttpException, HttpStatus, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthResponse } from '@samspill/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { toAuthenticatedUser } from '../users/user.mapper';
import type { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import type { AuthenticatedUser } from './authenticated-user';
import { recordAudit } from '../audit/audit-trail';
import { LoginThrottleService } from './login-throttle.service';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { type AccessTokenPayload, hashToken, newRefreshToken } from './tokens';

export interface IssuedSession {
  response: AuthResponse;
  refreshToken: string;
  refreshMaxAgeSeconds: number;
}

const INVALID_CREDENTIALS = { code: 'INVALID_CREDENTIALS', message: 'Wrong email or password.' };

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly throttle: LoginThrottleService,
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Unknown email, wrong password and a disabled account all get the same answer. */
  async validateCredentials(email: string, password: string, ip: string): Promise<AuthenticatedUser> {
    const normalized = email.trim().toLowerCase();
    if (await this.throttle.isBlocked(normalized, ip)) {
      throw new HttpException(
        { code: 'TOO_MANY_ATTEMPTS', message: 'Too many failed sign-in attempts. Wait a minute and try again.' },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const user = await this.users.findByEmailWithPassword(normalized);
    const valid = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
    if (!user || !valid || !user.active) {
      await this.throttle.recordFailure(normalized, ip);
      await this.recordFailedSignIn(user, ip);
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    return toAuthenticatedUser(user);
  }

  /**
   * A failed sign-in, in the trail: for an account that exists, which one; for an address that is no
   * account, nothing of what was typed (people type passwords into the e-mail field).
   */
  private async recordFailedSignIn(user: UserEntity | null, ip: string): Promise<void> {
    await recordAudit(this.dataSource, {
      action: 'auth.login_failed',
      entityType: 'user',
      entityId: user?.id ?? null,
      concerns: [user?.organizationId],
      actor: null,
      after: user ? { email: user.email, ip, ...(user.active ? {} : { inactive: true }) } : { knownAccount: false, ip },
    });
  }

  async startSession(
    user: AuthenticatedUser,
    device: { ip: string; userAgent: string | null } = { ip: '', userAgent: null },
  ): Promise<IssuedSession> {
    const familyId = randomUUID();
    await recordAudit(this.dataSource, {
      action: 'auth.login',
      entityType: 'session',
      entityId: familyId,
      concerns: [user.organization?.id],
      actor: { id: user.id, organizationId: user.organization?.id ?? null },
      after: { ip: device.ip, userAgent: device.userAgent },
    });
    return this.issue(user, familyId);
  }

  /**
   * Spends the presented refresh token and hands out a new one in the same
   * family. A token presented twice means it was stolen or replayed: the
   * whole family is revoked.
   */
  async refresh(rawToken: string | undefined): Promise<IssuedSession> {
    if (!rawToken) throw this.sessionEnded();
    const tokenHash = hashToken(rawToken);
    const spent = await this.dataSource.query<{ user_id: string; family_id: string }[]>(
      `WITH spent AS (
         UPDATE refresh_tokens SET revoked_at = now()
         WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
         RETURNING user_id, family_id
       )
       SELECT user_id, family_id FROM spent`,
      [tokenHash],
    );
    const row = spent[0];
    if (!row) {
      await this.dataSource.query(
        `UPDATE refresh_tokens SET revoked_at = now()
         WHERE revoked_at IS NULL AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)`,
        [tokenHash],
      );
      throw this.sessionEnded();
    }
    const user = await this.users.findActiveById(row.user_id);
    if (!user) throw this.sessionEnded();
    return this.issue(toAuthenticatedUser(user), row.family_id);
  }

  /** Signing out ends all of the person's sessions, on every device and every API process. */
  async logout(rawRefreshToken: string | undefined, bearerUserId: string | null): Promise<void> {
    const userIds = new Set<string>();
    if (bearerUserId) userIds.add(bearerUserId);
    if (rawRefreshToken) {
      const rows = await this.dataSource.query<{ user_id: string }[]>(`SELECT user_id FROM refresh_tokens WHERE token_hash = $1`, [
        hashToken(rawRefreshToken),
      ]);
      for (const r of rows) userIds.add(r.user_id);
    }
    for (const id of userIds) {
      await this.dataSource.transaction(async (m) => {
        await this.users.revokeAllSessions(id, m);
        const [user] = await m.query<{ organization_id: string | null }[]>(`SELECT organization_id FROM users WHERE id = $1`, [id]);
        await recordAudit(m, {
          action: 'auth.logout',
          entityType: 'user',
          entityId: id,
          concerns: [user?.organization_id],
          actor: { id, organizationId: user?.organization_id ?? null },
        });
      });
    }
  }

  /** Reads the user id from a bearer token that is still valid; null otherwise. */
  async userIdFromBearer(authorization: string | undefined): Promise<string | null> {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : null;
    if (!token) return null;
    try {
      const payload = await this.jwt.verifyAsync<AccessTokenPayload>(token, { algorithms: ['HS256'] });
      return (await this.users.findActiveForToken(payload.sub, payload.tv)) ? payload.sub : null;
    } catch {
      return null;
    }
  }

  async changePassword(user: AuthenticatedUser, currentPassword: string, newPassword: string): Promise<void> {
    const stored: UserEntity | null = await this.users.findWithPassword(user.id);
    if (!stored || !(await verifyPassword(stored.passwordHash, currentPassword))) {
      throw new UnauthorizedException({ code: 'INVALID_CREDENTIALS', message: 'The current password is wrong.' });
    }
    await this.users.setPassword(user.id, newPassword, 'auth.password_change');
  }

  private async issue(user: AuthenticatedUser, familyId: string): Promise<IssuedSession> {
    const refreshToken = newRefreshToken();
    const refreshMaxAgeSeconds = this.config.refreshTokenTtlDays * 24 * 3600;
    await this.dataSource.query(
      `INSERT INTO refresh_tokens (user_id, token_hash, family_id, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [user.id, hashToken(refreshToken), familyId, refreshMaxAgeSeconds],
    );
    const payload: AccessTokenPayload = { sub: user.id, tv: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(payload);
    const { tokenVersion: _hidden, ...publicUser } = user;
    return {
      response: { accessToken, expiresIn: this.config.accessTokenTtlSeconds, user: publicUser },
      refreshToken,
      refreshMaxAgeSeconds,
    };
  }

  private sessionEnded(): UnauthorizedException {
    return new UnauthorizedException({ code: 'UNAUTHENTICATED', message: 'Your session has ended. Please sign in again.' });
  }
}
