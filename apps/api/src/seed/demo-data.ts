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
