import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@samspill/contracts/values';
import { en } from '../core/i18n/en';
import { translate } from '../core/i18n/i18n';
import type { MessageKey, Messages } from '../core/i18n/messages';
import { nb } from '../core/i18n/nb';

const DICTIONARIES: Record<string, Messages> = { nb, en };

describe('the audit trail in words', () => {
  it.each(AUDIT_ACTIONS)('%s has a label in every dictionary', (action) => {
    for (const messages of Object.values(DICTIONARIES)) {
      const key = `audit.actions.${action}` as MessageKey;
      expect(translate(messages, key)).not.toBe(key);
    }
  });

  it.each(AUDIT_ENTITY_TYPES)('%s has a name in every dictionary', (type) => {
    for (const messages of Object.values(DICTIONARIES)) {
      const key = `audit.entityTypes.${type}` as MessageKey;
      expect(translate(messages, key)).not.toBe(key);
    }
  });
});
