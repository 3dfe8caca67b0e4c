import { Module } from '@nestjs/common';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { LogController } from './log.controller';
import { LogService } from './log.service';

@Module({ imports: [PartnershipsModule], controllers: [LogController], providers: [LogService] })
export class ImprovementLogsModule {}
