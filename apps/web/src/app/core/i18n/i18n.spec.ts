import { TestBed } from '@angular/core/testing';
import { LOCALES } from '@samspill/contracts/values';
import { da } from './da';
import { en } from './en';
import { fi } from './fi';
import { I18n, LANGUAGES, translate } from './i18n';
import { measurementDa } from './measurement.da';
import { measurementEn } from './measurement.en';
import { measurementFi } from './measurement.fi';
import { measurementNb } from './measurement.nb';
import { measurementNn } from './measurement.nn';
import { measurementSv } from './measurement.sv';
import { nb } from './nb';
import { nn } from './nn';
import { sv } from './sv';

function keys(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
  );
}

function placeholders(text: string): string[] {
  return (text.match(/\{\w+\}/g) ?? []).sort();
}

const DICTIONARIES = { nb, nn, da, sv, fi, en } as const;
const FEATURE_DICTIONARIES = {
  measurement: { nb: measurementNb, nn: measurementNn, da: measurementDa, sv: measurementSv, fi: measurementFi, en: measurementEn },
} as const;

describe('dictionaries', () => {
  it('covers every language of the contract', () => {
    expect(Object.keys(DICTIONARIES).sort()).toEqual([...LOCALES].sort());
    expect(LANGUAGES.map((l) => l.locale)).toEqual([...LOCALES]);
  });

  it.each(Object.keys(DICTIONARIES) as (keyof typeof DICTIONARIES)[])('gives %s exactly the bokmål keys, none empty', (locale) => {
    const messages = DICTIONARIES[locale];
    expect(keys(messages).sort()).toEqual(keys(nb).sort());
    for (const key of keys(messages)) {
      expect([key, translate(messages, key as never).trim()]).not.toEqual([key, '']);
    }
  });

  it.each(Object.keys(FEATURE_DICTIONARIES) as (keyof typeof FEATURE_DICTIONARIES)[])(
    'gives the %s feature dictionary the same keys in every language',
    (feature) => {
      const byLocale = FEATURE_DICTIONARIES[feature];
      for (const [locale, messages] of Object.entries(byLocale)) {
        expect([locale, keys(messages).sort()]).toEqual([locale, keys(byLocale.nb).sort()]);
      }
    },
  );

  it.each(Object.keys(DICTIONARIES) as (keyof typeof DICTIONARIES)[])('keeps the bokmål placeholders in %s', (locale) => {
    for (const key of keys(nb)) {
      expect([key, placeholders(translate(DICTIONARIES[locale], key as never))]).toEqual([key, placeholders(translate(nb, key as never))]);
    }
  });
});

describe('translate', () => {
  it('fills in placeholders and leaves unknown ones visible', () => {
    expect(translate(nb, 'home.greeting', { name: 'Kari' })).toBe('Hei, Kari!');
    expect(translate(nb, 'home.greeting')).toBe('Hei, {name}!');
  });

  it('falls back to the key for a path that is not a message', () => {
    expect(translate(nb, 'errors' as never)).toBe('errors');
  });
});

describe('I18n', () => {
  beforeEach(() => localStorage.clear());

  it('starts in bokmål, switches language, sets <html lang> and remembers the choice', async () => {
    const i18n = TestBed.inject(I18n);
    expect(i18n.locale()).toBe('nb');
    expect(document.documentElement.lang).toBe('nb');

    await i18n.setLocale('en');

    expect(i18n.t('shell.signOut')).toBe('Sign out');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('samspill.locale')).toBe('en');
  });

  it('restores a stored language and ignores one it does not know', () => {
    localStorage.setItem('samspill.locale', 'en');
    expect(TestBed.inject(I18n).locale()).toBe('en');

    TestBed.resetTestingModule();
    localStorage.setItem('samspill.locale', 'xx');
    expect(TestBed.inject(I18n).locale()).toBe('nb');
  });

  it('formats numbers and dates the way the chosen language writes them', async () => {
    const i18n = TestBed.inject(I18n);
    const date = new Date(Date.UTC(2026, 4, 17, 12));
    expect(i18n.formatNumber(1234.5)).toBe('1\u00a0234,5');
    expect(i18n.formatDate(date)).toBe('17. mai 2026');

    await i18n.setLocale('en');
    expect(i18n.formatNumber(1234.5)).toBe('1,234.5');
    expect(i18n.formatDate(date)).toBe('May 17, 2026');

    await i18n.setLocale('nn');
    expect(i18n.formatDate(date)).toBe('17. mai 2026');
    await i18n.setLocale('da');
    expect(i18n.formatNumber(1234.5)).toBe('1.234,5');
    expect(i18n.formatDate(date)).toBe('17. maj 2026');
    await i18n.setLocale('sv');
    expect(i18n.formatNumber(1234.5)).toBe('1\u00a0234,5');
    expect(i18n.formatDate(date)).toBe('17 maj 2026');
    await i18n.setLocale('fi');
    expect(i18n.formatNumber(1234.5)).toBe('1\u00a0234,5');
    expect(i18n.formatDate(date)).toBe('17. toukokuuta 2026');
  });

  it('sorts names by the language’s alphabet', () => {
    const i18n = TestBed.inject(I18n);
    expect(['Åsnes', 'Bærum', 'Aurskog'].sort((a, b) => i18n.compare(a, b))).toEqual(['Aurskog', 'Bærum', 'Åsnes']);
  });
});
