import { DOCUMENT, Injectable, PendingTasks, computed, inject, signal } from '@angular/core';
import type { Locale } from '@samspill/contracts';
import { DEFAULT_LOCALE, LOCALES } from '@samspill/contracts/values';
import type { MessageKey, MessageParams, Messages } from './messages';

/**
 * Each language's words are fetched when someone reads in it (the app waits
 * for them before it starts), so a new language costs nothing to those who
 * do not read it, and no dictionary weighs on the first download.
 */
const DICTIONARIES: Record<Locale, () => Promise<Messages>> = {
  nb: () => import('./nb').then((m) => m.nb),
  nn: () => import('./nn').then((m) => m.nn),
  da: () => import('./da').then((m) => m.da),
  sv: () => import('./sv').then((m) => m.sv),
  fi: () => import('./fi').then((m) => m.fi),
  en: () => import('./en').then((m) => m.en),
};

/** Each language named in itself, so a reader finds their own whatever is showing. */
export const LANGUAGES: readonly { locale: Locale; name: string }[] = [
  { locale: 'nb', name: 'Norsk (bokmål)' },
  { locale: 'nn', name: 'Norsk (nynorsk)' },
  { locale: 'da', name: 'Dansk' },
  { locale: 'sv', name: 'Svenska' },
  { locale: 'fi', name: 'Suomi' },
  { locale: 'en', name: 'English' },
];

export { DEFAULT_LOCALE };
const STORAGE_KEY = 'samspill.locale';

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** Looks a dotted key up in a dictionary and fills in `{placeholders}`. */
export function translate(messages: Messages, key: MessageKey, params?: MessageParams): string {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    node = (node as Record<string, unknown> | undefined)?.[part];
  }
  const text = typeof node === 'string' ? node : key;
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
}

/**
 * Runtime translation. The locale is a signal, so templates and computed
 * values that read a message update when the person switches language.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly current = signal<Locale>(this.storedLocale());
  private readonly loaded = signal<Partial<Record<Locale, Messages>>>({});

  readonly locale = this.current.asReadonly();
  /** Undefined until the language's words have arrived (the app waits for `ready` before it starts). */
  readonly messages = computed(() => this.loaded()[this.current()]);
  /** Settles once the stored language's words are here. */
  readonly ready: Promise<void>;

  private readonly collator = computed(() => new Intl.Collator(this.current(), { sensitivity: 'base' }));

  constructor() {
    this.document.documentElement.lang = this.current();
    this.ready = this.load(this.current());
  }

  /** Switches once the language's words are here. */
  async setLocale(locale: Locale): Promise<void> {
    await this.load(locale);
    this.current.set(locale);
    this.document.documentElement.lang = locale;
    try {
      this.document.defaultView?.localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Storage may be blocked (private mode, policy); the choice then lasts for this visit.
    }
  }

  t(key: MessageKey, params?: MessageParams): string {
    const messages = this.messages();
    return messages ? translate(messages, key, params) : key;
  }

  compare(a: string, b: string): number {
    return this.collator().compare(a, b);
  }

  formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.current(), options).format(value);
  }

  formatDate(value: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
    return new Intl.DateTimeFormat(this.current(), options).format(new Date(value));
  }

  /** Also keeps the app unstable meanwhile, so what waits for it (a test's whenStable) sees words, not keys. */
  private load(locale: Locale): Promise<void> {
    if (this.loaded()[locale]) return Promise.resolve();
    const loading = DICTIONARIES[locale]().then((messages) => this.loaded.update((loaded) => ({ ...loaded, [locale]: messages })));
    this.pendingTasks.run(() => loading);
    return loading;
  }

  private storedLocale(): Locale {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(STORAGE_KEY);
      return isLocale(stored) ? stored : DEFAULT_LOCALE;
    } catch {
      return DEFAULT_LOCALE;
    }
  }
}
