import type { Role, UserListQuery } from '@samspill/contracts';

/** What the filters say, as the page keeps it: empty strings for "all". */
export interface PeopleFilter {
  q: string;
  organizationId: string;
  role: Role | '';
  active: '' | 'true' | 'false';
}

export const NO_FILTER: PeopleFilter = { q: '', organizationId: '', role: '', active: '' };
export const PAGE_SIZE = 25;

/** The API's query for a filter and a page (0-based). */
export function peopleQuery(filter: PeopleFilter, page: number): UserListQuery {
  return {
    ...(filter.q ? { q: filter.q } : {}),
    ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.active ? { active: filter.active === 'true' } : {}),
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  };
}
