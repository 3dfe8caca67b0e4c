import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import type { OrganizationRef } from './organizations';
import type { PersonRef } from './projects';
import { trim } from './transforms';
import { FileLanguage } from './validators';
import { AUDIT_ENTITY_TYPES, type AuditEntityType } from './values';

/**
 * One recorded change, sign-in or refusal of a sign-in. The trail is append-only: the database refuses to change
 * or remove an entry. `before` and `after` hold the fields that changed, never a password, hash or token.
 */
export class AuditEntryResponse {
  /** @example "1021" */
  id!: string;
  /** @example "2026-12-01T09:15:02.114Z" */
  at!: string;
  /** Who did it; null for what nobody signed in did (a failed sign-in, a password reset by link). */
  actor!: PersonRef | null;
  /** The organisation the person acted from, as it was then. */
  organization!: OrganizationRef | null;
  /** @example "user.role_change" */
  action!: string;
  /** @example "user" */
  entityType!: AuditEntityType | string;
  /** @example "d4372a6f-aabe-49ca-b35c-3d9e45ae7b8b" */
  entityId!: string | null;
  /** @example {"role":"staff"} */
  before!: Record<string, unknown> | null;
  /** @example {"role":"leader"} */
  after!: Record<string, unknown> | null;
}

export class AuditListResponse {
  items!: AuditEntryResponse[];
  /** @example 1 */
  total!: number;
}

const DAY_OR_MOMENT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const realMoment = ({ value }: { value: unknown }) =>
  typeof value === 'string' && DAY_OR_MOMENT.test(value) && !Number.isNaN(Date.parse(value)) && sameDay(value)
    ? value
    : `invalid:${String(value)}`;
/** Date.parse rolls 2026-02-31 over to March; a real day reads back as itself. */
function sameDay(value: string): boolean {
  const day = value.slice(0, 10);
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/**
 * Filters of the audit trail. Admins read all of it; a leader reads what concerns their own organisation (what its
 * people did, and what was done to it, its people and its invitations).
 */
export class AuditQuery {
  /** @example "user" */
  @IsOptional()
  @IsIn(AUDIT_ENTITY_TYPES, { message: `entityType must be one of: ${AUDIT_ENTITY_TYPES.join(', ')}` })
  entityType?: AuditEntityType;
  /** @example "d4372a6f-aabe-49ca-b35c-3d9e45ae7b8b" */
  @IsOptional() @IsUUID('all', { message: 'entityId must be an id' }) entityId?: string;
  /** @example "d4372a6f-aabe-49ca-b35c-3d9e45ae7b8b" */
  @IsOptional() @IsUUID('all', { message: 'actorId must be an id' }) actorId?: string;
  /**
   * Entries by people of this organisation, or about it.
   * @example "0d61de3a-f1dc-4208-85d6-35414e3dc504"
   */
  @IsOptional() @IsUUID('all', { message: 'organizationId must be an id' }) organizationId?: string;
  /**
   * An action (`user.role_change`) or all actions on a kind of thing (`user`).
   * @example "user.role_change"
   */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(60)
  @Matches(/^[a-z_]+(\.[a-z_]+)?$/, { message: 'action must be an action such as user.role_change, or a kind such as user' })
  action?: string;
  /**
   * From this day (`YYYY-MM-DD`, UTC) or moment (ISO 8601), inclusive.
   * @example "2026-11-01"
   */
  @IsOptional()
  @Transform(realMoment)
  @Matches(DAY_OR_MOMENT, { message: 'from must be a day (YYYY-MM-DD) or a moment (ISO 8601)' })
  from?: string;
  /**
   * Up to this day (`YYYY-MM-DD`, UTC, the whole day) or moment (ISO 8601), inclusive.
   * @example "2026-11-30"
   */
  @IsOptional()
  @Transform(realMoment)
  @Matches(DAY_OR_MOMENT, { message: 'to must be a day (YYYY-MM-DD) or a moment (ISO 8601)' })
  to?: string;
  /** @example 50 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  /** @example 0 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(10_000_000) offset?: number;
  /**
   * For audit.csv: the language of the file's headings: nb, nn, da, sv, fi or en; without it, the reader's own.
   * @example "da"
   */
  @FileLanguage()
  lang?: string;
}

export { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from './values';
export type { AuditAction, AuditEntityType } from './values';
