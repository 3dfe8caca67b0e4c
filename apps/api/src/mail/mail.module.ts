import { type DynamicModule, Module } from '@nestjs/common';
import { join } from 'node:path';
import { ConfigModule } from '../config/config.module';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { MailService, NodemailerMailService } from './mail.service';

/** The one MailService, as the configuration says: SMTP_URL, or .eml files in DATA_DIR/mail. */
@Module({
  providers: [
    {
      provide: MailService,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new NodemailerMailService({ smtpUrl: config.smtpUrl, from: config.mailFrom, mailDir: mailDirOf(config) }),
    },
  ],
  exports: [MailService],
})
export class MailModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: MailModule, imports: [ConfigModule.forRoot(config)] };
  }
}

export function mailDirOf(config: Pick<AppConfig, 'dataDir'>): string {
  return join(config.dataDir, 'mail');
}
