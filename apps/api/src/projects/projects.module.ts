import { Module } from '@nestjs/common';
import { ProjectLoader } from './project-loader';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';

@Module({
  controllers: [ProjectsController],
  providers: [ProjectsService, ProjectLoader],
  exports: [ProjectsService, ProjectLoader],
})
export class ProjectsModule {}
