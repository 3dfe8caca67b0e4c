import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, accessibilityViolations, signIn } from './support/app';
import { PILOTEN, apiToken, currentStage, newPilotenProject, partnershipNamed, tabTo, unique } from './support/collaboration';

test.describe('collaboration screens', () => {
  test('the partnerships list, a partnership, its questions, the board and a project are accessible, forms open', async ({ page }) => {
    test.setTimeout(60_000);
    await signIn(page, DEMO_ACCOUNTS.granLeader);

    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Samarbeid', exact: true }).click();
    // Wait for the list itself: the home page also links to PILOTen Hadeland (its figures).
    await expect(page.getByRole('heading', { level: 1, name: 'Samarbeid', exact: true })).toBeFocused();
    await expect(page.getByRole('link', { name: PILOTEN })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Opprett et samarbeid' })).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: PILOTEN }).click();
    await expect(page.getByRole('heading', { level: 1, name: PILOTEN, exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Satsingsområder' })).toContainText('Politikerrollen');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: /De tre spørsmålene/ }).click();
    await expect(page.getByRole('region', { name: 'Gran kommune til Lunner kommune' })).toBeVisible();
    // The error summary and inline errors, too.
    await page.getByRole('button', { name: 'Legg til svaret' }).click();
    await expect(page.locator('.ds-error-summary')).toBeFocused();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Prosjekter' }).click();
    await expect(page.getByRole('region', { name: 'Utvikle og teste' })).toContainText('Digitalt tilsyn i hjemmetjenesten');
    await page.getByRole('button', { name: 'Nytt prosjekt' }).click();
    await expect(page.getByLabel('Samarbeid', { exact: true }).last()).toBeFocused();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Digitalt tilsyn i hjemmetjenesten' }).click();
    await expect(currentStage(page)).toContainText('Utvikle og teste');
    await page.getByRole('button', { name: 'Skriv i loggen' }).click();
    await page.getByRole('button', { name: 'Flytt fram til Etablere ny praksis' }).click();
    await page.getByRole('button', { name: 'Flytt til Etablere ny praksis' }).click();
    await expect(page.getByRole('link', { name: 'Skriv en begrunnelse.' })).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('by keyboard alone, a staff member logs a lesson and moves a project to test, helped by the error summary', async ({
    page,
    request,
  }) => {
    test.setTimeout(60_000);
    const title = unique('Tastaturprosjekt');
    const lesson = unique('Lærdom skrevet med tastaturet');
    const project = await newPilotenProject(request, await apiToken(request, DEMO_ACCOUNTS.granStaff), title);
    await signIn(page, DEMO_ACCOUNTS.granStaff);
    await page.goto(`/projects/${project.id}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

    await tabTo(page, page.getByRole('button', { name: 'Skriv i loggen' }));
    await page.keyboard.press('Enter');
    const kind = page.getByLabel('Type');
    await expect(kind).toBeFocused();
    // Closed selects step through their options with the arrow keys.
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await expect(kind).toHaveValue('lesson');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Dato')).toBeFocused();
    // A date field takes several presses of Tab: one for each of its parts.
    await tabTo(page, page.getByLabel('Hva skjedde?'), 5);
    await page.keyboard.type(lesson);
    await tabTo(page, page.getByRole('button', { name: 'Legg til i loggen' }), 5);
    await page.keyboard.press('Enter');
    const entry = page.getByRole('article').filter({ hasText: lesson });
    await expect(entry).toBeFocused();
    await expect(entry).toContainText('Lærdom');

    // The stage decisions sit above the log: go back up.
    await tabTo(page, page.getByRole('button', { name: 'Flytt fram til Utvikle og teste' }), 30, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Hvorfor skal prosjektet flyttes til «Utvikle og teste»?')).toBeFocused();
    await tabTo(page, page.getByRole('button', { name: 'Flytt til Utvikle og teste' }), 5);
    await page.keyboard.press('Enter');
    const summary = page.locator('.ds-error-summary');
    await expect(summary).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skriv en begrunnelse.' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Hvorfor skal prosjektet flyttes til «Utvikle og teste»?')).toBeFocused();
    await page.keyboard.type('Innsikten er god nok til å prøve ut.');
    await tabTo(page, page.getByRole('button', { name: 'Flytt til Utvikle og teste' }), 5);
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 2, name: 'Trinn og status' })).toBeFocused();
    await expect(currentStage(page)).toContainText('Utvikle og teste');
    await expect(page.locator('sp-stage-history li').last()).toContainText('Innsikten er god nok til å prøve ut.');
  });

  test('the board filters by partnership, organisation and text, and keeps them in the address', async ({ page, request }) => {
    const title = unique('Filterprosjekt');
    await newPilotenProject(request, await apiToken(request, DEMO_ACCOUNTS.granStaff), title);
    await signIn(page, DEMO_ACCOUNTS.granStaff);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Prosjekter' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Felles prosjekter' })).toBeVisible();

    const filters = page.getByRole('search', { name: 'Filtrer prosjektene' });
    await filters.getByLabel('Samarbeid').selectOption({ label: PILOTEN });
    await expect(page).toHaveURL(/partnershipId=/);
    await expect(page.getByRole('heading', { level: 1, name: `Felles prosjekter i ${PILOTEN}` })).toBeVisible();
    await filters.getByLabel('Organisasjon').selectOption({ label: 'Lunner kommune' });
    await expect(page).toHaveURL(/organizationId=/);
    await filters.getByLabel('Søk i tittel og beskrivelse').fill(title);
    await filters.getByRole('button', { name: 'Søk' }).click();
    await expect(page).toHaveURL(/q=Filterprosjekt/);

    const learn = page.getByRole('region', { name: 'Lære og utforske sammen' });
    await expect(learn.getByRole('link', { name: title })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('1 prosjekt');
    await expect(page.getByRole('link', { name: 'Digitalt tilsyn i hjemmetjenesten' })).toHaveCount(0);

    await page.reload();
    await expect(learn.getByRole('link', { name: title })).toBeVisible();
    await expect(filters.getByLabel('Søk i tittel og beskrivelse')).toHaveValue(title);
    await expect(filters.getByLabel('Organisasjon')).toHaveValue(/.+/);

    await filters.getByRole('button', { name: 'Fjern filtrene' }).click();
    await expect(page).toHaveURL(/\/projects$/);
    await expect(page.getByRole('link', { name: 'Digitalt tilsyn i hjemmetjenesten' })).toBeVisible();
  });

  test('a partnership’s board is the board filtered to it, and a new project starts there in the first stage', async ({
    page,
    request,
  }) => {
    const title = unique('Nytt prosjekt fra tavla');
    const piloten = await partnershipNamed(request, await apiToken(request, DEMO_ACCOUNTS.granStaff), PILOTEN);
    await signIn(page, DEMO_ACCOUNTS.granStaff);
    await page.goto(`/partnerships/${piloten.id}/projects`);
    await expect(page).toHaveURL(new RegExp(`/projects\\?partnershipId=${piloten.id}$`));
    await expect(page.getByRole('heading', { level: 1, name: `Felles prosjekter i ${PILOTEN}` })).toBeVisible();

    await page.getByRole('button', { name: 'Nytt prosjekt' }).click();
    const form = page.getByRole('region', { name: 'Start et felles prosjekt' });
    await expect(form.getByLabel('Samarbeid')).toHaveValue(piloten.id);
    await form.getByRole('button', { name: 'Opprett prosjektet' }).click();
    await expect(form.locator('.ds-error-summary')).toBeFocused();
    await expect(form.locator('.ds-error-summary')).toContainText('Skriv inn en tittel.');
    await form.getByLabel('Tittel').fill(title);
    await form.getByLabel('Satsingsområde').selectOption({ label: 'Politikerrollen' });
    await expect(form.getByLabel('Gran kommune')).toBeDisabled();
    await form.getByLabel('Lunner kommune').uncheck();
    await form.getByRole('button', { name: 'Opprett prosjektet' }).click();

    await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
    await expect(currentStage(page)).toContainText('Lære og utforske sammen');
    const about = page.getByRole('region', { name: 'Om prosjektet' });
    await expect(about).toContainText('Politikerrollen');
    await expect(about).toContainText('Deltakere');
    await expect(about.getByText('Gran kommune', { exact: true })).toBeVisible();
  });

  test('a Gran leader creates a partnership with Vestre Toten and adds a focus area to it', async ({ page }) => {
    const name = unique('Samarbeid om heltidskultur');
    const focusArea = unique('Heltidskultur');
    await signIn(page, DEMO_ACCOUNTS.granLeader);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Samarbeid', exact: true }).click();

    const create = page.getByRole('region', { name: 'Opprett et samarbeid' });
    await create.getByRole('button', { name: 'Opprett samarbeidet' }).click();
    await expect(create.locator('.ds-error-summary')).toContainText('Skriv inn navnet på samarbeidet.');
    await expect(create.locator('.ds-error-summary')).toContainText('Et samarbeid må ha minst to medlemmer.');
    await expect(create.getByLabel('Gran kommune')).toBeChecked();
    await expect(create.getByLabel('Gran kommune')).toBeDisabled();

    await create.getByLabel('Navn').fill(name);
    await create.getByRole('group', { name: 'Medlemmer' }).getByLabel('Vestre Toten kommune').check();
    await create.getByRole('button', { name: 'Opprett samarbeidet' }).click();
    await expect(create.getByRole('status')).toHaveText(`${name} er opprettet.`);

    await page.getByRole('link', { name }).click();
    await expect(page.getByRole('region', { name: 'Medlemmer' })).toContainText('Vestre Toten kommune');
    await expect(page.getByRole('region', { name: 'Medlemmer' })).toContainText('Gran kommune');
    await page.getByLabel('Navn på satsingsområdet').fill(focusArea);
    await page.getByRole('button', { name: 'Legg til satsingsområdet' }).click();
    await expect(page.getByRole('region', { name: 'Satsingsområder' })).toContainText(focusArea);
    await expect(page.getByLabel('Navn på satsingsområdet')).toBeFocused();
  });

  test('someone else’s change meanwhile is not overwritten: the editor is told and reloads', async ({ page, browser, request }) => {
    const title = unique('Prosjekt som endres samtidig');
    const project = await newPilotenProject(request, await apiToken(request, DEMO_ACCOUNTS.granStaff), title);
    await signIn(page, DEMO_ACCOUNTS.granStaff);
    await page.goto(`/projects/${project.id}`);
    await page.getByRole('button', { name: 'Endre prosjektet' }).click();
    await expect(page.getByLabel('Tittel')).toBeFocused();

    const lunner = await (await browser.newContext({ locale: 'nb-NO' })).newPage();
    await signIn(lunner, DEMO_ACCOUNTS.lunnerStaff);
    await lunner.goto(`/projects/${project.id}`);
    await lunner.getByRole('button', { name: 'Endre prosjektet' }).click();
    await lunner.getByLabel('Tittel').fill(`${title} (Lunner)`);
    await lunner.getByRole('button', { name: 'Lagre' }).click();
    await expect(lunner.getByRole('heading', { level: 1, name: `${title} (Lunner)` })).toBeVisible();
    await lunner.context().close();

    await page.getByLabel('Tittel').fill(`${title} (Gran)`);
    await page.getByRole('button', { name: 'Lagre' }).click();
    await expect(page.locator('.ds-error-summary')).toBeFocused();
    await expect(page.locator('.ds-error-summary')).toContainText('Noen andre har endret dette i mellomtiden.');
    await page.getByRole('button', { name: 'Last inn prosjektet på nytt' }).click();
    await expect(page.getByLabel('Tittel')).toHaveValue(`${title} (Lunner)`);
    await expect(page.getByLabel('Tittel')).toBeFocused();

    await page.getByLabel('Tittel').fill(`${title} (Gran)`);
    await page.getByRole('button', { name: 'Lagre' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${title} (Gran)` })).toBeFocused();
  });

  test('a project is stopped and resumed with reasons, measured against an indicator, and a log entry reworded', async ({
    page,
    request,
  }) => {
    test.setTimeout(60_000);
    const title = unique('Prosjekt med indikator');
    const indicator = unique('Ventetid på hjemmetjeneste');
    const project = await newPilotenProject(request, await apiToken(request, DEMO_ACCOUNTS.granStaff), title);
    await signIn(page, DEMO_ACCOUNTS.granStaff);
    await page.goto(`/projects/${project.id}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

    await test.step('stopped with a reason: no stage moves, the history says so; then resumed', async () => {
      await page.getByRole('button', { name: 'Stopp prosjektet' }).click();
      await page.getByLabel('Hvorfor skal prosjektet stoppes? Hva har dere lært?').fill('Vi mangler folk til utprøvingen i år.');
      await page.getByRole('button', { name: 'Stopp prosjektet' }).click();
      await expect(page.getByText('Status: Stoppet')).toBeVisible();
      await expect(page.getByText('Et stoppet prosjekt er en lærdom, ikke et nederlag.')).toBeVisible();
      await expect(page.getByRole('button', { name: /Flytt/ })).toHaveCount(0);
      await expect(page.locator('sp-stage-history li').last()).toContainText('Status endret fra «Aktivt» til «Stoppet»');
      await expect(page.locator('sp-stage-history li').last()).toContainText('Vi mangler folk til utprøvingen i år.');

      await page.getByRole('button', { name: 'Gjenoppta prosjektet' }).click();
      await page.getByLabel('Hvorfor skal prosjektet gjenopptas?').fill('Nye folk er på plass.');
      await page.getByRole('button', { name: 'Gjenoppta prosjektet' }).click();
      await expect(page.getByText('Status: Aktivt')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Flytt fram til Utvikle og teste' })).toBeVisible();
    });

    await test.step('an indicator from 14 to 7 days, measured at 10, is 57 % of the way', async () => {
      await page.getByRole('button', { name: 'Legg til en indikator' }).click();
      await page.getByLabel('Hva måles?').fill(indicator);
      await page.getByLabel('Enhet').fill('dager');
      await page.getByLabel('Lavere er bedre').check();
      await page.getByLabel('Utgangspunkt').fill('14');
      await page.getByLabel('Mål', { exact: true }).fill('20');
      await page.getByRole('button', { name: 'Legg til indikatoren' }).click();
      await expect(page.getByRole('link', { name: 'Når lavere er bedre, må målet være lavere enn utgangspunktet.' })).toBeVisible();
      await page.getByLabel('Mål', { exact: true }).fill('7');
      await page.getByRole('button', { name: 'Legg til indikatoren' }).click();

      const card = page.getByRole('article', { name: indicator });
      await expect(card).toBeFocused();
      await expect(card).toContainText('Fra 14 dager til 7 dager (lavere er bedre)');
      await expect(card.getByRole('progressbar', { name: indicator })).not.toHaveAttribute('aria-valuenow', /./);
      await card.getByRole('button', { name: /Legg inn en måling/ }).click();
      await card.getByLabel('Verdi (dager)').fill('10');
      await card.getByRole('button', { name: 'Lagre målingen' }).click();
      await expect(card.getByRole('progressbar', { name: indicator })).toHaveAttribute('aria-valuenow', '57');
      await expect(card).toContainText(/57\s%\s*av veien mot målet\. Siste måling: 10 dager/);
    });

    await test.step('a reworded log entry says it was edited and keeps the original wording', async () => {
      await page.getByRole('button', { name: 'Skriv i loggen' }).click();
      await page.getByLabel('Type').selectOption({ label: 'Forsøk' });
      await page.getByLabel('Hva skjedde?').fill('Første ordlyd');
      await page.getByRole('button', { name: 'Legg til i loggen' }).click();
      const entry = page.getByRole('article').filter({ hasText: 'Første ordlyd' });
      await entry.getByRole('button', { name: /Endre/ }).click();
      await page.getByLabel('Hva skjedde?').fill('Ny ordlyd');
      await page.getByRole('button', { name: 'Lagre' }).click();

      const edited = page.getByRole('article').filter({ hasText: 'Ny ordlyd' });
      await expect(edited).toBeFocused();
      await expect(edited).toContainText('Endret');
      await edited.getByText('Se tidligere tekst (1)').click();
      await expect(edited).toContainText('Opprinnelig: Forsøk');
      await expect(edited.getByText('Første ordlyd')).toBeVisible();
    });
  });
});
