import { type APIRequestContext, type Page, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './support/app';
import { PILOTEN, apiToken, partnershipNamed } from './support/collaboration';

/*
 * Issue 13: every route in every language, with no missing text (no raw message key, no unfilled
 * {placeholder}) and no English left in the other five.
 *
 * "English left" is checked against the dictionaries themselves: every English sentence (or longer word)
 * of en.ts that the language's own dictionary does not also use (cognates such as "Status" or
 * "Organisation") must not be visible. Names and data (organisations, projects, people) are the demo's,
 * the same in every language, and are not in en.ts.
 */

const LOCALES = ['nb', 'nn', 'da', 'sv', 'fi', 'en'] as const;
type Locale = (typeof LOCALES)[number];

const I18N = join(__dirname, '../../../apps/web/src/app/core/i18n');

/** The string values of a dictionary file and its feature dictionaries, read from the source with TypeScript's parser. */
function dictionaryValues(locale: Locale): string[] {
  return [`${locale}.ts`, `measurement.${locale}.ts`].flatMap((file) => {
    const source = ts.createSourceFile(file, readFileSync(join(I18N, file), 'utf8'), ts.ScriptTarget.Latest);
    const values: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) && (ts.isStringLiteral(node.initializer) || ts.isNoSubstitutionTemplateLiteral(node.initializer))) {
        values.push(node.initializer.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return values;
  });
}

/** Pieces of a message without its placeholders, long enough to tell a language by. */
function fragments(value: string): string[] {
  return (
    value
      .split(/\{\w+\}/)
      .map((piece) => piece.replace(/^[\s,.:;·()–-]+|[\s,.:;·()–-]+$/g, ''))
      // Several words, or one capitalised word (a label): a lone lower-case word is as likely a field name in the data.
      .filter((piece) => /\p{L}{3}/u.test(piece) && (piece.includes(' ') || (piece.length >= 6 && /^\p{Lu}/u.test(piece))))
  );
}

/** The top-level sections of the dictionaries: a raw key starts with one of them. */
function sections(): string[] {
  const found = new Set<string>();
  for (const file of ['nb.ts', 'measurement.nb.ts']) {
    for (const match of readFileSync(join(I18N, file), 'utf8').matchAll(/^ {2}(\w+): \{/gm)) found.add(match[1] ?? '');
  }
  return [...found];
}

const ENGLISH = new Set(dictionaryValues('en').flatMap(fragments));
const RAW_KEY = new RegExp(`(?<![\\w@./-])(?:${sections().join('|')})\\.[A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*(?![\\w@/-])`);

/** English fragments that a page in `locale` must not show. */
function englishLeftFor(locale: Locale): string[] {
  const own = new Set(dictionaryValues(locale).flatMap(fragments));
  return [...ENGLISH].filter((english) => !own.has(english) && ![...own].some((mine) => mine.includes(english)));
}

interface Routes {
  signedOut: string[];
  signedIn: string[];
}

async function routesOf(request: APIRequestContext): Promise<Routes> {
  const token = await apiToken(request, DEMO_ACCOUNTS.admin);
  const headers = { Authorization: `Bearer ${token}` };
  const pilot = await partnershipNamed(request, token, PILOTEN);
  const projects = (await (await request.get(`/api/projects?partnershipId=${pilot.id}&limit=200`, { headers })).json()) as {
    items: { id: string }[];
  };
  let projectId = projects.items[0]?.id ?? '';
  let indicatorId = '';
  for (const project of projects.items) {
    const indicators = (await (await request.get(`/api/projects/${project.id}/indicators`, { headers })).json()) as { id: string }[];
    if (indicators[0]) {
      projectId = project.id;
      indicatorId = indicators[0].id;
      break;
    }
  }
  const practices = (await (await request.get('/api/practices', { headers })).json()) as { items: { id: string }[] };
  const organizations = (await (await request.get('/api/organizations', { headers })).json()) as { id: string }[];
  return {
    signedOut: ['/sign-in', '/forgot-password', '/invitation/not-a-real-token', '/password-reset/not-a-real-token'],
    signedIn: [
      '/',
      '/overview',
      '/organizations',
      `/organizations/${organizations[0]?.id}/sign-in`,
      '/partnerships',
      `/partnerships/${pilot.id}`,
      `/partnerships/${pilot.id}/questions`,
      `/partnerships/${pilot.id}/projects`,
      `/partnerships/${pilot.id}/dashboard`,
      `/partnerships/${pilot.id}/politician`,
      '/projects',
      `/projects/${projectId}`,
      `/projects/${projectId}/indicators/${indicatorId}`,
      '/lessons',
      '/practices',
      '/practices/new',
      `/practices/${practices.items[0]?.id}`,
      '/people',
      '/invitations',
      '/profile',
      '/audit',
      '/no-such-page',
    ],
  };
}

/** A new administrator who reads `locale`, so the walk sees every route and leaves the demo people as they were. */
async function reader(request: APIRequestContext, locale: Locale): Promise<string> {
  const token = await apiToken(request, DEMO_ACCOUNTS.admin);
  const email = `sprak.${locale}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@samspill.no`;
  const response = await request.post('/api/users', {
    headers: { Authorization: `Bearer ${token}` },
    data: { email, name: `Språk ${locale}`, role: 'admin', password: DEMO_PASSWORD, locale },
  });
  expect(response.status()).toBe(201);
  return email;
}

/** What a person sees once the page has loaded: the title and the visible text. */
async function visibleText(page: Page, route: string): Promise<string> {
  await page.goto(route);
  await expect(page.locator('h1').first()).toBeVisible();
  await expect(page.locator('.loading')).toHaveCount(0);
  return `${await page.title()}\n${await page.locator('body').innerText()}`;
}

function problemsIn(text: string, englishLeft: string[]): string[] {
  const problems: string[] = [];
  const key = RAW_KEY.exec(text);
  if (key) problems.push(`raw key ${key[0]}`);
  const placeholder = /\{[a-zA-Z]+\}/.exec(text);
  if (placeholder) problems.push(`unfilled ${placeholder[0]}`);
  for (const english of englishLeft) {
    const at = new RegExp(`(?<![\\p{L}])${english.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u');
    if (at.test(text)) problems.push(`English "${english}"`);
  }
  return problems;
}

test('the checks find a raw key, an unfilled placeholder and English in another language', () => {
  const danish = englishLeftFor('da');
  expect(danish.length).toBeGreaterThan(300);
  expect(danish).toEqual(expect.arrayContaining(['Sign out', 'Skip to main content']));
  expect(danish).not.toContain('Status');
  expect(problemsIn('Log ud shell.signOut Hei {name}! Sign out', danish)).toEqual([
    'raw key shell.signOut',
    'unfilled {name}',
    'English "Sign out"',
  ]);
  expect(problemsIn('ansatt@gran.kommune.no Gran kommune · Status 12,5', danish)).toEqual([]);
});

test.describe('every route in every language', () => {
  let routes: Routes;

  test.beforeAll(async ({ request }) => {
    routes = await routesOf(request);
  });

  for (const locale of LOCALES) {
    test(`${locale}: no missing text, no English left`, async ({ page, request }) => {
      test.setTimeout(180_000);
      const englishLeft = locale === 'en' ? [] : englishLeftFor(locale);
      const email = await reader(request, locale);
      const problems: string[] = [];

      // Before sign-in, the language chosen on this device.
      await page.addInitScript((chosen) => {
        if (!sessionStorage.getItem('samspill.test.language-set')) {
          localStorage.setItem('samspill.locale', chosen);
          sessionStorage.setItem('samspill.test.language-set', 'yes');
        }
      }, locale);
      for (const route of routes.signedOut) {
        const text = await visibleText(page, route);
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        problems.push(...problemsIn(text, englishLeft).map((p) => `${route}: ${p}`));
      }

      // Signed in, the person's own language, whatever this device showed before.
      await page.evaluate(() => localStorage.setItem('samspill.locale', 'nb'));
      await page.goto('/sign-in');
      await page.locator('input[type="email"]').fill(email);
      await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
      await page.locator('form button[type="submit"]').click();
      await expect(page).not.toHaveURL(/sign-in/);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);

      for (const route of routes.signedIn) {
        const text = await visibleText(page, route);
        expect(await page.locator('html').getAttribute('lang')).toBe(locale);
        problems.push(...problemsIn(text, englishLeft).map((p) => `${route}: ${p}`));
      }
      expect(problems).toEqual([]);
    });
  }
});
