import type { Country, OrganizationKind, Role } from '@samspill/contracts';

/**
 * The demo world's organisations and accounts, seeded in embedded mode (never
 * in production). The API seeds them, the tests sign in with them: one list.
 */
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

/** The demo accounts by a short key; tests sign in with these. */
export const DEMO_ACCOUNTS = {
  admin: 'admin@samspill.no',
  granLeader: 'leder@gran.kommune.no',
  granStaff: 'ansatt@gran.kommune.no',
  granPolitician: 'politiker@gran.kommune.no',
  lunnerLeader: 'leder@lunner.kommune.no',
  lunnerStaff: 'ansatt@lunner.kommune.no',
  lunnerPolitician: 'politiker@lunner.kommune.no',
  baerumStaff: 'ansatt@baerum.kommune.no',
  vestreTotenStaff: 'ansatt@vestre-toten.kommune.no',
  navDrammenStaff: 'ansatt.drammen@nav.no',
  roskildeStaff: 'ansatt@roskilde.dk',
  // Observers of PILOTen Hadeland (issue 10): they read everything there and write nothing.
  statsforvalterenStaff: 'radgiver@statsforvalteren.no',
  hogskolenStaff: 'forsker@inn.no',
} as const;

export type DemoAccount = keyof typeof DEMO_ACCOUNTS;

export const DEMO_USERS: { account: DemoAccount; name: string; role: Role; organization: string | null }[] = [
  { account: 'admin', name: 'Plattformadministrator', role: 'admin', organization: null },
  { account: 'granLeader', name: 'Guro Leder', role: 'leader', organization: 'Gran kommune' },
  { account: 'granStaff', name: 'Gunnar Ansatt', role: 'staff', organization: 'Gran kommune' },
  { account: 'granPolitician', name: 'Gro Politiker', role: 'politician', organization: 'Gran kommune' },
  { account: 'lunnerLeader', name: 'Lise Leder', role: 'leader', organization: 'Lunner kommune' },
  { account: 'lunnerStaff', name: 'Lars Ansatt', role: 'staff', organization: 'Lunner kommune' },
  { account: 'lunnerPolitician', name: 'Liv Politiker', role: 'politician', organization: 'Lunner kommune' },
  { account: 'baerumStaff', name: 'Berit Ansatt', role: 'staff', organization: 'Bærum kommune' },
  { account: 'vestreTotenStaff', name: 'Vidar Ansatt', role: 'staff', organization: 'Vestre Toten kommune' },
  { account: 'navDrammenStaff', name: 'Nina Ansatt', role: 'staff', organization: 'NAV Drammen' },
  { account: 'roskildeStaff', name: 'Rasmus Ansat', role: 'staff', organization: 'Roskilde Kommune' },
  // issue 10: observers of PILOTen Hadeland
  { account: 'statsforvalterenStaff', name: 'Siri Rådgiver', role: 'staff', organization: 'Statsforvalteren i Innlandet' },
  { account: 'hogskolenStaff', name: 'Håkon Forsker', role: 'staff', organization: 'Høgskolen i Innlandet' },
];
