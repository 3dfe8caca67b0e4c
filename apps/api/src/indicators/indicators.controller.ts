import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CreateIndicatorDto,
  CreateMeasurementDto,
  type IndicatorChart,
  IndicatorResponse,
  type MeasurementResponse,
  PageQuery,
  UpdateMeasurementDto,
} from '@samspill/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { actorOf } from '../common/actor';
import { CurrentUser } from '../common/decorators';
import { ApiPage, ApiRefusals } from '../common/openapi';
import type { Page } from '../common/paging';
import { IndicatorChartService } from './indicator-chart.service';
import { IndicatorsService } from './indicators.service';
import { MeasurementsService } from './measurements.service';
import { ReadsMayLag } from '../database/read-routing';

@ApiTags('indicators')
@ApiBearerAuth()
@Controller()
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly measurements: MeasurementsService,
    private readonly charts: IndicatorChartService,
  ) {}

  /** The indicators of a project, with measurements and each organisation's progress. */
  @ReadsMayLag()
  @ApiPage(IndicatorResponse)
  @Get('projects/:id/indicators')
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() page: PageQuery,
  ): Promise<Page<IndicatorResponse>> {
    return this.indicators.list(actorOf(user), id, page);
  }

  /** A new indicator: unit, baseline, target and direction, and participants' own baselines and targets. */
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

  /** The run chart of each organisation: points oldest first, median, shifts and trends, and the project's decisions and log. */
  @Get('indicators/:id/chart')
  chart(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<IndicatorChart> {
    return this.charts.chart(actorOf(user), id);
  }

  /** Corrects a measurement of your organisation; what it was is kept in its history. */
  @ApiRefusals(403, 409)
  @Patch('measurements/:id')
  updateMeasurement(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateMeasurementDto,
  ): Promise<MeasurementResponse> {
    return this.measurements.update(actorOf(user), user.id, id, dto);
  }

  /** Removes a measurement of your organisation; it is kept in its history. */
  @ApiRefusals(403)
  @Delete('measurements/:id')
  @HttpCode(204)
  async removeMeasurement(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.measurements.remove(actorOf(user), user.id, id);
  }
}
