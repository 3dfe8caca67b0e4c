import { ERROR_CODES, ERROR_REASONS, LOCALES } from '@samspill/contracts/values';
import { errorMessagesDa } from './error-messages.da';
import { errorMessagesFi } from './error-messages.fi';
import { errorMessagesNb } from './error-messages.nb';
import { errorMessagesNn } from './error-messages.nn';
import { errorMessagesSv } from './error-messages.sv';
import { localizeError } from './localize-error';

const CATALOGS = { nb: errorMessagesNb, nn: errorMessagesNn, da: errorMessagesDa, sv: errorMessagesSv, fi: errorMessagesFi };

describe('the API’s message catalog', () => {
  it.each(Object.entries(CATALOGS))('has a sentence in %s for every code and reason, none English', (_locale, catalog) => {
    expect(Object.keys(catalog.codes).sort()).toEqual([...ERROR_CODES].sort());
    for (const [code, reasons] of Object.entries(ERROR_REASONS)) {
      expect([code, Object.keys((catalog.reasons as Record<string, object>)[code] ?? {}).sort()]).toEqual([code, [...reasons].sort()]);
    }
    for (const sentence of [...Object.values(catalog.codes), ...Object.values(catalog.notFound)]) {
      expect(sentence.trim().length).toBeGreaterThan(5);
      expect([sentence, /\b(the|please|your|must|cannot|already)\b/i.test(sentence)]).toEqual([sentence, false]);
    }
  });

  it('keeps each language apart: no two share most of their sentences', () => {
    const entries = Object.entries(CATALOGS);
    for (const [a, one] of entries) {
      for (const [b, other] of entries) {
        if (a >= b) continue;
        const same = Object.keys(one.codes).filter((code) => one.codes[code as never] === other.codes[code as never]);
        // Bokmål and nynorsk share a few short sentences ("Feil e-post eller passord."); no other pair does.
        expect([a, b, same.length]).toEqual([a, b, expect.any(Number)]);
        expect(same.length).toBeLessThan(a === 'nb' && b === 'nn' ? 10 : 3);
      }
    }
  });
});

describe('localizeError', () => {
  const english = {
    statusCode: 400,
    code: 'INVALID_MEMBERS',
    message: 'A partnership needs at least two member organisations.',
    reason: 'TOO_FEW_MEMBERS' as const,
  };

  it('leaves English as it was raised', () => {
    expect(localizeError(english, 'en')).toBe(english);
  });

  it('words a reason, keeping the body’s shape and order', () => {
    const danish = localizeError(english, 'da');
    expect(danish).toEqual({ ...english, message: 'Et samarbejde skal have mindst to medlemmer.' });
    expect(Object.keys(danish)).toEqual(['statusCode', 'code', 'message', 'reason']);
  });

  it('names what a 404 did not find, and an unknown address', () => {
    const missing = { statusCode: 404, code: 'NOT_FOUND', message: 'No such practice.' };
    expect(localizeError(missing, 'sv', { thing: 'practice' }).message).toBe('Arbetssättet finns inte.');
    expect(localizeError(missing, 'fi', { endpoint: 'GET /api/x' }).message).toBe(
      'Tätä osoitetta ei ole Samspillin rajapinnassa: GET /api/x',
    );
  });

  it('keeps a validation refusal’s details after the sentence', () => {
    const invalid = { statusCode: 400, code: 'VALIDATION_FAILED', message: 'title must not be empty' };
    expect(localizeError(invalid, 'nn').message).toBe('Noko av det som vart sendt, er ikkje gyldig. Detaljar: title must not be empty');
  });

  it('gives a code outside the catalog a general sentence', () => {
    expect(localizeError({ statusCode: 405, code: 'HTTP_405', message: 'x' }, 'nb').message).toBe(errorMessagesNb.codes.BAD_REQUEST);
    expect(localizeError({ statusCode: 502, code: 'HTTP_502', message: 'x' }, 'da').message).toBe(errorMessagesDa.codes.INTERNAL_ERROR);
  });

  it('covers every language but English from a catalog', () => {
    expect([...LOCALES].filter((l) => l !== 'en').sort()).toEqual(Object.keys(CATALOGS).sort());
  });
});
