import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, accessibilityViolations, signIn } from './support/app';
import { newPersonOf } from './support/collaboration';
import { HADELAND, STAGES, STAGE_NAMES, dashboardOf, dashboardResponse, tableRows } from './dashboard-support';

test.describe("the politician's view", () => {
  test("Lunner's politician lands on the plain view from the home page: sentences, charts and nothing to edit", async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.lunnerPolitician);
    const responded = dashboardResponse(page);
    await page.getByRole('link', { name: `Slik går det i ${HADELAND}` }).click();
    const dashboard = await dashboardOf(await responded);

    await expect(page).toHaveURL(new RegExp(`/partnerships/${dashboard.partnership.id}/politician$`));
    await expect(page).toHaveTitle('Slik går det – Samspill');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enkel oversikt for folkevalgte: Slik går det i PILOTen Hadeland');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    const main = page.getByRole('main');
    await expect(main).toContainText('Et samarbeid mellom Gran kommune og Lunner kommune.');

    // Plain language: on the demo data «1 prosjekt er i gang. Det utvikler og tester nå.»
    const active = STAGES.reduce((sum, stage) => sum + dashboard.stageCounts[stage], 0);
    const summary = page.getByRole('region', { name: 'Kort fortalt', exact: true });
    await expect(summary).toContainText(active === 1 ? '1 prosjekt er i gang.' : `${active} prosjekter er i gang.`);
    if (active === 1) await expect(summary).toContainText('Det utvikler og tester nå.');
    else await expect(summary).toContainText(`${dashboard.stageCounts.test} av dem utvikler og tester nå.`);
    await expect(main).toContainText(/Et prosjekt er typisk \d+ dag(er)? i trinnet «Utvikle og teste»\./);
    await expect(main).toContainText(/Helse og omsorg: \d+ prosjekt(er)? i gang\./);

    // Nothing to press, fill in or choose: a reading view.
    await expect(main.getByRole('button')).toHaveCount(0);
    await expect(main.getByRole('textbox')).toHaveCount(0);
    await expect(main.getByRole('combobox')).toHaveCount(0);
    await expect(main.getByRole('checkbox')).toHaveCount(0);

    // The stage chart's table alternative holds the chart's own numbers.
    const stageTable = await tableRows(page, 'Aktive prosjekter per trinn');
    expect(stageTable).toEqual(STAGES.map((stage, i) => [STAGE_NAMES[i], String(dashboard.stageCounts[stage])]));
    const chart = main.locator('figure').filter({ hasText: 'Aktive prosjekter per trinn' });
    const drawn = await chart
      .locator('[aria-hidden="true"] .bar-row')
      .evaluateAll((rows) =>
        rows.map((row) => [row.querySelector('.label')?.textContent?.trim(), row.querySelector('.value')?.textContent?.trim()]),
      );
    expect(drawn).toEqual(stageTable);
    const statusTable = await tableRows(page, 'Alle prosjekter etter status');
    expect(statusTable).toEqual([
      ['Aktivt', String(dashboard.statusCounts.active)],
      ['Stoppet', String(dashboard.statusCounts.stopped)],
      ['Fullført', String(dashboard.statusCounts.completed)],
    ]);

    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('prints without navigation or buttons, and fits a tablet', async ({ page }) => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await signIn(page, DEMO_ACCOUNTS.lunnerPolitician);
    await page.getByRole('link', { name: `Slik går det i ${HADELAND}` }).click();
    await expect(page.getByRole('region', { name: 'Kort fortalt', exact: true })).toBeVisible();

    // Nothing sticks out sideways on a 768 px tablet.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Hovedmeny' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Logg ut' })).toBeHidden();
    await expect(page.getByRole('region', { name: 'Prosjektene nå', exact: true }).locator('.bar').first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Kort fortalt', exact: true })).toBeVisible();

    await page.emulateMedia({ media: 'screen' });
    await expect(page.getByRole('navigation', { name: 'Hovedmeny' })).toBeVisible();
  });

  test("the leader's dashboard also fits a tablet, and prints without navigation and download buttons", async ({ page }) => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await signIn(page, DEMO_ACCOUNTS.granLeader);
    await page.getByRole('link', { name: `Tall for ${HADELAND}` }).click();
    await expect(page.getByRole('button', { name: 'Rapport til kommunestyret (PDF)' })).toBeVisible();
    // The wide organisation table scrolls inside its own region; the page does not.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Hovedmeny' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Rapport til kommunestyret (PDF)' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Vis som tabell' })).toBeHidden();
    await expect(page.getByRole('region', { name: 'Prosjekter per trinn', exact: true })).toBeVisible();
  });

  test('the plain view speaks English when the reader does', async ({ page, request }) => {
    // A politician of Lunner of this test's own: the switch is saved to the profile (issue 13).
    await signIn(page, await newPersonOf(request, 'Lunner kommune', 'politician'));
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: `How ${HADELAND} is going` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`How ${HADELAND} is going`);
    await expect(page.getByRole('region', { name: 'In short', exact: true })).toContainText(/under way\./);
    expect((await tableRows(page, 'Active projects per stage')).map(([stage]) => stage)).toEqual([
      'Learn and explore together',
      'Develop and test',
      'Establish new practice',
    ]);
    await page.getByRole('button', { name: 'Norsk (bokmål)' }).click();
  });
});
