import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PartnershipDashboard } from '@samspill/contracts';
import { I18n } from '../core/i18n/i18n';
import { PartnershipDashboardPage } from './partnership-dashboard-page';

const DASHBOARD: PartnershipDashboard = {
  partnership: { id: 'p1', name: 'PILOTen Hadeland' },
  stageCounts: { learn: 2, test: 5, establish: 1 },
  statusCounts: { active: 8, stopped: 1, completed: 0 },
  byFocusArea: [{ focusArea: { id: 'f1', name: 'Helse og omsorg' }, learn: 2, test: 5, establish: 1 }],
  byOrganization: [
    {
      organization: { id: 'o1', name: 'Gran kommune' },
      projects: 8,
      answersGiven: 3,
      answersReceived: 2,
      byQuestion: {
        theyLearnFromUs: { given: 1, received: 1 },
        weLearnFromThem: { given: 1, received: 1 },
        doTogether: { given: 1, received: 0 },
      },
    },
  ],
  transitionsByMonth: [],
  medianDaysInStage: { learn: 30, test: null, establish: null },
  indicators: [{ id: 'i1', projectId: 'pr1', name: 'Ventetid', progress: 0.5 }],
  matches: { offers: 2, wishes: 3, met: 1 },
  closedProjects: [
    {
      id: 'pr2',
      title: 'Felles vikarpool',
      status: 'stopped',
      rationale: 'For få vikarer i begge kommuner.',
      closedAt: '2026-10-01T10:00:00Z',
    },
  ],
};

describe('PartnershipDashboardPage', () => {
  async function render() {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    await TestBed.inject(I18n).ready;
    const fixture = TestBed.createComponent(PartnershipDashboardPage);
    // The route's :id, as the router binds it.
    fixture.componentRef.setInput('id', 'p1');
    document.body.appendChild(fixture.nativeElement);
    // Renders and sends the request; the page is not stable until it is answered.
    TestBed.tick();
    return { fixture, page: fixture.nativeElement as HTMLElement, backend: TestBed.inject(HttpTestingController) };
  }

  it('shows a skeleton, then every figure from one single request', async () => {
    const { fixture, page, backend } = await render();
    expect(page.querySelector('[role="status"]')?.textContent).toContain('Henter tallene');

    backend.expectOne('/api/dashboard/partnerships/p1').flush(DASHBOARD);
    await fixture.whenStable();

    const text = page.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(page.querySelector('h1')?.textContent).toContain('PILOTen Hadeland');
    expect(text).toContain('5 aktive prosjekter');
    expect(text).toContain('Median 30 dager i trinnet');
    expect(text).toContain('1 av 2 tilbud har møtt et ønske');
    expect(text).toContain('Felles vikarpool');
    expect(text).toContain('For få vikarer i begge kommuner.');
    expect(text).toContain('50 % av veien til målet');
    expect(page.querySelector('[role="status"]')).toBeNull();
    // No waterfall: nothing else was asked for.
    backend.verify();
  });

  it('turns into the not-found page when the partnership is not visible', async () => {
    const { fixture, page, backend } = await render();
    backend
      .expectOne('/api/dashboard/partnerships/p1')
      .flush({ statusCode: 404, code: 'NOT_FOUND', message: 'x' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();

    expect(page.querySelector('h1')?.textContent).toContain('Vi fant ikke siden');
    expect(page.textContent).not.toContain('Last ned');
    expect(document.title).toBe('Fant ikke siden – Samspill');
  });

  it('offers a retry when the server fails', async () => {
    const { fixture, page, backend } = await render();
    backend.expectOne('/api/dashboard/partnerships/p1').flush(null, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('Kunne ikke hente tallene');

    page.querySelector<HTMLButtonElement>('.ds-alert button')?.click();
    TestBed.tick();
    backend.expectOne('/api/dashboard/partnerships/p1').flush(DASHBOARD);
    await fixture.whenStable();
    expect(page.textContent).toContain('PILOTen Hadeland');
  });
});
