import type { Direction, LogKind, ProjectStatus, Question, Stage, Visibility } from '@samspill/contracts';
import type { DemoAccount } from '@samspill/demo';

/** Days are `YYYY-MM-DD`; the seed back-dates every write to its day. */
export type DemoDecision = { on: string; by: DemoAccount; rationale: string } & ({ to: Stage } | { status: ProjectStatus });

export interface DemoIndicator {
  name: string;
  unit: string;
  baseline: number;
  target: number;
  direction: Direction;
  by: DemoAccount;
  on: string;
  /** One measurement a month from `firstMonth` (`YYYY-MM`), per organisation, recorded by `by`. */
  firstMonth: string;
  series: { by: DemoAccount; values: number[] }[];
}

export interface DemoProject {
  title: string;
  description: string;
  focusArea: string | null;
  /** Organisation names. */
  participants: string[];
  by: DemoAccount;
  on: string;
  /** The text of the `doTogether` answer the project grew out of, if it did. */
  fromAnswer?: string;
  decisions: DemoDecision[];
  log: { kind: LogKind; text: string; by: DemoAccount; on: string }[];
  indicators?: DemoIndicator[];
}

export interface DemoPartnership {
  name: string;
  description: string;
  visibility: Visibility;
  /** Organisation names. */
  members: string[];
  /** Organisation names of those that follow the work without doing it. */
  observers?: string[];
  /** Creates the partnership and its focus areas. */
  by: DemoAccount;
  focusAreas: { name: string; description: string }[];
  /** The three questions, answered by `by` for their organisation about `to`. */
  answers: { by: DemoAccount; to: string; question: Question; text: string; focusArea: string | null; on: string }[];
  projects: DemoProject[];
}

const GRAN = 'Gran kommune';
const LUNNER = 'Lunner kommune';
const BAERUM = 'Bærum kommune';
const VESTRE_TOTEN = 'Vestre Toten kommune';
const NAV = 'NAV Drammen';
const ROSKILDE = 'Roskilde Kommune';

const POLITICS = 'Politikerrollen';
const HEALTH = 'Helse og omsorg';
const ORGANISING = 'Organisering og ledelse';
const BENEFITS = 'Gevinstrealisering';
const IMPLEMENTING = 'Innføringsmodell';

/**
 * What the conference programme «Lean i kommuner» tells (shared/context), as a
 * newcomer should find it: PILOTen Hadeland with work in every stage of all three
 * focus areas, Lean i NAV Drammen with NAV Drammen as the shared case, and
 * Roskilde's own lean network, open to the public (anyone may read it without signing in), and the benefits network
 * Bærum and Vestre Toten run on the platform, where other municipalities read along and ask from the floor.
 */
