import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IdentityProviderDto, IdentityProviderResponse, IdentityProviderTestResponse } from '@samspill/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit-trail';
import { DomainException, notFound } from '../common/domain-exception';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { checkedIssuer, discover, type ProviderClient } from './oidc-client';
import { loadSecretKey, SecretBox } from './secret-box';

export interface ProviderRow {
  organization_id: string;
  organization_name: string;
  issuer: string;
  client_id: string;
  client_secret_encrypted: string;
  email_domains: string[];
  scopes: string[];
  acr_values: string[];
  allow_password: boolean;
  create_unknown_users: boolean;
  version: number;
  updated_at: Date;
}

const SELECT = `SELECT p.organization_id, o.name AS organization_name, p.issuer, p.client_id, p.client_secret_encrypted,
    coalesce((SELECT array_agg(d.domain ORDER BY d.domain) FROM identity_provider_domains d WHERE d.organization_id = p.organization_id),
             '{}') AS email_domains,
    p.scopes, p.acr_values, p.allow_password, p.create_unknown_users, p.version, p.updated_at
  FROM identity_providers p JOIN organizations o ON o.id = p.organization_id`;

/** Where the browser comes back to: the API's callback and the web app's sign-in page, on one origin. */
export interface Addresses {
  redirectUri: string;
  postLogoutRedirectUri: string;
}

export function addressesOn(origin: string): Addresses {
  return { redirectUri: `${origin}/api/auth/oidc/callback`, postLogoutRedirectUri: `${origin}/sign-in` };
}

/**
 * An organisation's OpenID Connect provider: settings an administrator
 * keeps, the client secret sealed with AES-256-GCM and never handed out.
 */
@Injectable()
export class IdentityProvidersService {
  private box: Promise<SecretBox> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(organizationId: string, origin: string): Promise<IdentityProviderResponse> {
    const row = await this.find(this.dataSource.manager, organizationId);
    if (!row) throw notFound('identity provider');
    return toResponse(row, origin);
  }

