/**
 * Rules for single sign-on through an organisation's own OpenID Connect
 * provider, shared by the API (which enforces them) and the web app (which
 * explains them before a form is sent).
 */

/** Hosts where a provider may speak plain http: development and tests on this machine. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export type IssuerProblem = 'NOT_A_URL' | 'NOT_HTTPS' | 'HAS_QUERY';

/**
 * Why an issuer URL cannot be used, or null when it can: it must be an
 * absolute https URL (http only on localhost or 127.0.0.1), without query or
 * fragment (OpenID Connect Discovery 1.0, section 2, forbids both).
 */
export function issuerProblem(issuer: string): IssuerProblem | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'NOT_A_URL';
  }
  if (url.username || url.password) return 'NOT_A_URL';
  if (url.search || url.hash || issuer.includes('?') || issuer.includes('#')) return 'HAS_QUERY';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return 'NOT_HTTPS';
}

/** The domain of an e-mail address, lower case, or null when the address has none. */
export function emailDomainOf(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return null;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase();
}

/** A bare domain like `gran.kommune.no`: labels of letters, digits and hyphens, at least one dot. */
export const EMAIL_DOMAIN_PATTERN = /^(?=.{3,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * Whether an ID token's claims vouch for this e-mail address. A provider
 * must say the address is verified (`email_verified: true`); Entra ID does
 * not send that claim, but sends `xms_edov: true` (the domain is verified by
 * the tenant that owns it) when the app registration asks for it.
 */
export function emailIsVerified(claims: Readonly<Record<string, unknown>>): boolean {
  return claims['email_verified'] === true || claims['email_verified'] === 'true' || claims['xms_edov'] === true;
}

/** The scopes always asked for: `openid` makes it OpenID Connect, `email` brings the address we match on. */
export const REQUIRED_SCOPES = ['openid', 'email'] as const;

/** The scopes to send: the required ones first, then the organisation's own, each once. */
export function scopesToRequest(extra: readonly string[]): string[] {
  return [...new Set([...REQUIRED_SCOPES, 'profile', ...extra])];
}
