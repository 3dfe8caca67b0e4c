import { type APIRequestContext, expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, signIn } from './support/app';
import { apiToken } from './support/collaboration';

/**
 * A new person of Gran kommune who reads bokmål. A choice of language is saved to the person's profile,
 * so these tests switch only their own person's language, never that of a demo account other tests use.
 */
async function newColleague(request: APIRequestContext): Promise<string> {
  const token = await apiToken(request, DEMO_ACCOUNTS.admin);
  const headers = { Authorization: `Bearer ${token}` };
  const organizations = (await (await request.get('/api/organizations?limit=500', { headers })).json()) as { id: string; name: string }[];
  const gran = organizations.find((o) => o.name === 'Gran kommune');
  const email = `kollega.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@gran.kommune.no`;
  const response = await request.post('/api/users', {
    headers,
    data: { email, name: 'Kari Kollega', role: 'staff', organizationId: gran?.id, password: DEMO_PASSWORD },
  });
  expect(response.status()).toBe(201);
  return email;
}

test('switching to English changes what the person sees, and is remembered', async ({ page, request }) => {
  await signIn(page, await newColleague(request));
  await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();

  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Staff · Gran kommune');
  await expect(page.getByRole('heading', { level: 2, name: 'The three questions' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Overview – Samspill');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');

  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Organisations' })).toBeVisible();

  await page.getByRole('button', { name: 'Norsk (bokmål)' }).click();
  await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
});

test('offers all six languages, each named in itself', async ({ page, request }) => {
  await signIn(page, await newColleague(request));
  const names = ['Norsk (bokmål)', 'Norsk (nynorsk)', 'Dansk', 'Svenska', 'Suomi', 'English'];
  for (const name of names) await expect(page.getByRole('button', { name, exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.getByRole('button', { name: 'Log ud' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Dansk' })).toHaveAttribute('aria-pressed', 'true');
});

test('a language chosen on one device follows the person to another', async ({ browser, request }) => {
  const email = await newColleague(request);
  const laptop = await browser.newPage();
  await signIn(laptop, email);
  await laptop.getByRole('button', { name: 'Svenska' }).click();
  await expect(laptop.locator('html')).toHaveAttribute('lang', 'sv');
  // Saved to the profile, not only on this device.
  const token = await (await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } })).json();
  await expect
    .poll(
      async () =>
        (
          (await (await request.get('/api/auth/me', { headers: { Authorization: `Bearer ${token.accessToken}` } })).json()) as {
            locale: string;
          }
        ).locale,
    )
    .toBe('sv');

  // Another device, never told: after signing in (with the form in bokmål) Samspill speaks Swedish.
  const phone = await (await browser.newContext({ locale: 'nb-NO' })).newPage();
  await phone.goto('/sign-in');
  await phone.getByLabel('E-post').fill(email);
  await phone.getByLabel('Passord').fill(DEMO_PASSWORD);
  await phone.getByRole('button', { name: 'Logg inn' }).click();
  await expect(phone.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(phone.getByRole('button', { name: 'Svenska' })).toHaveAttribute('aria-pressed', 'true');

  // Switching there comes back to the first device at its next renewal (a reload).
  await phone.getByRole('button', { name: 'Suomi' }).click();
  await expect(phone.locator('html')).toHaveAttribute('lang', 'fi');
  await expect
    .poll(
      async () =>
        (
          (await (await request.get('/api/auth/me', { headers: { Authorization: `Bearer ${token.accessToken}` } })).json()) as {
            locale: string;
          }
        ).locale,
    )
    .toBe('fi');
  await laptop.reload();
  await expect(laptop.locator('html')).toHaveAttribute('lang', 'fi');
});
