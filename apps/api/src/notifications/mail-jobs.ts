import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DigestFrequency, UnsubscribeKind } from '@samspill/contracts';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { JobQueue, QUEUES } from '../jobs/job-queue';
import { MailService } from '../mail/mail.service';
import { renderMail } from '../mail/render-mail';
import { type BuiltDigest, buildDigests, type DigestLinks } from './digest-builder';
import { RANGE_PEOPLE, readDigestPeople, readPartnershipNews } from './digest-contents';
import { type NotificationData, notificationText } from './notification-texts';
import { notificationMailTexts } from './notification-mail-texts';
import { Notifier } from './notifier';
import { SentMarks } from './sent-marks';
import { UnsubscribeTokens } from './unsubscribe-token';

/** People per digest batch job: enough to keep a worker busy, small enough that a retry repeats little. */
export const DIGEST_BATCH_SIZE = 500;
/** People claimed and read at a time inside a batch. */
const CLAIM_SIZE = 100;
/** Digests of a claim handed to the mail transport at once: enough to keep its pooled connections busy. */
const SEND_CONCURRENCY = 10;
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

  private readonly digestLinks: DigestLinks = {
    url: (path) => this.url(path),
    unsubscribe: (userId) => this.unsubscribe(userId, 'digest'),
  };

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

  /**
   * One batch: a delivery row per person (once per period, whoever gets there first), then claim, build, send, mark.
   * The batch's partnership news is read once; each claim's people and notifications in two queries; a few senders
   * (SEND_CONCURRENCY) take the claim's digests in turn over the pooled transport, and each digest is marked sent as
   * soon as the server took it.
   */
  async sendBatch(batch: BatchData): Promise<{ sent: number; empty: number; failed: number }> {
    const { period, afterId, upToId } = batch;
    await this.dataSource.query(
      `INSERT INTO digest_deliveries (period, user_id) SELECT $4, u.id FROM users u WHERE ${RANGE_PEOPLE} ON CONFLICT DO NOTHING`,
      [period.frequency, afterId, upToId, period.key],
    );
    const range = `user_id > coalesce($2::uuid, '00000000-0000-0000-0000-000000000000') AND ($3::uuid IS NULL OR user_id <= $3::uuid)`;
    const tally = { sent: 0, empty: 0, failed: 0 };
    let news: ReturnType<typeof readPartnershipNews> | null = null;
    while (tally.failed === 0) {
      const [claimed] = await this.dataSource.query<[{ user_id: string }[], number]>(
        `UPDATE digest_deliveries d SET claimed_at = clock_timestamp(), attempts = d.attempts + 1
         WHERE (d.period, d.user_id) IN (
           SELECT period, user_id FROM digest_deliveries
           WHERE period = $1 AND ${range} AND sent_at IS NULL AND (claimed_at IS NULL OR claimed_at < clock_timestamp() - ${CLAIM_STALE})
           ORDER BY user_id LIMIT ${CLAIM_SIZE} FOR UPDATE SKIP LOCKED)
         RETURNING d.user_id`,
        [period.key, afterId, upToId],
      );
      if (claimed.length === 0) break;
      news ??= readPartnershipNews(this.dataSource, batch);
      const failed = await this.deliverClaimed(
        claimed.map((c) => c.user_id),
        period,
        news,
        tally,
      );
      if (failed.length > 0) {
        // Given back at once: the job's retry (with backoff) tries them again.
        await this.dataSource.query(`UPDATE digest_deliveries SET claimed_at = NULL WHERE period = $1 AND user_id = ANY($2::uuid[])`, [
          period.key,
          failed,
        ]);
      }
    }
    if (tally.failed > 0) throw new Error(`${tally.failed} digests of ${period.key} were not sent; the batch is retried`);
    return tally;
  }

  /** Builds and sends the claimed people's digests; returns those not sent. Nothing to tell: no mail, marked all the same. */
  private async deliverClaimed(
    userIds: string[],
    period: DigestPeriod,
    news: ReturnType<typeof readPartnershipNews>,
    tally: { sent: number; empty: number; failed: number },
  ): Promise<string[]> {
    let digests: Iterator<BuiltDigest, void>;
    let found: Set<string>;
    try {
      const [people, partnershipNews] = await Promise.all([readDigestPeople(this.dataSource, userIds, period), news]);
      digests = buildDigests({ ...people, ...partnershipNews }, period.frequency, this.digestLinks);
      found = new Set(people.people.map((p) => p.id));
    } catch (error) {
      this.logger.error({ reason: error instanceof Error ? error.message : String(error) }, 'digests not built');
      tally.failed += userIds.length;
      return userIds;
    }
    const marks = new SentMarks((sent) =>
      this.dataSource.query(
        `UPDATE digest_deliveries d SET sent_at = clock_timestamp(), items = m.items
         FROM unnest($2::uuid[], $3::int[]) AS m(user_id, items) WHERE d.period = $1 AND d.user_id = m.user_id`,
        [period.key, sent.map((s) => s.userId), sent.map((s) => s.items)],
      ),
    );
    // A person who is gone since the claim has nothing to read.
    for (const userId of userIds) if (!found.has(userId)) marks.add({ userId, items: 0 });
    const failed: string[] = [];
    const settled = new Set(userIds.filter((userId) => !found.has(userId)));
    // A few senders take the digests one by one, each written just before it goes: a claim's mails are not all
    // held at once.
    const sender = async () => {
      for (let next = digests.next(); !next.done; next = digests.next()) {
        const digest = next.value;
        settled.add(digest.userId);
        if (digest.mail && !(await this.mail.send(digest.mail)).sent) {
          tally.failed++;
          failed.push(digest.userId);
          continue;
        }
        tally[digest.mail ? 'sent' : 'empty']++;
        marks.add({ userId: digest.userId, items: digest.items });
      }
    };
    const senders = await Promise.allSettled(Array.from({ length: SEND_CONCURRENCY }, sender));
    const broken = senders.find((s) => s.status === 'rejected');
    if (broken) {
      // A digest that could not be written stops the rest of the claim; they are given back with the failed ones.
      this.logger.error({ reason: broken.reason instanceof Error ? broken.reason.message : String(broken.reason) }, 'digest not built');
      for (const userId of userIds) {
        if (settled.has(userId)) continue;
        tally.failed++;
        failed.push(userId);
      }
    }
    await marks.done();
    return failed;
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
