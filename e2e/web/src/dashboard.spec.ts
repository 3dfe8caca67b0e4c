import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, accessibilityViolations, signIn } from './support/app';
import { apiToken, newPilotenProject, unique } from './support/collaboration';
import { HADELAND, NAV_DRAMMEN, STAGES, STAGE_NAMES, dashboardOf, dashboardResponse, partnershipId, tableRows } from './dashboard-support';

test.describe('partnership dashboard', () => {
  test("Gran's leader opens PILOTen Hadeland's figures from the overview with one request", async ({ page }, testInfo) => {
    await signIn(page, DEMO_ACCOUNTS.granLeader);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Tall og framdrift', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tall og framdrift i alle samarbeid' })).toBeFocused();
    const stages = page.getByRole('region', { name: 'Prosjekter per trinn', exact: true });
    const testCard = stages.getByRole('listitem').filter({ hasText: 'Utvikle og teste' });

    // "Within a second" is a speed target, and speed is measured in bench (npm run bench:dashboard, on the
    // Nordic-scale data, against its own baseline) rather than asserted on a shared, noisy test machine. What
    // this test holds is the shape that makes the page fast: from the click until the numbers show, the page
    // asks the API exactly one question — no waterfall of requests, no extra round trip.
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/api/')) apiCalls.push(`${request.method()} ${pathname}`);
    });
    const responded = dashboardResponse(page);
    const started = Date.now();
    await page.getByRole('link', { name: HADELAND, exact: true }).click();
    await expect(testCard).toContainText(/\d+ aktiv(t|e) prosjekt/);
    testInfo.annotations.push({ type: 'dashboard-visible-ms', description: String(Date.now() - started) });
    expect(apiCalls).toEqual([expect.stringMatching(/^GET \/api\/dashboard\/partnerships\/[^/]+$/)]);

    const dashboard = await dashboardOf(await responded);
    await expect(page).toHaveURL(new RegExp(`/partnerships/${dashboard.partnership.id}/dashboard$`));
    await expect(page).toHaveTitle('Tall for samarbeidet – Samspill');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tall og framdrift: PILOTen Hadeland');

    // The demo has one active project in «Utvikle og teste»; other tests may add more meanwhile.
    expect(dashboard.stageCounts.test).toBeGreaterThanOrEqual(1);
    for (const [i, stage] of STAGES.entries()) {
      const count = dashboard.stageCounts[stage];
      const card = stages.getByRole('listitem').filter({ hasText: STAGE_NAMES[i] });
      await expect(card).toContainText(`${count} ${count === 1 ? 'aktivt prosjekt' : 'aktive prosjekter'}`);
    }
    await expect(testCard).toContainText(/Median \d+ dag(er)? i trinnet/);

    const focusRows = await tableRows(page, 'Aktive prosjekter per satsingsområde og trinn');
    expect(focusRows.map(([name]) => name)).toEqual(
      expect.arrayContaining(['Politikerrollen', 'Helse og omsorg', 'Organisering og ledelse']),
    );
    const health = dashboard.byFocusArea.find((row) => row.focusArea?.name === 'Helse og omsorg');
    expect(health?.test).toBeGreaterThanOrEqual(1);
    expect(focusRows.find(([name]) => name === 'Helse og omsorg')).toEqual([
      'Helse og omsorg',
      ...STAGES.map((stage) => String(health?.[stage])),
      String((health?.learn ?? 0) + (health?.test ?? 0) + (health?.establish ?? 0)),
    ]);

    const organizations = await tableRows(page, 'Prosjekter og svar per organisasjon');
    expect(organizations.map(([name]) => name)).toEqual(['Gran kommune', 'Lunner kommune']);
    const gran = dashboard.byOrganization.find((row) => row.organization.name === 'Gran kommune');
    expect(organizations[0].slice(0, 4)).toEqual([
      'Gran kommune',
      String(gran?.projects),
      String(gran?.answersGiven),
      String(gran?.answersReceived),
    ]);

    await expect(page.getByRole('region', { name: 'Stoppede og fullførte prosjekter', exact: true })).toContainText(
      'Et stoppet prosjekt er lærdom, ikke et nederlag.',
    );
    await expect(page.getByRole('region', { name: 'Tilbud og ønsker', exact: true })).toContainText(
      `${dashboard.matches.met} av ${dashboard.matches.offers} tilbud har møtt et ønske`,
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    // The month chart: sighted readers can switch to its table; the numbers are the same.
    const chart = page.getByRole('region', { name: 'Trinnendringer', exact: true });
    await chart.getByRole('button', { name: 'Vis som tabell' }).click();
    await expect(chart.getByRole('button', { name: 'Vis som tabell' })).toHaveAttribute('aria-pressed', 'true');
    const months = await tableRows(page, 'Trinnendringer per måned, siste 12 måneder');
    const now = new Date();
    const yearAgo = new Date(now.getFullYear(), now.getMonth() - 11, 1);
    const since = `${yearAgo.getFullYear()}-${String(yearAgo.getMonth() + 1).padStart(2, '0')}`;
    const lastYear = dashboard.transitionsByMonth.filter((m) => m.month >= since).reduce((sum, m) => sum + m.count, 0);
    expect(lastYear).toBeGreaterThanOrEqual(1);
    expect(months.reduce((sum, [, count]) => sum + Number(count), 0)).toBe(lastYear);
    expect(months.at(-1)?.[0]).toBe(now.toLocaleDateString('nb-NO', { month: 'long', year: 'numeric' }));
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('downloads the project list for Excel and the council report', async ({ page, request }) => {
    await signIn(page, DEMO_ACCOUNTS.granLeader);
    const id = await partnershipId(request, DEMO_ACCOUNTS.granLeader, HADELAND);
    await page.goto(`/partnerships/${id}/dashboard`);

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Last ned prosjektliste (CSV)' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^samspill-prosjekter-piloten-hadeland-\d{4}-\d{2}-\d{2}\.csv$/);
    const csvBytes = await readFile(await csv.path());
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = csvBytes.toString('utf8');
    expect(csvText).toContain('Digitalt tilsyn i hjemmetjenesten');
    expect(csvText).toContain('Utvikle og teste');
    expect(csvText).not.toContain('Tavlemøter i NAV-kontoret');

    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Rapport til kommunestyret (PDF)' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/^samspill-rapport-piloten-hadeland-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdfBytes = await readFile(await pdf.path());
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(page.getByRole('button', { name: 'Rapport til kommunestyret (PDF)' })).toBeEnabled();
    await expect(page.getByText('Filen ble ikke lastet ned.')).toHaveCount(0);
  });

  test('an outsider is told the dashboard does not exist, and learns nothing of it', async ({ page, request }) => {
    const id = await partnershipId(request, DEMO_ACCOUNTS.granLeader, HADELAND);
    await signIn(page, DEMO_ACCOUNTS.roskildeStaff);

    for (const view of ['dashboard', 'politician']) {
      await page.goto(`/partnerships/${id}/${view}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Vi fant ikke siden' })).toBeVisible();
      await expect(page).toHaveTitle('Fant ikke siden – Samspill');
      await expect(page.getByRole('main')).not.toContainText(HADELAND);
      await expect(page.getByRole('button', { name: /CSV|PDF/ })).toHaveCount(0);
    }
    await page.goto('/partnerships/not-an-id/dashboard');
    await expect(page.getByRole('heading', { level: 1, name: 'Vi fant ikke siden' })).toBeVisible();
  });
});

test.describe('overview', () => {
  test("Gran's leader sees PILOTen Hadeland, not «Lean i NAV Drammen», and the latest stage change", async ({ page, request }) => {
    // A change of this test's own: the demo's are dated in the past, and other tests add theirs.
    const token = await apiToken(request, DEMO_ACCOUNTS.granLeader);
    const title = unique('Trinnendring');
    const project = await newPilotenProject(request, token, title);
    const moved = await request.post(`/api/projects/${project.id}/transitions`, {
      headers: { Authorization: `Bearer ${token}` },
      data: { toStage: 'test', rationale: 'Klar for utprøving.' },
    });
    expect(moved.status()).toBe(201);
    await signIn(page, DEMO_ACCOUNTS.granLeader);
    await page.getByRole('link', { name: 'Tall og framdrift i alle samarbeid' }).click();
    await expect(page).toHaveURL(/\/overview$/);
    await expect(page).toHaveTitle('Tall og framdrift i alle samarbeid – Samspill');

    const partnerships = await tableRows(page, 'Aktive prosjekter per trinn i hvert samarbeid');
    const names = partnerships.map(([name]) => name);
    expect(names).toContain(HADELAND);
    expect(names).not.toContain(NAV_DRAMMEN);
    await expect(page.getByRole('main')).not.toContainText(NAV_DRAMMEN);
    const hadeland = partnerships.find(([name]) => name === HADELAND) ?? [];
    expect(Number(hadeland[2])).toBeGreaterThanOrEqual(1);
    expect(Number(hadeland[4])).toBe(Number(hadeland[1]) + Number(hadeland[2]) + Number(hadeland[3]));

    const organizations = await tableRows(page, 'Aktive prosjekter per organisasjon');
    expect(organizations.map(([name]) => name)).toEqual(expect.arrayContaining(['Gran kommune', 'Lunner kommune']));
    expect(organizations.map(([name]) => name)).not.toContain('NAV Drammen');

    const recent = page.getByRole('region', { name: 'Siste trinnendringer', exact: true });
    const change = recent.getByRole('listitem').filter({ hasText: title });
    await expect(change).toContainText('fra «Lære og utforske sammen» til «Utvikle og teste»');
    await expect(change.getByRole('link', { name: title })).toHaveAttribute('href', `/projects/${project.id}`);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: HADELAND, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(HADELAND);
  });
});
