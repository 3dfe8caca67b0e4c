import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MySignInResponse, SignInMethodResponse } from '@samspill/contracts';
import { emailDomainOf, emailIsVerified, scopesToRequest } from '@samspill/domain';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit-trail';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AuthService, type IssuedSession, type SessionOfToken } from '../auth/auth.service';
import { hashPassword } from '../auth/passwords';
import { hashToken, newRefreshToken } from '../auth/tokens';
import { DomainException } from '../common/domain-exception';
import { toAuthenticatedUser } from '../users/user.mapper';
import { UsersService } from '../users/users.service';
import { addressesOn, IdentityProvidersService, type ProviderRow } from './identity-providers.service';
import {
  buildAuthorizationUrl,
  buildEndSessionUrl,
  calculatePKCECodeChallenge,
  discover,
  exchangeCode,
  randomNonce,
  randomPKCECodeVerifier,
  randomState,
} from './oidc-client';
import { passwordSignInRefused } from './password-policy';
import { safeReturnUrl } from './return-url';

/** How long a person has between the redirect to the provider and the callback. */
const SIGN_IN_MINUTES = 10;

export interface StartedSignIn {
  response: SignInMethodResponse;
  /** For `oidc`: the value of the cookie that binds the sign-in to this browser. */
  browserToken: string | null;
}

export interface FinishedSignIn {
  session: IssuedSession;
  returnUrl: string;
}

interface PendingSignIn {
  organization_id: string;
  browser_hash: string;
  nonce: string;
  code_verifier: string;
  redirect_uri: string;
  return_url: string | null;
  fresh: boolean;
}

/**
 * E-mail-first sign-in: an address in a domain an organisation's provider
 * covers goes there (authorization code flow with PKCE, state and nonce);
 * the callback validates the ID token and signs the person in with the same
 * sessions and refresh tokens as a password sign-in.
 */