export const DEMO_PARTNERSHIPS: DemoPartnership[] = [
  {
    name: 'PILOTen Hadeland',
    description:
      'Praktisk Innovativ Læring Og Tjenesteutvikling: Gran og Lunner lærer systematisk av hverandre og utvikler tjenester sammen.',
    visibility: 'members',
    members: [GRAN, LUNNER],
    observers: ['Statsforvalteren i Innlandet', 'Høgskolen i Innlandet'],
    by: 'granLeader',
    focusAreas: [
      { name: POLITICS, description: 'Hvordan folkevalgte styrer, prioriterer og følger opp.' },
      { name: HEALTH, description: 'Hjemmetjenester, velferdsteknologi og samhandling.' },
      { name: ORGANISING, description: 'Lederutvikling, tillitsbasert ledelse og forbedringsarbeid.' },
    ],
    answers: [
      {
        by: 'granStaff',
        to: LUNNER,
        question: 'theyLearnFromUs',
        text: 'Vår modell for digitalt tilsyn i hjemmetjenesten, med to års erfaring.',
        focusArea: HEALTH,
        on: '2025-02-03',
      },
      {
        by: 'lunnerStaff',
        to: GRAN,
        question: 'weLearnFromThem',
        text: 'Hvordan Gran innførte digitalt tilsyn uten å miste den menneskelige kontakten.',
        focusArea: HEALTH,
        on: '2025-02-05',
      },
      {
        by: 'lunnerLeader',
        to: GRAN,
        question: 'theyLearnFromUs',
        text: 'Folkevalgtopplæringen vår med casebaserte øvelser.',
        focusArea: POLITICS,
        on: '2025-02-10',
      },
      {
        by: 'granLeader',
        to: LUNNER,
        question: 'weLearnFromThem',
        text: 'Hvordan Lunner forbereder nye kommunestyrerepresentanter.',
        focusArea: POLITICS,
        on: '2025-02-12',
      },
      {
        by: 'granLeader',
        to: LUNNER,
        question: 'doTogether',
        text: 'Felles kompetanseprogram for ledere på Hadeland.',
        focusArea: ORGANISING,
        on: '2025-02-12',
      },
      {
        by: 'lunnerStaff',
        to: GRAN,
        question: 'weLearnFromThem',
        text: 'Gran sitt arbeid med heltidskultur i sykehjemmene.',
        focusArea: null,
        on: '2025-02-17',
      },
      {
        by: 'granStaff',
        to: LUNNER,
        question: 'theyLearnFromUs',
        text: 'Idéverkstedene og verktøykassa vår for tjenestedesign.',
        focusArea: ORGANISING,
        on: '2025-03-03',
      },
      {
        by: 'lunnerLeader',
        to: GRAN,
        question: 'weLearnFromThem',
        text: 'Gran sine metoder og verktøy for å styrke evnen til nytenkning.',
        focusArea: ORGANISING,
        on: '2025-03-05',
      },
      {
        by: 'lunnerLeader',
        to: GRAN,
        question: 'theyLearnFromUs',
        text: 'Lean i Lunner: forbedringstavler og involvering av medarbeidere i endringsprosesser.',
        focusArea: ORGANISING,
        on: '2025-03-05',
      },
      {
        by: 'granLeader',
        to: LUNNER,
        question: 'weLearnFromThem',
        text: 'Hvordan Lunner fikk medarbeiderne med på Lean.',
        focusArea: ORGANISING,
        on: '2025-03-10',
      },
      {
        by: 'granStaff',
        to: LUNNER,
        question: 'theyLearnFromUs',
        text: 'Turnusmodellen vår som gir flere hele stillinger i sykehjemmene.',
        focusArea: HEALTH,
        on: '2025-03-12',
      },
      {
        by: 'lunnerStaff',
        to: GRAN,
        question: 'theyLearnFromUs',
        text: 'Hverdagsrehabilitering: hvordan vi trener brukerne til å klare seg selv hjemme.',
        focusArea: HEALTH,
        on: '2025-03-17',
      },
      {
        by: 'lunnerStaff',
        to: GRAN,
        question: 'doTogether',
        text: 'Felles rekruttering av sykepleiere til Hadeland.',
        focusArea: HEALTH,
        on: '2026-01-12',
      },
      {
        by: 'granLeader',
        to: LUNNER,
        question: 'weLearnFromThem',
        text: 'Hvordan kommunestyret i Lunner følger opp vedtak i tjenestene.',
        focusArea: POLITICS,
        on: '2026-08-24',
      },
    ],
    projects: [
      {
        title: 'Felles innbyggerundersøkelse 2025',
        description: 'Gran og Lunner spør innbyggerne om de samme tjenestene, på samme måte, for å kunne sammenligne og lære.',
        focusArea: POLITICS,
        participants: [GRAN, LUNNER],
        by: 'granStaff',
        on: '2025-01-27',
        decisions: [
          {
            on: '2025-03-17',
            by: 'granStaff',
            to: 'test',
            rationale: 'Spørreskjemaet er klart, og vi prøver det på 200 innbyggere i hver kommune.',
          },
          {
            on: '2025-08-29',
            by: 'granLeader',
            status: 'completed',
            rationale: 'Undersøkelsen er gjennomført, og resultatene er lagt fram for begge kommunestyrene.',
          },
        ],
        log: [
          { kind: 'experiment', text: 'Prøveundersøkelse med 200 innbyggere i hver kommune.', by: 'lunnerStaff', on: '2025-03-31' },
          {
            kind: 'result',
            text: '2 140 innbyggere svarte. Tilfredsheten med hjemmetjenesten var høyest i begge kommunene.',
            by: 'granStaff',
            on: '2025-08-25',
          },
        ],
      },
      {
        title: 'Forbedringstavler i alle enheter',
        description: 'Gran tar i bruk forbedringstavlene fra Lean i Lunner, først i tre enheter, så i hele organisasjonen.',
        focusArea: ORGANISING,
        participants: [GRAN, LUNNER],
        by: 'lunnerLeader',
        on: '2025-02-03',
        decisions: [
          { on: '2025-04-28', by: 'lunnerLeader', to: 'test', rationale: 'Tavlene virker i Lunner; Gran prøver dem i tre enheter.' },
          {
            on: '2025-10-13',
            by: 'granLeader',
            to: 'establish',
            rationale: 'Tavlemøtene er i bruk i alle tre enhetene i Gran og blir ny praksis.',
          },
        ],
        log: [
          {
            kind: 'observation',
            text: 'Enhetene i Lunner løser små problemer samme uke som de oppdages.',
            by: 'granStaff',
            on: '2025-02-10',
          },
          {
            kind: 'experiment',
            text: 'Forbedringstavler i hjemmetjenesten, barnehagen og servicetorget i Gran.',
            by: 'granStaff',
            on: '2025-05-05',
          },
          { kind: 'result', text: '62 forbedringsforslag på fire måneder, 45 av dem gjennomført.', by: 'granStaff', on: '2025-09-22' },
          {
            kind: 'decision',
            text: 'Gran tar forbedringstavlene i bruk i alle enheter innen sommeren 2026.',
            by: 'granLeader',
            on: '2025-10-13',
          },
        ],
      },
      {
        title: 'Felles hverdagsrehabilitering',
        description: 'Ett felles team for hverdagsrehabilitering skulle betjene brukere i både Gran og Lunner.',
        focusArea: HEALTH,
        participants: [GRAN, LUNNER],
        by: 'lunnerStaff',
        on: '2025-02-17',
        decisions: [
          {
            on: '2025-05-12',
            by: 'lunnerStaff',
            to: 'test',
            rationale: 'Vi prøver et felles team for hverdagsrehabilitering i seks måneder.',
          },
          {
            on: '2025-12-15',
            by: 'lunnerLeader',
            status: 'stopped',
            rationale:
              'Stoppet: reiseavstandene mellom kommunene spiste opp tiden med brukerne. Vi deler heller metoden, og hver kommune har sitt eget team.',
          },
        ],
        log: [
          {
            kind: 'experiment',
            text: 'Felles team med to fysioterapeuter og en ergoterapeut for begge kommunene.',
            by: 'lunnerStaff',
            on: '2025-05-26',
          },
          { kind: 'observation', text: 'Teamet bruker nesten en tredjedel av arbeidstiden i bil.', by: 'granStaff', on: '2025-09-01' },
          {
            kind: 'lesson',
            text: 'Et felles team trenger korte avstander. Metoden kan deles selv om teamet ikke kan det.',
            by: 'lunnerStaff',
            on: '2025-12-15',
          },
        ],
      },
      {
        title: 'Folkevalgtopplæring med casebaserte øvelser',
        description: 'Lunners opplæring av nye kommunestyrerepresentanter, med øvelser på ekte saker, tas i bruk i begge kommunene.',
        focusArea: POLITICS,
        participants: [GRAN, LUNNER],
        by: 'lunnerLeader',
        on: '2025-03-10',
        decisions: [
          {
            on: '2025-06-02',
            by: 'lunnerLeader',
            to: 'test',
            rationale: 'Piloten med formannskapet i Lunner ga gode tilbakemeldinger; vi prøver opplegget i begge kommunestyrene.',
          },
          {
            on: '2025-11-20',
            by: 'granLeader',
            to: 'establish',
            rationale: 'Begge kommunestyrene vil ha øvelsene som fast del av folkevalgtopplæringen.',
          },
        ],
        log: [
          {
            kind: 'observation',
            text: 'Nye representanter sier at de bruker det første året på å forstå saksgangen.',
            by: 'lunnerStaff',
            on: '2025-03-20',
          },
          {
            kind: 'experiment',
            text: 'Tre casebaserte øvelser for kommunestyret i Gran: budsjett, barnevern og arealplan.',
            by: 'granStaff',
            on: '2025-06-16',
          },
          {
            kind: 'result',
            text: 'Åtte av ti representanter sier at øvelsene gjorde dem tryggere i debattene.',
            by: 'lunnerStaff',
            on: '2025-09-30',
          },
          {
            kind: 'decision',
            text: 'Kommunestyrene i Gran og Lunner vedtok å ta øvelsene inn i folkevalgtopplæringen.',
            by: 'granLeader',
            on: '2025-11-20',
          },
        ],
      },
      {
        title: 'Digitalt tilsyn i hjemmetjenesten',
        description: 'Gran og Lunner prøver ut felles rutiner for digitalt nattilsyn og måler ventetid og trygghet.',
        focusArea: HEALTH,
        participants: [GRAN, LUNNER],
        by: 'granStaff',
        on: '2025-04-07',
        decisions: [
          {
            on: '2025-08-25',
            by: 'granLeader',
            to: 'test',
            rationale: 'Innsikten fra brukerintervjuene er god nok til å prøve ut i to soner.',
          },
        ],
        log: [
          { kind: 'observation', text: 'Brukerne i sone nord ønsker færre fysiske nattbesøk.', by: 'granStaff', on: '2025-04-28' },
          { kind: 'experiment', text: 'Kamera-tilsyn hos seks brukere i fire uker.', by: 'lunnerStaff', on: '2025-09-08' },
          { kind: 'lesson', text: 'Samtykke må hentes inn før utprøving, ikke underveis.', by: 'granStaff', on: '2025-10-20' },
          {
            kind: 'result',
            text: 'Ventetiden for nye brukere er nesten halvert i Gran, og den går ned i Lunner.',
            by: 'lunnerStaff',
            on: '2026-06-15',
          },
        ],
        indicators: [
          {
            name: 'Ventetid på hjemmetjenester',
            unit: 'dager',
            baseline: 14,
            target: 7,
            direction: 'decrease',
            by: 'granStaff',
            on: '2025-11-24',
            firstMonth: '2025-12',
            series: [
              { by: 'granStaff', values: [14, 13.5, 13, 12, 12, 11, 10.5, 10, 9.5, 9, 8.5, 8] },
              { by: 'lunnerStaff', values: [15, 15, 14.5, 14, 13, 13, 12.5, 12, 11, 11, 10.5, 10] },
            ],
          },
        ],
      },
      {
        title: 'Felles kompetanseprogram for ledere på Hadeland',
        description: 'Felles kompetanseprogram for ledere på Hadeland.',
        focusArea: ORGANISING,
        participants: [GRAN, LUNNER],
        by: 'granLeader',
        on: '2025-04-22',
        fromAnswer: 'Felles kompetanseprogram for ledere på Hadeland.',
        decisions: [
          {
            on: '2025-10-06',
            by: 'granLeader',
            to: 'test',
            rationale: 'Første kull med 24 ledere fra begge kommunene starter i oktober.',
          },
        ],
        log: [
          {
            kind: 'decision',
            text: 'Programmet legges til Innovasjonsskolen ved Høgskolen i Innlandet.',
            by: 'granLeader',
            on: '2025-08-18',
          },
          {
            kind: 'result',
            text: 'Første kull er ferdig: 21 av 24 ledere har et eget forbedringsprosjekt i gang.',
            by: 'lunnerLeader',
            on: '2026-05-11',
          },
        ],
      },
      {
        title: 'Heltidskultur i sykehjemmene',
        description: 'Lunner prøver Grans turnusmodell for å gi flere ansatte hele stillinger.',
        focusArea: HEALTH,
        participants: [GRAN, LUNNER],
        by: 'lunnerStaff',
        on: '2025-05-05',
        decisions: [
          {
            on: '2025-09-01',
            by: 'lunnerStaff',
            to: 'test',
            rationale: 'Turnusmodellen fra Gran er klar til å prøves på én avdeling i Lunner.',
          },
          {
            on: '2025-12-08',
            by: 'lunnerStaff',
            to: 'learn',
            rationale: 'De tillitsvalgte var ikke med fra starten. Vi går tilbake og kartlegger ønskene sammen med dem.',
          },
          {
            on: '2026-03-02',
            by: 'granStaff',
            to: 'test',
            rationale: 'Den nye turnusen er laget sammen med de tillitsvalgte og prøves på to avdelinger.',
          },
        ],
        log: [
          {
            kind: 'observation',
            text: 'Mange deltidsansatte vil jobbe mer, men turnusen gir ikke rom for det.',
            by: 'granStaff',
            on: '2025-05-20',
          },
          { kind: 'experiment', text: 'Langvakter i helgene på avdeling 2 i Lunner.', by: 'lunnerStaff', on: '2025-09-15' },
          { kind: 'lesson', text: 'En ny turnus må lages med de ansatte, ikke for dem.', by: 'lunnerStaff', on: '2025-12-08' },
          {
            kind: 'result',
            text: 'Andelen hele stillinger har økt fra 38 til 49 prosent i Gran.',
            by: 'granStaff',
            on: '2026-10-05',
          },
        ],
        indicators: [
          {
            name: 'Andel hele stillinger',
            unit: 'prosent',
            baseline: 38,
            target: 55,
            direction: 'increase',
            by: 'lunnerStaff',
            on: '2025-11-24',
            firstMonth: '2025-12',
            series: [
              { by: 'granStaff', values: [38, 39, 40, 41, 41, 43, 44, 45, 46, 47, 48, 49] },
              { by: 'lunnerStaff', values: [35, 35, 36, 37, 38, 38, 39, 41, 42, 42, 43, 44] },
            ],
          },
        ],
      },
      {
        title: 'Grans innovasjonsverktøy i Lunner',
        description: 'Lunner utforsker idéverkstedene og tjenestedesignverktøyene som Gran har utviklet.',
        focusArea: ORGANISING,
        participants: [GRAN, LUNNER],
        by: 'lunnerStaff',
        on: '2026-02-09',
        decisions: [],
        log: [
          {
            kind: 'observation',
            text: 'Lunner mangler en felles måte å jobbe fram nye ideer på. Grans idéverksted kan fylle det.',
            by: 'lunnerStaff',
            on: '2026-02-23',
          },
        ],
      },
      {
        title: 'Politisk styringsdialog med tjenestene',
        description: 'Hvordan kan kommunestyrene følge opp tjenestene med færre rapporter og mer dialog?',
        focusArea: POLITICS,
        participants: [GRAN, LUNNER],
        by: 'granLeader',
        on: '2026-09-01',
        decisions: [],
        log: [
          {
            kind: 'observation',
            text: 'Politikerne ønsker færre rapporter og flere besøk i tjenestene.',
            by: 'granStaff',
            on: '2026-09-15',
          },
        ],
      },
    ],
  },
  {
    name: 'Lean i NAV Drammen',
    description:
      'Bærum, Vestre Toten og NAV Drammen jobber sammen i praksis, med NAV Drammen som felles case: det beste fra Bærums innføringsmodell og Vestre Totens Lean-program.',
    visibility: 'members',
    members: [BAERUM, VESTRE_TOTEN, NAV],
    by: 'admin',
    focusAreas: [
      { name: BENEFITS, description: 'Årsverk identifisert og realisert gjennom forbedringsarbeid.' },
      { name: IMPLEMENTING, description: 'Hvordan Lean innføres og spres i en organisasjon.' },
    ],
    answers: [
      {
        by: 'vestreTotenStaff',
        to: BAERUM,
        question: 'theyLearnFromUs',
        text: 'Hvordan vi teller gevinster som årsverk, både identifisert og realisert.',
        focusArea: BENEFITS,
        on: '2025-06-16',
      },
      {
        by: 'navDrammenStaff',
        to: VESTRE_TOTEN,
        question: 'doTogether',
        text: 'Felles tavlemøter på tvers av kommune og NAV.',
        focusArea: null,
        on: '2025-06-18',
      },
      {
        by: 'baerumStaff',
        to: NAV,
        question: 'theyLearnFromUs',
        text: 'Innføringsmodellen vår: Lean forankres i ledergruppen og spres enhet for enhet.',
        focusArea: IMPLEMENTING,
        on: '2025-06-18',
      },
      {
        by: 'navDrammenStaff',
        to: BAERUM,
        question: 'weLearnFromThem',
        text: 'Hvordan Bærum forankrer Lean hos lederne før enhetene starter.',
        focusArea: IMPLEMENTING,
        on: '2025-06-20',
      },
      {
        by: 'vestreTotenStaff',
        to: NAV,
        question: 'theyLearnFromUs',
        text: 'Lean-programmet vårt og skjemaet vi bruker for å måle gevinster.',
        focusArea: BENEFITS,
        on: '2025-06-20',
      },
      {
        by: 'navDrammenStaff',
        to: VESTRE_TOTEN,
        question: 'weLearnFromThem',
        text: 'Hvordan Vestre Toten måler og realiserer gevinster av forbedringsarbeid.',
        focusArea: BENEFITS,
        on: '2025-06-23',
      },
      {
        by: 'baerumStaff',
        to: VESTRE_TOTEN,
        question: 'weLearnFromThem',
        text: 'Hvordan dere følger opp at identifiserte gevinster faktisk blir tatt ut.',
        focusArea: BENEFITS,
        on: '2025-06-23',
      },
      {
        by: 'navDrammenStaff',
        to: BAERUM,
        question: 'theyLearnFromUs',
        text: 'Erfaringer med tverrfaglige team rundt brukere med sammensatte behov.',
        focusArea: null,
        on: '2025-09-15',
      },
    ],
    projects: [
      {
        title: 'NAV Drammen som felles case',
        description:
          'NAV Drammen får det beste fra Bærums innføringsmodell og Vestre Totens Lean-program, og kommunene videreutvikler modellene sine underveis.',
        focusArea: IMPLEMENTING,
        participants: [BAERUM, VESTRE_TOTEN, NAV],
        by: 'navDrammenStaff',
        on: '2025-06-16',
        decisions: [
          {
            on: '2025-08-25',
            by: 'navDrammenStaff',
            to: 'test',
            rationale: 'Forberedelsene er ferdige; prosjektet starter for fullt i uke 35.',
          },
        ],
        log: [
          {
            kind: 'decision',
            text: 'NAV Drammen bygger sin Lean-modell på det beste fra Bærums innføringsmodell og Vestre Totens Lean-program.',
            by: 'navDrammenStaff',
            on: '2025-06-30',
          },
          {
            kind: 'observation',
            text: 'Bærums innføringsmodell starter i ledergruppen; NAV Drammen vil starte med ett team og ta lederne med underveis.',
            by: 'baerumStaff',
            on: '2025-07-07',
          },
          {
            kind: 'experiment',
            text: 'Vestre Totens skjema for gevinster prøves i tre team i NAV Drammen.',
            by: 'vestreTotenStaff',
            on: '2025-09-01',
          },
          {
            kind: 'lesson',
            text: 'Det beste fra to modeller: Bærums forankring hos lederne og Vestre Totens måling av gevinster i årsverk.',
            by: 'navDrammenStaff',
            on: '2026-01-19',
          },
          {
            kind: 'result',
            text: 'Bærum har justert sin egen innføringsmodell etter erfaringene fra NAV Drammen.',
            by: 'baerumStaff',
            on: '2026-04-20',
          },
        ],
      },
      {
        title: 'Tavlemøter i NAV-kontoret',
        description: 'Daglige tavlemøter for å synliggjøre flyt og avvik i saksbehandlingen.',
        focusArea: BENEFITS,
        participants: [NAV, VESTRE_TOTEN],
        by: 'navDrammenStaff',
        on: '2025-09-08',
        decisions: [{ on: '2025-11-03', by: 'navDrammenStaff', to: 'test', rationale: 'Pilot i ett team.' }],
        log: [
          {
            kind: 'result',
            text: 'Saksbehandlingstiden gikk ned fra 21 til 14 dager i pilotteamet.',
            by: 'navDrammenStaff',
            on: '2026-05-04',
          },
        ],
        indicators: [
          {
            name: 'Saksbehandlingstid',
            unit: 'dager',
            baseline: 21,
            target: 14,
            direction: 'decrease',
            by: 'navDrammenStaff',
            on: '2026-05-25',
            firstMonth: '2026-06',
            series: [
              { by: 'navDrammenStaff', values: [20, 18, 17, 16, 15, 14] },
              { by: 'vestreTotenStaff', values: [19, 19, 18, 17, 17, 16] },
            ],
          },
        ],
      },
      {
        title: 'Gevinster som årsverk i NAV Drammen',
        description: 'NAV Drammen teller gevinster slik Vestre Toten gjør: i årsverk, både når de identifiseres og når de realiseres.',
        focusArea: BENEFITS,
        participants: [VESTRE_TOTEN, NAV],
        by: 'vestreTotenStaff',
        on: '2026-03-02',
        decisions: [],
        log: [
          {
            kind: 'observation',
            text: 'Vestre Toten teller gevinster både når de identifiseres og når de realiseres, i årsverk.',
            by: 'vestreTotenStaff',
            on: '2026-03-16',
          },
        ],
      },
    ],
  },
  {
    name: 'Roskildes lean-netværk',
    description:
      'Roskilde Kommunes netværk for lean og innovation i de borgernære enheder. Åbent for alle, der vil prøve sig frem sammen med os.',
    // Open to anyone, signed in or not (issue 13): its public pages and open data carry no person's name.
    visibility: 'public',
    members: [ROSKILDE, BAERUM],
    by: 'admin',
    focusAreas: [
      { name: 'Innovation og nytænkning', description: 'Vi prøver os frem i mulighedernes kommune.' },
      { name: 'Lean i driften', description: 'Tavlemøder, flow og forbedringer i hverdagen.' },
    ],
    answers: [
      {
        by: 'roskildeStaff',
        to: BAERUM,
        question: 'theyLearnFromUs',
        text: 'Hvordan vi har integreret lean og innovation som værktøjer i de borgernære enheder.',
        focusArea: 'Innovation og nytænkning',
        on: '2025-03-10',
      },
      {
        by: 'baerumStaff',
        to: ROSKILDE,
        question: 'weLearnFromThem',
        text: 'Hvordan Roskilde kombinerer Lean og innovasjon i de tjenesteytende enhetene.',
        focusArea: 'Innovation og nytænkning',
        on: '2025-03-12',
      },
      {
        by: 'baerumStaff',
        to: ROSKILDE,
        question: 'theyLearnFromUs',
        text: 'Innføringsmodellen vår for Lean, enhet for enhet.',
        focusArea: 'Lean i driften',
        on: '2025-03-12',
      },
      {
        by: 'roskildeStaff',
        to: BAERUM,
        question: 'doTogether',
        text: 'Fælles læringsbesøg mellem vores driftsenheder.',
        focusArea: 'Lean i driften',
        on: '2025-03-14',
      },
    ],
    projects: [
      {
        title: 'Tavlemøder i Vej og Park',
        description: 'Daglige tavlemøder i driftsgrupperne, så forbedringer bliver en del af hverdagen.',
        focusArea: 'Lean i driften',
        participants: [ROSKILDE],
        by: 'roskildeStaff',
        on: '2025-04-07',
        decisions: [
          {
            on: '2025-09-15',
            by: 'roskildeStaff',
            to: 'test',
            rationale: 'Tavlemøderne virker i to driftsgrupper; nu prøver vi dem i hele Vej og Park.',
          },
        ],
        log: [
          {
            kind: 'observation',
            text: 'Medarbejderne bruger meget tid på at lede efter værktøj og materialer.',
            by: 'roskildeStaff',
            on: '2025-04-14',
          },
          { kind: 'result', text: 'Ventetiden på småopgaver er faldet fra fem til to dage.', by: 'roskildeStaff', on: '2026-02-16' },
        ],
      },
      {
        title: 'Innovationsværksted for borgernære enheder',
        description: 'Et værksted, hvor medarbejdere og borgere prøver nye idéer af i lille skala, før de bliver til drift.',
        focusArea: 'Innovation og nytænkning',
        participants: [ROSKILDE, BAERUM],
        by: 'roskildeStaff',
        on: '2026-01-12',
        decisions: [],
        log: [
          {
            kind: 'experiment',
            text: 'Vi prøver værkstedet i to børnehaver: medarbejdere og forældre udvikler idéer sammen.',
            by: 'roskildeStaff',
            on: '2026-03-09',
          },
          {
            kind: 'lesson',
            text: 'Små forsøk med tydelig slutt gjør det lettere å si ja til å prøve.',
            by: 'baerumStaff',
            on: '2026-05-18',
          },
        ],
      },
    ],
  },
  {
    name: 'Gevinstnettverket',
    description:
      'Bærum og Vestre Toten deler hvordan de identifiserer og realiserer gevinster av forbedringsarbeid. Åpent for alle på Samspill: andre kommuner leser med og stiller spørsmål fra salen.',
    // Every signed-in person may read it and ask from the floor; only its members do the work (issue 12).
    visibility: 'platform',
    members: [BAERUM, VESTRE_TOTEN],
    by: 'admin',
    focusAreas: [{ name: BENEFITS, description: 'Gevinster identifisert og realisert, talt som årsverk og kroner.' }],
    answers: [],
    projects: [],
  },
];
