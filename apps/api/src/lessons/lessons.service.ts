import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Lesson, LessonListResponse, LessonQuery } from '@samspill/contracts';
import type { Actor } from '@samspill/domain';
import { DataSource } from 'typeorm';
import { type LessonMatch, type LessonRow, lessonSearchSql } from './lesson-search';
import { toLesson } from './lesson.mapper';

export const LESSONS_PAGE_DEFAULT = 20;

/**
 * The lessons library: lessons and results from every improvement log, and
 * the rationales with which projects were stopped or completed, across every
 * partnership the person may see.
 */
@Injectable()
export class LessonsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Ranked by relevance when `q` is given, newest first otherwise. */
  async list(actor: Actor, query: LessonQuery): Promise<LessonListResponse> {
    const { q, limit, offset, ...filters } = query;
    const search = {
      match: q ? ({ kind: 'search', text: q } as const) : null,
      filters,
      limit: limit ?? LESSONS_PAGE_DEFAULT,
      offset: offset ?? 0,
    };
    const page = lessonSearchSql(actor, search);
    const rows = await this.dataSource.query<LessonRow[]>(page.text, page.values);
    if (rows.length > 0 || search.offset === 0) return { items: rows.map(toLesson), total: rows[0]?.total ?? 0 };
    const count = lessonSearchSql(actor, search, true);
    const [row] = await this.dataSource.query<{ total: number }[]>(count.text, count.values);
    return { items: [], total: row?.total ?? 0 };
  }

  /** Lessons elsewhere on the platform that share words with a text, best first. */
  async similar(
    actor: Actor,
    match: Extract<LessonMatch, { kind: 'similar' }>,
    limit: number,
    excludeProjectId?: string,
  ): Promise<Lesson[]> {
    const page = lessonSearchSql(actor, { match, filters: {}, limit, offset: 0, excludeProjectId });
    return (await this.dataSource.query<LessonRow[]>(page.text, page.values)).map(toLesson);
  }
}
