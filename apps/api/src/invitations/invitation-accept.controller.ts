import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AcceptInvitationDto, type AuthResponse } from '@samspill/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from '../auth/auth.service';
import { deviceOf, sendSession } from '../auth/session-cookie';
import { Public } from '../common/decorators';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { UsersService } from '../users/users.service';
import { toAuthenticatedUser } from '../users/user.mapper';
import { InvitationsService } from './invitations.service';

/**
 * Accepting an invitation signs the new person in, so this controller lives
 * in the auth module (which issues sessions) while the rest of the feature
 * stays in InvitationsModule.
 */
@ApiTags('invitations')
@Controller('invitations')
export class InvitationAcceptController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The token from the mail's link and a password: the account is made and signed in (access token in the body,
   * refresh token as a cookie). A used, withdrawn, expired or unknown token: 400 INVALID_TOKEN.
   */
  @Public()
  @Post('accept')
  async accept(
    @Body() dto: AcceptInvitationDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResponse> {
    const userId = await this.invitations.accept(dto.token, dto.password);
    const user = toAuthenticatedUser(await this.users.getById(userId));
    return sendSession(this.config, request, reply, await this.auth.startSession(user, deviceOf(request)));
  }
}
