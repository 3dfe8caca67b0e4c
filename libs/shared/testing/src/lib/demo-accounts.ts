/** The demo accounts seeded in embedded mode; tests sign in with these. */
export const DEMO_PASSWORD = 'samspill-demo-2026';

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
} as const;
