import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type Adoption,
  CreateAdoptionDto,
  CreatePracticeDto,
  type Lineage,
  type Practice,
  PracticeListQuery,
  type PracticeListResponse,
  UpdatePracticeDto,
} from '@samspill/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { actorOf } from '../common/actor';
import { CurrentUser } from '../common/decorators';
import { ApiRefusals } from '../common/openapi';
import { PracticeLineage } from './practice-lineage';
import { PracticesService } from './practices.service';

@ApiTags('practices')
@ApiBearerAuth()
@Controller('practices')
export class PracticesController {
  constructor(
    private readonly practices: PracticesService,
    private readonly lineage: PracticeLineage,
  ) {}

  /** Every practice on the platform (they are published to all), searched in any Nordic language, a page at a time. */
  @Get()
  list(@Query() query: PracticeListQuery): Promise<PracticeListResponse> {
    return this.practices.list(query);
  }

  /**
   * Publishes a practice for your organisation (an admin names one). What it builds on is recorded as adoptions
   * by that organisation: never its own practice (OWN_PRACTICE), never twice (409 ALREADY_ADOPTED), never one that
   * does not exist (UNKNOWN_PRACTICE).
   */
  @ApiRefusals(403, 409)
  @Post()
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreatePracticeDto): Promise<Practice> {
    return this.practices.create(actorOf(user), user.id, dto);
  }

  /** One practice, with what it built on and who took it up. */
  @Get(':id')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<Practice> {
    return this.practices.get(actorOf(user), id);
  }

  /** Title, summary or description, on the version you read (409 STALE_VERSION if it has moved on). */
  @ApiRefusals(403, 409)
  @Patch(':id')
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePracticeDto,
  ): Promise<Practice> {
    return this.practices.update(actorOf(user), user.id, id, dto);
  }

  /**
   * Records that your organisation (an admin names one) has taken up the practice, as a copy or adapted (then say
   * what you changed and why). Refused for your own practice (OWN_PRACTICE) and a second time (409 ALREADY_ADOPTED).
   */
  @ApiRefusals(403, 409)
  @Post(':id/adoptions')
  adopt(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateAdoptionDto): Promise<Adoption> {
    return this.practices.adopt(actorOf(user), user.id, id, dto);
  }

  /** Where the practice came from (negative depth) and everywhere it went since (positive depth). */
  @Get(':id/lineage')
  lineageOf(@Param('id', ParseUUIDPipe) id: string): Promise<Lineage> {
    return this.lineage.of(id);
  }
}
