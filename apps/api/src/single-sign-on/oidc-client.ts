import { issuerProblem } from '@samspill/domain';
import * as oidc from 'openid-client';
import { DomainException } from '../common/domain-exception';

/** How long a provider's discovery document is reused before it is fetched again. */
const DISCOVERY_TTL_MS = 5 * 60_000;
/** A provider that does not answer within this is reported unavailable (seconds, as openid-client counts). */
const TIMEOUT_SECONDS = 5;

export interface ProviderClient {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

const cache = new Map<string, { at: number; config: oidc.Configuration }>();

/** The issuer, checked for its scheme before any request is made to it. */
export function checkedIssuer(issuer: string): URL {
  const problem = issuerProblem(issuer);
  if (problem) {
    const message = {
      NOT_A_URL: 'The issuer must be a web address such as https://login.microsoftonline.com/<tenant>/v2.0.',
      NOT_HTTPS: 'The issuer must use https:// (plain http:// only on localhost and 127.0.0.1).',
      HAS_QUERY: 'The issuer must not have a query (?…) or a fragment (#…).',
    }[problem];
    throw new DomainException('INVALID_ISSUER', message, 400, problem);
  }
  return new URL(issuer);
}

function unavailable(issuer: string): DomainException {
  return new DomainException(
    'SSO_PROVIDER_UNAVAILABLE',
    `The identity provider at ${issuer.slice(0, 80)} did not answer as an OpenID Connect provider. Try again, or ask an administrator to test the connection.`,
  );
}

/**
 * The provider's configuration through discovery (`/.well-known/openid-configuration` below the issuer, whose
 * `issuer` must equal it exactly), with the client's credentials. Plain http is allowed only where issuerProblem()
 * allows it. Reused for a few minutes per issuer and client.
 */
export async function discover(client: ProviderClient, fresh = false): Promise<oidc.Configuration> {
  const url = checkedIssuer(client.issuer);
  const key = `${client.issuer}\n${client.clientId}\n${client.clientSecret}`;
  const hit = cache.get(key);
  if (!fresh && hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
  try {
    const config = await oidc.discovery(url, client.clientId, client.clientSecret, undefined, {
      execute: url.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
      timeout: TIMEOUT_SECONDS,
    });
    if (cache.size > 500) cache.clear();
    cache.set(key, { at: Date.now(), config });
    return config;
  } catch {
    throw unavailable(client.issuer);
  }
}

export const { randomState, randomNonce, randomPKCECodeVerifier, calculatePKCECodeChallenge, buildAuthorizationUrl, buildEndSessionUrl } =
  oidc;

type TokenRefusal = 'SSO_NONCE_MISMATCH' | 'SSO_ISSUER_MISMATCH' | 'SSO_TOKEN_EXPIRED' | 'SSO_TOKEN_INVALID';

/**
 * The code exchanged and the ID token validated by openid-client: the `iss` response parameter (RFC 9207), then
 * the token's signature (the provider's JWKS), issuer, audience, expiry and nonce, and the PKCE verifier at the
 * token endpoint. Refusals become domain exceptions with a code the person is told in words.
 */
export async function exchangeCode(
  config: oidc.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<{ claims: oidc.IDToken; idToken: string }> {
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.codeVerifier,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) throw new DomainException('SSO_TOKEN_INVALID', TOKEN_MESSAGES.SSO_TOKEN_INVALID);
    return { claims, idToken: tokens.id_token };
  } catch (error) {
    throw refusalOf(error);
  }
}

function refusalOf(error: unknown): DomainException {
  if (error instanceof DomainException) return error;
  if (error instanceof oidc.AuthorizationResponseError) {
    return new DomainException('SSO_PROVIDER_REFUSED', 'The identity provider did not sign you in. Try again, or ask your IT department.');
  }
  // openid-client wraps oauth4webapi's error (its `cause`), whose own `cause` names the claim that failed.
  type Failure = { code?: string; message?: string; cause?: Failure & { claim?: string } };
  const e = error as Failure;
  const claim = e.cause?.claim ?? e.cause?.cause?.claim;
  const said = `${e.message ?? ''} ${e.cause?.message ?? ''}`;
  const code: TokenRefusal =
    e.code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED'
      ? 'SSO_TOKEN_EXPIRED'
      : e.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && claim === 'nonce'
        ? 'SSO_NONCE_MISMATCH'
        : (e.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && claim === 'iss') || (e.code === 'OAUTH_INVALID_RESPONSE' && /"iss"/.test(said))
          ? 'SSO_ISSUER_MISMATCH'
          : 'SSO_TOKEN_INVALID';
  if (code === 'SSO_TOKEN_INVALID' && error instanceof TypeError) {
    return new DomainException('SSO_PROVIDER_UNAVAILABLE', 'The identity provider did not answer. Try again in a moment.');
  }
  return new DomainException(code, TOKEN_MESSAGES[code]);
}

const TOKEN_MESSAGES: Record<TokenRefusal, string> = {
  SSO_NONCE_MISMATCH: 'The answer from the identity provider does not belong to this sign-in. Start again from the sign-in page.',
  SSO_ISSUER_MISMATCH: 'The answer came from another identity provider than the one your organisation uses.',
  SSO_TOKEN_EXPIRED: 'The identity provider’s answer had expired. Start again from the sign-in page.',
  SSO_TOKEN_INVALID: 'The identity provider’s answer could not be verified. Start again from the sign-in page.',
};
