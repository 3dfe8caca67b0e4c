import { emailDomainOf } from '@samspill/domain';
import type { DataSource, EntityManager } from 'typeorm';

export const USE_SINGLE_SIGN_ON_MESSAGE =
  'Your organisation signs in through its own identity provider. Type your e-mail address on the sign-in page and continue there.';

/**
 * Whether a password sign-in is refused because the organisation allows only
 * its own provider. Decided by the address's domain (already public through
 * POST /api/auth/sign-in-method, so it tells nothing about the account), and
 * for a person whose password was right, by their organisation too. An
 * administrator without an organisation is never locked out by a domain.
 */
export async function passwordSignInRefused(
  db: DataSource | EntityManager,
  email: string,
  account: { organizationId: string | null; role: string; passwordRight: boolean } | null,
): Promise<boolean> {
  const domain = emailDomainOf(email);
  const [row] = await db.query<{ by_domain: boolean; by_organization: boolean }[]>(
    `SELECT
       EXISTS (SELECT 1 FROM identity_provider_domains d JOIN identity_providers p ON p.organization_id = d.organization_id
               WHERE d.domain = $1 AND NOT p.allow_password) AS by_domain,
       EXISTS (SELECT 1 FROM identity_providers p WHERE p.organization_id = $2::uuid AND NOT p.allow_password) AS by_organization`,
    [domain ?? '', account?.passwordRight ? account.organizationId : null],
  );
  const adminWithoutOrganization = account !== null && account.role === 'admin' && account.organizationId === null;
  return Boolean((row?.by_domain && !adminWithoutOrganization) || row?.by_organization);
}
