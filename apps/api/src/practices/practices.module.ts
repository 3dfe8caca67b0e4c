import { Module } from '@nestjs/common';
import { PracticeLineage } from './practice-lineage';
import { PracticesController } from './practices.controller';
import { PracticesService } from './practices.service';

@Module({ controllers: [PracticesController], providers: [PracticesService, PracticeLineage], exports: [PracticesService] })
export class PracticesModule {}
