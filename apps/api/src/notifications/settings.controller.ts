import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type NotificationSettings, UpdateSettingsDto } from '@samspill/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../common/decorators';
import { NotificationsService } from './notifications.service';

/** Your notification and e-mail settings: immediate mail for mentions and replies, and the digest. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('auth/me/settings')
export class SettingsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** Your notification and e-mail settings. */
  @Get()
  get(@CurrentUser() user: AuthenticatedUser): Promise<NotificationSettings> {
    return this.notifications.settings(user.id);
  }

  /** Changes what you send; the rest stays. */
  @Patch()
  update(@CurrentUser() user: AuthenticatedUser, @Body() dto: UpdateSettingsDto): Promise<NotificationSettings> {
    return this.notifications.updateSettings(user.id, dto);
  }
}
