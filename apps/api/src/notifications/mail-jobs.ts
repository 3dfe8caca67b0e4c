import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DigestFrequency, NotificationKind, UnsubscribeKind } from '@samspill/contracts';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { JobQueue, QUEUES } from '../jobs/job-queue';
import { MailService } from '../mail/mail.service';
import { renderMail } from '../mail/render-mail';
import { type NotificationData, notificationText } from './notification-texts';
import { notificationMailTexts } from './notification-mail-texts';
import { Notifier } from './notifier';
import { UnsubscribeTokens } from './unsubscribe-token';

/** People per digest batch job: enough to keep a worker busy, small enough that a retry repeats little. */
export const DIGEST_BATCH_SIZE = 500;
/** People claimed at a time inside a batch. */
const CLAIM_SIZE = 50;
/** Items listed in one digest (the rest are counted). */
const DIGEST_ITEMS_MAX = 25;
/** Digests sent at once inside a batch. */
const SEND_CONCURRENCY = 5;
/** A claim older than this is taken to be from a process that died mid-send. */
const CLAIM_STALE = `interval '10 minutes'`;

type Frequency = Exclude<DigestFrequency, 'off'>;

export interface DigestPeriod {
  frequency: Frequency;
  /** `daily:2026-11-30`, `weekly:2026-11-23` (the Monday): one digest per person per key. */
  key: string;
  from: string;
  to: string;
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The period that holds `day`: that day, or its week from Monday. */
export function digestPeriod(frequency: Frequency, day: string): DigestPeriod {
  if (frequency === 'daily') return { frequency, key: `daily:${day}`, from: `${day}T00:00:00Z`, to: `${addDays(day, 1)}T00:00:00Z` };
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDays(day, -weekday);
  return { frequency, key: `weekly:${monday}`, from: `${monday}T00:00:00Z`, to: `${addDays(monday, 7)}T00:00:00Z` };
}

interface PlanData {
  /** Both (weekly on Mondays) when left out: the schedule's call. */
  frequency?: Frequency;
  /** A day inside the period; yesterday when left out. */
  day?: string;
}

interface BatchData {
  period: DigestPeriod;
  afterId: string | null;
  upToId: string | null;
}

/**
 * Mail that follows notifications, as jobs on the queue: the immediate mail for a mention or reply, the daily or
 * weekly digest (planned once per period, fanned out in batches of DIGEST_BATCH_SIZE people, each person's digest
 * guarded by one row in digest_deliveries), and the daily "follow-up due" notifications. A mail the server refuses
 * fails its job, which pg-boss retries with backoff; nothing is marked sent before the server took it.
 */
@Injectable()
export class MailJobs implements OnModuleInit {
  private readonly logger = new Logger('Mail jobs');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly mail: MailService,
    private readonly tokens: UnsubscribeTokens,
    private readonly notifier: Notifier,
  ) {}

  onModuleInit(): void {
    this.queue.work<{ notificationId: string }>(QUEUES.immediateMail, 10, async (jobs) => {
      for (const job of jobs) await this.sendImmediate(job.data.notificationId);
    });
    this.queue.work<PlanData>(QUEUES.digestPlan, 1, async ([job]) => {
      if (job) await this.plan(job.data);
    });
    // Two batch workers per process: a period's batches are shared by every process's workers.
    for (let i = 0; i < 2; i++) {
      this.queue.work<BatchData>(QUEUES.digestBatch, 1, async ([job]) => {
        if (job) await this.sendBatch(job.data);
      });
    }
    this.queue.work(QUEUES.followUpsDue, 1, async () => {
      await this.followUpsDue();
    });
    this.queue.schedule(QUEUES.digestPlan, '0 6 * * *');
    this.queue.schedule(QUEUES.followUpsDue, '0 7 * * *');
  }

  private url(path: string): string {
    return `${this.config.publicUrl}${path}`;
  }

