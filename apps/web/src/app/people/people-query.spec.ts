import { NO_FILTER, PAGE_SIZE, peopleQuery } from './people-query';

describe('peopleQuery', () => {
  it('asks for the first page of everyone when nothing is chosen', () => {
    expect(peopleQuery(NO_FILTER, 0)).toEqual({ limit: PAGE_SIZE, offset: 0 });
  });

  it('sends only the filters that are set, active as a boolean, and pages by offset', () => {
    expect(peopleQuery({ q: 'gunnar', organizationId: 'gran', role: 'staff', active: 'false' }, 2)).toEqual({
      q: 'gunnar',
      organizationId: 'gran',
      role: 'staff',
      active: false,
      limit: PAGE_SIZE,
      offset: 2 * PAGE_SIZE,
    });
  });
});
