import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Counts the SQL statements each request sends, so a test can prove that
 * the count does not grow with the data (no N+1). Only switched on by
 * EXPOSE_QUERY_COUNT; then the count is sent back as `x-sql-statements`.
 */
export const queryCount = new AsyncLocalStorage<{ statements: number }>();

export class CountingLogger implements TypeOrmLogger {
  logQuery(): void {
    const store = queryCount.getStore();
    if (store) store.statements++;
  }
  logQueryError(): void {
    // errors reach the exception filter
  }
  logQuerySlow(): void {
    // not measured here
  }
  logSchemaBuild(): void {
    // schema changes only run through migrations
  }
  logMigration(): void {
    // the start-up output reports migrations
  }
  log(): void {
    // nothing else to count
  }
}
