import { Module } from '@nestjs/common';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { ProjectsModule } from '../projects/projects.module';
import { AnswersController } from './answers.controller';
import { AnswersService } from './answers.service';

@Module({
  imports: [PartnershipsModule, ProjectsModule],
  controllers: [AnswersController],
  providers: [AnswersService],
})
export class ReciprocalQuestionsModule {}
