import { type APIRequestContext, type Page, expect, test } from '@playwright/test';
import type { OrganizationResponse, UserResponse } from '@samspill/contracts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, accessibilityViolations, signIn } from './support/app';
import { apiToken, unique } from './support/collaboration';
import { linkPath, mailTo } from './support/mail';

const NEW_PASSWORD = 'en lang setning som passord';

/** A fresh address: tests share one server and run in any order. */
const address = (who: string) => `${unique(who).replace(/\s+/g, '.').toLowerCase()}@gran.kommune.no`;

/** A fresh Gran person made by the admin through the API, for a test that needs someone of its own. */
async function newPerson(request: APIRequestContext, name: string): Promise<UserResponse> {
  const token = await apiToken(request, DEMO_ACCOUNTS.admin);
  const organizations = (await (
    await request.get('/api/organizations', { headers: { Authorization: `Bearer ${token}` } })
  ).json()) as OrganizationResponse[];
  const gran = organizations.find((o) => o.name === 'Gran kommune');
  const response = await request.post('/api/users', {
    headers: { Authorization: `Bearer ${token}` },
    data: { email: address(name), name, role: 'staff', organizationId: gran?.id, password: DEMO_PASSWORD },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as UserResponse;
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logg ut', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logg inn i Samspill' })).toBeVisible();
}

test.describe('people and invitations', () => {
  test('a leader invites a colleague, who accepts from the mail, is signed in, and signs in again later', async ({ page, browser }) => {
    // Two people, two browsers and three password hashings (accepting, the refused second use, signing in): more than 30 s on a busy machine.
    test.slow();
    const email = address('kari kollega');
    await signIn(page, DEMO_ACCOUNTS.granLeader);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Personer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Personer' })).toBeFocused();
    await expect(page.getByRole('rowheader', { name: /Gunnar Ansatt/ })).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Inviter en ny person' }).click();
    await expect(page).toHaveTitle('Invitasjoner – Samspill');
    const form = page.getByRole('region', { name: 'Inviter en person' });
    await form.getByRole('button', { name: 'Send invitasjonen' }).click();
    await expect(form.locator('.ds-error-summary')).toBeFocused();
    await expect(form.locator('.ds-error-summary')).toContainText('Skriv inn e-postadressen.');
    expect(await accessibilityViolations(page)).toEqual([]);

    await form.getByLabel('Navn').fill('Kari Kollega');
    await form.getByLabel('E-post', { exact: true }).fill(email);
    await form.getByLabel('Rolle').selectOption({ label: 'Ansatt' });
    // No organisation to choose: a leader invites into their own.
    await expect(form.getByLabel('Organisasjon')).toHaveCount(0);
    await form.getByRole('button', { name: 'Send invitasjonen' }).click();
    await expect(form.getByRole('status')).toHaveText(`Invitasjonen til ${email} er sendt.`);
    const row = page.getByRole('row', { name: new RegExp(email.replaceAll('.', '\\.')) });
    await expect(row).toContainText('Gran kommune');
    await expect(row).toContainText('Sendt');

    const mail = await mailTo(email);
    expect(mail.subject).toBe('Du er invitert til Samspill');
    expect(mail.text).toContain('Guro Leder har invitert deg til Samspill som en del av Gran kommune.');

    // The colleague opens the link on their own computer.
    const colleague = await browser.newContext({ locale: 'nb-NO' });
    const theirs = await colleague.newPage();
    await theirs.goto(linkPath(mail, 'invitation'));
    await expect(theirs.getByRole('heading', { level: 1, name: 'Velkommen til Samspill' })).toBeVisible();
    expect(await accessibilityViolations(theirs)).toEqual([]);
    await theirs.getByLabel('Passord', { exact: true }).fill(NEW_PASSWORD);
    await theirs.getByLabel('Gjenta passordet').fill('noe annet helt');
    await theirs.getByRole('button', { name: 'Lagre passordet og logg inn' }).click();
    await expect(theirs.locator('.ds-error-summary')).toContainText('Passordene er ikke like.');
    await theirs.getByLabel('Gjenta passordet').fill(NEW_PASSWORD);
    await theirs.getByRole('button', { name: 'Lagre passordet og logg inn' }).click();
    await expect(theirs.getByRole('banner')).toContainText('Kari Kollega');
    await expect(theirs.getByRole('banner')).toContainText('Ansatt · Gran kommune');

    // The link worked once.
    await signOut(theirs);
    await theirs.goto(linkPath(mail, 'invitation'));
    await theirs.getByLabel('Passord', { exact: true }).fill(NEW_PASSWORD);
    await theirs.getByLabel('Gjenta passordet').fill(NEW_PASSWORD);
    await theirs.getByRole('button', { name: 'Lagre passordet og logg inn' }).click();
    await expect(theirs.locator('.ds-error-summary')).toContainText('Lenken virker ikke lenger');
    // The chosen password works.
    await signIn(theirs, email, NEW_PASSWORD);
    await expect(theirs.getByRole('banner')).toContainText('Kari Kollega');
    await colleague.close();

    // For the leader, the invitation has been answered.
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'Venter på svar' })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(email.replaceAll('.', '\\.')) })).toHaveCount(0);
  });

  test('a leader finds a colleague and changes their role; their own role is not offered', async ({ page, request }) => {
    const person = await newPerson(request, unique('Per Person'));
    await signIn(page, DEMO_ACCOUNTS.granLeader);
    await page.goto('/people');
    const filters = page.getByRole('search', { name: 'Finn personer' });
    await filters.getByLabel('Søk på navn eller e-post').fill(person.name);
    await filters.getByRole('button', { name: 'Vis' }).click();
    await expect(page.getByText('1–1 av 1')).toBeVisible();
    await page.getByRole('button', { name: `Endre ${person.name}` }).click();
    const editor = page.getByRole('region', { name: `Endre ${person.name}` });
    await expect(editor.getByLabel('Navn')).toBeFocused();
    await expect(editor.getByLabel('Rolle').locator('option')).toHaveText(['Ansatt', 'Leder', 'Politiker']);
    expect(await accessibilityViolations(page)).toEqual([]);
    await editor.getByLabel('Rolle').selectOption({ label: 'Leder' });
    await editor.getByRole('button', { name: 'Lagre' }).click();
    await expect(page.getByRole('status').filter({ hasText: `${person.name} er lagret.` })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(person.name) })).toContainText('Leder');
    await expect(page.getByRole('button', { name: `Endre ${person.name}` })).toBeFocused();

    await filters.getByLabel('Søk på navn eller e-post').fill('Guro Leder');
    await filters.getByRole('button', { name: 'Vis' }).click();
    await page.getByRole('button', { name: 'Endre Guro Leder' }).click();
    const own = page.getByRole('region', { name: 'Endre Guro Leder' });
    await expect(own).toContainText('Du kan ikke endre din egen rolle.');
    await expect(own.getByLabel('Rolle')).toHaveCount(0);
  });
});

