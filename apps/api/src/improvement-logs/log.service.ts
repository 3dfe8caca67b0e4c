import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateLogEntryDto, LogEntryResponse, LogEntryRevision, LogKind, PageQuery, UpdateLogEntryDto } from '@samspill/contracts';
import { type Actor, canEditLogEntry, canWorkOnProject } from '@samspill/domain';
import { DataSource } from 'typeorm';
import { forbidden, PROJECT_WORKERS } from '../common/actor';
import { notFound } from '../common/domain-exception';
import { decodeCursor, type Page, pageOf } from '../common/paging';
import { changedFields, nothingToRecord, recordAudit } from '../audit/audit-trail';
import { PartnershipAccess } from '../partnerships/partnership-access';

interface LogRow {
  id: string;
  project_id: string;
  kind: LogKind;
  text: string;
  occurred_on: string;
  author_id: string;
  author_name: string;
  organization_id: string;
  organization_name: string;
  created_at: Date;
  /** created_at in full precision, for the page cursor. */
  created_key: string;
  revisions: { kind: LogKind; text: string; occurredOn: string; editedBy: { id: string; name: string }; editedAt: string }[];
}

const LOG_SELECT = `SELECT e.id, e.project_id, e.kind, e.text, to_char(e.occurred_on, 'YYYY-MM-DD') AS occurred_on,
    u.id AS author_id, u.name AS author_name, o.id AS organization_id, o.name AS organization_name, e.created_at, e.created_at::text AS created_key,
    coalesce((SELECT json_agg(json_build_object(
        'kind', r.kind, 'text', r.text, 'occurredOn', to_char(r.occurred_on, 'YYYY-MM-DD'),
        'editedBy', json_build_object('id', ru.id, 'name', ru.name), 'editedAt', r.edited_at) ORDER BY r.edited_at)
      FROM log_entry_revisions r JOIN users ru ON ru.id = r.edited_by WHERE r.entry_id = e.id), '[]') AS revisions
  FROM log_entries e JOIN users u ON u.id = e.author_id JOIN organizations o ON o.id = e.organization_id`;

/** The issue's default: a log page holds the latest 100 entries unless ?limit= says otherwise. */
const LOG_PAGE_SIZE = 100;

@Injectable()
export class LogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PartnershipAccess,
  ) {}

  /** Newest first, a page at a time. */
  async list(actor: Actor, projectId: string, page: PageQuery): Promise<Page<LogEntryResponse>> {
    await this.access.visibleProject(actor, projectId);
    const limit = page.limit ?? LOG_PAGE_SIZE;
    const after = decodeCursor(page.cursor, ['date', 'timestamp', 'uuid']);
    const rows = await this.dataSource.query<LogRow[]>(
      `${LOG_SELECT}
       WHERE e.project_id = $1 ${after ? `AND (e.occurred_on, e.created_at, e.id) < ($3::date, $4::timestamptz, $5::uuid)` : ''}
       ORDER BY e.occurred_on DESC, e.created_at DESC, e.id DESC LIMIT $2`,
      [projectId, limit + 1, ...(after ?? [])],
    );
    return pageOf(rows, limit, (r) => [r.occurred_on, r.created_key, r.id], toLogEntryResponse);
  }

  /** `at` back-dates the entry; only the demo seed passes it. */
  async add(actor: Actor, userId: string, projectId: string, dto: CreateLogEntryDto, at?: Date): Promise<LogEntryResponse> {
    const project = await this.access.visibleProject(actor, projectId);
    if (!canWorkOnProject(actor, project)) throw forbidden(actor, PROJECT_WORKERS);
    // An entry is always recorded with its author's organisation; an admin writes for the first participant.
    const organizationId = actor.organizationId ?? project.participantIds[0];
    const id = await this.dataSource.transaction(async (m) => {
      const [row] = await m.query<{ id: string; occurred_on: string }[]>(
        `INSERT INTO log_entries (project_id, kind, text, occurred_on, author_id, organization_id, created_at)
         VALUES ($1, $2, $3, coalesce($4::date, current_date), $5, $6, coalesce($7::timestamptz, clock_timestamp()))
         RETURNING id, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on`,
        [projectId, dto.kind, dto.text, dto.occurredOn ?? null, userId, organizationId, at ?? null],
      );
      const entry = row as { id: string; occurred_on: string };
      await recordAudit(m, {
        action: 'log_entry.create',
        entityType: 'log_entry',
        entityId: entry.id,
        concerns: [organizationId],
        after: { projectId, kind: dto.kind, text: dto.text, occurredOn: entry.occurred_on, organizationId },
      });
      return entry.id;
    });
    return (await this.load(id)).entry;
  }

  /** The earlier wording is kept as a revision; nothing is silently rewritten. */
  async edit(actor: Actor, userId: string, entryId: string, dto: UpdateLogEntryDto): Promise<LogEntryResponse> {
    const { entry, projectId } = await this.load(entryId);
    const project = await this.access.visibleProject(actor, projectId, 'log entry');
    if (!canEditLogEntry({ ...actor, userId }, { authorId: entry.author.id }, project)) {
      throw forbidden(actor, 'the author of the entry');
    }
    await this.dataSource.transaction(async (m) => {
      // Only a real change leaves a revision behind.
      await m.query(
        `INSERT INTO log_entry_revisions (entry_id, kind, text, occurred_on, edited_by)
         SELECT id, kind, text, occurred_on, $2 FROM log_entries
         WHERE id = $1 AND (kind, text, occurred_on) IS DISTINCT FROM (coalesce($3, kind), coalesce($4, text), coalesce($5::date, occurred_on))`,
        [entryId, userId, dto.kind ?? null, dto.text ?? null, dto.occurredOn ?? null],
      );
      const [after] = await m.query<{ kind: LogKind; text: string; occurred_on: string }[]>(
        `UPDATE log_entries SET kind = coalesce($2, kind), text = coalesce($3, text), occurred_on = coalesce($4::date, occurred_on)
         WHERE id = $1 RETURNING kind, text, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on`,
        [entryId, dto.kind ?? null, dto.text ?? null, dto.occurredOn ?? null],
      );
      const change = after
        ? changedFields(
            { kind: entry.kind, text: entry.text, occurredOn: entry.occurredOn },
            { kind: after.kind, text: after.text, occurredOn: after.occurred_on },
          )
        : null;
      if (!change) return nothingToRecord();
      await recordAudit(m, {
        action: 'log_entry.update',
        entityType: 'log_entry',
        entityId: entryId,
        concerns: [entry.organization.id],
        ...change,
      });
    });
    return (await this.load(entryId)).entry;
  }

  private async load(id: string): Promise<{ entry: LogEntryResponse; projectId: string }> {
    const [row] = await this.dataSource.query<LogRow[]>(`${LOG_SELECT} WHERE e.id = $1`, [id]);
    if (!row) throw notFound('log entry');
    return { entry: toLogEntryResponse(row), projectId: row.project_id };
  }
}

function toLogEntryResponse(r: LogRow): LogEntryResponse {
  return {
    id: r.id,
    kind: r.kind,
    text: r.text,
    occurredOn: r.occurred_on,
    author: { id: r.author_id, name: r.author_name },
    organization: { id: r.organization_id, name: r.organization_name },
    createdAt: r.created_at.toISOString(),
    revisions: r.revisions.map((v): LogEntryRevision => ({ ...v, editedAt: new Date(v.editedAt).toISOString() })),
  };
}
