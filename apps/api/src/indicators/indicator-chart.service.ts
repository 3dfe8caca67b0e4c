import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AnnotationKind, ChartPoint, Direction, IndicatorChart } from '@samspill/contracts';
import { type Actor, runChart } from '@samspill/domain';
import { DataSource } from 'typeorm';
import { notFound } from '../common/domain-exception';
import { PartnershipAccess } from '../partnerships/partnership-access';
import { INDICATOR_ORGANIZATIONS } from './indicators.service';

/** An annotation says what happened in a line or two; the log keeps the whole text. */
const ANNOTATION_LENGTH = 280;
/** The latest this many decisions and log entries of the project. */
const ANNOTATIONS_MAX = 200;

const SERIES_SQL = `SELECT o.id, o.name,
    coalesce((SELECT json_agg(json_build_object('measuredOn', to_char(m.measured_on, 'YYYY-MM-DD'), 'value', m.value)
                              ORDER BY m.measured_on, m.created_at, m.id)
              FROM measurements m WHERE m.indicator_id = $1 AND m.organization_id = o.id), '[]') AS points
  FROM organizations o
  WHERE o.id IN (${INDICATOR_ORGANIZATIONS('$1', '$2')})
  ORDER BY o.name, o.id`;

const ANNOTATIONS_SQL = `SELECT date, kind, text FROM (
    SELECT to_char(t.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date, t.kind, t.rationale AS text, t.decided_at AS at
    FROM stage_transitions t WHERE t.project_id = $1
    UNION ALL
    SELECT to_char(e.occurred_on, 'YYYY-MM-DD'), 'log', e.text, e.created_at
    FROM log_entries e WHERE e.project_id = $1
    ORDER BY date DESC, at DESC LIMIT ${ANNOTATIONS_MAX}
  ) a ORDER BY date, at`;

@Injectable()
export class IndicatorChartService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PartnershipAccess,
  ) {}

  /** Each organisation's run chart (median and signals by the shared rules), and the project's decisions and log on the time axis. */
  async chart(actor: Actor, id: string): Promise<IndicatorChart> {
    const [indicator] = await this.dataSource.query<
      { id: string; project_id: string; name: string; unit: string; baseline: number; target: number; direction: Direction }[]
    >(`SELECT id, project_id, name, unit, baseline, target, direction FROM indicators WHERE id = $1`, [id]);
    if (!indicator) throw notFound('indicator');
    // The figures are read beside the visibility check, and answered only if it passes (one round trip fewer).
    const [, series, annotations] = await Promise.all([
      this.access.visibleProject(actor, indicator.project_id, 'indicator'),
      this.dataSource.query<{ id: string; name: string; points: ChartPoint[] }[]>(SERIES_SQL, [id, indicator.project_id]),
      this.dataSource.query<{ date: string; kind: AnnotationKind; text: string }[]>(ANNOTATIONS_SQL, [indicator.project_id]),
    ]);
    const { project_id: _project, ...head } = indicator;
    return {
      indicator: head,
      series: series.map((s) => ({ organization: { id: s.id, name: s.name }, points: s.points, ...runChart(s.points) })),
      annotations: annotations.map((a) => ({ date: a.date, kind: a.kind, text: shorten(a.text) })),
    };
  }
}

function shorten(text: string): string {
  const chars = [...text];
  return chars.length <= ANNOTATION_LENGTH ? text : `${chars.slice(0, ANNOTATION_LENGTH - 1).join('')}…`;
}
