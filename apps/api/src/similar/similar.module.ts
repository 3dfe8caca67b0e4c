import { Module } from '@nestjs/common';
import { LessonsModule } from '../lessons/lessons.module';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { PracticesModule } from '../practices/practices.module';
import { SimilarController } from './similar.controller';
import { SimilarService } from './similar.service';

@Module({ imports: [PartnershipsModule, LessonsModule, PracticesModule], controllers: [SimilarController], providers: [SimilarService] })
export class SimilarModule {}
