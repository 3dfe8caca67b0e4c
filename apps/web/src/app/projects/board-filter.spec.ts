import { convertToParamMap } from '@angular/router';
import { filterFromQuery, filterToQuery } from './board-filter';

const id = '0b3c6f1e-8a53-4a59-9d1e-6c2f4b1a7e10';

describe('board filter in the address', () => {
  it('reads ids and search text, and drops what is not an id', () => {
    expect(filterFromQuery(convertToParamMap({ partnershipId: id, focusAreaId: 'nope', q: '  tilsyn ' }))).toEqual({
      partnershipId: id,
      focusAreaId: '',
      organizationId: '',
      q: 'tilsyn',
    });
  });

  it('leaves empty filters out of the address', () => {
    expect(filterToQuery({ partnershipId: id, focusAreaId: '', organizationId: '', q: 'tilsyn' })).toEqual({
      partnershipId: id,
      focusAreaId: null,
      organizationId: null,
      q: 'tilsyn',
    });
  });
});
