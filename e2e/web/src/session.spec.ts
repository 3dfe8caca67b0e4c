import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, signIn } from './support/app';

test.describe('session', () => {
  test('a reload while signed in keeps the person signed in', async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.granStaff);
    await page.getByRole('link', { name: 'Organisasjoner' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Organisasjoner' })).toBeVisible();

    await page.reload();

    await expect(page).toHaveURL(/\/organizations$/);
    await expect(page.getByRole('banner')).toContainText('Gran kommune');
    await expect(page.getByRole('cell', { name: 'Kommune' }).first()).toBeVisible();
  });

  test('tabs that open at the same moment all stay signed in: the renewal is taken in turn, never with a spent cookie', async ({
    page,
    context,
  }) => {
    await signIn(page, DEMO_ACCOUNTS.granStaff);
    // Each tab renews its session from the same cookie as it starts. The cookie rotates at every use, and a spent
    // cookie presented again ends the whole session (it may have been stolen), so tabs must not race for it.
    const tabs = [page, await context.newPage(), await context.newPage()];
    for (let round = 0; round < 3; round++) {
      await Promise.all(tabs.map((tab) => tab.goto('/organizations')));
      for (const tab of tabs) {
        await expect(tab.getByRole('heading', { level: 1, name: 'Organisasjoner' })).toBeVisible();
        await expect(tab.getByRole('banner')).toContainText('Gran kommune');
      }
    }
  });

  test('sign-out returns to sign-in, and a reload stays signed out', async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.granStaff);

    await page.getByRole('button', { name: 'Logg ut' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Logg inn i Samspill' })).toBeVisible();

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Logg inn i Samspill' })).toBeVisible();
    await page.goto('/organizations');
    await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Forganizations$/);
  });

  test('a signed-out visit to a page comes back to it after sign-in', async ({ page }) => {
    await page.goto('/organizations');
    await expect(page).toHaveURL(/\/sign-in\?returnUrl=/);

    await page.getByLabel('E-post').fill(DEMO_ACCOUNTS.roskildeStaff);
    await page.getByLabel('Passord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();

    await expect(page).toHaveURL(/\/organizations$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Organisasjoner' })).toBeFocused();
  });

  test('an unknown address shows a not-found page', async ({ page }) => {
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1, name: 'Vi fant ikke siden' })).toBeVisible();
    await expect(page).toHaveTitle('Fant ikke siden – Samspill');
  });
});
