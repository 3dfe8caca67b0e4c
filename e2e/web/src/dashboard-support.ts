import { type APIRequestContext, type Page, type Response, expect } from '@playwright/test';
import type { AuthResponse, PartnershipDashboard, PartnershipResponse } from '@samspill/contracts';
import { DEMO_PASSWORD } from './support/app';

export const HADELAND = 'PILOTen Hadeland';
export const NAV_DRAMMEN = 'Lean i NAV Drammen';
export const STAGE_NAMES = ['Lære og utforske sammen', 'Utvikle og teste', 'Etablere ny praksis'] as const;
export const STAGES = ['learn', 'test', 'establish'] as const;

/** Finds a partnership's id through the API, as the given person sees it. */
export async function partnershipId(request: APIRequestContext, email: string, name: string): Promise<string> {
  const login = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(login.ok()).toBe(true);
  const { accessToken } = (await login.json()) as AuthResponse;
  const list = await request.get('/api/partnerships', { headers: { authorization: `Bearer ${accessToken}` } });
  const partnership = ((await list.json()) as PartnershipResponse[]).find((p) => p.name === name);
  if (!partnership) throw new Error(`${email} cannot see ${name}`);
  return partnership.id;
}

/**
 * The dashboard response the page itself received. Other test files may add
 * projects to the demo partnership while this one runs, so the page is
 * checked against the numbers it was given, and the demo's own facts as
 * lower bounds.
 */
export function dashboardResponse(page: Page): Promise<Response> {
  return page.waitForResponse((r) => /\/api\/dashboard\/partnerships\/[^/]+$/.test(new URL(r.url()).pathname) && r.ok());
}

export async function dashboardOf(response: Response): Promise<PartnershipDashboard> {
  return (await response.json()) as PartnershipDashboard;
}

/** Rows of a table as text, header cells included, without text meant for screen readers only. */
export async function tableRows(page: Page, name: string): Promise<string[][]> {
  return page
    .getByRole('table', { name, exact: true })
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? '')),
    );
}
