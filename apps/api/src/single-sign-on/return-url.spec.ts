import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it('keeps a path inside Samspill', () => {
    expect(safeReturnUrl('/projects?partnershipId=1')).toBe('/projects?partnershipId=1');
  });

  it('refuses other sites, other schemes and control characters', () => {
    for (const url of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '/a\r\nSet-Cookie: x=1',
      '',
      undefined,
    ]) {
      expect(safeReturnUrl(url)).toBeNull();
    }
  });
});
