import { type Page, expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, accessibilityViolations, signIn } from './support/app';
import { tabTo, unique } from './support/collaboration';

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page.getByLabel('E-post')).toBeVisible();
}

/** Finds a practice by its title on the practices page and opens it. */
async function openPractice(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Praksiser' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Praksiser som deles' })).toBeFocused();
  await page.getByLabel('Søk i praksisene').fill(title);
  await page.getByRole('button', { name: 'Søk', exact: true }).click();
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test.describe('learning travels', () => {
  test('Bærum publishes a practice, NAV Drammen builds on it, and a leader follows the lineage both ways', async ({ page }) => {
    test.setTimeout(90_000);
    const origin = unique('Bærums veiledermodell');
    const built = unique('NAVs teammodell');

    // Bærum shares a practice; an empty form is refused in words first.
    await signIn(page, DEMO_ACCOUNTS.baerumStaff);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Praksiser' }).click();
    await page.getByRole('link', { name: 'Del en praksis' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Del en praksis' })).toBeFocused();
    await page.getByRole('button', { name: 'Del praksisen' }).click();
    await expect(page.locator('.ds-error-summary')).toBeFocused();
    await expect(page.getByRole('link', { name: 'Skriv navnet på praksisen.' })).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Navn på praksisen').fill(origin);
    await page.getByLabel('Kort sammendrag').fill('Hver enhet får en veileder i et halvt år.');
    await page.getByLabel('Beskrivelse').fill('Veilederne møtes i et nettverk på tvers av tjenestene.');
    await page.getByRole('button', { name: 'Del praksisen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: origin })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Bærum kommune, Norge');
    await expect(page.getByRole('main')).toContainText('Ingen praksiser er bygd på denne, og den bygger ikke på andre.');
    await signOut(page);

    // NAV Drammen builds on it: adapted, so it must say what changed.
    await signIn(page, DEMO_ACCOUNTS.navDrammenStaff);
    await openPractice(page, origin);
    await page.getByRole('link', { name: 'Bygg videre på denne praksisen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Del en praksis' })).toBeFocused();
    const basis = page.getByRole('group', { name: origin });
    await expect(basis.getByRole('radio', { name: 'Tilpasset' })).toBeChecked();
    await page.getByLabel('Navn på praksisen').fill(built);
    await page.getByLabel('Kort sammendrag').fill('Vi starter med ett team og tar veilederne med underveis.');
    await page.getByRole('button', { name: 'Del praksisen' }).click();
    await expect(page.getByRole('link', { name: 'Skriv hva dere endret og hvorfor.' })).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
    await basis.getByLabel('Hva endret dere, og hvorfor?').fill('Ett team først, ikke hele ledergruppen.');
    await page.getByRole('button', { name: 'Del praksisen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: built })).toBeVisible();
    const basedOn = page.getByRole('region', { name: 'Bygger på' });
    await expect(basedOn.getByRole('link', { name: origin })).toBeVisible();
    await expect(basedOn).toContainText('Hva som ble endret: Ett team først, ikke hele ledergruppen.');
    await signOut(page);

    // A leader follows the lineage: from Bærum's practice forward, then back, by keyboard.
    await signIn(page, DEMO_ACCOUNTS.lunnerLeader);
    await openPractice(page, origin);
    const lineage = page.getByRole('region', { name: 'Hvor den kom fra, og hvor den gikk' });
    await expect(
      lineage.getByRole('img', { name: `Slektstre for ${origin}: 2 praksiser. Den samme oversikten står som liste nedenfor.` }),
    ).toBeVisible();
    const forward = lineage.getByRole('region', { name: 'Gikk videre til' }).getByRole('link', { name: built });
    await tabTo(page, forward);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: built })).toBeFocused();
    const adoptions = page.getByRole('region', { name: 'Tatt i bruk av' });
    await expect(adoptions).toContainText('Ingen har tatt praksisen i bruk ennå.');
    expect(await accessibilityViolations(page)).toEqual([]);
    const back = page
      .getByRole('region', { name: 'Hvor den kom fra, og hvor den gikk' })
      .getByRole('region', { name: 'Kom fra' })
      .getByRole('link', { name: origin });
    await expect(back).toBeVisible();
    await back.click();
    await expect(page.getByRole('heading', { level: 1, name: origin })).toBeVisible();
    // On Bærum's page, NAV Drammen's adoption (recorded when it built on it) shows with what changed.
    await expect(page.getByRole('region', { name: 'Tatt i bruk av' })).toContainText('NAV Drammen');
    await expect(page.getByRole('region', { name: 'Tatt i bruk av' })).toContainText('Ett team først, ikke hele ledergruppen.');
  });

  test('the lessons search: a Danish word with a country filter, by keyboard, highlighted hits linking to their project', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await signIn(page, DEMO_ACCOUNTS.granLeader);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Erfaringer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Erfaringsbanken' })).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: /erfaringer, de nyeste først\./ })).toBeVisible();

    // The filter: Denmark only.
    await page.getByLabel('Land').selectOption({ label: 'Danmark' });
    await expect(page).toHaveURL(/country=DK/);
    const hits = page.getByRole('list', { name: 'Erfaringer' }).getByRole('listitem');
    await expect(hits.first()).toContainText('Roskilde Kommune (Danmark)');
    for (const hit of await hits.all()) await expect(hit).toContainText('Roskilde Kommune (Danmark)');

    // The search, by keyboard: type, Enter, then Tab to the first hit's project.
    const search = page.getByLabel('Søk i erfaringene');
    await tabTo(page, search, 60, 'Shift+Tab');
    await page.keyboard.type('tavlemøderne');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/q=tavlem%C3%B8derne/);
    await expect(page).toHaveURL(/country=DK/);
    await expect(page.getByRole('status').filter({ hasText: /passer til søket\./ })).toBeVisible();
    const first = hits.first();
    await expect(first.locator('mark').first()).toHaveText(/^tavlemøder/i);
    expect(await accessibilityViolations(page)).toEqual([]);

    const project = first.getByRole('link', { name: /^Prosjekt: / });
    const title = ((await project.textContent()) ?? '').replace('Prosjekt:', '').trim();
    await tabTo(page, project);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  });

  test('who has done this before, while typing a new project; spread on the overview and in plain words', async ({ page }) => {
    test.setTimeout(60_000);
    await signIn(page, DEMO_ACCOUNTS.granStaff);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Prosjekter' }).click();
    await page.getByRole('button', { name: 'Nytt prosjekt' }).click();
    const similar = page.getByRole('region', { name: 'Hvem har gjort dette før?' });
    await expect(similar).toContainText('Skriv navn og beskrivelse, så viser vi lignende arbeid.');
    await page.getByRole('textbox', { name: 'Tittel', exact: true }).fill('Tavlemøter og forbedringstavler');
    await expect(similar.getByRole('link', { name: 'Lean i Lunner' })).toBeVisible();
    await expect(similar.getByRole('status')).toContainText(/Fant \d+ prosjekter, \d+ praksiser og \d+ erfaringer som ligner\./);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Tall og framdrift' }).click();
    const spread = page.getByRole('region', { name: 'Praksis som sprer seg' });
    await expect(spread.getByRole('table', { name: 'Mest brukte praksiser' }).getByRole('link', { name: 'Lean i Lunner' })).toBeVisible();
    await expect(spread).toContainText('Land nådd');
    expect(await accessibilityViolations(page)).toEqual([]);
    await signOut(page);

    await signIn(page, DEMO_ACCOUNTS.lunnerPolitician);
    await page
      .getByRole('link', { name: /^Slik går det i / })
      .first()
      .click();
    const plain = page.getByRole('region', { name: 'Praksis som sprer seg' });
    await expect(plain).toContainText(/organisasjoner har tatt i bruk «Lean i Lunner» fra Lunner kommune\./);
    await expect(plain).toContainText('Lunner kommune har delt én praksis');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
