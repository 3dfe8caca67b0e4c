import { type Page, expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, accessibilityViolations, signIn } from './support/app';

// The demo organisations in the order a Norwegian reader expects (Intl.Collator 'nb').
// The last column, Status, came with mergers (issue 10): every demo organisation is active.
const DEMO_ROWS = [
  ['Bærum kommune', 'Kommune', '3201', 'Norge', 'Aktiv'],
  ['Gran kommune', 'Kommune', '3446', 'Norge', 'Aktiv'],
  ['Høgskolen i Innlandet', 'Høgskole eller forskning', '—', 'Norge', 'Aktiv'],
  ['Lunner kommune', 'Kommune', '3234', 'Norge', 'Aktiv'],
  ['NAV Drammen', 'Statlig etat', '—', 'Norge', 'Aktiv'],
  ['Roskilde Kommune', 'Kommune', '265', 'Danmark', 'Aktiv'],
  ['Statsforvalteren i Innlandet', 'Fylke eller statsforvalter', '—', 'Norge', 'Aktiv'],
  ['Vestre Toten kommune', 'Kommune', '3443', 'Norge', 'Aktiv'],
];
const DEMO_NAMES = DEMO_ROWS.map(([name]) => name);

async function tableRows(page: Page): Promise<string[][]> {
  const rows = page.getByRole('table').locator('tbody tr');
  return rows.evaluateAll((trs) =>
    trs.map((tr) =>
      Array.from(tr.querySelectorAll('th, td')).map((cell) => {
        // What a sighted reader sees: leave out text meant for screen readers only.
        const visible = cell.cloneNode(true) as HTMLElement;
        visible.querySelectorAll('.ds-sr-only').forEach((hidden) => hidden.remove());
        return visible.textContent?.trim() ?? '';
      }),
    ),
  );
}

test.describe('organisations', () => {
  test('lists the demo organisations by name, with no create form for staff, accessibly', async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.granStaff);
    await page.getByRole('link', { name: 'Organisasjoner' }).click();
    await expect(page).toHaveTitle('Organisasjoner – Samspill');
    await expect(page.getByRole('heading', { level: 1, name: 'Organisasjoner' })).toBeFocused();
    await expect(page.getByRole('rowheader', { name: 'Gran kommune' })).toBeVisible();

    // Other tests may add organisations meanwhile; the demo ones must all be there, in order.
    const demoRows = (await tableRows(page)).filter(([name]) => DEMO_NAMES.includes(name));
    expect(demoRows).toEqual(DEMO_ROWS);

    await expect(page.getByRole('heading', { name: 'Legg til en organisasjon' })).toHaveCount(0);
    await expect(page.getByRole('textbox')).toHaveCount(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('an admin adds an organisation and sees it in the table', async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.admin);
    await expect(page.getByRole('banner')).toContainText('Administrator · Ingen organisasjon');
    await page.getByRole('link', { name: 'Organisasjoner' }).click();
    await expect(page.getByRole('rowheader', { name: 'Gran kommune' })).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);

    const form = page.getByRole('region', { name: 'Legg til en organisasjon' });
    await form.getByRole('button', { name: 'Legg til organisasjonen' }).click();
    await expect(form.locator('.ds-error-summary')).toBeFocused();
    await expect(form.locator('.ds-error-summary')).toContainText('Skriv inn navnet på organisasjonen.');
    await expect(form.locator('.ds-error-summary')).toContainText('Velg hvilken type organisasjon det er.');
    expect(await accessibilityViolations(page)).toEqual([]);

    await form.getByLabel('Navn').fill('Hamar kommune');
    await form.getByLabel('Type').selectOption({ label: 'Kommune' });
    await form.getByLabel('Offisielt nummer').fill('34x3');
    await form.getByRole('button', { name: 'Legg til organisasjonen' }).click();
    await expect(form.getByText('Det offisielle nummeret må være 1 til 8 sifre.').first()).toBeVisible();

    await form.getByLabel('Offisielt nummer').fill('3403');
    await form.getByRole('button', { name: 'Legg til organisasjonen' }).click();

    await expect(form.getByRole('status')).toHaveText('Hamar kommune er lagt til.');
    await expect(page.getByRole('row', { name: /Hamar kommune/ })).toContainText('3403');
    const names = (await tableRows(page)).map(([name]) => name);
    expect(names.indexOf('Hamar kommune')).toBe(names.indexOf('Gran kommune') + 1);
    await expect(form.getByLabel('Navn')).toHaveValue('');

    await page.reload();
    await expect(page.getByRole('rowheader', { name: 'Hamar kommune' })).toBeVisible();
  });

  test('an admin is told, in words, when the organisation already exists', async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.admin);
    await page.getByRole('link', { name: 'Organisasjoner' }).click();
    const form = page.getByRole('region', { name: 'Legg til en organisasjon' });

    await form.getByLabel('Navn').fill('Lunner kommune');
    await form.getByLabel('Type').selectOption({ label: 'Kommune' });
    await form.getByRole('button', { name: 'Legg til organisasjonen' }).click();

    const summary = form.locator('.ds-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Dette finnes allerede.');
    await expect(page.getByRole('rowheader', { name: 'Lunner kommune' })).toHaveCount(1);
  });
});
