import { type Browser, type Page, expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, signIn } from './support/app';
import { PILOTEN, apiToken, currentStage, partnershipNamed, unique } from './support/collaboration';

async function asPerson(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'nb-NO' })).newPage();
  await signIn(page, email);
  return page;
}

test.describe('collaboration', () => {
  test('Gran answers, turns a do-together answer into a project and moves it; a leader establishes it; Lunner’s politician only reads', async ({
    page,
    browser,
  }) => {
    test.setTimeout(90_000);
    const offer = unique('Vi deler rutinene for digitalt nattilsyn');
    const together = unique('Felles opplæring i velferdsteknologi');
    const observation = unique('Ansatte i begge kommuner vil ha felles opplæring');
    const toTest = 'Vi har nok innsikt til å prøve opplæringen i to soner.';
    const toEstablish = 'Utprøvingen ga færre avvik; dette blir ny praksis i begge kommuner.';
    let projectUrl = '';

    await test.step('a Gran staff member opens PILOTen Hadeland’s questions', async () => {
      await signIn(page, DEMO_ACCOUNTS.granStaff);
      await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Samarbeid', exact: true }).click();
      // Wait for the list itself: the home page also links to PILOTen Hadeland (its figures).
      await expect(page.getByRole('heading', { level: 1, name: 'Samarbeid', exact: true })).toBeFocused();
      await page.getByRole('link', { name: PILOTEN }).click();
      await expect(page.getByRole('heading', { level: 1, name: PILOTEN, exact: true })).toBeFocused();
      await page.getByRole('link', { name: /De tre spørsmålene/ }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'De tre spørsmålene' })).toBeFocused();
      await expect(page).toHaveTitle('De tre spørsmålene – Samspill');
    });

    const granToLunner = page.getByRole('region', { name: 'Gran kommune til Lunner kommune' });
    const write = page.getByRole('region', { name: 'Skriv et svar' });

    await test.step('an offer to Lunner appears under Gran → Lunner, meeting Lunner’s wish on the same focus area', async () => {
      await expect(write.getByLabel('Svaret gjelder')).toHaveValue(/.+/);
      await write.getByLabel('Hva kan Lunner kommune lære av oss?').check();
      await write.getByLabel('Satsingsområde').selectOption({ label: 'Helse og omsorg' });
      await write.getByLabel('Svaret ditt').fill(offer);
      await expect(write.getByText(`${new Intl.NumberFormat('nb').format(2000 - offer.length)} tegn igjen`)).toBeVisible();
      await write.getByRole('button', { name: 'Legg til svaret' }).click();

      const answer = granToLunner.getByRole('region', { name: 'Gran kommune tilbyr' }).getByRole('article').filter({ hasText: offer });
      await expect(answer).toBeFocused();
      await expect(answer).toContainText('Helse og omsorg');
      await expect(answer).toContainText('Gunnar Ansatt');
      await expect(answer).toContainText('Treff: møter et ønske fra Lunner kommune');
      await expect(page.getByRole('status').filter({ hasText: 'Svaret er lagt til' })).toHaveText(
        'Svaret er lagt til under Gran kommune → Lunner kommune.',
      );
    });

    await test.step('a do-together answer becomes a joint project in one step', async () => {
      await write.getByLabel(/Hvilke innovasjonsprosesser .* sammen med Lunner kommune\?/).check();
      await write.getByLabel('Satsingsområde').selectOption({ label: 'Helse og omsorg' });
      await write.getByLabel('Svaret ditt').fill(together);
      await write.getByRole('button', { name: 'Legg til svaret' }).click();

      const proposals = granToLunner.getByRole('region', { name: 'Gran kommune foreslår å gjøre sammen med Lunner kommune' });
      const answer = proposals.getByRole('article').filter({ hasText: together });
      await expect(answer).toBeFocused();
      await answer.getByRole('button', { name: 'Gjør til felles prosjekt' }).click();

      await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
      projectUrl = page.url();
      await expect(page.getByRole('heading', { level: 1, name: together })).toBeFocused();
      await expect(currentStage(page)).toContainText('Lære og utforske sammen');
      await expect(page.getByText('Prosjektet startet som dette svaret')).toBeVisible();
      await expect(page.locator('blockquote').filter({ hasText: together })).toBeVisible();
      await expect(page.getByText('Gran kommune, Lunner kommune')).toBeVisible();

      // Back among the questions, the answer now links to its project instead of offering to make one.
      await page.goBack();
      const again = proposals.getByRole('article').filter({ hasText: together });
      await expect(again.getByRole('link', { name: 'Se det felles prosjektet' })).toHaveAttribute('href', new URL(projectUrl).pathname);
      await expect(again.getByRole('button', { name: 'Gjør til felles prosjekt' })).toHaveCount(0);
      await page.goForward();
    });

    await test.step('an observation goes into the improvement log with Gran kommune', async () => {
      await page.getByRole('button', { name: 'Skriv i loggen' }).click();
      await expect(page.getByLabel('Type')).toBeFocused();
      await page.getByLabel('Type').selectOption({ label: 'Observasjon' });
      await page.getByLabel('Hva skjedde?').fill(observation);
      await page.getByRole('button', { name: 'Legg til i loggen' }).click();

      const entry = page.getByRole('article').filter({ hasText: observation });
      await expect(entry).toBeFocused();
      await expect(entry).toContainText('Observasjon');
      await expect(entry).toContainText('Gunnar Ansatt, Gran kommune');
    });

    await test.step('the staff member moves it to test, with a rationale, but cannot establish it', async () => {
      await page.getByRole('button', { name: 'Flytt fram til Utvikle og teste' }).click();
      const rationale = page.getByLabel('Hvorfor skal prosjektet flyttes til «Utvikle og teste»?');
      await expect(rationale).toBeFocused();
      await rationale.fill(toTest);
      await page.getByRole('button', { name: 'Flytt til Utvikle og teste' }).click();

      await expect(page.getByRole('heading', { level: 2, name: 'Trinn og status' })).toBeFocused();
      await expect(currentStage(page)).toContainText('Utvikle og teste');
      await expect(page.getByText('Det er en leder som bestemmer når et prosjekt flyttes til «Etablere ny praksis».')).toBeVisible();
      await expect(page.getByRole('button', { name: /Flytt fram til/ })).toHaveCount(0);
    });

    await test.step('a Gran leader moves it to establish; the history keeps both rationales, oldest first', async () => {
      const leader = await asPerson(browser, DEMO_ACCOUNTS.granLeader);
      await leader.goto(projectUrl);
      await leader.getByRole('button', { name: 'Flytt fram til Etablere ny praksis' }).click();
      await leader.getByLabel('Hvorfor skal prosjektet flyttes til «Etablere ny praksis»?').fill(toEstablish);
      await leader.getByRole('button', { name: 'Flytt til Etablere ny praksis' }).click();

      await expect(currentStage(leader)).toContainText('Etablere ny praksis');
      const history = leader.locator('sp-stage-history li');
      await expect(history).toHaveCount(3);
      await expect(history.nth(0)).toContainText('Startet i «Lære og utforske sammen»');
      await expect(history.nth(0)).toContainText('Gunnar Ansatt');
      await expect(history.nth(1)).toContainText('Fra «Lære og utforske sammen» til «Utvikle og teste»');
      await expect(history.nth(1)).toContainText(toTest);
      await expect(history.nth(1)).toContainText('Bestemt av Gunnar Ansatt');
      await expect(history.nth(2)).toContainText('Fra «Utvikle og teste» til «Etablere ny praksis»');
      await expect(history.nth(2)).toContainText(toEstablish);
      await expect(history.nth(2)).toContainText('Bestemt av Guro Leder');
      await leader.context().close();
    });

    await test.step('Lunner’s politician reads the same project and finds no action to take', async () => {
      const politician = await asPerson(browser, DEMO_ACCOUNTS.lunnerPolitician);
      await politician.goto(projectUrl);
      await expect(politician.getByRole('heading', { level: 1, name: together })).toBeVisible();
      await expect(currentStage(politician)).toContainText('Etablere ny praksis');
      await expect(politician.getByRole('article').filter({ hasText: observation })).toContainText('Gran kommune');
      await expect(politician.locator('sp-stage-history li')).toHaveCount(3);

      const main = politician.getByRole('main');
      for (const name of [
        /Flytt/,
        /Skriv i loggen/,
        /Endre/,
        /Stopp prosjektet/,
        /Fullfør prosjektet/,
        /Legg til en indikator/,
        /måling/,
      ]) {
        await expect(main.getByRole('button', { name })).toHaveCount(0);
      }
      await expect(main.getByRole('button')).toHaveCount(0);
      await expect(main.getByRole('textbox')).toHaveCount(0);

      // Among the questions, too, there is nothing to write, change or start.
      await politician.getByRole('link', { name: PILOTEN }).click();
      await politician.getByRole('link', { name: /De tre spørsmålene/ }).click();
      const proposal = politician.getByRole('article').filter({ hasText: together });
      await expect(proposal.getByRole('link', { name: 'Se det felles prosjektet' })).toBeVisible();
      await expect(politician.getByRole('region', { name: 'Skriv et svar' })).toHaveCount(0);
      await expect(main.getByRole('button')).toHaveCount(0);
      await politician.context().close();
    });
  });

  test('an outsider from Roskilde gets the not-found view for PILOTen Hadeland', async ({ page, request }) => {
    const token = await apiToken(request, DEMO_ACCOUNTS.granStaff);
    const piloten = await partnershipNamed(request, token, PILOTEN);
    const projects = await request.get(`/api/projects?partnershipId=${piloten.id}`, { headers: { Authorization: `Bearer ${token}` } });
    const [project] = ((await projects.json()) as { items: { id: string; title: string }[] }).items;

    await signIn(page, DEMO_ACCOUNTS.roskildeStaff);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Samarbeid', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Samarbeid' })).toBeFocused();
    await expect(page.locator('sp-load-status')).toHaveCount(0);
    await expect(page.getByRole('link', { name: PILOTEN })).toHaveCount(0);

    for (const path of [`/partnerships/${piloten.id}`, `/partnerships/${piloten.id}/questions`, `/projects/${project.id}`]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: 'Vi fant ikke siden' })).toBeVisible();
      await expect(page.getByText(PILOTEN)).toHaveCount(0);
      await expect(page.getByText(project.title)).toHaveCount(0);
    }
  });
});
