import { DEFAULT_LOCALE, type Locale, LOCALES } from '@samspill/contracts/values';
import type { FastifyRequest } from 'fastify';

/** Language tags a browser may send for each of Samspill's languages (`no` is Norwegian without a written standard: bokmål). */
const TAGS: Readonly<Record<string, Locale>> = { nb: 'nb', no: 'nb', nn: 'nn', da: 'da', sv: 'sv', fi: 'fi', en: 'en' };

/** Longer headers are cut: a real browser sends a few dozen characters, and the first supported tag decides. */
const MAX_HEADER = 512;

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/**
 * The best of Samspill's languages in an Accept-Language header (RFC 9110: tags with optional `q` weights),
 * or undefined when it names none of them. A bogus header is no error: it names no language.
 */
export function localeFromAcceptLanguage(header: string | string[] | undefined): Locale | undefined {
  const text = (Array.isArray(header) ? header.join(',') : (header ?? '')).slice(0, MAX_HEADER);
  const ranked: { locale: Locale; q: number; at: number }[] = [];
  text.split(',').forEach((part, at) => {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const locale = TAGS[tag.split('-')[0] ?? ''];
    if (!locale) return;
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = weight === undefined ? 1 : Number(weight.slice(2));
    if (!Number.isFinite(q) || q <= 0 || q > 1) return;
    ranked.push({ locale, q, at });
  });
  ranked.sort((a, b) => b.q - a.q || a.at - b.at);
  return ranked[0]?.locale;
}

/**
 * The language a request is answered in: the signed-in person's own (it follows them from device to device),
 * else what the browser asks for, else the default (bokmål).
 */
export function requestLocale(request: Pick<FastifyRequest, 'headers'> & { user?: { locale?: unknown } }): Locale {
  const own = request.user?.locale;
  if (isLocale(own)) return own;
  return localeFromAcceptLanguage(request.headers?.['accept-language']) ?? DEFAULT_LOCALE;
}

/** The language of a downloaded file: `?lang=` when given and supported, else the request's language. */
export function fileLocale(lang: string | undefined, request: Pick<FastifyRequest, 'headers'> & { user?: { locale?: unknown } }): Locale {
  return isLocale(lang) ? lang : requestLocale(request);
}

/** A language with its country, for Intl formats and a document's declared language. */
export const LANGUAGE_TAGS: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', da: 'da-DK', sv: 'sv-SE', fi: 'fi-FI', en: 'en-GB' };
