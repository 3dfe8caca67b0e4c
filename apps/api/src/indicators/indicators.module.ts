import { Module } from '@nestjs/common';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { IndicatorChartService } from './indicator-chart.service';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';
import { MeasurementsService } from './measurements.service';

@Module({
  imports: [PartnershipsModule],
  controllers: [IndicatorsController],
  providers: [IndicatorsService, MeasurementsService, IndicatorChartService],
})
export class IndicatorsModule {}
