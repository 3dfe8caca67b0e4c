import { Module } from '@nestjs/common';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { BenefitsExport } from './benefits-export';
import { BenefitsExportController } from './benefits-export.controller';
import { BenefitsController } from './benefits.controller';
import { BenefitsService } from './benefits.service';

@Module({
  imports: [PartnershipsModule],
  controllers: [BenefitsController, BenefitsExportController],
  providers: [BenefitsService, BenefitsExport],
})
export class BenefitsModule {}
