import { safeReturnUrl } from './auth-guards';

describe('safeReturnUrl', () => {
  it('keeps paths inside the app', () => {
    expect(safeReturnUrl('/organizations?page=2')).toBe('/organizations?page=2');
  });

  it.each([null, undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)'])(
    'sends %p home',
    (value) => expect(safeReturnUrl(value)).toBe('/'),
  );
});
