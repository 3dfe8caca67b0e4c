import { Module } from '@nestjs/common';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsService } from './follow-ups.service';

@Module({ imports: [PartnershipsModule], controllers: [FollowUpsController], providers: [FollowUpsService] })
export class FollowUpsModule {}
