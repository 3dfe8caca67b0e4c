import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { CreateUserDto, OrganizationKind, PageQuery, Role, UpdateUserDto } from '@samspill/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { AccessTokenPayload } from '../auth/tokens';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { hashPassword } from '../auth/passwords';
import { DomainException, notFound } from '../common/domain-exception';
import { DEFAULT_PAGE_SIZE, type Page, pageByName } from '../common/paging';
import { OrganizationEntity } from '../organizations/organization.entity';
import { UserEntity } from './user.entity';

/** The signed-in person, if still active, the token version current and the session not revoked ($1 = id, $2 = version, $3 = session). */
const ACTIVE_USER_FOR_TOKEN_SQL = `SELECT u.id, u.email, u.name, u.role, u.token_version, o.id AS org_id, o.name AS org_name, o.kind AS org_kind
  FROM users u LEFT JOIN organizations o ON o.id = u.organization_id
  WHERE u.id = $1 AND u.active AND u.token_version = $2
    AND EXISTS (SELECT 1 FROM auth_sessions s WHERE s.id = $3 AND s.user_id = u.id AND s.revoked_at IS NULL)`;

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
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
      tokenVersion: row.token_version,
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

  /** By name, a page at a time. */
  list(page: PageQuery): Promise<Page<UserEntity>> {
    return pageByName(
      this.users.createQueryBuilder('user').leftJoinAndSelect('user.organization', 'organization'),
      page,
      DEFAULT_PAGE_SIZE,
    );
  }

  async create(dto: CreateUserDto): Promise<UserEntity> {
    const organizationId = dto.organizationId ?? null;
    if (dto.role !== 'admin' && !organizationId) {
      throw new DomainException('ORGANIZATION_REQUIRED', 'organizationId is required for every role except admin');
    }
    if (organizationId && !(await this.dataSource.getRepository(OrganizationEntity).existsBy({ id: organizationId }))) {
      throw new DomainException('UNKNOWN_ORGANIZATION', 'organizationId does not match any organisation');
    }
    if (await this.users.existsBy({ email: dto.email })) {
      throw new DomainException('EMAIL_TAKEN', 'A user with this email already exists', 409);
    }
    const passwordHash = await hashPassword(dto.password);
    const saved = await this.users.save(
      this.users.create({
        email: dto.email,
        name: dto.name,
        role: dto.role,
        organizationId,
        passwordHash,
        locale: dto.locale ?? 'nb',
      }),
    );
    return this.getById(saved.id);
  }

  async update(id: string, dto: UpdateUserDto): Promise<UserEntity> {
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('user');
      if (dto.role && dto.role !== 'admin' && !user.organizationId) {
        throw new DomainException('ORGANIZATION_REQUIRED', 'Only an admin may be without an organisation');
      }
      const deactivating = dto.active === false && user.active;
      await manager.update(UserEntity, { id }, { ...dto });
      if (deactivating || (dto.role && dto.role !== user.role)) await this.revokeAllSessions(id, manager);
    });
    return this.getById(id);
  }

  async changePassword(id: string, newPassword: string): Promise<void> {
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id }, { passwordHash });
      await this.revokeAllSessions(id, manager);
    });
  }

  /** Ends every session: refresh tokens are revoked and every access token issued so far stops working. */
  async revokeAllSessions(userId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [userId]);
    await manager.query(`UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
    await manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }

  async getById(id: string): Promise<UserEntity> {
    const user = await this.users.findOne({ where: { id }, relations: { organization: true } });
    if (!user) throw notFound('user');
    return user;
  }
}
