import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '../config/config.module';
import type { AppConfig } from '../config/configuration';
import { MailModule } from '../mail/mail.module';
import { UsersModule } from '../users/users.module';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';

/** Invitations by e-mail. Accepting one signs the person in: that route is in AuthModule, which imports this one. */
@Module({ imports: [UsersModule], controllers: [InvitationsController], providers: [InvitationsService], exports: [InvitationsService] })
export class InvitationsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: InvitationsModule, imports: [ConfigModule.forRoot(config), MailModule.forRoot(config)] };
  }
}
