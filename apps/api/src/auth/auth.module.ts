import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ConfigModule } from '../config/config.module';
import type { AppConfig } from '../config/configuration';
import { InvitationAcceptController } from '../invitations/invitation-accept.controller';
import { InvitationsModule } from '../invitations/invitations.module';
import { MailModule } from '../mail/mail.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard, PermissionGuard, WriteRateGuard } from './guards';
import { JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordResetService } from './password-reset.service';
// Single sign-on (issue 15): its callback starts sessions, so it lives beside them
import { IdentityProvidersController } from '../single-sign-on/identity-providers.controller';
import { IdentityProvidersService } from '../single-sign-on/identity-providers.service';
import { SingleSignOnController } from '../single-sign-on/single-sign-on.controller';
import { SingleSignOnService } from '../single-sign-on/single-sign-on.service';

@Module({
  imports: [UsersModule, PassportModule],
  controllers: [AuthController, InvitationAcceptController, SingleSignOnController, IdentityProvidersController],
  providers: [
    AuthService,
    PasswordResetService,
    IdentityProvidersService,
    SingleSignOnService,
    LoginThrottleService,
    LocalStrategy,
    JwtStrategy,
    // Order matters: authenticate first, then count the write (refused ones too), then check the permission.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: WriteRateGuard },
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
})
export class AuthModule {
  /** Tokens and cookies follow the configuration: secret, lifetimes, cookie security. */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        ConfigModule.forRoot(config),
        MailModule.forRoot(config),
        InvitationsModule.forRoot(config),
        JwtModule.register({
          secret: config.jwtSecret as string,
          signOptions: { expiresIn: config.accessTokenTtlSeconds, algorithm: 'HS256' },
        }),
      ],
    };
  }
}
