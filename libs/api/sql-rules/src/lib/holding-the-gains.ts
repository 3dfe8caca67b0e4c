/**
 * SQL twin of `followUpStatus` (libs/shared/domain): the status of follow-up
 * `alias` on the day in `todayParam` (a date parameter, so both twins count
 * from the same day). e2e/api/src/rules-agree.e2e-spec.ts holds them equal.
 */
export function followUpStatusSql(alias: string, todayParam: string): string {
  return `CASE WHEN ${alias}.answer IS NOT NULL THEN ${alias}.answer
    WHEN ${alias}.due_on <= ${todayParam}::date THEN 'due' ELSE 'upcoming' END`;
}
