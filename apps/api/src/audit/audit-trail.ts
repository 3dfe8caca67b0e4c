import type { AuditAction, AuditEntityType } from '@samspill/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, auditScope } from './audit-context';

export type Fields = Record<string, unknown>;

export interface AuditEntry {
  /** An action of AUDIT_ACTIONS; later features may add their own `<entity>.<verb>`. */
  action: AuditAction | `${string}.${string}`;
  entityType: AuditEntityType;
  entityId: string | null;
  /** The organisations the entry is about (their leaders read it), beside the actor's own. */
  concerns?: readonly (string | null | undefined)[];
  before?: Fields | null;
  after?: Fields | null;
  /** Who acted, where the request has nobody signed in yet (a sign-in, an accepted invitation); otherwise the request's person. */
  actor?: AuditActor | null;
}

/** Never written to the trail, whatever a caller passes: credentials and anything derived from them. */
const SECRET = /password|hash|token|secret/i;

/** A copy without secret fields, at any depth. */
export function withoutSecrets(fields: Fields | null | undefined): Fields | null {
  if (!fields) return null;
  const clean = (value: unknown, depth: number): unknown => {
    if (depth > 5 || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1));
    if (value instanceof Date) return value.toISOString();
    return Object.fromEntries(
      Object.entries(value as Fields)
        .filter(([key]) => !SECRET.test(key))
        .map(([key, v]) => [key, clean(v, depth + 1)]),
    );
  };
  return clean(fields, 0) as Fields;
}

/**
 * The fields of `after` that differ from `before`, each side with only those:
 * an edit is recorded as what it changed. Null when nothing changed.
 */
export function changedFields(before: Fields, after: Fields): { before: Fields; after: Fields } | null {
  const keys = Object.keys(after).filter((k) => after[k] !== undefined && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (keys.length === 0) return null;
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  };
}

/**
 * Appends one entry to the audit trail. Call it with the transaction's manager,
 * inside the transaction of the change itself: the change and its entry are
 * committed together or not at all.
 */
export async function recordAudit(db: EntityManager | DataSource, entry: AuditEntry): Promise<void> {
  const scope = auditScope.getStore();
  const actor = entry.actor !== undefined ? entry.actor : (scope?.actor ?? null);
  const concerns = [...new Set((entry.concerns ?? []).filter((c): c is string => typeof c === 'string'))];
  await db.query(
    `INSERT INTO audit_log (actor_id, actor_organization_id, action, entity_type, entity_id, concerns, before, after)
     VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7::jsonb, $8::jsonb)`,
    [
      actor?.id ?? null,
      actor?.organizationId ?? null,
      entry.action,
      entry.entityType,
      entry.entityId,
      concerns,
      jsonOrNull(withoutSecrets(entry.before)),
      jsonOrNull(withoutSecrets(entry.after)),
    ],
  );
  if (scope) scope.recorded++;
}

function jsonOrNull(fields: Fields | null): string | null {
  return fields === null ? null : JSON.stringify(fields);
}

/** For a write that turned out to change nothing (an edit to the same values): there is nothing to record, and that is fine. */
export function nothingToRecord(): void {
  const scope = auditScope.getStore();
  if (scope) scope.recorded++;
}
