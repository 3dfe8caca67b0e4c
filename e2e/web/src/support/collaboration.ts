import { type APIRequestContext, type Locator, type Page, expect } from '@playwright/test';
import type { PartnershipResponse, ProjectResponse } from '@samspill/contracts';
import { DEMO_PASSWORD } from '@samspill/testing';

export const PILOTEN = 'PILOTen Hadeland';

/** Text no other test (or earlier run of this one) has written: tests share one database and run in any order. */
export function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Signs in through the API, for setting up what a test needs without clicking through it. */
export async function apiToken(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/**
 * A new person of a demo organisation, made through the API. A language chosen in the header is saved to the
 * person's profile, so a test that switches language does it as a person of its own, never as a demo account
 * that other tests use at the same time.
 */
export async function newPersonOf(
  request: APIRequestContext,
  organization: string,
  role: 'staff' | 'leader' | 'politician',
): Promise<string> {
  const token = await apiToken(request, 'admin@samspill.no');
  const headers = { Authorization: `Bearer ${token}` };
  const organizations = (await (await request.get('/api/organizations?limit=2000', { headers })).json()) as { id: string; name: string }[];
  const found = organizations.find((o) => o.name === organization);
  if (!found) throw new Error(`No organisation named ${organization}`);
  const email = `ny.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.no`;
  const response = await request.post('/api/users', {
    headers,
    data: { email, name: unique('Ny Person'), role, organizationId: found.id, password: DEMO_PASSWORD },
  });
  expect(response.status()).toBe(201);
  return email;
}

export async function partnershipNamed(request: APIRequestContext, token: string, name: string): Promise<PartnershipResponse> {
  const response = await request.get('/api/partnerships', { headers: { Authorization: `Bearer ${token}` } });
  const found = ((await response.json()) as PartnershipResponse[]).find((p) => p.name === name);
  if (!found) throw new Error(`No partnership named ${name}`);
  return found;
}

/** A fresh project in PILOTen Hadeland for Gran and Lunner, made through the API. */
export async function newPilotenProject(request: APIRequestContext, token: string, title: string): Promise<ProjectResponse> {
  const piloten = await partnershipNamed(request, token, PILOTEN);
  const response = await request.post('/api/projects', {
    headers: { Authorization: `Bearer ${token}` },
    data: { partnershipId: piloten.id, title, description: 'Laget av en nettlesertest.', participantIds: piloten.members.map((m) => m.id) },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as ProjectResponse;
}

/** The step of the stage track that says "the project is here now". */
export function currentStage(page: Page): Locator {
  return page.getByRole('list', { name: 'Trinnene' }).locator('[aria-current="step"]');
}

/** Presses Tab (or Shift+Tab) until the element is focused, as a keyboard user would; fails after `limit` presses. */
export async function tabTo(page: Page, target: Locator, limit = 60, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}