@Injectable()
export class SingleSignOnService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly providers: IdentityProvidersService,
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  /**
   * `password` for every address whose domain has no provider, known or not; `oidc` and the provider's address
   * for every address in a covered domain, known or not: the answer tells nothing about accounts.
   */
  async start(email: string, origin: string, returnUrl: string | undefined): Promise<StartedSignIn> {
    const domain = emailDomainOf(email);
    const provider = domain ? await this.providers.forDomain(domain) : null;
    if (!provider) return { response: { method: 'password' }, browserToken: null };
    const config = await discover(await this.providers.clientOf(provider));
    const state = randomState();
    const nonce = randomNonce();
    const codeVerifier = randomPKCECodeVerifier();
    const browserToken = newRefreshToken();
    const { redirectUri } = addressesOn(origin);
    const parameters: Record<string, string> = {
      redirect_uri: redirectUri,
      scope: scopesToRequest(provider.scopes).join(' '),
      state,
      nonce,
      code_challenge: await calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      login_hint: email,
    };
    if (provider.acr_values.length > 0) parameters['acr_values'] = provider.acr_values.join(' ');
    const redirectUrl = buildAuthorizationUrl(config, parameters).href;
    await this.dataSource.transaction(async (m) => {
      // Sign-ins never finished are swept here, by the next one to start.
      await m.query(`DELETE FROM sso_sign_ins WHERE expires_at < now() - interval '1 hour'`);
      await m.query(
        `INSERT INTO sso_sign_ins (state_hash, browser_hash, organization_id, nonce, code_verifier, redirect_uri, return_url, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(mins => $8))`,
        [
          hashToken(state),
          hashToken(browserToken),
          provider.organization_id,
          nonce,
          codeVerifier,
          redirectUri,
          safeReturnUrl(returnUrl),
          SIGN_IN_MINUTES,
        ],
      );
    });
    return { response: { method: 'oidc', redirectUrl }, browserToken };
  }

  /**
   * The provider sent the browser back. Everything is checked before anything is written: the sign-in is this
   * browser's and still open, the token is valid, the address verified and in the organisation's domains, and the
   * person is (or may become) one of its people. Then a session starts, as a password sign-in's would.
   */
  async finish(
    query: URLSearchParams,
    browserToken: string | undefined,
    device: { ip: string; userAgent: string | null },
  ): Promise<FinishedSignIn> {
    const state = query.get('state');
    if (!state || state.length > 500) throw stateInvalid();
    const [pending] = await this.dataSource.query<PendingSignIn[]>(
      `WITH spent AS (DELETE FROM sso_sign_ins WHERE state_hash = $1 RETURNING *)
       SELECT organization_id, browser_hash, nonce, code_verifier, redirect_uri, return_url, expires_at > now() AS fresh FROM spent`,
      [hashToken(state)],
    );
    if (!pending || !pending.fresh || !browserToken || hashToken(browserToken) !== pending.browser_hash) throw stateInvalid();
    const provider = await this.providers.forOrganization(this.dataSource.manager, pending.organization_id);
    if (!provider) throw stateInvalid();
    const config = await discover(await this.providers.clientOf(provider));
    const callbackUrl = new URL(pending.redirect_uri);
    callbackUrl.search = query.toString();
    const { claims, idToken } = await exchangeCode(config, callbackUrl, {
      state,
      nonce: pending.nonce,
      codeVerifier: pending.code_verifier,
    });

    const email = typeof claims['email'] === 'string' ? claims['email'].trim().toLowerCase() : null;
    if (!email || email.length > 254 || !emailIsVerified(claims)) {
      throw new DomainException(
        'SSO_EMAIL_NOT_VERIFIED',
        'The identity provider did not confirm your e-mail address, so Samspill cannot tell who you are. Ask your IT department to verify it.',
      );
    }
    if (!provider.email_domains.includes(emailDomainOf(email) ?? '')) {
      throw new DomainException(
        'SSO_OTHER_ORGANIZATION',
        `The address ${email.slice(0, 80)} does not belong to ${provider.organization_name}. Sign in with your own organisation's address.`,
      );
    }
    const name =
      typeof claims['name'] === 'string' && claims['name'].trim() ? claims['name'].trim().slice(0, 200) : (email.split('@')[0] ?? email);
    const userId = await this.dataSource.transaction((m) => this.personFor(m, provider, email, name));
    const user = toAuthenticatedUser(await this.users.getById(userId));
    const session = await this.auth.startSession(user, { ...device, via: 'oidc' });
    const box = await this.providers.secretBox();
    const sessionId = await this.sessionOf(session.refreshToken);
    if (!sessionId) throw new Error('the session just started has no refresh token');
    await this.dataSource.query(
      `INSERT INTO sso_sessions (session_id, organization_id, issuer, subject, id_token_encrypted, post_logout_uri) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        sessionId,
        provider.organization_id,
        provider.issuer,
        claims.sub,
        box.seal(idToken, idTokenPurpose(sessionId)),
        addressesOn(new URL(pending.redirect_uri).origin).postLogoutRedirectUri,
      ],
    );
    return { session, returnUrl: pending.return_url ?? '/' };
  }

  /** Where to send the browser to sign out at the provider too, for a session that began there; null otherwise. */
  async endSessionUrl(rawRefreshToken: string | undefined, bearer: SessionOfToken | null): Promise<string | null> {
    const sessionId = (rawRefreshToken ? await this.sessionOf(rawRefreshToken) : null) ?? bearer?.sessionId ?? null;
    if (!sessionId) return null;
    const [row] = await this.dataSource.query<
      { session_id: string; organization_id: string; id_token_encrypted: string; post_logout_uri: string }[]
    >(
      `SELECT s.session_id, s.organization_id, s.id_token_encrypted, s.post_logout_uri FROM sso_sessions s
       JOIN auth_sessions a ON a.id = s.session_id WHERE s.session_id = $1 AND a.revoked_at IS NULL`,
      [sessionId],
    );
    if (!row) return null;
    const provider = await this.providers.forOrganization(this.dataSource.manager, row.organization_id);
    if (!provider) return null;
    try {
      const config = await discover(await this.providers.clientOf(provider));
      if (!config.serverMetadata().end_session_endpoint) return null;
      const box = await this.providers.secretBox();
      return buildEndSessionUrl(config, {
        id_token_hint: box.open(row.id_token_encrypted, idTokenPurpose(row.session_id)),
        post_logout_redirect_uri: row.post_logout_uri,
        client_id: provider.client_id,
      }).href;
    } catch {
      // The provider cannot be reached: signing out of Samspill still happens.
      return null;
    }
  }

  /** How this person signs in, for their profile. */
  async mySignIn(user: AuthenticatedUser): Promise<MySignInResponse> {
    const [row] = await this.dataSource.query<{ issuer: string | null; via_sso: boolean }[]>(
      `SELECT (SELECT issuer FROM identity_providers WHERE organization_id = $2::uuid) AS issuer,
              EXISTS (SELECT 1 FROM sso_sessions WHERE session_id = $1::uuid) AS via_sso`,
      [user.sessionId ?? null, user.organization?.id ?? null],
    );
    const refused = await passwordSignInRefused(this.dataSource, user.email, {
      organizationId: user.organization?.id ?? null,
      role: user.role,
      passwordRight: true,
    });
    return {
      currentSession: row?.via_sso ? 'oidc' : 'password',
      issuer: row?.issuer ?? null,
      organizationName: user.organization?.name ?? null,
      passwordAllowed: !refused,
    };
  }

  /** An account of this organisation, one made from an open invitation, or (where the organisation allows it) a new one. */
  private async personFor(m: EntityManager, provider: ProviderRow, email: string, name: string): Promise<string> {
    const [existing] = await m.query<{ id: string; organization_id: string | null; active: boolean }[]>(
      `SELECT id, organization_id, active FROM users WHERE email = $1`,
      [email],
    );
    if (existing) {
      if (existing.organization_id !== provider.organization_id) {
        throw new DomainException(
          'SSO_OTHER_ORGANIZATION',
          `Your Samspill account belongs to another organisation than ${provider.organization_name}. Sign in the way that organisation does.`,
        );
      }
      if (!existing.active) {
        throw new DomainException(
          'SSO_ACCOUNT_INACTIVE',
          'Your Samspill account is deactivated. Ask a leader in your organisation if you need it again.',
        );
      }
      return existing.id;
    }
    // Nobody signs in with these passwords: the account opens through the provider (or a reset, if the organisation allows passwords).
    const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
    const [invitation] = await m.query<
      { id: string; name: string; role: 'staff' | 'leader' | 'politician' | 'admin'; locale: 'nb' | 'en' }[]
    >(
      `SELECT id, name, role, locale FROM invitations
       WHERE email = $1 AND organization_id = $2 AND accepted_at IS NULL AND withdrawn_at IS NULL AND expires_at > now()
       ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [email, provider.organization_id],
    );
    if (invitation) {
      const userId = await this.users.createUser(m, {
        email,
        name: invitation.name,
        role: invitation.role,
        organizationId: provider.organization_id,
        passwordHash,
        locale: invitation.locale,
      });
      await m.query(`UPDATE invitations SET accepted_at = now(), accepted_user_id = $2 WHERE id = $1`, [invitation.id, userId]);
      await recordAudit(m, {
        action: 'invitation.accept',
        entityType: 'invitation',
        entityId: invitation.id,
        concerns: [provider.organization_id],
        actor: { id: userId, organizationId: provider.organization_id },
        after: { userId, via: 'oidc' },
      });
      return userId;
    }
    if (!provider.create_unknown_users) {
      throw new DomainException(
        'SSO_NOT_INVITED',
        `You are not yet a member of ${provider.organization_name} in Samspill. Ask a leader in your organisation to invite you.`,
      );
    }
    return this.users.createUser(m, { email, name, role: 'staff', organizationId: provider.organization_id, passwordHash, locale: 'nb' });
  }

  private async sessionOf(rawRefreshToken: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ family_id: string }[]>(`SELECT family_id FROM refresh_tokens WHERE token_hash = $1`, [
      hashToken(rawRefreshToken),
    ]);
    return row?.family_id ?? null;
  }
}

const idTokenPurpose = (sessionId: string) => `sso-session-id-token:${sessionId}`;

function stateInvalid(): DomainException {
  return new DomainException(
    'SSO_STATE_INVALID',
    'This sign-in could not be matched to one started in this browser, or it took longer than ten minutes. Start again from the sign-in page.',
  );
}
