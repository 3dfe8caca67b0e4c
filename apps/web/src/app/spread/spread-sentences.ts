import type { Spread } from '@samspill/contracts';
import type { I18n } from '../core/i18n/i18n';
import type { MessageKey } from '../core/i18n/messages';

/** How many sentences about the most adopted practices a reader gets. */
const TOP = 3;

/** «tre» for 3 and «12» for 12: small numbers read better as words. */
export function numberWord(i18n: I18n, count: number): string {
  return count >= 1 && count <= 10 ? i18n.t(`learning.numbers.n${count}` as MessageKey) : i18n.formatNumber(count);
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/**
 * How far practices travel, in plain words for elected members: «Tre
 * organisasjoner har tatt i bruk «Lean i Lunner» fra Lunner kommune.», then
 * what each member of the partnership (`memberIds`) has shared and taken up.
 */
export function spreadSentences(spread: Spread, memberIds: readonly string[], i18n: I18n): string[] {
  const top = spread.topPractices
    .filter((p) => p.adoptions > 0)
    .slice(0, TOP)
    .map((p) =>
      capitalised(
        i18n.t(p.adoptions === 1 ? 'learning.spread.sentenceOne' : 'learning.spread.sentenceOther', {
          count: numberWord(i18n, p.adoptions),
          title: p.title,
          owner: p.organization.name,
        }),
      ),
    );
  const members = new Set(memberIds);
  const own = spread.byOrganization
    .filter((o) => members.has(o.organization.id) && o.practicesShared + o.adoptionsTaken > 0)
    .map((o) =>
      i18n.t('learning.spread.memberShared', {
        name: o.organization.name,
        shared:
          o.practicesShared === 0
            ? i18n.t('learning.spread.practicesZero')
            : o.practicesShared === 1
              ? i18n.t('learning.spread.practicesOne')
              : i18n.t('learning.spread.practicesOther', { count: numberWord(i18n, o.practicesShared) }),
        taken: o.adoptionsTaken === 0 ? i18n.t('learning.spread.takenZero') : numberWord(i18n, o.adoptionsTaken),
      }),
    );
  return [...top, ...own];
}
