import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateIndicatorDto, CreateMeasurementDto, IndicatorResponse, type MeasurementResponse, PageQuery } from '@samspill/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { actorOf } from '../common/actor';
import { CurrentUser } from '../common/decorators';
import { ApiPage, ApiRefusals } from '../common/openapi';
import type { Page } from '../common/paging';
import { IndicatorsService } from './indicators.service';

@ApiTags('indicators')
@ApiBearerAuth()
@Controller()
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  /** The indicators of a project, with measurements and progress. */
  @ApiPage(IndicatorResponse)
  @Get('projects/:id/indicators')
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() page: PageQuery,
  ): Promise<Page<IndicatorResponse>> {
    return this.indicators.list(actorOf(user), id, page);
  }

  /** A new indicator: unit, baseline, target and direction. */
  @ApiRefusals(403)
  @Post('projects/:id/indicators')
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateIndicatorDto,
  ): Promise<IndicatorResponse> {
    return this.indicators.create(actorOf(user), user.id, id, dto);
  }

  /** A measurement, for your organisation (an admin may name another participant). */
  @ApiRefusals(403)
  @Post('indicators/:id/measurements')
  addMeasurement(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateMeasurementDto,
  ): Promise<MeasurementResponse> {
    return this.indicators.addMeasurement(actorOf(user), user.id, id, dto);
  }
}
