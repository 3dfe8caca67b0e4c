import { fileLocale, localeFromAcceptLanguage, requestLocale } from './locale';

describe('localeFromAcceptLanguage', () => {
  it.each([
    ['da', 'da'],
    ['da-DK,da;q=0.9,en;q=0.8', 'da'],
    ['en;q=0.2, sv;q=0.8', 'sv'],
    ['fr-FR, fi;q=0.5, en;q=0.4', 'fi'],
    ['nn-NO', 'nn'],
    ['no', 'nb'],
    ['NB-no', 'nb'],
    ['en-GB,en;q=0.9', 'en'],
    ['sv;q=1, da;q=1', 'sv'],
  ])('reads %j as %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });

  it.each([undefined, '', '*', 'fr', 'da;q=0', 'da;q=abc', 'da;q=2', ';q=a,,;;', 'en'.repeat(500), 'xx-ÆØÅ'])(
    'names no language in %j',
    (header) => {
      expect(localeFromAcceptLanguage(header)).toBeUndefined();
    },
  );

  it('reads only the first 512 characters of a flood', () => {
    expect(localeFromAcceptLanguage(`${'x,'.repeat(300)}da`)).toBeUndefined();
  });
});

describe('requestLocale', () => {
  const asking = (header?: string, locale?: unknown) => ({
    headers: header ? { 'accept-language': header } : {},
    user: locale ? { locale } : undefined,
  });

  it('prefers the signed-in person’s own language to what the browser asks', () => {
    expect(requestLocale(asking('en', 'fi'))).toBe('fi');
  });

  it('falls back to Accept-Language, then bokmål', () => {
    expect(requestLocale(asking('sv'))).toBe('sv');
    expect(requestLocale(asking('fr'))).toBe('nb');
    expect(requestLocale(asking())).toBe('nb');
    expect(requestLocale(asking('da', 'xx'))).toBe('da');
  });

  it('lets a download ask for its language with ?lang=, ignoring an unsupported one', () => {
    expect(fileLocale('da', asking('en', 'fi'))).toBe('da');
    expect(fileLocale('xx', asking('en', 'fi'))).toBe('fi');
    expect(fileLocale(undefined, asking('sv'))).toBe('sv');
  });
});
