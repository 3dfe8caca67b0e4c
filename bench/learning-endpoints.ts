import { COMMON_WORD, RARE_WORD } from './seed-learning';

/** Issue 9's rows: the lessons library, practices and similar work, each beside its direct SQL. */
export function learningEndpoints(who: { staff: string; admin: string }, projectId: string) {
  const target = { percentile: 'p95', ms: 100 } as const;
  const lessons = (word: string, as: 'admin' | 'staff') => ({
    name: `GET /api/lessons?q= (${word === COMMON_WORD ? 'common' : 'rare'} word "${word}", ${as})`,
    base: 'cached' as const,
    path: `/api/lessons?q=${encodeURIComponent(word)}`,
    token: who[as],
    target,
  });
  return [
    lessons(COMMON_WORD, 'admin'),
    lessons(COMMON_WORD, 'staff'),
    lessons(RARE_WORD, 'admin'),
    lessons(RARE_WORD, 'staff'),
    {
      name: 'GET /api/practices?q= ("hverdagsrehabilitering")',
      base: 'cached' as const,
      path: '/api/practices?q=hverdagsrehabilitering',
      token: who.staff,
      target,
    },
    {
      name: 'GET /api/projects/:id/similar (staff)',
      base: 'cached' as const,
      path: `/api/projects/${projectId}/similar`,
      token: who.staff,
      target,
    },
  ];
}
