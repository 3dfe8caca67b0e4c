import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { AnswersController } from './answers.controller';
import { AnswersService } from './answers.service';

@Module({
  imports: [ProjectsModule],
  controllers: [AnswersController],
  providers: [AnswersService],
})
export class ReciprocalQuestionsModule {}
