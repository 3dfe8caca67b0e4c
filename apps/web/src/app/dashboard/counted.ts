import type { I18n } from '../core/i18n/i18n';
import type { MessageKey, MessageParams } from '../core/i18n/messages';

/** Messages for a number: «1 prosjekt», «2 prosjekter», and optionally «ingen prosjekter». */
export interface CountedKeys {
  zero?: MessageKey;
  one: MessageKey;
  other: MessageKey;
}

/**
 * Picks the singular or plural message and fills in `{count}`, formatted for
 * the language. Bokmål and English both have just "one" and "other".
 */
export function counted(i18n: I18n, count: number, keys: CountedKeys, params: MessageParams = {}): string {
  const key = count === 0 && keys.zero ? keys.zero : count === 1 ? keys.one : keys.other;
  return i18n.t(key, { count: i18n.formatNumber(count), ...params });
}
