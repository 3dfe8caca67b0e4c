import type { ParamMap, Params } from '@angular/router';
import type { ProjectListQuery } from '@samspill/contracts';

/** The board's filters, as they stand in the address (so a filtered board can be shared and reloaded); '' is no filter. */
export type BoardFilter = Required<Pick<ProjectListQuery, 'partnershipId' | 'focusAreaId' | 'organizationId' | 'q'>>;

export const NO_FILTER: BoardFilter = { partnershipId: '', focusAreaId: '', organizationId: '', q: '' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the filter from the query; anything that is not an id is dropped rather than sent to the API. */
export function filterFromQuery(query: ParamMap): BoardFilter {
  const id = (name: string) => {
    const value = query.get(name) ?? '';
    return UUID.test(value) ? value : '';
  };
  return {
    partnershipId: id('partnershipId'),
    focusAreaId: id('focusAreaId'),
    organizationId: id('organizationId'),
    q: (query.get('q') ?? '').trim().slice(0, 200),
  };
}

/** Query params for the router: empty filters are left out of the address. */
export function filterToQuery(filter: BoardFilter): Params {
  return Object.fromEntries(Object.entries(filter).map(([key, value]) => [key, value ? value : null]));
}
