import { type APIRequestContext, expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './support/app';
import { newPersonOf } from './support/collaboration';

const newColleague = (request: APIRequestContext) => newPersonOf(request, 'Gran kommune', 'staff');

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
