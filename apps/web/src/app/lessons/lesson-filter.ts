import type { ParamMap, Params } from '@angular/router';
import type { Country, LessonQuery, ProjectStatus } from '@samspill/contracts';
import { COUNTRIES, PROJECT_STATUSES, SEARCH_MAX_LENGTH } from '@samspill/contracts/values';

/** The lessons page's search and filters as they stand in the address (a search can be shared and reloaded); '' is none. */
export interface LessonFilter {
  q: string;
  focusArea: string;
  organizationId: string;
  country: Country | '';
  projectStatus: ProjectStatus | '';
  from: string;
  to: string;
  offset: number;
}

export const NO_LESSON_FILTER: LessonFilter = {
  q: '',
  focusArea: '',
  organizationId: '',
  country: '',
  projectStatus: '',
  from: '',
  to: '',
  offset: 0,
};

export const LESSONS_PAGE = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | '' => (values.includes(value as T) ? (value as T) : '');

/** Reads the filter from the address; what the API would refuse is dropped rather than sent. */
export function lessonFilterFromQuery(query: ParamMap): LessonFilter {
  const text = (name: string, max: number) => (query.get(name) ?? '').trim().slice(0, max);
  const day = (name: string) => (DAY.test(query.get(name) ?? '') ? (query.get(name) as string) : '');
  const offset = Number(query.get('offset') ?? '0');
  return {
    q: text('q', SEARCH_MAX_LENGTH),
    focusArea: text('focusArea', 200),
    organizationId: UUID.test(query.get('organizationId') ?? '') ? (query.get('organizationId') as string) : '',
    country: oneOf(COUNTRIES, query.get('country')),
    projectStatus: oneOf(PROJECT_STATUSES, query.get('projectStatus')),
    from: day('from'),
    to: day('to'),
    offset: Number.isInteger(offset) && offset > 0 && offset <= 1_000_000 ? offset : 0,
  };
}

/** Query params for the router: what is empty is left out of the address. */
export function lessonFilterToQuery(filter: LessonFilter): Params {
  return Object.fromEntries(Object.entries(filter).map(([key, value]) => [key, value ? value : null]));
}

/** The request: the filter with its page. */
export function lessonQuery(filter: LessonFilter): LessonQuery {
  const query: LessonQuery = { limit: LESSONS_PAGE, offset: filter.offset };
  if (filter.q) query.q = filter.q;
  if (filter.focusArea) query.focusArea = filter.focusArea;
  if (filter.organizationId) query.organizationId = filter.organizationId;
  if (filter.country) query.country = filter.country;
  if (filter.projectStatus) query.projectStatus = filter.projectStatus;
  if (filter.from) query.from = filter.from;
  if (filter.to) query.to = filter.to;
  return query;
}
