import AxeBuilder from '@axe-core/playwright';
import { type Page, expect } from '@playwright/test';
import { DEMO_PASSWORD } from '@samspill/testing';

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@samspill/testing';

/** Signs in through the form, as a person would, and waits for the shell. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible();
}

/** WCAG 2.1 A and AA rules; returns the violations so a failure lists them. */
export async function accessibilityViolations(page: Page): Promise<{ id: string; help: string; nodes: string[] }[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}
