import type { I18n } from '../i18n/i18n';

/** "1 990 tegn igjen" or "12 tegn for mye", for `sp-character-count`. */
export function characterCount(i18n: I18n, text: string, max: number): { text: string; over: boolean } {
  const left = max - text.length;
  return left >= 0
    ? { over: false, text: i18n.t('form.charactersLeft', { count: i18n.formatNumber(left) }) }
    : { over: true, text: i18n.t('form.charactersOver', { count: i18n.formatNumber(-left) }) };
}
