import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, signIn } from './support/app';
import { apiToken, currentStage, newPilotenProject, unique } from './support/collaboration';

test('a stage move is one request: the page shows the project and the decision the answer carries', async ({ page, request }) => {
  const title = unique('Ett kall per trinnskifte');
  const project = await newPilotenProject(request, await apiToken(request, DEMO_ACCOUNTS.granStaff), title);
  await signIn(page, DEMO_ACCOUNTS.granStaff);
  await page.goto(`/projects/${project.id}`);
  await expect(page.locator('sp-stage-history li')).toHaveCount(1);

  await page.getByRole('button', { name: 'Flytt fram til Utvikle og teste' }).click();
  await page.getByLabel('Hvorfor skal prosjektet flyttes til «Utvikle og teste»?').fill('Vi er klare til å prøve.');
  const requests: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) requests.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  await page.getByRole('button', { name: 'Flytt til Utvikle og teste' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Trinn og status' })).toBeFocused();
  await expect(currentStage(page)).toContainText('Utvikle og teste');
  await expect(page.locator('sp-stage-history li').last()).toContainText('Fra «Lære og utforske sammen» til «Utvikle og teste»');
  await expect(page.locator('sp-stage-history li').last()).toContainText('Vi er klare til å prøve.');
  expect(requests).toEqual([`POST /api/projects/${project.id}/transitions`]);
});

test('a move someone else has made meanwhile is refused with its own reason, in words', async ({ page, request }) => {
  const token = await apiToken(request, DEMO_ACCOUNTS.granStaff);
  const project = await newPilotenProject(request, token, unique('Flyttet i mellomtiden'));
  await signIn(page, DEMO_ACCOUNTS.granStaff);
  await page.goto(`/projects/${project.id}`);
  await page.getByRole('button', { name: 'Flytt fram til Utvikle og teste' }).click();

  const moved = await request.post(`/api/projects/${project.id}/transitions`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { toStage: 'test', rationale: 'Lunner flyttet det først.' },
  });
  expect(moved.status()).toBe(201);

  await page.getByLabel('Hvorfor skal prosjektet flyttes til «Utvikle og teste»?').fill('Vi flytter det også.');
  await page.getByRole('button', { name: 'Flytt til Utvikle og teste' }).click();
  const summary = page.locator('.ds-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Prosjektet er allerede i dette trinnet.');
  await expect(summary).not.toContainText('Et prosjekt kan bare flyttes ett trinn fram om gangen');
});
