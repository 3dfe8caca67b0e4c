import type { DigestFrequency, NotificationKind } from '@samspill/contracts';
import type { OutgoingMail } from '../mail/mail.service';
import { renderMail } from '../mail/render-mail';
import { notificationMailTexts } from './notification-mail-texts';
import { type NotificationData, notificationText } from './notification-texts';

/** Items listed in one digest (the rest are counted). */
export const DIGEST_ITEMS_MAX = 25;
/** Lessons, and open questions, listed per person. */
export const DIGEST_PARTNERSHIP_ITEMS_MAX = 5;

export interface DigestPerson {
  id: string;
  email: string;
  name: string;
  locale: string;
  organizationId: string | null;
}

/** One of a person's notifications of the period, newest first; `total` counts all of them. */
export interface DigestNotification {
  userId: string;
  kind: NotificationKind;
  data: NotificationData;
  link: string;
  total: number;
}

/** A new lesson in a project of one of the organisation's partnerships, newest first. */
export interface DigestLesson {
  organizationId: string;
  projectId: string;
  title: string;
  text: string;
}

/** An open question from the floor in one of the organisation's partnerships, newest first. */
export interface DigestQuestion {
  organizationId: string;
  id: string;
  partnershipId: string;
  name: string;
  text: string;
}

/** What a batch of people's digests are made of: read together, assembled per person in memory. */
export interface DigestContents {
  people: DigestPerson[];
  notifications: DigestNotification[];
  lessons: DigestLesson[];
  questions: DigestQuestion[];
}

export interface DigestLinks {
  /** An absolute link into the web app. */
  url(path: string): string;
  /** The one-click unsubscribe page and headers of a person's digest. */
  unsubscribe(userId: string): { page: string; headers: Record<string, string> };
}

/** One person's digest: `mail` is null when there is nothing to tell (then nobody is mailed). */
export interface BuiltDigest {
  userId: string;
  items: number;
  mail: OutgoingMail | null;
}

const groupBy = <T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> => {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
};

/**
 * Every person's digest of a batch from contents read once for the batch: a lesson or a question shared by an
 * organisation's people is read once and listed for each of them. Lists keep the order they were read in. Each mail
 * is written when it is asked for, so that a sender taking them a few at a time holds only those few.
 */
export function* buildDigests(
  contents: DigestContents,
  frequency: Exclude<DigestFrequency, 'off'>,
  links: DigestLinks,
): Generator<BuiltDigest, void, undefined> {
  const notifications = groupBy(contents.notifications, (n) => n.userId);
  const lessons = groupBy(contents.lessons, (l) => l.organizationId);
  const questions = groupBy(contents.questions, (q) => q.organizationId);
  for (const person of contents.people) {
    const own = (notifications.get(person.id) ?? []).slice(0, DIGEST_ITEMS_MAX);
    const theirs = <T>(byOrganization: Map<string, T[]>) =>
      (person.organizationId ? (byOrganization.get(person.organizationId) ?? []) : []).slice(0, DIGEST_PARTNERSHIP_ITEMS_MAX);
    const personLessons = theirs(lessons);
    const personQuestions = theirs(questions);
    const texts = notificationMailTexts(person.locale);
    const items = [
      ...own.map((n) => ({ text: notificationText(person.locale, n.kind, n.data), url: links.url(n.link) })),
      ...personLessons.map((l) => ({ text: texts.lesson(l.title, l.text), url: links.url(`/projects/${l.projectId}`) })),
      ...personQuestions.map((q) => ({
        text: texts.openQuestion(q.name, q.text),
        url: links.url(`/partnerships/${q.partnershipId}#comment-${q.id}`),
      })),
    ];
    const total = (own[0]?.total ?? 0) + personLessons.length + personQuestions.length;
    if (items.length === 0) {
      yield { userId: person.id, items: 0, mail: null };
      continue;
    }
    const unsubscribe = links.unsubscribe(person.id);
    const content = texts.digest({
      name: person.name,
      frequency,
      items,
      more: total - items.length,
      url: links.url('/notifications'),
      settingsUrl: links.url('/profile'),
      unsubscribeUrl: unsubscribe.page,
    });
    yield {
      userId: person.id,
      items: total,
      mail: { ...renderMail(content, person.locale), to: person.email, headers: unsubscribe.headers },
    };
  }
}
