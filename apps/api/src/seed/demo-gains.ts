import type { BenefitKind, BenefitUnit, FollowUpAnswer } from '@samspill/contracts';
import type { DemoAccount } from '@samspill/demo';

/** Benefits and follow-up answers of a demo project, found by partnership and title. Days are `YYYY-MM-DD`. */
export interface DemoGains {
  partnership: string;
  project: string;
  benefits: {
    by: DemoAccount;
    kind: BenefitKind;
    description: string;
    unit: BenefitUnit;
    identified: number;
    on: string;
    realised?: { amount: number; on: string };
  }[];
  /** Answers to the follow-ups of the move into establish, `months` after it, by a leader of `by`'s organisation. */
  followUpAnswers: { months: 6 | 12 | 24; by: DemoAccount; status: FollowUpAnswer; note: string; on: string }[];
}

/**
 * Vestre Toten and NAV count benefits in FTE (årsverk), Lunner in kroner.
 * The two PILOTen practices established in autumn 2025 have been asked after
 * six and twelve months: most answered (held, and one slipped), Lunner's
 * six-month follow-up and the rest of the one-year ones are due.
 */
export const DEMO_GAINS: DemoGains[] = [
  {
    partnership: 'PILOTen Hadeland',
    project: 'Forbedringstavler i alle enheter',
    benefits: [
      {
        by: 'granStaff',
        kind: 'time',
        description: 'Tid spart når små problemer løses samme uke i stedet for å gå i ring',
        unit: 'fte',
        identified: 2,
        on: '2025-09-22',
        realised: { amount: 1.2, on: '2026-06-30' },
      },
      {
        by: 'lunnerStaff',
        kind: 'money',
        description: 'Lavere forbruk av materiell etter forslag fra tavlemøtene',
        unit: 'nok',
        identified: 350000,
        on: '2025-10-20',
        realised: { amount: 180000, on: '2026-09-30' },
      },
    ],
    followUpAnswers: [
      { months: 6, by: 'granLeader', status: 'held', note: 'Tavlemøtene holdes hver uke i alle tre enhetene.', on: '2026-04-20' },
      { months: 6, by: 'lunnerLeader', status: 'held', note: 'Tavlene er fortsatt i bruk i alle enhetene våre.', on: '2026-04-22' },
      {
        months: 12,
        by: 'lunnerLeader',
        status: 'slipped',
        note: 'To av fem enheter har sluttet med tavlemøtene etter sommeren; vi starter dem opp igjen.',
        on: '2026-10-19',
      },
    ],
  },
  {
    partnership: 'PILOTen Hadeland',
    project: 'Folkevalgtopplæring med casebaserte øvelser',
    benefits: [],
    followUpAnswers: [
      {
        months: 6,
        by: 'granLeader',
        status: 'held',
        note: 'Øvelsene var med i opplæringen av nye representanter i vår.',
        on: '2026-05-26',
      },
    ],
  },
  {
    partnership: 'PILOTen Hadeland',
    project: 'Digitalt tilsyn i hjemmetjenesten',
    benefits: [
      {
        by: 'granStaff',
        kind: 'time',
        description: 'Færre fysiske nattbesøk i sone nord',
        unit: 'fte',
        identified: 1.5,
        on: '2025-10-20',
        realised: { amount: 0.8, on: '2026-09-30' },
      },
      { by: 'lunnerStaff', kind: 'time', description: 'Kortere kjøretid om natten', unit: 'hours', identified: 1200, on: '2026-06-15' },
      {
        by: 'lunnerStaff',
        kind: 'quality',
        description: 'Brukere som sier de føler seg trygge om natten',
        unit: 'count',
        identified: 40,
        on: '2026-06-15',
      },
    ],
    followUpAnswers: [],
  },
  {
    partnership: 'Lean i NAV Drammen',
    project: 'Gevinster som årsverk i NAV Drammen',
    benefits: [
      {
        by: 'vestreTotenStaff',
        kind: 'time',
        description: 'Årsverk frigjort i saksbehandlingen med Lean-programmet',
        unit: 'fte',
        identified: 4,
        on: '2026-03-16',
        realised: { amount: 2.5, on: '2026-08-31' },
      },
      {
        by: 'navDrammenStaff',
        kind: 'time',
        description: 'Årsverk fra færre omarbeidede saker',
        unit: 'fte',
        identified: 3,
        on: '2026-04-13',
      },
    ],
    followUpAnswers: [],
  },
  {
    partnership: 'Roskildes lean-netværk',
    project: 'Tavlemøder i Vej og Park',
    benefits: [
      {
        by: 'roskildeStaff',
        kind: 'money',
        description: 'Færre akutte udkald til vejvedligehold',
        unit: 'dkk',
        identified: 400000,
        on: '2026-02-02',
      },
    ],
    followUpAnswers: [],
  },
];
