import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './auth/auth.module';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { PagingInterceptor } from './common/paging';
import type { AppConfig } from './config/configuration';
import { dataSourceOptions } from './database/data-source';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { OrganizationsModule } from './organizations/organizations.module';
import { UsersModule } from './users/users.module';
import { PartnershipsModule } from './partnerships/partnerships.module';
import { ProjectsModule } from './projects/projects.module';
import { ReciprocalQuestionsModule } from './reciprocal-questions/reciprocal-questions.module';
import { ImprovementLogsModule } from './improvement-logs/improvement-logs.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { DashboardsModule } from './dashboards/dashboards.module';
import { PublicModule } from './public/public.module';
// Issue 11: benefits and holding the gains.
import { BenefitsModule } from './benefits/benefits.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
// Issue 9: learning that travels.
import { LessonsModule } from './lessons/lessons.module';
import { PracticesModule } from './practices/practices.module';
import { SimilarModule } from './similar/similar.module';
import { SpreadModule } from './spread/spread.module';
// People, invitations, mail and the audit trail (issue 10)
import { AuditModule } from './audit/audit.module';
// Discussion, notifications and mail (issue 12)
import { DiscussionModule } from './discussion/discussion.module';
import { JobsModule } from './jobs/jobs.module';
import { NotificationsModule } from './notifications/notifications.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    const dashboards = DashboardsModule.forRoot(config);
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            // Never log credentials: headers that carry them are redacted, bodies are not logged at all.
            redact: {
              paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
              censor: '[redacted]',
            },
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
        }),
        TypeOrmModule.forRoot(
          dataSourceOptions({
            url: databaseUrl,
            connectTimeoutMs: config.dbConnectTimeoutMs,
            poolSize: config.dbPoolSize,
            statementTimeoutMs: config.dbStatementTimeoutMs,
            countQueries: config.exposeQueryCount,
          }),
        ),
        DatabaseModule.forRoot(config),
        AuthModule.forRoot(config),
        UsersModule,
        OrganizationsModule,
        PartnershipsModule,
        ProjectsModule,
        ReciprocalQuestionsModule,
        ImprovementLogsModule,
        IndicatorsModule,
        dashboards,
        PublicModule.forRoot(config, dashboards),
        BenefitsModule,
        FollowUpsModule,
        // Issue 9: learning that travels.
        LessonsModule,
        PracticesModule,
        SimilarModule,
        SpreadModule,
        // issue 10
        AuditModule, // invitations and mail come in through AuthModule, which signs invitees in
        // issue 12
        JobsModule.forRoot(config, databaseUrl),
        DiscussionModule,
        NotificationsModule.forRoot(config),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: PagingInterceptor },
      ],
    };
  }
}
