import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type BenefitResponse, CreateBenefitDto, UpdateBenefitDto } from '@samspill/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { actorOf } from '../common/actor';
import { CurrentUser } from '../common/decorators';
import { ApiRefusals } from '../common/openapi';
import { BenefitsService } from './benefits.service';

@ApiTags('benefits')
@ApiBearerAuth()
@Controller()
export class BenefitsController {
  constructor(private readonly benefits: BenefitsService) {}

  /** A project's benefits per organisation, identified and realised, oldest first. */
  @Get('projects/:id/benefits')
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<BenefitResponse[]> {
    return this.benefits.list(actorOf(user), id);
  }

  /** A benefit for your organisation (an admin names a participant): kind, unit, the amount identified, and realised if it already is. */
  @ApiRefusals(403)
  @Post('projects/:id/benefits')
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateBenefitDto,
  ): Promise<BenefitResponse> {
    return this.benefits.create(actorOf(user), user.id, id, dto);
  }

  /** Edits or realises a benefit of your organisation; a stale version is refused, the earlier wording kept. */
  @ApiRefusals(403, 409)
  @Patch('benefits/:id')
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateBenefitDto,
  ): Promise<BenefitResponse> {
    return this.benefits.update(actorOf(user), user.id, id, dto);
  }
}
