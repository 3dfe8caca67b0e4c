import { type DynamicModule, Global, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { SESSION_CHANNEL, SessionCache } from '../auth/session-cache';
import type { AppConfig } from '../config/configuration';
import { NotificationHub } from '../notifications/notification-hub';
import { Notifier } from '../notifications/notifier';
import { JobQueue } from './job-queue';

/**
 * The job queue, the notification listener and the Notifier that raises notifications. Global like the
 * DatabaseModule it sits beside: they hold this process's direct database connections (pg-boss's pool, the one
 * LISTEN connection), and the features that raise notifications (projects, answers, practices, comments) are
 * static modules without the configuration. The session cache is here too: it lives on that LISTEN
 * connection's notices, and the services that change people (users, auth) forget from it.
 */
@Global()
@Module({})
export class JobsModule implements OnApplicationBootstrap {
  constructor(
    private readonly queue: JobQueue,
    private readonly hub: NotificationHub,
  ) {}

  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    const direct = config.databaseDirectUrl ?? databaseUrl;
    return {
      module: JobsModule,
      providers: [
        {
          provide: JobQueue,
          useFactory: () =>
            new JobQueue({
              url: direct,
              work: config.jobs,
              pollSeconds: config.jobPollSeconds,
              retryDelaySeconds: config.jobRetryDelaySeconds,
            }),
        },
        { provide: NotificationHub, useFactory: () => new NotificationHub(direct) },
        {
          provide: SessionCache,
          useFactory: (hub: NotificationHub) => {
            const cache = new SessionCache(config.sessionCacheSeconds * 1000);
            if (cache.enabled)
              hub.watch(SESSION_CHANNEL, { notice: (userId) => cache.forget(userId), heard: (heard) => cache.setLive(heard) });
            return cache;
          },
          inject: [NotificationHub],
        },
        { provide: Notifier, useFactory: (queue: JobQueue) => new Notifier(queue), inject: [JobQueue] },
      ],
      exports: [JobQueue, NotificationHub, Notifier, SessionCache],
    };
  }

  /** After every module has registered its workers. */
  async onApplicationBootstrap(): Promise<void> {
    await Promise.all([this.queue.start(), this.hub.start()]);
  }
}
