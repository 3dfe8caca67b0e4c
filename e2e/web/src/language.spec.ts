import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, signIn } from './support/app';

test('switching to English changes what the person sees, and is remembered', async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.granStaff);
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
