import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '../config/config.module';
import type { AppConfig } from '../config/configuration';
import { PublicController } from './public.controller';
import { PublicRateGuard } from './public-rate.guard';
import { PublicService } from './public.service';

/** Public partnerships and their open data (issue 13), read without signing in. */
@Module({})
export class PublicModule {
  /** `dashboards` is the app's own DashboardsModule.forRoot(): Nest tells dynamic modules apart by reference, and one cache serves both. */
  static forRoot(config: AppConfig, dashboards: DynamicModule): DynamicModule {
    return {
      module: PublicModule,
      imports: [ConfigModule.forRoot(config), dashboards],
      controllers: [PublicController],
      providers: [PublicService, PublicRateGuard],
    };
  }
}
