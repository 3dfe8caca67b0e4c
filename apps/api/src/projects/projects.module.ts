import { Module } from '@nestjs/common';
import { ProjectLoader } from './project-loader';
import { ProjectsController } from './projects.controller';
import { ProjectsExport } from './projects-export';
import { ProjectsExportController } from './projects-export.controller';
import { ProjectsService } from './projects.service';

@Module({
  controllers: [ProjectsExportController, ProjectsController],
  providers: [ProjectsService, ProjectLoader, ProjectsExport],
  exports: [ProjectsService, ProjectLoader],
})
export class ProjectsModule {}
