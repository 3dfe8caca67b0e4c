import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditContextInterceptor } from './audit-context.interceptor';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/**
 * The audit trail: reading it (GET /audit, /audit.csv), and the interceptor
 * that puts each request's person in scope for recordAudit(). Writing needs
 * no module: services call recordAudit() inside their own transactions.
 */
@Module({
  controllers: [AuditController],
  providers: [AuditService, { provide: APP_INTERCEPTOR, useClass: AuditContextInterceptor }],
})
export class AuditModule {}
