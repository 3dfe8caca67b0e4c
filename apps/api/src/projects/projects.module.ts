import { Module } from '@nestjs/common';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { ProjectLoader } from './project-loader';
import { ProjectsController } from './projects.controller';
import { ProjectsExport } from './projects-export';
import { ProjectsExportController } from './projects-export.controller';
import { ProjectsService } from './projects.service';

@Module({
  imports: [PartnershipsModule],
  controllers: [ProjectsExportController, ProjectsController],
  providers: [ProjectsService, ProjectLoader, ProjectsExport],
  exports: [ProjectsService],
})
export class ProjectsModule {}
