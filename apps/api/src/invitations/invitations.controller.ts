import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateInvitationDto, InvitationListQuery, type InvitationResponse, ResendInvitationDto } from '@samspill/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser, RequirePermission } from '../common/decorators';
import { ApiRefusals } from '../common/openapi';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@ApiBearerAuth()
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  /**
   * Invites someone by e-mail. The invitation is stored even when the mail server fails: then `mailSent` is false
   * and resending tries again. An address that already has an account: 409 EMAIL_TAKEN.
   */
  @ApiRefusals(403, 409)
  @Post()
  @RequirePermission('invitations:manage')
  invite(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateInvitationDto): Promise<InvitationResponse> {
    return this.invitations.invite(user, dto);
  }

  /** Invitations waiting for an answer (or, with `status=expired`, those whose link ran out): yours to resend or withdraw. */
  @Get()
  @RequirePermission('invitations:manage')
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: InvitationListQuery): Promise<InvitationResponse[]> {
    return this.invitations.list(user, query.status);
  }

  /** A new link, valid 72 hours from now (the old one stops working), and the mail again. */
  @ApiRefusals(409)
  @Post(':id/resend')
  @HttpCode(200)
  @RequirePermission('invitations:manage')
  resend(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ResendInvitationDto,
  ): Promise<InvitationResponse> {
    return this.invitations.resend(user, id, dto.locale);
  }

  /** Withdraws the invitation: its link stops working at once. */
  @ApiRefusals(409)
  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('invitations:manage')
  async withdraw(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.invitations.withdraw(user, id);
  }
}
