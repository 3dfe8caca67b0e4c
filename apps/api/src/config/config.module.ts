import { type DynamicModule, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from './configuration';

/**
 * The checked configuration as APP_CONFIG, for the modules that import it.
 * Nest keeps one instance: every forRoot() with the same configuration is the same module.
 */
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
