import { type APIRequestContext, type Page, expect, test } from '@playwright/test';
import type { Comment, MentionCandidate } from '@samspill/contracts';
import { DEMO_ACCOUNTS, accessibilityViolations, signIn } from './support/app';
import { apiToken, newPilotenProject, partnershipNamed, tabTo, unique } from './support/collaboration';
import { mailTo } from './support/mail';

/** The demo's `platform` partnership (Bærum and Vestre Toten); Roskilde is not part of it. */
const BENEFITS_NETWORK = 'Gevinstnettverket';

/** Writes a comment as someone else, through the API: the change the person in the browser did not make. */
async function postComment(
  request: APIRequestContext,
  token: string,
  path: string,
  body: { text: string; parentId?: string; mentionIds?: string[] },
): Promise<Comment> {
  const response = await request.post(`/api/${path}/comments`, { headers: { Authorization: `Bearer ${token}` }, data: body });
  expect(response.status()).toBe(201);
  return (await response.json()) as Comment;
}

async function personInThread(request: APIRequestContext, token: string, path: string, q: string): Promise<MentionCandidate> {
  const response = await request.get(`/api/${path}/comments/mentionable`, { headers: { Authorization: `Bearer ${token}` }, params: { q } });
  expect(response.ok()).toBe(true);
  const [person] = (await response.json()) as MentionCandidate[];
  if (!person) throw new Error(`nobody called ${q} may see ${path}`);
  return person;
}

/**
 * What sticks out sideways at this width inside `scope` (WCAG 1.4.10, reflow): the innermost elements whose right
 * edge passes the viewport's, named so a failure says which. Empty when everything fits.
 */
async function overflowing(page: Page, scope: string): Promise<string[]> {
  return page.locator(scope).evaluateAll((roots) => {
    const width = document.documentElement.clientWidth;
    const sticksOut = (element: Element) => element.getBoundingClientRect().right > width + 1;
    return roots.flatMap((root) =>
      [root, ...Array.from(root.querySelectorAll('*'))]
        .filter((element) => sticksOut(element) && !Array.from(element.children).some(sticksOut))
        .map(
          (element) => `${element.tagName.toLowerCase()}.${String(element.className)}: ${element.textContent?.trim().slice(0, 40) ?? ''}`,
        ),
    );
  });
}

