import { TestBed } from '@angular/core/testing';
import { en } from './en';
import { I18n, translate } from './i18n';
import { nb } from './nb';

function keys(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
  );
}

function placeholders(text: string): string[] {
  return (text.match(/\{\w+\}/g) ?? []).sort();
}

describe('dictionaries', () => {
  it('gives English exactly the bokmål keys, none empty', () => {
    expect(keys(en)).toEqual(keys(nb));
    for (const key of keys(en)) {
      expect(translate(en, key as never)).not.toBe('');
    }
  });

  it('keeps the same placeholders in both languages', () => {
    for (const key of keys(nb)) {
      expect([key, placeholders(translate(en, key as never))]).toEqual([key, placeholders(translate(nb, key as never))]);
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
  });

  it('sorts names by the language’s alphabet', () => {
    const i18n = TestBed.inject(I18n);
    expect(['Åsnes', 'Bærum', 'Aurskog'].sort((a, b) => i18n.compare(a, b))).toEqual(['Aurskog', 'Bærum', 'Åsnes']);
  });
});
