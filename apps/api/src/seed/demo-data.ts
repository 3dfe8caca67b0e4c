import type { Country, OrganizationKind, Role } from '@samspill/contracts';

export const DEMO_PASSWORD = 'samspill-demo-2026';

export const DEMO_ORGANIZATIONS: { name: string; kind: OrganizationKind; code: string | null; country: Country }[] = [
  { name: 'Gran kommune', kind: 'municipality', code: '3446', country: 'NO' },
  { name: 'Lunner kommune', kind: 'municipality', code: '3234', country: 'NO' },
  { name: 'Vestre Toten kommune', kind: 'municipality', code: '3443', country: 'NO' },
  { name: 'Bærum kommune', kind: 'municipality', code: '3201', country: 'NO' },
  { name: 'NAV Drammen', kind: 'state_agency', code: null, country: 'NO' },
  { name: 'Roskilde Kommune', kind: 'municipality', code: '265', country: 'DK' },
  { name: 'Statsforvalteren i Innlandet', kind: 'county', code: null, country: 'NO' },
  { name: 'Høgskolen i Innlandet', kind: 'academia', code: null, country: 'NO' },
];

export const DEMO_USERS: { email: string; name: string; role: Role; organization: string | null }[] = [
  { email: 'admin@samspill.no', name: 'Plattformadministrator', role: 'admin', organization: null },
  { email: 'leder@gran.kommune.no', name: 'Guro Leder', role: 'leader', organization: 'Gran kommune' },
  { email: 'ansatt@gran.kommune.no', name: 'Gunnar Ansatt', role: 'staff', organization: 'Gran kommune' },
  { email: 'politiker@gran.kommune.no', name: 'Gro Politiker', role: 'politician', organization: 'Gran kommune' },
  { email: 'leder@lunner.kommune.no', name: 'Lise Leder', role: 'leader', organization: 'Lunner kommune' },
  { email: 'ansatt@lunner.kommune.no', name: 'Lars Ansatt', role: 'staff', organization: 'Lunner kommune' },
  { email: 'politiker@lunner.kommune.no', name: 'Liv Politiker', role: 'politician', organization: 'Lunner kommune' },
  { email: 'ansatt@baerum.kommune.no', name: 'Berit Ansatt', role: 'staff', organization: 'Bærum kommune' },
  { email: 'ansatt@vestre-toten.kommune.no', name: 'Vidar Ansatt', role: 'staff', organization: 'Vestre Toten kommune' },
  { email: 'ansatt.drammen@nav.no', name: 'Nina Ansatt', role: 'staff', organization: 'NAV Drammen' },
  { email: 'ansatt@roskilde.dk', name: 'Rasmus Ansat', role: 'staff', organization: 'Roskilde Kommune' },
];

export interface DemoPartnership {
  name: string;
  description: string;
  members: string[];
  focusAreas: { name: string; description: string }[];
  /** [from, to, question, text, focus area name | null, author email] */
  answers: [string, string, 'theyLearnFromUs' | 'weLearnFromThem' | 'doTogether', string, string | null, string][];
  projects: {
    title: string;
    description: string;
    focusArea: string | null;
    participants: string[];
    createdBy: string;
    /** Stages moved through after `learn`, each with who decided and why. */
    moves: { to: 'test' | 'establish' | 'learn'; by: string; rationale: string; daysAgo: number }[];
    log: { kind: 'observation' | 'experiment' | 'result' | 'lesson' | 'decision'; text: string; by: string; daysAgo: number }[];
    startedDaysAgo: number;
  }[];
}