test.describe('talking to each other', () => {
  test('a thread on a project: posting with a mention, rewording, replying and deleting, by keyboard where it matters', async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    const token = await apiToken(request, DEMO_ACCOUNTS.granStaff);
    const project = await newPilotenProject(request, token, unique('Tavlemøter i hjemmetjenesten'));

    await signIn(page, DEMO_ACCOUNTS.granStaff);
    await page.goto(`/projects/${project.id}`);
    await expect(page.getByRole('heading', { level: 1, name: project.title })).toBeVisible();
    const discussion = page.getByRole('region', { name: 'Samtale' });
    await expect(discussion).toContainText('Ingen har skrevet noe her ennå.');
    // The creator follows what they made.
    await expect(page.getByRole('switch', { name: 'Følg prosjektet' })).toBeChecked();

    // An empty comment is refused in words before anything is sent.
    await discussion.getByRole('button', { name: 'Publiser' }).click();
    await expect(discussion.getByRole('link', { name: 'Skriv noe før du publiserer.' })).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Text that looks like HTML stays text; a mention is chosen with the arrow keys.
    const text = 'Hvordan fikk dere <b>lederne</b> med?';
    await discussion.getByLabel('Innlegget ditt').fill(text);
    await expect(discussion).toContainText('9 963 tegn igjen');
    const search = discussion.getByRole('combobox', { name: /Nevn personer/ });
    await search.fill('Lars');
    await expect(discussion.getByRole('option', { name: /Lars Ansatt/ })).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
    await search.press('ArrowDown');
    await search.press('Enter');
    await expect(discussion.getByRole('list', { name: 'Nevnt' })).toContainText('Lars Ansatt');
    await discussion.getByRole('button', { name: 'Publiser' }).click();

    const comments = discussion.getByRole('list', { name: 'Samtale' });
    const first = comments.locator('article').first();
    await expect(first).toBeFocused();
    await expect(first.locator('.text')).toHaveText(text);
    await expect(first.locator('b')).toHaveCount(0);
    await expect(first).toContainText('Nevnt: Lars Ansatt');

    // Rewording keeps the earlier wording, a click away.
    await first.getByRole('button', { name: /^Rediger/ }).click();
    await expect(first.getByLabel('Ny tekst')).toBeFocused();
    await first.getByLabel('Ny tekst').fill('Hvordan fikk dere lederne med fra første dag?');
    await first.getByRole('button', { name: 'Lagre' }).click();
    await expect(first).toContainText('(redigert');
    await first.getByRole('button', { name: 'Tidligere versjoner' }).click();
    await expect(first).toContainText(text);

    // A reply sits under the comment it answers.
    await first.getByRole('button', { name: 'Svar til Gunnar Ansatt' }).click();
    await discussion.getByLabel('Svaret ditt').fill('Vi begynte med ett team.');
    await discussion.getByRole('button', { name: 'Send svar' }).click();
    const replies = discussion.getByRole('list', { name: 'Svar på innlegget fra Gunnar Ansatt' });
    await expect(replies).toContainText('Vi begynte med ett team.');

    // Deleting asks first; the replies keep their place under "deleted".
    await first.getByRole('button', { name: /^Slett/ }).click();
    await expect(page.getByRole('button', { name: 'Ja, slett' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(first).toContainText('Innlegget er slettet.');
    await expect(replies).toContainText('Vi begynte med ett team.');
    expect(await accessibilityViolations(page)).toEqual([]);

    // At 320 px the thread still fits.
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await overflowing(page, 'main, header')).toEqual([]);
  });

  test('a politician reads the thread and gets no form', async ({ page, request }) => {
    const token = await apiToken(request, DEMO_ACCOUNTS.lunnerStaff);
    const project = await newPilotenProject(request, token, unique('Felles innkjøp'));
    await postComment(request, token, `projects/${project.id}`, { text: 'Vi har en avtale som kan utvides.' });

    await signIn(page, DEMO_ACCOUNTS.granPolitician);
    await page.goto(`/projects/${project.id}`);
    const discussion = page.getByRole('region', { name: 'Samtale' });
    await expect(discussion).toContainText('Vi har en avtale som kan utvides.');
    await expect(discussion).toContainText('politikere skriver ikke i den');
    await expect(discussion.getByRole('textbox')).toHaveCount(0);
    await expect(discussion.getByRole('button')).toHaveCount(0);
  });

  test('a notification arrives live when someone else mentions you, and leads to the comment', async ({ page, request }) => {
    test.setTimeout(90_000);
    const granToken = await apiToken(request, DEMO_ACCOUNTS.granStaff);
    const project = await newPilotenProject(request, granToken, unique('Velferdsteknologi'));
    // An observer's researcher: no other test's stage moves or comments reach him, so the count is his alone.
    const hakon = await personInThread(request, granToken, `projects/${project.id}`, 'Håkon');

    await signIn(page, DEMO_ACCOUNTS.hogskolenStaff);
    const bell = page.getByRole('banner').getByRole('link', { name: /^Varsler/ });
    await expect(bell).toBeVisible();
    // Whatever was unread before, this page has not been reloaded when the new one arrives.
    const before = Number((await bell.getAttribute('aria-label'))?.match(/(\d+) uleste/)?.[1] ?? 0);
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

    const comment = await postComment(request, granToken, `projects/${project.id}`, {
      text: 'Håkon, kan høgskolen følge med på målingene?',
      mentionIds: [hakon.id],
    });
    await expect(bell).toHaveAttribute('aria-label', `Varsler, ${before + 1} uleste`);
    await expect(page.getByRole('banner').locator('[aria-live="polite"]')).toHaveText(
      `Nytt varsel: Gunnar Ansatt nevnte deg i «${project.title}».`,
    );
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

    // The list, with the newest first; by keyboard from the bell to the comment.
    await bell.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Varsler' })).toBeFocused();
    const newest = page.locator('#notifications > li').first();
    await expect(newest).toContainText('Nevnt');
    await expect(newest).toContainText(project.title);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await overflowing(page, 'main, header')).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });

    const link = newest.getByRole('link');
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: project.title })).toBeVisible();
    await expect(page.locator(`#comment-${comment.id}`)).toBeFocused();
    await expect(bell).toHaveAttribute('aria-label', before === 0 ? 'Varsler, ingen uleste' : `Varsler, ${before} uleste`);

    // Mark all read from the list.
    await bell.click();
    if (before > 0) {
      await page.getByRole('button', { name: 'Merk alle som lest' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Alle varsler er merket som lest.' })).toBeAttached();
    }
    await expect(bell).toHaveAttribute('aria-label', 'Varsler, ingen uleste');
  });

  test('notification and e-mail settings are saved on the profile page', async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.vestreTotenStaff);
    // From the notifications, by their link to the settings.
    await page
      .getByRole('banner')
      .getByRole('link', { name: /^Varsler/ })
      .click();
    await page.getByRole('link', { name: 'Varsel- og e-postinnstillinger' }).click();
    const settings = page.getByRole('region', { name: 'Varsler og e-post' });
    await expect(settings).toBeFocused();
    const digest = settings.getByRole('group', { name: 'Oppsummering på e-post' });
    await expect(digest.getByRole('radio', { name: 'Hver uke' })).toBeChecked();
    await expect(settings.getByRole('checkbox', { name: 'Når noen nevner meg' })).toBeChecked();

    await digest.getByRole('radio', { name: 'Hver dag' }).check();
    await settings.getByRole('checkbox', { name: 'Når noen svarer på innlegget mitt' }).uncheck();
    await settings.getByRole('button', { name: 'Lagre innstillingene' }).click();
    await expect(settings).toContainText('Innstillingene er lagret.');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.reload();
    const again = page.getByRole('region', { name: 'Varsler og e-post' });
    await expect(again.getByRole('radio', { name: 'Hver dag' })).toBeChecked();
    await expect(again.getByRole('checkbox', { name: 'Når noen svarer på innlegget mitt' })).not.toBeChecked();
    await expect(again.getByRole('checkbox', { name: 'Når noen nevner meg' })).toBeChecked();
  });

  test('a question from the floor on a platform partnership, answered by the partnership', async ({ page, request }) => {
    const memberToken = await apiToken(request, DEMO_ACCOUNTS.vestreTotenStaff);
    const network = await partnershipNamed(request, memberToken, BENEFITS_NETWORK);
    const question = unique('Hvordan holder I tavlemøderne korte?');

    // Roskilde is not in the benefits network; on a platform partnership it may still ask. The demo's earlier
    // question from Roskilde is there already, answered by Vestre Toten.
    await signIn(page, DEMO_ACCOUNTS.roskildeStaff);
    await page.goto(`/partnerships/${network.id}`);
    await expect(page.getByRole('heading', { level: 1, name: BENEFITS_NETWORK })).toBeVisible();
    const floor = page.getByRole('region', { name: 'Spørsmål fra salen' });
    await expect(floor.getByRole('listitem').filter({ hasText: 'gevinsterne synlige for politikerne' })).toContainText('Besvart');
    const discussion = page.getByRole('region', { name: 'Samtale' });
    await discussion.getByLabel('Innlegget ditt').fill(question);
    await discussion.getByRole('button', { name: 'Publiser' }).click();
    await expect(discussion.getByRole('list', { name: 'Samtale' })).toContainText(question);
    const asked = floor.getByRole('listitem').filter({ hasText: question });
    await expect(asked).toContainText('Ikke besvart');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Vestre Toten answers; the question reads as answered.
    const comments = (await (
      await request.get(`/api/partnerships/${network.id}/comments`, { headers: { Authorization: `Bearer ${memberToken}` } })
    ).json()) as Comment[];
    const mine = comments.find((comment) => comment.text === question);
    expect(mine?.fromFloor).toBe(true);
    await postComment(request, memberToken, `partnerships/${network.id}`, {
      text: 'Vi står, og vi stopper etter 15 minutter.',
      parentId: mine?.id,
    });
    await page.reload();
    await expect(
      page.getByRole('region', { name: 'Spørsmål fra salen' }).getByRole('listitem').filter({ hasText: question }),
    ).toContainText('Besvart');
    await page
      .getByRole('region', { name: 'Spørsmål fra salen' })
      .getByRole('listitem')
      .filter({ hasText: question })
      .getByRole('link')
      .click();
    await expect(page.locator(`#comment-${mine?.id}`)).toBeFocused();
  });

  test('the unsubscribe link in a mention mail works in one press without signing in; a forged one is refused', async ({
    page,
    request,
  }) => {
    const granToken = await apiToken(request, DEMO_ACCOUNTS.granStaff);
    const project = await newPilotenProject(request, granToken, unique('Digital hjemmeoppfølging'));
    const siri = await personInThread(request, granToken, `projects/${project.id}`, 'Siri');
    await postComment(request, granToken, `projects/${project.id}`, { text: 'Siri, hva sier Statsforvalteren?', mentionIds: [siri.id] });

    const mail = await mailTo(DEMO_ACCOUNTS.statsforvalterenStaff);
    const path = /https?:\/\/[^/\s]+(\/unsubscribe\?token=[^\s>]+)/.exec(mail.text)?.[1];
    expect(path).toBeTruthy();

    // Nobody is signed in in this browser.
    await page.goto(path ?? '/unsubscribe');
    await expect(page.getByRole('heading', { level: 1, name: 'Meld av e-post fra Samspill' })).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Meld meg av' }).click();
    await expect(page.getByText('Du får ikke lenger e-post når noen nevner deg.')).toBeVisible();

    await page.goto('/unsubscribe?token=forged.token');
    await page.getByRole('button', { name: 'Meld meg av' }).click();
    await expect(page.getByRole('alert')).toContainText('Lenken kan ikke brukes til å melde deg av.');

    // Signed in, her settings say the same.
    await signIn(page, DEMO_ACCOUNTS.statsforvalterenStaff);
    await page.goto('/profile');
    await expect(
      page.getByRole('region', { name: 'Varsler og e-post' }).getByRole('checkbox', { name: 'Når noen nevner meg' }),
    ).not.toBeChecked();
  });

  test("a practice's thread and follow button, checked with axe", async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.vestreTotenStaff);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Praksiser' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Praksiser som deles' })).toBeFocused();
    await page.getByRole('main').getByRole('list').first().getByRole('link').first().click();
    const discussion = page.getByRole('region', { name: 'Samtale' });
    await expect(discussion.getByLabel('Innlegget ditt')).toBeVisible();
    const follow = page.getByRole('switch', { name: 'Følg praksisen' });
    const following = (await follow.getAttribute('aria-checked')) === 'true';
    await follow.click();
    await expect(follow).toHaveAttribute('aria-checked', String(!following));
    await expect(
      page.getByRole('status').filter({ hasText: following ? 'Du følger ikke dette lenger.' : 'Du følger nå dette.' }),
    ).toBeAttached();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