  private unsubscribe(userId: string, kind: UnsubscribeKind) {
    const token = this.tokens.sign(userId, kind);
    return {
      page: this.url(`/unsubscribe?token=${token}`),
      headers: {
        'List-Unsubscribe': `<${this.url(`/api/unsubscribe?token=${token}`)}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    };
  }

  /** One mention or reply mail, if the person still wants it; sent once (mailed_at), retried while the server refuses. */
  async sendImmediate(notificationId: string): Promise<void> {
    const [row] = await this.dataSource.query<
      {
        user_id: string;
        kind: 'mention' | 'reply';
        data: NotificationData;
        link: string;
        email: string;
        name: string;
        locale: string;
        wanted: boolean;
      }[]
    >(
      `SELECT n.user_id, n.kind, n.data, n.link, u.email, u.name, u.locale,
              u.active AND CASE n.kind WHEN 'mention' THEN u.email_on_mention WHEN 'reply' THEN u.email_on_reply ELSE false END AS wanted
       FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.id = $1 AND n.mailed_at IS NULL`,
      [notificationId],
    );
    if (!row || !row.wanted) return;
    const texts = notificationMailTexts(row.locale);
    const unsubscribe = this.unsubscribe(row.user_id, row.kind);
    const content = texts.immediate({
      name: row.name,
      kind: row.kind,
      text: notificationText(row.locale, row.kind, row.data),
      url: this.url(row.link),
      settingsUrl: this.url('/profile'),
      unsubscribeUrl: unsubscribe.page,
    });
    const outcome = await this.mail.send({ ...renderMail(content, row.locale), to: row.email, headers: unsubscribe.headers });
    if (!outcome.sent) throw new Error('the mail server did not take the mail; the job is retried');
    await this.dataSource.query(`UPDATE notifications SET mailed_at = clock_timestamp() WHERE id = $1`, [notificationId]);
  }

  /** Fans a period out into batch jobs by ranges of user ids: one cheap query, no job per person. */
  async plan(data: PlanData): Promise<number> {
    const day = data.day ?? addDays(new Date().toISOString().slice(0, 10), -1);
    const monday = new Date(`${addDays(day, 1)}T00:00:00Z`).getUTCDay() === 1;
    const frequencies: Frequency[] = data.frequency ? [data.frequency] : monday ? ['daily', 'weekly'] : ['daily'];
    let batches = 0;
    for (const frequency of frequencies) {
      const period = digestPeriod(frequency, day);
      const bounds = await this.dataSource.query<{ id: string }[]>(
        `SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM users WHERE active AND digest = $1) s
         WHERE n % $2 = 0 ORDER BY id`,
        [frequency, DIGEST_BATCH_SIZE],
      );
      const edges = [null, ...bounds.map((b) => b.id)];
      const jobs = edges.map((afterId, i) => ({
        data: { period, afterId, upToId: edges[i + 1] ?? null } satisfies BatchData,
        singletonKey: `${period.key}:${afterId ?? 'start'}`,
      }));
      await this.queue.sendMany(QUEUES.digestBatch, jobs);
      batches += jobs.length;
    }
    return batches;
  }

  /** One batch: a delivery row per person (once per period, whoever gets there first), then claim, send, mark. */
  async sendBatch({ period, afterId, upToId }: BatchData): Promise<{ sent: number; empty: number; failed: number }> {
    const range = `user_id > coalesce($2::uuid, '00000000-0000-0000-0000-000000000000') AND ($3::uuid IS NULL OR user_id <= $3::uuid)`;
    await this.dataSource.query(
      `INSERT INTO digest_deliveries (period, user_id)
       SELECT $1, id FROM users WHERE active AND digest = $4 AND ${range.replaceAll('user_id', 'id')}
       ON CONFLICT DO NOTHING`,
      [period.key, afterId, upToId, period.frequency],
    );
    const tally = { sent: 0, empty: 0, failed: 0 };
    for (;;) {
      const claimed = await this.dataSource.query<[{ user_id: string }[], number]>(
        `UPDATE digest_deliveries d SET claimed_at = clock_timestamp(), attempts = d.attempts + 1
         WHERE (d.period, d.user_id) IN (
           SELECT period, user_id FROM digest_deliveries
           WHERE period = $1 AND ${range} AND sent_at IS NULL AND (claimed_at IS NULL OR claimed_at < clock_timestamp() - ${CLAIM_STALE})
           ORDER BY user_id LIMIT ${CLAIM_SIZE} FOR UPDATE SKIP LOCKED)
         RETURNING d.user_id`,
        [period.key, afterId, upToId],
      );
      const users = claimed[0];
      if (users.length === 0) break;
      // A few at a time: the mail server and the database each wait on the other less.
      for (let i = 0; i < users.length; i += SEND_CONCURRENCY) {
        await Promise.all(users.slice(i, i + SEND_CONCURRENCY).map(({ user_id }) => this.deliver(user_id, period, tally)));
      }
      if (tally.failed > 0) break;
    }
    if (tally.failed > 0) throw new Error(`${tally.failed} digests of ${period.key} were not sent; the batch is retried`);
    return tally;
  }

  private async deliver(userId: string, period: DigestPeriod, tally: { sent: number; empty: number; failed: number }): Promise<void> {
    const outcome = await this.sendDigest(userId, period).catch((error: unknown) => {
      this.logger.error({ reason: error instanceof Error ? error.message : String(error) }, 'digest not built');
      return null;
    });
    if (outcome === null) {
      tally.failed++;
      // Given back at once: the job's retry (with backoff) tries it again.
      await this.dataSource.query(`UPDATE digest_deliveries SET claimed_at = NULL WHERE period = $1 AND user_id = $2`, [
        period.key,
        userId,
      ]);
      return;
    }
    tally[outcome.items > 0 ? 'sent' : 'empty']++;
    await this.dataSource.query(`UPDATE digest_deliveries SET sent_at = clock_timestamp(), items = $3 WHERE period = $1 AND user_id = $2`, [
      period.key,
      userId,
      outcome.items,
    ]);
  }

  /** Builds and sends one person's digest; null when the mail server did not take it. Nothing to tell: no mail. */
  private async sendDigest(userId: string, period: DigestPeriod): Promise<{ items: number } | null> {
    const [user] = await this.dataSource.query<{ email: string; name: string; locale: string; organization_id: string | null }[]>(
      `SELECT email, name, locale, organization_id FROM users WHERE id = $1`,
      [userId],
    );
    if (!user) return { items: 0 };
    const texts = notificationMailTexts(user.locale);
    const [notifications, questions, lessons] = await Promise.all([
      this.dataSource.query<{ kind: NotificationKind; data: NotificationData; link: string; total: number }[]>(
        `SELECT kind, data, link, count(*) OVER ()::int AS total FROM notifications
         WHERE user_id = $1 AND created_at >= $2 AND created_at < $3 AND kind <> 'follow_up'
         ORDER BY created_at DESC, id DESC LIMIT ${DIGEST_ITEMS_MAX}`,
        [userId, period.from, period.to],
      ),
      // Open questions from the floor in the person's partnerships: from outside, and no member has answered yet.
      this.dataSource.query<{ id: string; partnership_id: string; name: string; text: string }[]>(
        `SELECT c.id, p.id AS partnership_id, p.name, c.text FROM comments c
         JOIN partnerships p ON p.id = c.entity_id
         JOIN partnership_members pm ON pm.partnership_id = p.id AND pm.organization_id = $1
         WHERE c.entity_type = 'partnership' AND c.parent_id IS NULL AND c.deleted_at IS NULL AND c.created_at < $2
           AND NOT EXISTS (SELECT 1 FROM partnership_members m WHERE m.partnership_id = p.id AND m.organization_id = c.organization_id)
           AND NOT EXISTS (SELECT 1 FROM comments r JOIN partnership_members rm ON rm.partnership_id = p.id AND rm.organization_id = r.organization_id
                           WHERE r.parent_id = c.id AND r.deleted_at IS NULL)
         ORDER BY c.created_at DESC LIMIT 5`,
        [user.organization_id, period.to],
      ),
      this.dataSource.query<{ project_id: string; title: string; text: string }[]>(
        `SELECT pr.id AS project_id, pr.title, l.text FROM log_entries l
         JOIN projects pr ON pr.id = l.project_id
         JOIN partnership_members pm ON pm.partnership_id = pr.partnership_id AND pm.organization_id = $1
         WHERE l.kind = 'lesson' AND l.created_at >= $2 AND l.created_at < $3
         ORDER BY l.created_at DESC LIMIT 5`,
        [user.organization_id, period.from, period.to],
      ),
    ]);
    const items = [
      ...notifications.map((n) => ({ text: notificationText(user.locale, n.kind, n.data), url: this.url(n.link) })),
      ...lessons.map((l) => ({ text: texts.lesson(l.title, l.text), url: this.url(`/projects/${l.project_id}`) })),
      ...questions.map((q) => ({
        text: texts.openQuestion(q.name, q.text),
        url: this.url(`/partnerships/${q.partnership_id}#comment-${q.id}`),
      })),
    ];
    const total = (notifications[0]?.total ?? 0) + lessons.length + questions.length;
    if (items.length === 0) return { items: 0 };
    const unsubscribe = this.unsubscribe(userId, 'digest');
    const content = texts.digest({
      name: user.name,
      frequency: period.frequency,
      items,
      more: total - items.length,
      url: this.url('/notifications'),
      settingsUrl: this.url('/profile'),
      unsubscribeUrl: unsubscribe.page,
    });
    const outcome = await this.mail.send({ ...renderMail(content, user.locale), to: user.email, headers: unsubscribe.headers });
    return outcome.sent ? { items: total } : null;
  }

  /** Follow-ups that have come due (and are unanswered) notify the people of the organisation asked, once. */
  async followUpsDue(today = new Date().toISOString().slice(0, 10)): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const [due] = await m.query<[{ id: string; project_id: string; organization_id: string; months: number; title: string }[], number]>(
        `UPDATE follow_ups f SET notified_at = clock_timestamp() FROM projects pr
         WHERE pr.id = f.project_id AND f.due_on <= $1 AND f.notified_at IS NULL AND f.answer IS NULL
         RETURNING f.id, f.project_id, f.organization_id, f.months, pr.title`,
        [today],
      );
      for (const f of due) {
        const entity = { type: 'project', id: f.project_id } as const;
        await this.notifier.raise(m, {
          kind: 'follow_up',
          userIds: await this.notifier.peopleOf(m, [f.organization_id]),
          actorId: null,
          data: { title: f.title, months: f.months },
          link: `/projects/${f.project_id}`,
          entity,
        });
      }
      return due.length;
    });
  }
}
