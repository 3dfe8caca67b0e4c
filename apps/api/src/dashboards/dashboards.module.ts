import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '../config/config.module';
import type { AppConfig } from '../config/configuration';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { DashboardsController } from './dashboards.controller';
import { DashboardsService } from './dashboards.service';

/** Exports DashboardsService for the public pages (issue 13), which show a public partnership's figures. */
@Module({
  imports: [PartnershipsModule],
  controllers: [DashboardsController],
  providers: [DashboardsService],
  exports: [DashboardsService],
})
export class DashboardsModule {
  /** The dashboard cache follows the configuration. */
  static forRoot(config: AppConfig): DynamicModule {
    return { module: DashboardsModule, imports: [ConfigModule.forRoot(config)] };
  }
}
