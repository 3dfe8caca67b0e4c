import { TestBed } from '@angular/core/testing';
import type { PartnershipDashboard } from '@samspill/contracts';
import { I18n } from '../core/i18n/i18n';
import { plainSummary } from './plain-language';

const org = (name: string, projects: number) => ({
  organization: { id: name, name },
  projects,
  answersGiven: 0,
  answersReceived: 0,
  byQuestion: {
    theyLearnFromUs: { given: 0, received: 0 },
    weLearnFromThem: { given: 0, received: 0 },
    doTogether: { given: 0, received: 0 },
  },
});

function dashboard(overrides: Partial<PartnershipDashboard> = {}): PartnershipDashboard {
  return {
    partnership: { id: 'p', name: 'PILOTen Hadeland' },
    stageCounts: { learn: 4, test: 5, establish: 3 },
    statusCounts: { active: 12, stopped: 1, completed: 2 },
    byFocusArea: [
      { focusArea: { id: 'f1', name: 'Helse og omsorg' }, learn: 1, test: 0, establish: 0 },
      { focusArea: { id: 'f2', name: 'Politikerrollen' }, learn: 0, test: 0, establish: 0 },
      { focusArea: null, learn: 2, test: 1, establish: 0 },
    ],
    byOrganization: [org('Gran kommune', 1), org('Lunner kommune', 0)],
    transitionsByMonth: [
      { month: '2024-01', count: 9 },
      { month: '2026-10', count: 2 },
      { month: '2026-11', count: 1 },
    ],
    medianDaysInStage: { learn: 59.6, test: 1, establish: null },
    indicators: [
      { id: 'i1', projectId: 'p1', name: 'Ventetid', progress: 1 },
      { id: 'i2', projectId: 'p1', name: 'Fravær', progress: 0.4 },
      { id: 'i3', projectId: 'p1', name: 'Ny', progress: null },
    ],
    matches: { offers: 4, wishes: 3, met: 2 },
    closedProjects: [],
    ...overrides,
  };
}

describe('plainSummary', () => {
  let i18n: I18n;
  const now = new Date(2026, 10, 26);

  beforeEach(async () => {
    localStorage.clear();
    i18n = TestBed.inject(I18n);
    await i18n.setLocale('nb');
  });

  it('tells how many projects are under way and how many are in each stage', () => {
    const summary = plainSummary(dashboard(), i18n, now);
    expect(summary.now).toEqual([
      '12 prosjekter er i gang.',
      '4 av dem lærer og utforsker sammen.',
      '5 av dem utvikler og tester nå.',
      '3 av dem etablerer ny praksis.',
    ]);
    expect(summary.members).toBe('Et samarbeid mellom Gran kommune og Lunner kommune.');
  });

  it('speaks of one project as one, and leaves out empty stages', () => {
    const summary = plainSummary(dashboard({ stageCounts: { learn: 0, test: 1, establish: 0 } }), i18n, now);
    expect(summary.now).toEqual(['1 prosjekt er i gang.', 'Det utvikler og tester nå.']);
    expect(plainSummary(dashboard({ stageCounts: { learn: 0, test: 0, establish: 0 } }), i18n, now).now).toEqual([
      'Ingen prosjekter er i gang nå.',
    ]);
  });

  it('counts closed projects, a stopped one as a lesson', () => {
    expect(plainSummary(dashboard(), i18n, now).closed).toEqual([
      '2 prosjekter er fullført.',
      '1 prosjekt er stoppet. Også det er lærdom.',
    ]);
    expect(plainSummary(dashboard({ statusCounts: { active: 1, stopped: 0, completed: 0 } }), i18n, now).closed).toEqual([
      'Ingen prosjekter er avsluttet ennå.',
    ]);
  });

  it('counts stage changes of the last twelve months only, and rounds typical days', () => {
    expect(plainSummary(dashboard(), i18n, now).pace).toEqual([
      'Det siste året har prosjektene skiftet trinn 3 ganger.',
      'Et prosjekt er typisk 60 dager i trinnet «Lære og utforske sammen».',
      'Et prosjekt er typisk 1 dag i trinnet «Utvikle og teste».',
    ]);
  });

  it('describes focus areas, members, offers and indicators in words', () => {
    const summary = plainSummary(dashboard(), i18n, now);
    expect(summary.focusAreas).toEqual([
      'Helse og omsorg: 1 prosjekt i gang.',
      'Politikerrollen: ingen prosjekter i gang ennå.',
      'Uten satsingsområde: 3 prosjekter i gang.',
    ]);
    expect(summary.organizations).toEqual(['Gran kommune er med i 1 prosjekt.', 'Lunner kommune er ikke med i noe prosjekt ennå.']);
    expect(summary.offers).toBe('2 av 4 tilbud har møtt et ønske fra en annen deltaker.');
    expect(summary.indicators).toBe('1 av 3 indikatorer har nådd målet.');
    expect(plainSummary(dashboard({ indicators: [] }), i18n, now).indicators).toBeNull();
    expect(plainSummary(dashboard({ matches: { offers: 0, wishes: 2, met: 0 } }), i18n, now).offers).toBe(
      'Ingen har skrevet ennå hva de andre kan lære av dem.',
    );
  });

  it('speaks English too', async () => {
    await i18n.setLocale('en');
    const summary = plainSummary(dashboard(), i18n, now);
    expect(summary.now[0]).toBe('12 projects are under way.');
    expect(summary.now[2]).toBe('5 of them are developing and testing now.');
    expect(summary.members).toBe('A partnership between Gran kommune and Lunner kommune.');
  });
});