  /** Connects or changes the provider; a domain that another organisation's provider covers is refused. */
  async put(organizationId: string, dto: IdentityProviderDto, origin: string): Promise<IdentityProviderResponse> {
    checkedIssuer(dto.issuer);
    const domains = [...new Set(dto.emailDomains)];
    const box = await this.secretBox();
    await this.dataSource.transaction(async (m) => {
      const [organization] = await m.query<{ id: string }[]>(`SELECT id FROM organizations WHERE id = $1 FOR UPDATE`, [organizationId]);
      if (!organization) throw notFound('organization');
      const before = await this.find(m, organizationId);
      if (dto.version !== undefined && before && before.version !== dto.version) throw stale();
      if (!before && dto.clientSecret === undefined) {
        throw new DomainException('VALIDATION_FAILED', 'clientSecret is required when an organisation connects its first provider');
      }
      const [taken] = await m.query<{ domain: string; name: string }[]>(
        `SELECT d.domain, o.name FROM identity_provider_domains d JOIN organizations o ON o.id = d.organization_id
         WHERE d.domain = ANY($1::text[]) AND d.organization_id <> $2 LIMIT 1`,
        [domains, organizationId],
      );
      if (taken) {
        throw new DomainException(
          'EMAIL_DOMAIN_TAKEN',
          `The domain ${taken.domain} already signs in through ${taken.name.slice(0, 80)}.`,
          409,
        );
      }
      const sealed = dto.clientSecret !== undefined ? box.seal(dto.clientSecret, purposeOf(organizationId)) : null;
      const values = [
        organizationId,
        dto.issuer,
        dto.clientId,
        sealed,
        dto.scopes ?? [],
        dto.acrValues ?? [],
        dto.allowPassword,
        dto.createUnknownUsers,
      ];
      if (before) {
        await m.query(
          `UPDATE identity_providers SET issuer = $2, client_id = $3, client_secret_encrypted = coalesce($4, client_secret_encrypted),
             scopes = $5, acr_values = $6, allow_password = $7, create_unknown_users = $8, version = version + 1, updated_at = now()
           WHERE organization_id = $1`,
          values,
        );
      } else {
        await m.query(
          `INSERT INTO identity_providers (organization_id, issuer, client_id, client_secret_encrypted, scopes, acr_values,
             allow_password, create_unknown_users) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          values,
        );
      }
      await m.query(`DELETE FROM identity_provider_domains WHERE organization_id = $1 AND NOT (domain = ANY($2::text[]))`, [
        organizationId,
        domains,
      ]);
      await m.query(
        `INSERT INTO identity_provider_domains (domain, organization_id) SELECT unnest($2::text[]), $1 ON CONFLICT (domain) DO NOTHING`,
        [organizationId, domains],
      );
      // A sign-in under way keeps the settings it started with only until its callback: those of a changed provider stop.
      await m.query(`DELETE FROM sso_sign_ins WHERE organization_id = $1`, [organizationId]);
      await recordAudit(m, {
        action: before ? 'organization.identity_provider_change' : 'organization.identity_provider_connect',
        entityType: 'organization',
        entityId: organizationId,
        concerns: [organizationId],
        before: before ? settingsOf(before) : null,
        after: { ...settingsOf({ ...dto, email_domains: domains }), clientSecretChanged: dto.clientSecret !== undefined },
      });
    });
    return this.get(organizationId, origin);
  }

  /** Disconnects the provider: its people sign in with a password again (those who have none ask for a reset). */
  async remove(organizationId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.find(m, organizationId);
      if (!before) throw notFound('identity provider');
      await m.query(`DELETE FROM identity_providers WHERE organization_id = $1`, [organizationId]);
      await recordAudit(m, {
        action: 'organization.identity_provider_remove',
        entityType: 'organization',
        entityId: organizationId,
        concerns: [organizationId],
        before: settingsOf(before),
      });
    });
  }

  /** "Test the connection": discovery at the issuer, fresh, without credentials. */
  async test(issuer: string): Promise<IdentityProviderTestResponse> {
    const config = await discover({ issuer, clientId: 'samspill-connection-test', clientSecret: '' }, true);
    const m = config.serverMetadata();
    return {
      issuer: m.issuer,
      authorizationEndpoint: m.authorization_endpoint ?? '',
      tokenEndpoint: m.token_endpoint ?? '',
      endSessionEndpoint: m.end_session_endpoint ?? null,
      scopesSupported: m.scopes_supported ?? [],
      acrValuesSupported: Array.isArray(m['acr_values_supported']) ? (m['acr_values_supported'] as string[]) : [],
      pkce: !m.code_challenge_methods_supported || m.code_challenge_methods_supported.includes('S256'),
    };
  }

  /** The provider whose domains include this one, if any. */
  async forDomain(domain: string): Promise<ProviderRow | null> {
    const [row] = await this.dataSource.query<ProviderRow[]>(
      `${SELECT} WHERE p.organization_id = (SELECT organization_id FROM identity_provider_domains WHERE domain = $1)`,
      [domain],
    );
    return row ?? null;
  }

  async forOrganization(m: EntityManager, organizationId: string): Promise<ProviderRow | null> {
    return this.find(m, organizationId);
  }

  /** The credentials openid-client needs, the secret unsealed only here. */
  async clientOf(row: ProviderRow): Promise<ProviderClient> {
    const box = await this.secretBox();
    return {
      issuer: row.issuer,
      clientId: row.client_id,
      clientSecret: box.open(row.client_secret_encrypted, purposeOf(row.organization_id)),
    };
  }

  secretBox(): Promise<SecretBox> {
    this.box ??= loadSecretKey(this.config.oidcSecretKey, this.config.dataDir).then(SecretBox.fromKey);
    return this.box;
  }

  private async find(m: EntityManager, organizationId: string): Promise<ProviderRow | null> {
    const [row] = await m.query<ProviderRow[]>(`${SELECT} WHERE p.organization_id = $1`, [organizationId]);
    return row ?? null;
  }
}

/** The secret is bound to its organisation: a sealed value copied to another row does not open. */
const purposeOf = (organizationId: string) => `identity-provider-client-secret:${organizationId}`;

function stale(): ConflictException {
  return new ConflictException({
    code: 'STALE_VERSION',
    message: 'Someone else changed these settings after you opened them. Reload them to see their changes, then try again.',
  });
}

function settingsOf(s: {
  issuer: string;
  client_id?: string;
  clientId?: string;
  email_domains: string[];
  scopes?: string[];
  acr_values?: string[];
  acrValues?: string[];
  allow_password?: boolean;
  allowPassword?: boolean;
  create_unknown_users?: boolean;
  createUnknownUsers?: boolean;
}) {
  return {
    issuer: s.issuer,
    clientId: s.client_id ?? s.clientId,
    emailDomains: s.email_domains,
    scopes: s.scopes ?? [],
    acrValues: s.acr_values ?? s.acrValues ?? [],
    allowPassword: s.allow_password ?? s.allowPassword,
    createUnknownUsers: s.create_unknown_users ?? s.createUnknownUsers,
  };
}

function toResponse(r: ProviderRow, origin: string): IdentityProviderResponse {
  return {
    organizationId: r.organization_id,
    issuer: r.issuer,
    clientId: r.client_id,
    emailDomains: r.email_domains,
    scopes: r.scopes,
    acrValues: r.acr_values,
    allowPassword: r.allow_password,
    createUnknownUsers: r.create_unknown_users,
    ...addressesOn(origin),
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  };
}
