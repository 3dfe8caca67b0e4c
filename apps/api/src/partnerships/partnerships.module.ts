import { Global, Module } from '@nestjs/common';
import { PartnershipAccess } from './partnership-access';
import { PartnershipsController } from './partnerships.controller';
import { PartnershipsService } from './partnerships.service';

@Global()
@Module({
  controllers: [PartnershipsController],
  providers: [PartnershipsService, PartnershipAccess],
  exports: [PartnershipAccess],
})
export class PartnershipsModule {}
