import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, accessibilityViolations } from './support/app';

test.describe('sign-in', () => {
  test('is accessible, before and after a failed attempt', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Logg inn i Samspill' })).toBeVisible();
    await expect(page).toHaveTitle('Logg inn – Samspill');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Logg inn' }).click();
    await expect(page.getByText('Skriv inn e-postadressen din.').first()).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('works with the keyboard alone', async ({ page }) => {
    await page.goto('/sign-in');
    const email = page.getByLabel('E-post');
    for (let presses = 0; presses < 10 && !(await email.evaluate((el) => el === document.activeElement)); presses++) {
      await page.keyboard.press('Tab');
    }
    await expect(email).toBeFocused();

    await page.keyboard.type(DEMO_ACCOUNTS.granStaff);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Passord')).toBeFocused();
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');

    const header = page.getByRole('banner');
    await expect(header).toContainText('Gran kommune');
    await expect(header).toContainText('Ansatt');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  });

  test('says in plain Norwegian when the password is wrong, and moves focus to the summary', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('E-post').fill(DEMO_ACCOUNTS.granStaff);
    await page.getByLabel('Passord').fill('not-the-password');
    await page.getByRole('button', { name: 'Logg inn' }).click();

    const summary = page.locator('.ds-error-summary');
    await expect(summary).toContainText('Feil e-post eller passord.');
    await expect(summary).toBeFocused();
    await expect(page.getByText('401')).toHaveCount(0);
  });

  test('explains empty fields next to them, and the summary links there', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Logg inn' }).click();

    await expect(page.getByLabel('E-post')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#password-error')).toHaveText('Skriv inn passordet ditt.');
    await page.getByRole('link', { name: 'Skriv inn passordet ditt.' }).click();
    await expect(page.getByLabel('Passord')).toBeFocused();
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test('shows the signed-in person, their role and organisation', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('E-post').fill(DEMO_ACCOUNTS.granLeader);
    await page.getByLabel('Passord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();

    const header = page.getByRole('banner');
    await expect(header).toContainText('Leder · Gran kommune');
    await expect(page).toHaveTitle('Oversikt – Samspill');
    await expect(page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Oversikt' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });
});
