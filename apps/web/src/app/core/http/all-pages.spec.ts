import { nextPage } from './all-pages';

describe('nextPage', () => {
  it('reads the next page from a Link header', () => {
    expect(nextPage('</api/partnerships?limit=500&cursor=abc_-1>; rel="next"')).toBe('/api/partnerships?limit=500&cursor=abc_-1');
  });

  it('is null on the last page', () => {
    expect(nextPage(null)).toBeNull();
    expect(nextPage('</api/partnerships>; rel="prev"')).toBeNull();
  });
});
