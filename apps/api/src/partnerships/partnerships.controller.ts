import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CreateFocusAreaDto,
  CreatePartnershipDto,
  DirectoryPageQuery,
  type FocusAreaResponse,
  PartnershipResponse,
  UpdateFocusAreaDto,
  UpdatePartnershipDto,
} from '@samspill/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { actorOf } from '../common/actor';
import { BODY_LIMITS, BodyLimit, CurrentUser } from '../common/decorators';
import { ApiPage, ApiRefusals } from '../common/openapi';
import type { Page } from '../common/paging';
import { PartnershipsService } from './partnerships.service';

@ApiTags('partnerships')
@ApiBearerAuth()
@Controller()
export class PartnershipsController {
  constructor(private readonly partnerships: PartnershipsService) {}

  /** The partnerships you may see, with members and focus areas. */
  @ApiPage(PartnershipResponse)
  @Get('partnerships')
  list(@CurrentUser() user: AuthenticatedUser, @Query() page: DirectoryPageQuery): Promise<Page<PartnershipResponse>> {
    return this.partnerships.list(actorOf(user), page);
  }

  /** A new partnership; a leader's own organisation is always a member. */
  @ApiRefusals(403)
  @BodyLimit(BODY_LIMITS.rationale)
  @Post('partnerships')
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreatePartnershipDto): Promise<PartnershipResponse> {
    return this.partnerships.create(actorOf(user), user.id, dto);
  }

  /** One partnership. */
  @Get('partnerships/:id')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<PartnershipResponse> {
    return this.partnerships.get(actorOf(user), id);
  }

  /** Name, description, visibility or members; by leaders of a member organisation. */
  @ApiRefusals(403)
  @BodyLimit(BODY_LIMITS.rationale)
  @Patch('partnerships/:id')
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePartnershipDto,
  ): Promise<PartnershipResponse> {
    return this.partnerships.update(actorOf(user), id, dto);
  }

  /** A new focus area; names are unique within the partnership. */
  @ApiRefusals(403, 409)
  @Post('partnerships/:id/focus-areas')
  addFocusArea(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateFocusAreaDto,
  ): Promise<FocusAreaResponse> {
    return this.partnerships.addFocusArea(actorOf(user), id, dto);
  }

  /** Renames or redescribes a focus area. */
  @ApiRefusals(403)
  @Patch('focus-areas/:id')
  updateFocusArea(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateFocusAreaDto,
  ): Promise<FocusAreaResponse> {
    return this.partnerships.updateFocusArea(actorOf(user), id, dto);
  }
}
