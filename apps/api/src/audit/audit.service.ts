import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEntryResponse, AuditListResponse, AuditQuery, Locale } from '@samspill/contracts';
import type { Actor } from '@samspill/domain';
import { readableAuditSql } from '@samspill/api/sql-rules';
import { DataSource } from 'typeorm';
import { CSV_BOM, csvLine } from '../common/csv';
import { AUDIT_CSV_HEADERS } from './audit-labels';

interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  organization_id: string | null;
  organization_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const COLUMNS = `a.id::text AS id, a.at, a.actor_id, u.name AS actor_name, a.actor_organization_id AS organization_id,
  o.name AS organization_name, a.action, a.entity_type, a.entity_id, a.before, a.after`;
const JOINS = `LEFT JOIN users u ON u.id = a.actor_id LEFT JOIN organizations o ON o.id = a.actor_organization_id`;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CSV_PAGE = 2000;

/** The WHERE clause of the trail as `actor` may read it, with the filters asked for ($1 is the actor's organisation). */
export function auditFilter(actor: Actor, query: AuditQuery): { where: string; params: unknown[] } {
  const params: unknown[] = [actor.organizationId];
  const where = [readableAuditSql(actor, 'a', '$1')];
  const add = (value: unknown, condition: (p: string) => string) => {
    params.push(value);
    where.push(condition(`$${params.length}`));
  };
  if (query.entityType) add(query.entityType, (p) => `a.entity_type = ${p}`);
  if (query.entityId) add(query.entityId, (p) => `a.entity_id = ${p}::uuid`);
  if (query.actorId) add(query.actorId, (p) => `a.actor_id = ${p}::uuid`);
  if (query.organizationId) add(query.organizationId, (p) => `(a.actor_organization_id = ${p}::uuid OR ${p}::uuid = ANY(a.concerns))`);
  if (query.action) {
    if (query.action.includes('.')) add(query.action, (p) => `a.action = ${p}`);
    else add(`${query.action}.%`, (p) => `a.action LIKE ${p}`);
  }
  // A day is a whole UTC day; a moment is taken as it is.
  if (query.from)
    add(query.from, (p) =>
      DAY.test(query.from ?? '') ? `a.at >= (${p}::date)::timestamp AT TIME ZONE 'UTC'` : `a.at >= ${p}::timestamptz`,
    );
  if (query.to)
    add(query.to, (p) =>
      DAY.test(query.to ?? '') ? `a.at < (${p}::date + 1)::timestamp AT TIME ZONE 'UTC'` : `a.at <= ${p}::timestamptz`,
    );
  return { where: where.join(' AND '), params };
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first, a page at a time, with how many entries match in all. */
  async list(actor: Actor, query: AuditQuery): Promise<AuditListResponse> {
    const { where, params } = auditFilter(actor, query);
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const rows = await this.dataSource.query<(AuditRow & { total: number })[]>(
      `SELECT ${COLUMNS}, count(*) OVER ()::int AS total FROM audit_log a ${JOINS}
       WHERE ${where} ORDER BY a.at DESC, a.id DESC LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    const first = rows[0];
    if (first) return { items: rows.map(toAuditEntry), total: first.total };
    // Past the end (or nothing at all): count on its own.
    const [count] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM audit_log a WHERE ${where}`,
      params,
    );
    return { items: [], total: count?.total ?? 0 };
  }

  /** The same entries as CSV, page by page (keyset on at, id), so a long trail is streamed, never held whole. */
  async *csv(actor: Actor, query: AuditQuery, locale: Locale): AsyncGenerator<string> {
    const { where, params } = auditFilter(actor, query);
    let prefix = CSV_BOM + csvLine(AUDIT_CSV_HEADERS[locale]);
    let after: { at: string; id: string } | null = null;
    for (;;) {
      const keyset = after ? `AND (a.at, a.id) < ($${params.length + 1}::timestamptz, $${params.length + 2}::bigint)` : '';
      const rows: (AuditRow & { at_text: string })[] = await this.dataSource.query(
        `SELECT ${COLUMNS}, a.at::text AS at_text FROM audit_log a ${JOINS}
         WHERE ${where} ${keyset} ORDER BY a.at DESC, a.id DESC LIMIT ${CSV_PAGE}`,
        after ? [...params, after.at, after.id] : params,
      );
      yield (
        prefix +
        rows
          .map((r) =>
            csvLine([
              r.at.toISOString(),
              r.actor_name ?? '',
              r.organization_name ?? '',
              r.action,
              r.entity_type,
              r.entity_id ?? '',
              r.before ? JSON.stringify(r.before) : '',
              r.after ? JSON.stringify(r.after) : '',
            ]),
          )
          .join('')
      );
      prefix = '';
      const last = rows.at(-1);
      if (rows.length < CSV_PAGE || !last) return;
      after = { at: last.at_text, id: last.id };
    }
  }
}

export function toAuditEntry(r: AuditRow): AuditEntryResponse {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
    organization: r.organization_id ? { id: r.organization_id, name: r.organization_name ?? '' } : null,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
  };
}
