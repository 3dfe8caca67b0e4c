import { type APIRequestContext, expect, request as playwrightRequest, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, accessibilityViolations, signIn } from './support/app';
import { startTestProvider, type TestProvider } from './support/oidc-provider';

/*
 * Signing in through an organisation's own identity provider, in Chromium: the e-mail-first step, the
 * provider's own login page (oidc-provider, a real OpenID Connect provider on localhost), the callback, the
 * signed-in Samspill, and signing out at the provider too. The organisation is made here, so no other test's
 * people are sent to a provider.
 */

const suffix = randomUUID().slice(0, 8);
const domain = `sso${suffix}.kommune.no`;
const organizationName = `Innlogging ${suffix} kommune`;
const person = { email: `kari@${domain}`, name: 'Kari Nordmann' };
let provider: TestProvider;
let api: APIRequestContext;
let token: string;
let organizationId: string;

test.describe.configure({ mode: 'serial' });
// Each goes through the provider and runs axe more than once: slow on a shared machine.
test.slow();

test.beforeAll(async ({ baseURL }) => {
  const origin = baseURL ?? '';
  provider = await startTestProvider({
    clients: [
      {
        client_id: 'samspill',
        client_secret: 'nettleser-hemmelighet',
        redirect_uris: [`${origin}/api/auth/oidc/callback`],
        post_logout_redirect_uris: [`${origin}/sign-in`],
      },
    ],
    accounts: [person, { email: `ukjent@${domain}`, name: 'Ulf Ukjent' }],
  });
  api = await playwrightRequest.newContext({ baseURL: origin });
  const login = await api.post('/api/auth/login', { data: { email: DEMO_ACCOUNTS.admin, password: DEMO_PASSWORD } });
  token = ((await login.json()) as { accessToken: string }).accessToken;
  const headers = { authorization: `Bearer ${token}` };
  const organization = await api.post('/api/organizations', {
    headers,
    data: { name: organizationName, kind: 'municipality', country: 'NO' },
  });
  expect(organization.status()).toBe(201);
  organizationId = ((await organization.json()) as { id: string }).id;
  const user = await api.post('/api/users', {
    headers,
    data: { ...person, role: 'staff', organizationId, password: `${randomUUID()}-ingen-bruker-dette` },
  });
  expect(user.status()).toBe(201);
});

test.afterAll(async () => {
  await api?.dispose();
  await provider?.stop();
});

test('an administrator connects the organisation to its provider, testing the connection first', async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.admin);
  await page.getByRole('link', { name: 'Organisasjoner' }).click();
  await page.getByRole('link', { name: `Innlogging for ${organizationName}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Innlogging for ${organizationName}` })).toBeVisible();
  await expect(page).toHaveTitle('Innlogging – Samspill');
  await expect(page.getByText('Organisasjonen er ikke koblet til en identitetsleverandør.')).toBeVisible();

  await page.getByLabel('Utsteder (issuer)').fill(provider.issuer);
  await page.getByRole('button', { name: 'Test tilkoblingen' }).click();
  await expect(page.getByText(`Tilkoblingen virker. Fant ${provider.issuer}.`)).toBeVisible();
  await expect(page.getByText(`Utlogging hos leverandøren: ${provider.issuer}/session/end`)).toBeVisible();

  // Sent without the rest: each missing field says so, and the summary is focused.
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.locator('.ds-error-summary')).toBeFocused();
  await expect(page.locator('#clientId-error')).toHaveText('Skriv klient-ID-en.');
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.getByLabel('Klient-ID').fill('samspill');
  await page.getByLabel('Klienthemmelighet').fill('nettleser-hemmelighet');
  await page.getByLabel('E-postdomener').fill(domain);
  await page.getByLabel('Folk i organisasjonen kan fortsatt logge inn med passord').uncheck();
  // The keyboard alone sends the form: Enter in a field.
  await page.getByLabel('E-postdomener').press('Enter');
  await expect(page.getByText('Innloggingen er lagret.')).toBeVisible();
  await expect(page.getByText(`${new URL(page.url()).origin}/api/auth/oidc/callback`)).toBeVisible();
  await expect(page.getByLabel('Klienthemmelighet')).toHaveValue('');
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('a person signs in at the provider and out again, with the e-mail first and the keyboard', async ({ page }) => {
  await page.goto('/sign-in');
  const email = page.getByLabel('E-post');
  await email.focus();
  await page.keyboard.type(person.email);
  await page.keyboard.press('Tab');
  // The address decides: no password here, the organisation's own sign-in instead.
  await expect(page.getByLabel('Passord')).toHaveCount(0);
  await expect(page.getByText('Organisasjonen din logger inn med sin egen innlogging.')).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await expect(page.getByRole('button', { name: 'Fortsett til innlogging' })).toBeFocused();
  await page.keyboard.press('Enter');

  // The provider's own login page.
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.locator('input[name="password"]').fill('hva-som-helst');
  await page.locator('input[name="password"]').press('Enter');

  // Back in Samspill, signed in.
  const header = page.getByRole('banner');
  await expect(header).toContainText(person.name);
  await expect(header).toContainText(organizationName);
  await page.goto('/profile');
  await expect(page.getByText(`Denne gangen logget du inn gjennom identitetsleverandøren til ${organizationName}.`)).toBeVisible();
  await expect(page.getByText('Innlogging med passord er slått av for organisasjonen din.')).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);

  // Signing out ends the Samspill session and goes on to the provider, which sends the browser back.
  await page.getByRole('button', { name: 'Logg ut', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/session/end`));
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Logg inn i Samspill' })).toBeVisible();
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Fprofile$/);
});

test('a person the organisation has not invited is told so in words, and is not signed in', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('E-post').fill(`ukjent@${domain}`);
  await page.getByLabel('E-post').press('Enter');
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.locator('input[name="password"]').fill('hva-som-helst');
  await page.locator('input[name="password"]').press('Enter');

  await expect(page).toHaveURL(/\/sign-in\?error=SSO_NOT_INVITED$/);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Du ble ikke logget inn');
  await expect(alert).toContainText('Be en leder i organisasjonen om å invitere deg.');
  await expect(page.getByText('SSO_NOT_INVITED')).toHaveCount(0);
  expect(await accessibilityViolations(page)).toEqual([]);
});
