import { type Page, expect, test } from '@playwright/test';
import type { AuthResponse, FollowUpResponse, PartnershipDashboard } from '@samspill/contracts';
import { HADELAND, dashboardOf, dashboardResponse, tableRows } from './dashboard-support';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, accessibilityViolations, signIn } from './support/app';

/*
 * Issue 11 in the browser, on the demo data: the waiting-time run charts with
 * their signal in words, corrections of a measurement, benefits on the project
 * page, a due follow-up answered from the leader's home page, and benefits and
 * holding the gains on the dashboard and, in plain words, the politician's page.
 */

const WAITING = 'Ventetid på hjemmetjenester';
const PROJECT = 'Digitalt tilsyn i hjemmetjenesten';

async function openProject(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Prosjekter' }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** What the API says, for figures the page must show (other test files may change the demo meanwhile). */
async function api<T>(page: Page, email: string, path: string): Promise<T> {
  const login = await page.request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  const { accessToken } = (await login.json()) as AuthResponse;
  return (await (await page.request.get(path, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as T;
}

test.describe('run charts', () => {
  test("Gran's staff reads the waiting times: a run chart per organisation, the signal in words, the points in a table", async ({
    page,
  }) => {
    await signIn(page, DEMO_ACCOUNTS.granStaff);
    await openProject(page, PROJECT);
    await page.getByRole('link', { name: new RegExp(`Se seriediagram og målinger.*${WAITING}`) }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(WAITING);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(page.getByRole('main')).toContainText('Fra 14 dager til 7 dager (lavere er bedre)');

    // Each organisation against its own figures, from its own latest measurement.
    await expect(page.getByRole('progressbar', { name: `${WAITING}, Gran kommune` })).toHaveAttribute('aria-valuenow', '86');
    await expect(page.getByRole('progressbar', { name: `${WAITING}, Lunner kommune` })).toHaveAttribute('aria-valuenow', '57');

    // The demo year in Gran: six months above the median, then six below.
    const gran = page.getByRole('figure', { name: `Seriediagram for ${WAITING}, Gran kommune` });
    await expect(gran).toContainText('Seks målinger på rad under medianen siden juni 2026: et tegn på reell forbedring.');
    const chart = gran.getByRole('img', { name: `Seriediagram for ${WAITING}, Gran kommune` });
    await expect(chart).toBeVisible();
    await expect(chart.locator('circle')).toHaveCount(12);
    await expect(chart.locator('circle.signal')).toHaveCount(12);
    await expect(chart).toContainText('Median 10,75');
    // What the project did, on the time axis and in words.
    await expect(gran.getByRole('listitem').filter({ hasText: 'Logg: Ventetiden for nye brukere er nesten halvert' })).toBeVisible();

    const rows = await tableRows(page, `Seriediagram for ${WAITING}, Gran kommune`);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual(['28. des. 2025', '14', 'Ja']);
    await gran.getByRole('button', { name: 'Vis som tabell' }).click();
    await expect(gran.getByRole('table')).toBeVisible();
    await expect(gran.getByRole('img')).toHaveCount(0);

    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('a measurement is corrected and removed by its own organisation, and only there', async ({ page }) => {
    const indicator = `Ventetid på nattbesøk ${Date.now()}`;
    await signIn(page, DEMO_ACCOUNTS.granStaff);
    await openProject(page, PROJECT);
    await page.getByRole('button', { name: 'Legg til en indikator' }).click();
    await page.getByLabel('Hva måles?').fill(indicator);
    await page.getByLabel('Enhet').fill('minutter');
    await page.getByLabel('Lavere er bedre').check();
    await page.getByLabel('Utgangspunkt').fill('40');
    await page.getByLabel('Mål', { exact: true }).fill('20');
    await page.getByRole('button', { name: 'Legg til indikatoren' }).click();
    const card = page.getByRole('article', { name: indicator });
    await card.getByRole('button', { name: /Legg inn en måling/ }).click();
    await card.getByLabel('Verdi (minutter)').fill('35');
    await card.getByLabel('Dato').fill('2026-10-01');
    await card.getByRole('button', { name: 'Lagre målingen' }).click();
    await expect(card.getByRole('progressbar', { name: `${indicator}, Gran kommune` })).toHaveAttribute('aria-valuenow', '25');

    await card.getByRole('link', { name: /Se seriediagram og målinger/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(indicator);
    const table = page.getByRole('table', { name: `Målinger av ${indicator}` });
    await table.getByRole('button', { name: /^Rett/ }).click();
    await page.getByLabel('Verdi (minutter)').fill('30');
    await page.getByLabel('Merknad').fill('Telt på nytt: to besøk var registrert to ganger.');
    await page.getByRole('button', { name: 'Lagre rettelsen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Målingen er rettet.' })).toBeAttached();
    await expect(table).toContainText('30 minutter');
    await expect(table).toContainText('Telt på nytt: to besøk var registrert to ganger.');
    await expect(page.getByRole('progressbar', { name: `${indicator}, Gran kommune` })).toHaveAttribute('aria-valuenow', '50');
    expect(await accessibilityViolations(page)).toEqual([]);

    await table.getByRole('button', { name: /^Slett/ }).click();
    await expect(table.getByText('Slette målingen fra 1. oktober 2026? Den tas vare på i historikken.')).toBeVisible();
    await expect(table.getByRole('button', { name: 'Slett målingen' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Ingen målinger ennå.').first()).toBeVisible();
    await expect(page.getByRole('progressbar', { name: `${indicator}, Gran kommune` })).not.toHaveAttribute('aria-valuenow', /./);

    // Lunner's waiting times on the demo indicator: Gran's staff may read them, not correct them.
    await page.goBack();
    await page.getByRole('link', { name: new RegExp(`Se seriediagram og målinger.*${WAITING}`) }).click();
    const demo = page.getByRole('table', { name: `Målinger av ${WAITING}` });
    await expect(demo.getByRole('row').filter({ hasText: 'Lunner kommune' }).first()).toBeVisible();
    await expect(demo.getByRole('row').filter({ hasText: 'Lunner kommune' }).getByRole('button')).toHaveCount(0);
    await expect(demo.getByRole('row').filter({ hasText: 'Gran kommune' }).getByRole('button', { name: /^Rett/ }).first()).toBeVisible();
  });
});

test.describe('benefits', () => {
  test("Gran's staff adds a benefit in FTE and realises it; Lunner's benefits are only read", async ({ page }) => {
    const description = `Kortere kjøretid om natten ${Date.now()}`;
    await signIn(page, DEMO_ACCOUNTS.granStaff);
    await openProject(page, PROJECT);
    const section = page.getByRole('region', { name: 'Gevinster' });
    await section.getByRole('button', { name: 'Legg til en gevinst' }).click();
    await section.getByRole('button', { name: 'Lagre gevinsten' }).click();
    await expect(section.locator('.ds-error-summary')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(section.getByRole('link', { name: 'Velg hva slags gevinst det er.' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(section.getByLabel('Type')).toBeFocused();
    await section.getByLabel('Type').selectOption({ label: 'Tid' });
    await section.getByLabel('Enhet').selectOption({ label: 'årsverk' });
    await section.getByLabel('Beskrivelse').fill(description);
    await section.getByLabel('Identifisert').fill('0,5');
    await section.getByRole('textbox', { name: /^Realisert \(/ }).fill('0,5');
    await section.getByRole('button', { name: 'Lagre gevinsten' }).click();
    await expect(section.getByRole('link', { name: 'Skriv inn datoen gevinsten ble realisert.' })).toBeVisible();
    await section.getByRole('textbox', { name: /^Realisert \(/ }).fill('');
    await section.getByRole('button', { name: 'Lagre gevinsten' }).click();

    const row = section.getByRole('row', { name: new RegExp(description) });
    await expect(row).toBeFocused();
    await expect(row).toContainText('0,5 årsverk');
    await expect(row).toContainText('Ikke realisert ennå');
    await row.getByRole('button', { name: /^Realiser/ }).click();
    await expect(section.getByRole('textbox', { name: /^Realisert \(/ })).toBeFocused();
    await section.getByRole('textbox', { name: /^Realisert \(/ }).fill('0,4');
    await section.getByRole('textbox', { name: /^Realisert dato/ }).fill('2026-11-02');
    await section.getByRole('button', { name: 'Lagre' }).click();
    await expect(row).toContainText('0,4 årsverk (2. nov. 2026)');

    // Sums per unit: FTE with FTE, hours with hours.
    const sums = section.getByRole('list').filter({ hasText: 'identifisert' });
    await expect(sums).toContainText(/årsverk identifisert/);
    await expect(sums).toContainText(/timer identifisert/);
    const lunner = section.getByRole('row').filter({ hasText: 'Lunner kommune' }).first();
    await expect(lunner).toBeVisible();
    await expect(lunner.getByRole('button')).toHaveCount(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

test.describe('holding the gains', () => {
  test("Lunner's leader answers a due follow-up on the home page, and the dashboard counts it", async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.lunnerLeader);
    const section = page.getByRole('region', { name: 'Holder gevinstene?' });
    await expect(section).toBeVisible();
    const due = await api<FollowUpResponse[]>(page, DEMO_ACCOUNTS.lunnerLeader, '/api/follow-ups?status=due');
    const mine = due.filter((f) => f.organization.name === 'Lunner kommune');
    expect(mine.length).toBeGreaterThan(0);
    const first = mine[0] as FollowUpResponse;
    const item = section
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: first.project.title }) })
      .first();
    await expect(item.getByRole('group', { name: `Holder den nye praksisen fra «${first.project.title}» fortsatt?` })).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);

    await item.getByRole('button', { name: 'Send svaret' }).click();
    await expect(item.locator('.ds-error-summary')).toBeFocused();
    await expect(item.getByRole('link', { name: 'Velg om praksisen holder, glipper eller er forlatt.' })).toBeVisible();
    await item.getByLabel('Den holder').check();
    await item.getByLabel('Merknad').fill('Tavlene brukes hver uke.');
    await item.getByRole('button', { name: 'Send svaret' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Svaret om «${first.project.title}» er lagret: Holder.` })).toBeAttached();
    await expect(section.getByRole('listitem').filter({ has: page.getByRole('link', { name: first.project.title }) })).toHaveCount(
      mine.filter((f) => f.project.id === first.project.id).length - 1,
    );
    const answered = await api<FollowUpResponse[]>(page, DEMO_ACCOUNTS.lunnerLeader, '/api/follow-ups?status=held');
    expect(answered.find((f) => f.id === first.id)?.note).toBe('Tavlene brukes hver uke.');
  });

  test('staff see no follow-ups to answer on their home page', async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.granStaff);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Holder gevinstene?' })).toHaveCount(0);
  });
});

test.describe('benefits and holding the gains on the dashboards', () => {
  test('the dashboard shows identified against realised per unit, and how the practices hold', async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.granLeader);
    const responded = dashboardResponse(page);
    await page.getByRole('link', { name: `Tall for ${HADELAND}` }).click();
    const dashboard: PartnershipDashboard = await dashboardOf(await responded);

    const benefits = page.getByRole('region', { name: 'Gevinster: identifisert og realisert' });
    const fte = dashboard.benefits.find((b) => b.unit === 'fte');
    expect(fte).toBeDefined();
    const number = (n: number) => new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 }).format(n);
    expect(await tableRows(page, 'Gevinster i årsverk')).toEqual([
      ['Identifisert', number(fte?.identified ?? 0)],
      ['Realisert', number(fte?.realised ?? 0)],
    ]);
    await expect(benefits.getByRole('table', { name: 'Gevinster i norske kroner' })).toBeAttached();

    const holding = page.getByRole('region', { name: 'Holder gevinstene?' });
    const c = dashboard.followUps;
    await expect(holding).toContainText(
      `${c.held} av ${c.held + c.slipped + c.abandoned} svar om etablert praksis sier at den fortsatt holder.`,
    );
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test("the politician's page says it in plain words", async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.granPolitician);
    const responded = dashboardResponse(page);
    await page.getByRole('link', { name: `Slik går det i ${HADELAND}` }).click();
    const dashboard: PartnershipDashboard = await dashboardOf(await responded);
    const main = page.getByRole('main');
    const fte = dashboard.benefits.find((b) => b.unit === 'fte');
    const number = (n: number) => new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 }).format(n);
    await expect(main).toContainText(
      `Gevinster i årsverk: ${number(fte?.identified ?? 0)} identifisert, ${number(fte?.realised ?? 0)} av dem realisert.`,
    );
    await expect(page.getByRole('region', { name: 'Holder gevinstene?' })).toContainText(
      /svar om etablert praksis sier at den fortsatt holder\./,
    );
    await expect(main.getByRole('button')).toHaveCount(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
