import type { Actor } from './collaboration-policy';
import { FOLLOW_UP_MONTHS, type FollowUpAnswer, type FollowUpStatus } from '@samspill/contracts/values';

/** `YYYY-MM-DD` plus whole months; a day the month lacks becomes its last day (31 August + 6 months = 28 February). */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastOfMonth = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(date, lastOfMonth));
  return first.toISOString().slice(0, 10);
}

/** The follow-ups of a move into `establish` on `decidedOn`: 6, 12 and 24 months later. */
export function followUpsAfter(decidedOn: string): { months: number; dueOn: string }[] {
  return FOLLOW_UP_MONTHS.map((months) => ({ months, dueOn: addMonths(decidedOn, months) }));
}

/** Today as the API counts days (UTC). */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * An answered follow-up is its answer; an unanswered one is `due` from its
 * day and `upcoming` before it. (SQL twin: followUpStatusSql.)
 */
export function followUpStatus(f: { dueOn: string; answer: FollowUpAnswer | null }, on: string): FollowUpStatus {
  if (f.answer !== null) return f.answer;
  return f.dueOn <= on ? 'due' : 'upcoming';
}

/** A follow-up is answered by a leader of the organisation it asks, or an admin. */
export function canAnswerFollowUp(actor: Actor, followUp: { organizationId: string }): boolean {
  return actor.role === 'admin' || (actor.role === 'leader' && actor.organizationId === followUp.organizationId);
}
