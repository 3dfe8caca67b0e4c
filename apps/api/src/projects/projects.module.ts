import { Module } from '@nestjs/common';
import { ProjectLoader } from './project-loader';
import { ProjectsController } from './projects.controller';
import { ProjectsExportController } from './projects-export.controller';
import { ProjectsService } from './projects.service';

@Module({
  controllers: [ProjectsExportController, ProjectsController],
  providers: [ProjectsService, ProjectLoader],
  exports: [ProjectsService, ProjectLoader],
})
export class ProjectsModule {}
