import { Inject, Injectable, Optional, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthResponse, PageQuery, SessionResponse } from '@samspill/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../common/domain-exception';
import { decodeCursor, DEFAULT_PAGE_SIZE, type Page, pageOf } from '../common/paging';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { toAuthenticatedUser } from '../users/user.mapper';
import type { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import type { AuthenticatedUser } from './authenticated-user';
import { recordAudit } from '../audit/audit-trail';
import { LoginThrottleService } from './login-throttle.service';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { SessionCache } from './session-cache';
import { type AccessTokenPayload, accessTokenClaims, hashToken, newRefreshToken } from './tokens';
import { passwordSignInRefused, USE_SINGLE_SIGN_ON_MESSAGE } from '../single-sign-on/password-policy';

/** Whose and which session an access token belongs to. */
export interface SessionOfToken {
  userId: string;
  sessionId: string;
}

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
    @Optional() private readonly sessionCache: SessionCache | null = null,
  ) {}

  /** Unknown email, wrong password and a disabled account all get the same answer. */
  async validateCredentials(email: string, password: string, ip: string): Promise<AuthenticatedUser> {
    const normalized = email.trim().toLowerCase();
    const attempt = await this.throttle.reserve(normalized, ip);
    const user = await this.users.findByEmailWithPassword(normalized);
    const valid = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
    // Single sign-on (issue 15): an organisation may allow its own provider only.
    const account = user ? { organizationId: user.organizationId, role: user.role, passwordRight: valid && user.active } : null;
    if (await passwordSignInRefused(this.dataSource, normalized, account)) {
      if (account?.passwordRight) await attempt.release();
      throw new UnauthorizedException({ code: 'USE_SINGLE_SIGN_ON', message: USE_SINGLE_SIGN_ON_MESSAGE });
    }
    if (!user || !valid || !user.active) {
      await this.recordFailedSignIn(user, ip);
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    await attempt.release();
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

  /** A new session (issue 8's auth_sessions row, with the device it was started on), recorded in the trail. */
  async startSession(
    user: AuthenticatedUser,
    device: { ip: string; userAgent: string | null; via?: 'oidc' } = { ip: '', userAgent: null },
  ): Promise<IssuedSession> {
    const sessionId = randomUUID();
    await this.dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO auth_sessions (id, user_id, user_agent) VALUES ($1, $2, $3)`, [sessionId, user.id, device.userAgent]);
      await recordAudit(m, {
        action: 'auth.login',
        entityType: 'session',
        entityId: sessionId,
        concerns: [user.organization?.id],
        actor: { id: user.id, organizationId: user.organization?.id ?? null },
        after: { ip: device.ip, userAgent: device.userAgent, ...(device.via ? { via: device.via } : {}) },
      });
    });
    return this.issue(user, sessionId);
  }

  /**
   * Spends the presented refresh token and hands out a new one in the same
   * family. A token presented twice means it was stolen or replayed: the
   * whole family is revoked, and with its session the access tokens issued
   * to it.
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
      const ended = await this.dataSource.query<{ user_id: string }[]>(
        `WITH family AS (SELECT family_id FROM refresh_tokens WHERE token_hash = $1),
              tokens AS (UPDATE refresh_tokens SET revoked_at = now() WHERE revoked_at IS NULL AND family_id IN (SELECT family_id FROM family))
         UPDATE auth_sessions SET revoked_at = now() WHERE revoked_at IS NULL AND id IN (SELECT family_id FROM family) RETURNING user_id`,
        [tokenHash],
      );
      for (const { user_id } of ended) this.sessionCache?.forget(user_id);
      throw this.sessionEnded();
    }
    const user = await this.users.findActiveById(row.user_id);
    if (!user) throw this.sessionEnded();
    await this.dataSource.query(`UPDATE auth_sessions SET last_used_at = now() WHERE id = $1`, [row.family_id]);
    return this.issue(toAuthenticatedUser(user), row.family_id);
  }

  /**
   * Signing out ends this session only: the one of the refresh cookie, or
   * of the access token when there is no cookie. Other devices stay signed in.
   */
  async logout(rawRefreshToken: string | undefined, bearer: SessionOfToken | null): Promise<void> {
    const sessions = new Map<string, string>();
    if (bearer) sessions.set(bearer.sessionId, bearer.userId);
    if (rawRefreshToken) {
      const rows = await this.dataSource.query<{ user_id: string; family_id: string }[]>(
        `SELECT user_id, family_id FROM refresh_tokens WHERE token_hash = $1`,
        [hashToken(rawRefreshToken)],
      );
      for (const r of rows) sessions.set(r.family_id, r.user_id);
    }
    for (const [sessionId, userId] of sessions) {
      await this.dataSource.transaction(async (m) => {
        if (!(await this.revokeSession(m, userId, sessionId))) return;
        const organizationId = await this.organizationOf(m, userId);
        await recordAudit(m, {
          action: 'auth.logout',
          entityType: 'session',
          entityId: sessionId,
          concerns: [organizationId],
          actor: { id: userId, organizationId },
        });
      });
    }
  }

  /** "Sign out everywhere": every session of the person ends, and every access token issued so far. */
  async logoutAll(user: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.users.revokeAllSessions(user.id, m);
      await recordAudit(m, { action: 'auth.logout_all', entityType: 'user', entityId: user.id, concerns: [user.organization?.id] });
    });
  }

  /**
   * The person's sessions that can still be used (not ended, a refresh token
   * not yet expired), newest first, a page at a time.
   */
  async sessions(user: AuthenticatedUser, page: PageQuery): Promise<Page<SessionResponse>> {
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(page.cursor, ['timestamp', 'uuid']);
    const params: unknown[] = [user.id, limit + 1];
    let where = '';
    if (after) {
      params.push(...after);
      where = `AND (s.created_at, s.id) < ($3::timestamptz, $4::uuid)`;
    }
    const rows = await this.dataSource.query<
      { id: string; created_at: Date; created_key: string; last_used_at: Date; user_agent: string | null }[]
    >(
      `SELECT s.id, s.created_at, s.created_at::text AS created_key, s.last_used_at, s.user_agent
       FROM auth_sessions s
       WHERE s.user_id = $1 AND s.revoked_at IS NULL ${where}
         AND EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = s.id AND r.revoked_at IS NULL AND r.expires_at > now())
       ORDER BY s.created_at DESC, s.id DESC
       LIMIT $2`,
      params,
    );
    return pageOf(
      rows,
      limit,
      (r) => [r.created_key, r.id],
      (r) => ({
        id: r.id,
        createdAt: r.created_at.toISOString(),
        lastUsedAt: r.last_used_at.toISOString(),
        userAgent: r.user_agent,
        current: r.id === user.sessionId,
      }),
    );
  }

  /** Ends one of the person's own sessions (another device, or this one); someone else's reads as missing. */
  async endSession(user: AuthenticatedUser, sessionId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      if (!(await this.revokeSession(m, user.id, sessionId))) throw notFound('session');
      await recordAudit(m, { action: 'auth.session_end', entityType: 'session', entityId: sessionId, concerns: [user.organization?.id] });
    });
  }

  /** The user and session of a bearer token that is still valid; null otherwise. */
  async sessionFromBearer(authorization: string | undefined): Promise<SessionOfToken | null> {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : null;
    if (!token) return null;
    try {
      const claims = accessTokenClaims(
        await this.jwt.verifyAsync<object>(token, { algorithms: ['HS256'] }),
        this.config.accessTokenTtlSeconds,
      );
      return claims && (await this.users.findActiveForToken(claims)) ? { userId: claims.sub, sessionId: claims.sid } : null;
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

  /** Ends a session of this user: its refresh tokens are revoked, and its access tokens fail the per-request session check. */
  private async revokeSession(m: EntityManager, userId: string, sessionId: string): Promise<boolean> {
    const ended = await m.query<{ id: string }[]>(
      `WITH ended AS (UPDATE auth_sessions SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id)
       SELECT id FROM ended`,
      [sessionId, userId],
    );
    await m.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND user_id = $2 AND revoked_at IS NULL`, [
      sessionId,
      userId,
    ]);
    this.sessionCache?.forget(userId);
    return ended.length > 0;
  }

  private async organizationOf(m: EntityManager, userId: string): Promise<string | null> {
    const [row] = await m.query<{ organization_id: string | null }[]>(`SELECT organization_id FROM users WHERE id = $1`, [userId]);
    return row?.organization_id ?? null;
  }

  private async issue(user: AuthenticatedUser, familyId: string): Promise<IssuedSession> {
    const refreshToken = newRefreshToken();
    const refreshMaxAgeSeconds = this.config.refreshTokenTtlDays * 24 * 3600;
    await this.dataSource.query(
      `INSERT INTO refresh_tokens (user_id, token_hash, family_id, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [user.id, hashToken(refreshToken), familyId, refreshMaxAgeSeconds],
    );
    const payload: AccessTokenPayload = { sub: user.id, tv: user.tokenVersion, sid: familyId };
    const accessToken = await this.jwt.signAsync(payload);
    const { tokenVersion: _hidden, sessionId: _session, ...publicUser } = user;
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
