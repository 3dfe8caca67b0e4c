import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '../config/config.module';
import type { AppConfig } from '../config/configuration';
import { DiscussionModule } from '../discussion/discussion.module';
import { MailModule } from '../mail/mail.module';
import { FollowsController } from './follows.controller';
import { MailJobs } from './mail-jobs';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { SettingsController } from './settings.controller';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeTokens } from './unsubscribe-token';

/** Notifications (list, read, live stream), follows, mail settings, one-click unsubscribe and the mail jobs (issue 12). */
@Module({
  imports: [DiscussionModule],
  controllers: [NotificationsController, FollowsController, SettingsController, UnsubscribeController],
  providers: [NotificationsService],
})
export class NotificationsModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (!config.jwtSecret) throw new Error('the JWT secret must be resolved before the API starts');
    const secret = config.jwtSecret;
    return {
      module: NotificationsModule,
      imports: [ConfigModule.forRoot(config), MailModule.forRoot(config)],
      providers: [{ provide: UnsubscribeTokens, useFactory: () => new UnsubscribeTokens(secret) }, MailJobs],
    };
  }
}