export const DEMO_PARTNERSHIPS: DemoPartnership[] = [
  {
    name: 'PILOTen Hadeland',
    description:
      'Praktisk Innovativ Læring Og Tjenesteutvikling: Gran og Lunner lærer systematisk av hverandre og utvikler tjenester sammen.',
    members: ['Gran kommune', 'Lunner kommune'],
    focusAreas: [
      { name: 'Politikerrollen', description: 'Hvordan folkevalgte styrer, prioriterer og følger opp.' },
      { name: 'Helse og omsorg', description: 'Hjemmetjenester, velferdsteknologi og samhandling.' },
      { name: 'Organisering og ledelse', description: 'Lederutvikling, tillitsbasert ledelse og forbedringsarbeid.' },
    ],
    answers: [
      [
        'Gran kommune',
        'Lunner kommune',
        'theyLearnFromUs',
        'Vår modell for digitalt tilsyn i hjemmetjenesten, med to års erfaring.',
        'Helse og omsorg',
        'ansatt@gran.kommune.no',
      ],
      [
        'Lunner kommune',
        'Gran kommune',
        'weLearnFromThem',
        'Hvordan Gran innførte digitalt tilsyn uten å miste den menneskelige kontakten.',
        'Helse og omsorg',
        'ansatt@lunner.kommune.no',
      ],
      [
        'Lunner kommune',
        'Gran kommune',
        'theyLearnFromUs',
        'Folkevalgtopplæringen vår med casebaserte øvelser.',
        'Politikerrollen',
        'leder@lunner.kommune.no',
      ],
      [
        'Gran kommune',
        'Lunner kommune',
        'weLearnFromThem',
        'Hvordan Lunner forbereder nye kommunestyrerepresentanter.',
        'Politikerrollen',
        'leder@gran.kommune.no',
      ],
      [
        'Gran kommune',
        'Lunner kommune',
        'doTogether',
        'Felles kompetanseprogram for ledere på Hadeland.',
        'Organisering og ledelse',
        'leder@gran.kommune.no',
      ],
      [
        'Lunner kommune',
        'Gran kommune',
        'weLearnFromThem',
        'Gran sitt arbeid med heltidskultur i sykehjemmene.',
        null,
        'ansatt@lunner.kommune.no',
      ],
    ],
    projects: [
      {
        title: 'Digitalt tilsyn i hjemmetjenesten',
        description: 'Gran og Lunner prøver ut felles rutiner for digitalt nattilsyn og måler ventetid og trygghet.',
        focusArea: 'Helse og omsorg',
        participants: ['Gran kommune', 'Lunner kommune'],
        createdBy: 'ansatt@gran.kommune.no',
        startedDaysAgo: 120,
        moves: [
          {
            to: 'test',
            by: 'leder@gran.kommune.no',
            rationale: 'Innsikten fra brukerintervjuene er god nok til å prøve ut i to soner.',
            daysAgo: 60,
          },
        ],
        log: [
          { kind: 'observation', text: 'Brukerne i sone nord ønsker færre fysiske nattbesøk.', by: 'ansatt@gran.kommune.no', daysAgo: 100 },
          { kind: 'experiment', text: 'Kamera-tilsyn hos seks brukere i fire uker.', by: 'ansatt@lunner.kommune.no', daysAgo: 50 },
          { kind: 'lesson', text: 'Samtykke må hentes inn før utprøving, ikke underveis.', by: 'ansatt@gran.kommune.no', daysAgo: 20 },
        ],
      },
    ],
  },
  {
    name: 'Lean i NAV Drammen',
    description: 'Bærum, Vestre Toten og NAV Drammen deler erfaringer med Lean og gevinstrealisering.',
    members: ['Bærum kommune', 'Vestre Toten kommune', 'NAV Drammen'],
    focusAreas: [{ name: 'Gevinstrealisering', description: 'Årsverk identifisert og realisert gjennom forbedringsarbeid.' }],
    answers: [
      [
        'Vestre Toten kommune',
        'Bærum kommune',
        'theyLearnFromUs',
        'Hvordan vi teller gevinster som årsverk, både identifisert og realisert.',
        'Gevinstrealisering',
        'ansatt@vestre-toten.kommune.no',
      ],
      ['NAV Drammen', 'Vestre Toten kommune', 'doTogether', 'Felles tavlemøter på tvers av kommune og NAV.', null, 'ansatt.drammen@nav.no'],
    ],
    projects: [
      {
        title: 'Tavlemøter i NAV-kontoret',
        description: 'Daglige tavlemøter for å synliggjøre flyt og avvik i saksbehandlingen.',
        focusArea: 'Gevinstrealisering',
        participants: ['NAV Drammen', 'Vestre Toten kommune'],
        createdBy: 'ansatt.drammen@nav.no',
        startedDaysAgo: 300,
        moves: [{ to: 'test', by: 'ansatt.drammen@nav.no', rationale: 'Pilot i ett team.', daysAgo: 200 }],
        log: [
          {
            kind: 'result',
            text: 'Saksbehandlingstiden gikk ned fra 21 til 14 dager i pilotteamet.',
            by: 'ansatt.drammen@nav.no',
            daysAgo: 90,
          },
        ],
      },
    ],
  },
];
