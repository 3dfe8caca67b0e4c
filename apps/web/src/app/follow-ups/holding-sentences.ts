import type { FollowUpCounts } from '@samspill/contracts';
import type { I18n } from '../core/i18n/i18n';

const answered = (c: FollowUpCounts) => c.held + c.slipped + c.abandoned;

/**
 * Holding the gains in plain words, for the dashboard and the politician's
 * page: how many answers say the new practice still holds (after a year or
 * more, where there are such answers), and how many follow-ups wait.
 */
export function holdingSentences(i18n: I18n, all: FollowUpCounts, afterAYear: FollowUpCounts): string[] {
  const n = (value: number) => i18n.formatNumber(value);
  if (answered(all) === 0 && all.due === 0) return [i18n.t('followUps.nothingYet')];
  const sentences: string[] = [];
  if (answered(all) > 0) sentences.push(i18n.t('followUps.holds', { held: n(all.held), answered: n(answered(all)) }));
  if (answered(afterAYear) > 0) {
    sentences.push(i18n.t('followUps.holdsAfterAYear', { held: n(afterAYear.held), answered: n(answered(afterAYear)) }));
  }
  if (all.due > 0) sentences.push(i18n.t(all.due === 1 ? 'followUps.dueOne' : 'followUps.dueOther', { count: n(all.due) }));
  return sentences;
}
