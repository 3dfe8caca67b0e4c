import { Module } from '@nestjs/common';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';

@Module({ imports: [PartnershipsModule], controllers: [IndicatorsController], providers: [IndicatorsService] })
export class IndicatorsModule {}
