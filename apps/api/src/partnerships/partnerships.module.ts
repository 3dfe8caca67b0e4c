import { Module } from '@nestjs/common';
import { PartnershipAccess } from './partnership-access';
import { PartnershipsController } from './partnerships.controller';
import { PartnershipsService } from './partnerships.service';

/** Exports PartnershipAccess: every module that reads or writes inside a partnership imports this one. */
@Module({
  controllers: [PartnershipsController],
  providers: [PartnershipsService, PartnershipAccess],
  exports: [PartnershipAccess],
})
export class PartnershipsModule {}