test.describe('organisations', () => {
  test('an admin merges two municipalities; the merged one stays in the list, inactive, and joins nothing new', async ({ page }) => {
    // Two organisations made, a merger, three pages and three axe runs: near 30 s on a busy machine.
    test.slow();
    const old = unique('Gamle kommune');
    const successor = unique('Nye kommune');
    await signIn(page, DEMO_ACCOUNTS.admin);
    await page.getByRole('link', { name: 'Organisasjoner' }).click();
    const create = page.getByRole('region', { name: 'Legg til en organisasjon' });
    for (const name of [old, successor]) {
      await create.getByLabel('Navn').fill(name);
      await create.getByLabel('Type').selectOption({ label: 'Kommune' });
      await create.getByRole('button', { name: 'Legg til organisasjonen' }).click();
      await expect(create.getByRole('status')).toHaveText(`${name} er lagt til.`);
    }

    await page.getByRole('button', { name: `Slå sammen ${old}` }).click();
    const merge = page.getByRole('region', { name: `Slå sammen ${old} med en annen organisasjon` });
    await expect(merge.getByLabel('Blir en del av')).toBeFocused();
    await expect(merge).toContainText(`Historikken beholder navnet ${old}`);
    // Not into itself.
    await expect(merge.getByLabel('Blir en del av').locator('option', { hasText: old })).toHaveCount(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await merge.getByRole('button', { name: 'Slå sammen' }).click();
    await expect(merge.locator('.ds-error-summary')).toContainText('Velg organisasjonen den blir en del av.');
    await merge.getByLabel('Blir en del av').selectOption({ label: successor });
    await merge.getByRole('button', { name: 'Slå sammen' }).click();

    await expect(page.getByRole('status').filter({ hasText: `${old} er nå en del av ${successor}.` })).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(old) });
    await expect(row).toContainText('Ikke aktiv');
    await expect(row).toContainText(`Nå en del av ${successor}`);
    await expect(page.getByRole('button', { name: `Slå sammen ${old}` })).toHaveCount(0);
    await expect(page.getByRole('button', { name: `Endre ${old}` })).toBeFocused();
    expect(await accessibilityViolations(page)).toEqual([]);

    // It can no longer be chosen for a new partnership.
    await page.goto('/partnerships');
    await expect(page.getByRole('heading', { level: 1, name: 'Samarbeid' })).toBeVisible();
    await expect(page.getByLabel(old, { exact: true })).toHaveCount(0);
    await expect(page.getByLabel(successor, { exact: true }).first()).toBeVisible();

    // A fresh load (one token renewal; a reload straight before it would race it with a second one).
    await page.goto('/organizations');
    await expect(page.getByRole('row', { name: new RegExp(old) })).toContainText('Ikke aktiv');
  });

  test('the observers of PILOTen Hadeland are shown as such, and an observer reads the partnership without ways to change it', async ({
    page,
  }) => {
    await signIn(page, DEMO_ACCOUNTS.statsforvalterenStaff);
    await page.goto('/partnerships');
    await page.getByRole('link', { name: 'PILOTen Hadeland' }).first().click();
    const observers = page.getByRole('region', { name: 'Observatører' });
    await expect(observers.getByRole('listitem')).toHaveText(['Høgskolen i Innlandet', 'Statsforvalteren i Innlandet']);
    await expect(observers).toContainText('kan lese alt, men skriver ingenting');
    await expect(page.getByRole('button', { name: 'Endre navn, beskrivelse og medlemmer' })).toHaveCount(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

test.describe('self-service', () => {
  test('a forgotten password: the link from the mail sets a new one, once', async ({ page, request }) => {
    const person = await newPerson(request, unique('Glemsk Person'));
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Glemt passordet?' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Glemt passordet?' })).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('E-post').fill(person.email);
    await page.getByRole('button', { name: 'Send lenken' }).click();
    await expect(page.getByText('Hvis adressen hører til en konto i Samspill, er en lenke på vei.')).toBeFocused();

    const mail = await mailTo(person.email);
    expect(mail.subject).toBe('Nytt passord i Samspill');
    await page.goto(linkPath(mail, 'password-reset'));
    await expect(page.getByRole('heading', { level: 1, name: 'Velg et nytt passord' })).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Nytt passord').fill(NEW_PASSWORD);
    await page.getByLabel('Gjenta passordet').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Lagre det nye passordet' }).click();
    await expect(page.getByText('Passordet er endret. Logg inn med det nye passordet.')).toBeVisible();

    await signIn(page, person.email, NEW_PASSWORD);
    await expect(page.getByRole('banner')).toContainText(person.name);
  });

  test('the language chosen in the profile follows the person to another device', async ({ page, browser, request }) => {
    const person = await newPerson(request, unique('Reisende Person'));
    await signIn(page, person.email);
    await page.getByRole('link', { name: 'Min profil' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Min profil' })).toBeFocused();
    expect(await accessibilityViolations(page)).toEqual([]);
    const details = page.getByRole('region', { name: 'Navn og språk' });
    await details.getByLabel('Navn').fill(`${person.name} Endret`);
    await details.getByLabel('Språk').selectOption({ label: 'English' });
    await details.getByRole('button', { name: 'Lagre' }).click();
    await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
    // The page now speaks English, its section headings too.
    await expect(page.getByRole('region', { name: 'Name and language' }).getByRole('status')).toHaveText('Your changes are saved.');
    await expect(page.getByRole('banner')).toContainText(`${person.name} Endret`);

    // Another device, which has never seen this person, opens in bokmål until they sign in.
    const other = await browser.newContext({ locale: 'nb-NO' });
    const laptop = await other.newPage();
    await laptop.goto('/sign-in');
    await laptop.getByLabel('E-post').fill(person.email);
    await laptop.getByLabel('Passord').fill(DEMO_PASSWORD);
    await laptop.getByRole('button', { name: 'Logg inn' }).click();
    await expect(laptop.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
    await expect(laptop.locator('html')).toHaveAttribute('lang', 'en');
    await other.close();
  });
});

test.describe('sessions', () => {
  test('a person ends the session on another device from the profile; this one keeps working, until signing out everywhere', async ({
    page,
    browser,
    request,
  }) => {
    const person = await newPerson(request, unique('Reisende Telefon'));
    // Their phone, signed in first.
    const phoneContext = await browser.newContext({
      locale: 'nb-NO',
      userAgent: 'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0',
    });
    const phone = await phoneContext.newPage();
    await signIn(phone, person.email);
    await expect(phone.getByRole('banner')).toContainText(person.name);

    await signIn(page, person.email);
    await page.getByRole('link', { name: 'Min profil' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Min profil' })).toBeFocused();
    const sessions = page.getByRole('region', { name: 'Innlogginger' });
    const table = sessions.getByRole('region', { name: 'Dine innlogginger' });
    await expect(table.getByRole('row')).toHaveCount(3);
    await expect(table.getByRole('row', { name: /Denne enheten/ })).toContainText('Chrome på');
    await expect(table.getByRole('row', { name: /Firefox på Android/ })).not.toContainText('Denne enheten');
    expect(await accessibilityViolations(page)).toEqual([]);

    // By keyboard: the button for the phone, then Enter.
    const signOutPhone = sessions.getByRole('button', { name: /^Logg ut Firefox på Android, innlogget / });
    await signOutPhone.focus();
    await page.keyboard.press('Enter');
    await expect(sessions.getByRole('status')).toHaveText('Firefox på Android er logget ut.');
    await expect(page.locator('#sessions-message')).toBeFocused();
    await expect(table.getByRole('row')).toHaveCount(2);

    // The phone's next step finds its session ended, at once: its access token no longer works either.
    await phone.getByRole('link', { name: 'Min profil' }).click();
    await expect(phone.getByRole('heading', { level: 1, name: 'Logg inn i Samspill' })).toBeVisible();
    await expect(phone.getByText('Økten din er avsluttet. Logg inn igjen for å fortsette.')).toBeVisible();

    // This device keeps working, after a reload too.
    await page.reload();
    await expect(page.getByRole('banner')).toContainText(person.name);
    await expect(page.getByRole('region', { name: 'Dine innlogginger' }).getByRole('row')).toHaveCount(2);

    // Signing in on the phone again, then out everywhere from here: both are signed out.
    await signIn(phone, person.email);
    await page.getByRole('button', { name: 'Logg ut på alle enheter' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Logg inn i Samspill' })).toBeVisible();
    await phone.getByRole('link', { name: 'Min profil' }).click();
    await expect(phone.getByRole('heading', { level: 1, name: 'Logg inn i Samspill' })).toBeVisible();
    await phoneContext.close();
  });
});

test.describe('the audit trail', () => {
  test('an admin narrows the trail to role changes, reads who changed what, and downloads it as CSV', async ({ page, request }) => {
    const person = await newPerson(request, unique('Loggført Person'));
    const token = await apiToken(request, DEMO_ACCOUNTS.admin);
    expect(
      (
        await request.patch(`/api/users/${person.id}`, { headers: { Authorization: `Bearer ${token}` }, data: { role: 'politician' } })
      ).status(),
    ).toBe(200);

    await signIn(page, DEMO_ACCOUNTS.admin);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Endringslogg' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Endringslogg' })).toBeFocused();
    const filters = page.getByRole('search', { name: 'Avgrens loggen' });
    await filters.getByLabel('Hva').selectOption({ label: 'Endret rolle' });
    await filters.getByRole('button', { name: 'Vis' }).click();
    const entry = page.getByRole('row', { name: /Endret rolle/ }).first();
    await expect(entry).toContainText('Plattformadministrator');
    await expect(entry).toContainText('staff');
    await expect(entry).toContainText('politician');
    expect(await accessibilityViolations(page)).toEqual([]);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Last ned som CSV (Excel)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^samspill-logg-alle-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  test('staff see no audit trail and no people in the menu', async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.granStaff);
    const menu = page.getByRole('navigation', { name: 'Hovedmeny' });
    await expect(menu.getByRole('link', { name: 'Endringslogg' })).toHaveCount(0);
    await expect(menu.getByRole('link', { name: 'Personer' })).toHaveCount(0);
  });
});
