import type { AdoptionKind, LogKind } from '@samspill/contracts';
import type { DemoAccount } from '@samspill/demo';

/** Days are `YYYY-MM-DD`; the seed back-dates every write to its day. */
export interface DemoAdoption {
  by: DemoAccount;
  kind: AdoptionKind;
  changes?: string;
  /** The title of a project the adopter takes part in, where it tests the practice. */
  project?: string;
  on: string;
}

export interface DemoPractice {
  title: string;
  summary: string;
  description: string;
  /** Publishes it for their organisation. */
  by: DemoAccount;
  on: string;
  /** The title of the project in which it was established. */
  project?: string;
  /** Titles of the practices it builds on (published earlier in this list), with how. */
  basedOn?: { title: string; kind: AdoptionKind; changes?: string }[];
  adoptions: DemoAdoption[];
}

/** Lessons added to the demo projects: Norwegian and Danish, so that searching shows the stemming of each. */
export const DEMO_LESSONS: { project: string; by: DemoAccount; kind: LogKind; text: string; on: string }[] = [
  {
    project: 'Forbedringstavler i alle enheter',
    by: 'granStaff',
    kind: 'lesson',
    text: 'Tavlemøtene fungerer best når de er korte, starter presist og ender med hvem som gjør hva.',
    on: '2025-11-03',
  },
  {
    project: 'Tavlemøder i Vej og Park',
    by: 'roskildeStaff',
    kind: 'lesson',
    text: 'Tavlemøderne virker først, når medarbejderne selv ejer forbedringerne på tavlen.',
    on: '2025-11-10',
  },
  {
    project: 'Tavlemøder i Vej og Park',
    by: 'roskildeStaff',
    kind: 'lesson',
    text: 'Korte forsøg med en klar slutdato gør det lettere for lederne at sige ja til nye idéer.',
    on: '2026-03-02',
  },
  {
    project: 'Innovationsværksted for borgernære enheder',
    by: 'roskildeStaff',
    kind: 'result',
    text: 'Forældrene kom med flere idéer end medarbejderne havde forventet, og tre af dem er allerede afprøvet.',
    on: '2026-04-13',
  },
];

/**
 * The three practices the conference programme named, and NAV Drammen's model
 * built from the best of Bærum's and Vestre Toten's. Lean i Lunner has gone to
 * three municipalities, one of them in Denmark.
 */
export const DEMO_PRACTICES: DemoPractice[] = [
  {
    title: 'Lean i Lunner',
    summary: 'Lunners program for kontinuerlig forbedring: forbedringstavler, korte tavlemøter og medarbeidere som er med i endringene.',
    description:
      'Hver enhet har en forbedringstavle og et kort tavlemøte hver uke. Medarbeiderne melder inn problemer og forslag, ' +
      'og lederne støtter i stedet for å styre. Små problemer løses samme uke som de oppdages.',
    by: 'lunnerLeader',
    on: '2025-01-20',
    adoptions: [
      { by: 'granStaff', kind: 'copy', project: 'Forbedringstavler i alle enheter', on: '2025-04-28' },
      {
        by: 'vestreTotenStaff',
        kind: 'adapted',
        changes: 'Forbedringstavlene har fått en kolonne for gevinster i årsverk, så de passer inn i Lean-programmet vårt.',
        on: '2025-06-02',
      },
      {
        by: 'roskildeStaff',
        kind: 'adapted',
        changes: 'Vi bruger tavlerne i Vej og Park, men holder tavlemøderne stående hver morgen i stedet for en gang om ugen.',
        project: 'Tavlemøder i Vej og Park',
        on: '2025-09-15',
      },
    ],
  },
  {
    title: 'Bærums innføringsmodell',
    summary: 'Lean forankres i ledergruppen først og spres så enhet for enhet, med egne veiledere.',
    description:
      'Ledergruppen lærer metoden og bruker den selv før enhetene starter. Hver enhet får en veileder i et halvt år, ' +
      'og erfaringene deles i et nettverk på tvers av tjenestene.',
    by: 'baerumStaff',
    on: '2025-05-26',
    adoptions: [],
  },
  {
    title: 'Vestre Totens Lean-program',
    summary: 'Forbedringsarbeid der gevinster telles i årsverk, både når de identifiseres og når de realiseres.',
    description:
      'Programmet gir hver enhet et skjema for gevinster. En gevinst telles to ganger: når den blir funnet, ' +
      'og når den faktisk er tatt ut. Slik ser kommunestyret både muligheter og resultater.',
    by: 'vestreTotenStaff',
    on: '2025-05-28',
    adoptions: [],
  },
  {
    title: 'NAV Drammens Lean-modell',
    summary: 'Det beste fra to modeller: Bærums forankring hos lederne og Vestre Totens måling av gevinster i årsverk.',
    description:
      'NAV Drammen starter med ett team og tar lederne med underveis. Gevinstene telles med Vestre Totens skjema, ' +
      'og saksbehandlingstiden følges i tillegg.',
    by: 'navDrammenStaff',
    on: '2026-01-26',
    project: 'NAV Drammen som felles case',
    basedOn: [
      {
        title: 'Bærums innføringsmodell',
        kind: 'adapted',
        changes: 'Vi startet med ett team og tok lederne med underveis, i stedet for å begynne i ledergruppen.',
      },
      {
        title: 'Vestre Totens Lean-program',
        kind: 'adapted',
        changes: 'Vi bruker skjemaet for gevinster, men følger saksbehandlingstiden i tillegg til årsverk.',
      },
    ],
    adoptions: [
      {
        by: 'baerumStaff',
        kind: 'adapted',
        changes: 'Bærum tok inn NAV Drammens start med ett team i to av sine egne enheter.',
        on: '2026-04-20',
      },
    ],
  },
];
