import { ConflictException, ForbiddenException, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { CreateUserDto, Locale, OrganizationKind, Role, UpdateProfileDto, UpdateUserDto, UserListQuery } from '@samspill/contracts';
import { type Actor, canSeePerson, type PersonActor, type PersonChangeProblem, personChangeProblem } from '@samspill/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { AccessTokenPayload } from '../auth/tokens';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { changedFields, nothingToRecord, recordAudit } from '../audit/audit-trail';
import { hashPassword } from '../auth/passwords';
import { SessionCache } from '../auth/session-cache';
import { DomainException, notFound } from '../common/domain-exception';
import { onlyRow } from '../database/only-row';
import { checkActive } from '../organizations/check-active';
import { UserEntity } from './user.entity';

/** The signed-in person, if still active, the token version current and the session not revoked ($1 = id, $2 = version, $3 = session). */
const ACTIVE_USER_FOR_TOKEN_SQL = `SELECT u.id, u.email, u.name, u.role, u.locale, u.token_version, o.id AS org_id, o.name AS org_name, o.kind AS org_kind
  FROM users u LEFT JOIN organizations o ON o.id = u.organization_id
  WHERE u.id = $1 AND u.active AND u.token_version = $2
    AND EXISTS (SELECT 1 FROM auth_sessions s WHERE s.id = $3 AND s.user_id = u.id AND s.revoked_at IS NULL)`;

const CHANGE_REFUSALS: Record<PersonChangeProblem, string> = {
  NOT_A_MANAGER: 'Only administrators and leaders manage people.',
  MANAGES_AN_ADMIN: 'Only an administrator may change an administrator.',
  MAKES_AN_ADMIN: 'Only an administrator may make someone an administrator.',
  OWN_ROLE: 'Nobody changes their own role: ask another leader or an administrator.',
  OWN_DEACTIVATION: 'You cannot deactivate your own account: ask another leader or an administrator.',
};

/** A user as it is stored, for a new account (an administrator's, or one made from an accepted invitation). */
export interface NewUser {
  email: string;
  name: string;
  role: Role;
  organizationId: string | null;
  passwordHash: string;
  locale: Locale;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    // Changes to a person drop this process's kept token checks at once; other processes hear PostgreSQL's notice.
    @Optional() private readonly sessions: SessionCache | null = null,
  ) {}

  /**
   * Runs on every request: the user, their organisation, and whether the
   * token is still good, in one plain statement (the hot path skips the ORM).
   */
  async findActiveForToken(token: AccessTokenPayload): Promise<AuthenticatedUser | null> {
    const [row] = await this.dataSource.query<
      {
        id: string;
        email: string;
        name: string;
        role: Role;
        locale: Locale;
        token_version: number;
        org_id: string | null;
        org_name: string | null;
        org_kind: OrganizationKind | null;
      }[]
    >(ACTIVE_USER_FOR_TOKEN_SQL, [token.sub, token.tv, token.sid]);
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      organization: row.org_id ? { id: row.org_id, name: row.org_name ?? '', kind: row.org_kind ?? 'other' } : null,
      locale: row.locale,
      tokenVersion: row.token_version,
      sessionId: token.sid,
    };
  }

  findActiveById(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id, active: true }, relations: { organization: true } });
  }

  /** Includes the password hash, which is otherwise never selected. */
  findByEmailWithPassword(email: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .leftJoinAndSelect('user.organization', 'organization')
      .where('user.email = :email', { email: email.toLowerCase() })
      .getOne();
  }

  findWithPassword(id: string): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('user').addSelect('user.passwordHash').where('user.id = :id', { id }).getOne();
  }

  /** Admins: everyone; a leader: the people of their own organisation (other filters narrow further). By name. */
  async list(actor: Actor, query: UserListQuery): Promise<{ items: UserEntity[]; total: number }> {
    const builder = this.users.createQueryBuilder('user').leftJoinAndSelect('user.organization', 'organization');
    if (actor.role !== 'admin') builder.andWhere('user.organization_id = :own', { own: actor.organizationId });
    if (query.organizationId) builder.andWhere('user.organization_id = :organizationId', { organizationId: query.organizationId });
    if (query.role) builder.andWhere('user.role = :role', { role: query.role });
    if (query.active !== undefined) builder.andWhere('user.active = :active', { active: query.active });
    if (query.q) {
      builder.andWhere('(user.name ILIKE :q OR user.email ILIKE :q)', { q: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    }
    const [items, total] = await builder
      .orderBy('lower(user.name)', 'ASC')
      .addOrderBy('user.id', 'ASC')
      // limit/offset rather than take/skip: the join is many-to-one, so no row repeats and TypeORM needs no DISTINCT subquery.
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0)
      .getManyAndCount();
    return { items, total };
  }

  /** POST /users: an administrator makes an account with a password (an invitation is the usual way). */
  async create(dto: CreateUserDto): Promise<UserEntity> {
    const passwordHash = await hashPassword(dto.password);
    const id = await this.dataSource.transaction((m) =>
      this.createUser(m, {
        email: dto.email,
        name: dto.name,
        role: dto.role,
        organizationId: dto.organizationId ?? null,
        passwordHash,
        locale: dto.locale ?? 'nb',
      }),
    );
    return this.getById(id);
  }

  /** The one way an account comes to be, in the caller's transaction: by an administrator, or from an accepted invitation. */
  async createUser(m: EntityManager, user: NewUser): Promise<string> {
    if (user.role !== 'admin' && !user.organizationId) {
      throw new DomainException('ORGANIZATION_REQUIRED', 'organizationId is required for every role except admin');
    }
    if (user.organizationId) {
      const [found] = await m.query<{ id: string }[]>(`SELECT id FROM organizations WHERE id = $1`, [user.organizationId]);
      if (!found) throw new DomainException('UNKNOWN_ORGANIZATION', 'organizationId does not match any organisation');
      await checkActive(m, [user.organizationId]);
    }
    const [taken] = await m.query<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [user.email]);
    if (taken) throw new DomainException('EMAIL_TAKEN', 'A user with this email already exists', 409);
    const { id } = onlyRow(
      await m.query<{ id: string }[]>(
        `INSERT INTO users (email, name, role, organization_id, password_hash, locale) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [user.email, user.name, user.role, user.organizationId, user.passwordHash, user.locale],
      ),
    );
    await recordAudit(m, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      concerns: [user.organizationId],
      after: { email: user.email, name: user.name, role: user.role, organizationId: user.organizationId, locale: user.locale },
    });
    return id;
  }

  /**
   * Name, role, active (and locale). Admins change anyone; a leader the people of their own
   * organisation, never making or touching an admin; nobody their own role. A role change or
   * deactivation ends the person's sessions.
   */
  async update(actor: PersonActor, id: string, dto: UpdateUserDto): Promise<UserEntity> {
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user || !canSeePerson(actor, user)) throw notFound('user');
      const problem = personChangeProblem(actor, { id: user.id, role: user.role, organizationId: user.organizationId }, dto);
      if (problem) throw new ForbiddenException({ code: 'FORBIDDEN', message: CHANGE_REFUSALS[problem] });
      if (dto.version !== undefined && dto.version !== user.version) {
        throw new ConflictException({
          code: 'STALE_VERSION',
          message: 'Someone else changed this person after you opened it. Reload to see their changes, then try again.',
        });
      }
      if (dto.role && dto.role !== 'admin' && !user.organizationId) {
        throw new DomainException('ORGANIZATION_REQUIRED', 'Only an admin may be without an organisation');
      }
      const before = { name: user.name, role: user.role, active: user.active, locale: user.locale };
      const change = changedFields(before, { name: dto.name, role: dto.role, active: dto.active, locale: dto.locale });
      if (!change) return nothingToRecord();
      await manager.query(
        `UPDATE users SET name = coalesce($2, name), role = coalesce($3, role), active = coalesce($4, active),
                locale = coalesce($5, locale), version = version + 1, updated_at = now()
         WHERE id = $1`,
        [id, dto.name ?? null, dto.role ?? null, dto.active ?? null, dto.locale ?? null],
      );
      const roleChanged = change.after['role'] !== undefined;
      if (roleChanged || change.after['active'] === false) await this.revokeAllSessions(id, manager);
      await recordAudit(manager, {
        action: roleChanged ? 'user.role_change' : 'user.update',
        entityType: 'user',
        entityId: id,
        concerns: [user.organizationId],
        ...change,
      });
    });
    this.sessions?.forget(id);
    return this.getById(id);
  }

  /** What a person changes about themselves: name and language. */
  async updateProfile(user: AuthenticatedUser, dto: UpdateProfileDto): Promise<UserEntity> {
    await this.dataSource.transaction(async (m) => {
      const [current] = await m.query<{ name: string; locale: Locale }[]>(`SELECT name, locale FROM users WHERE id = $1 FOR UPDATE`, [
        user.id,
      ]);
      if (!current) throw notFound('user');
      const change = changedFields(current, { name: dto.name, locale: dto.locale });
      if (!change) return nothingToRecord();
      await m.query(
        `UPDATE users SET name = coalesce($2, name), locale = coalesce($3, locale), version = version + 1, updated_at = now() WHERE id = $1`,
        [user.id, dto.name ?? null, dto.locale ?? null],
      );
      await recordAudit(m, {
        action: 'user.profile_update',
        entityType: 'user',
        entityId: user.id,
        concerns: [user.organization?.id],
        ...change,
      });
    });
    this.sessions?.forget(user.id);
    return this.getById(user.id);
  }

  /**
   * A new password; every session ends. `action` says how: the person changed it
   * (signed in), or set it from a reset link.
   */
  async setPassword(
    id: string,
    newPassword: string,
    action: 'auth.password_change' | 'auth.password_reset',
    manager?: EntityManager,
  ): Promise<void> {
    const passwordHash = await hashPassword(newPassword);
    const run = async (m: EntityManager) => {
      const [user] = await m.query<{ organization_id: string | null }[]>(
        `UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1 RETURNING organization_id`,
        [id, passwordHash],
      );
      if (!user) throw notFound('user');
      await this.revokeAllSessions(id, m);
      await recordAudit(m, {
        action,
        entityType: 'user',
        entityId: id,
        concerns: [user.organization_id],
        actor: { id, organizationId: user.organization_id },
      });
    };
    await (manager ? run(manager) : this.dataSource.transaction(run));
  }

  /** Ends every session: refresh tokens are revoked and every access token issued so far stops working. */
  async revokeAllSessions(userId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [userId]);
    await manager.query(`UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
    await manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
    this.sessions?.forget(userId);
  }

  async getById(id: string): Promise<UserEntity> {
    const user = await this.users.findOne({ where: { id }, relations: { organization: true } });
    if (!user) throw notFound('user');
    return user;
  }
}
