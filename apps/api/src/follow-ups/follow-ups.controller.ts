import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AnswerFollowUpDto, FollowUpQuery, type FollowUpResponse } from '@samspill/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { actorOf } from '../common/actor';
import { CurrentUser } from '../common/decorators';
import { ApiRefusals } from '../common/openapi';
import { FollowUpsService } from './follow-ups.service';

@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller('follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  /** Follow-ups of established practices you may see, by due day; narrowed by status and organisation. */
  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: FollowUpQuery): Promise<FollowUpResponse[]> {
    return this.followUps.list(actorOf(user), query);
  }

  /** Answers a follow-up once: held, slipped or abandoned, with a note (leaders of that organisation and admins). */
  @ApiRefusals(403, 409)
  @Post(':id')
  @HttpCode(200)
  answer(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AnswerFollowUpDto,
  ): Promise<FollowUpResponse> {
    return this.followUps.answer(actorOf(user), user.id, id, dto);
  }
}
