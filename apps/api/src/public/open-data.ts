import { OPEN_DATA_COLUMNS, OPEN_DATA_LICENCE, type PublicOpenData, type PublicPartnership } from '@samspill/contracts';
import { CSV_BOM, csvLine } from '../common/csv';

/** What each row of data.csv is; one file holds the whole partnership, a row per thing. */
export const OPEN_DATA_RECORD_TYPES = [
  'partnership',
  'member',
  'focus_area',
  'project',
  'decision',
  'lesson',
  'practice',
  'indicator',
] as const;

type Column = (typeof OPEN_DATA_COLUMNS)[number];
type Row = Partial<Record<Column, string | number | null>> & { record_type: (typeof OPEN_DATA_RECORD_TYPES)[number] };

/** data.json: the public partnership with its licence and where its fields are described. */
export function openDataJson(partnership: PublicPartnership, documentation: string): PublicOpenData {
  return {
    licence: { name: OPEN_DATA_LICENCE.name, id: OPEN_DATA_LICENCE.id, url: OPEN_DATA_LICENCE.url },
    documentation,
    partnership,
  };
}

/** data.csv: the same partnership as rows (see OPEN_DATA_COLUMNS), Excel's Nordic dialect like every CSV the platform writes. */
export function openDataCsv(p: PublicPartnership): string {
  const rows: Row[] = [
    { record_type: 'partnership', id: p.id, partnership_id: p.id, name: p.name, text: p.description },
    ...p.members.map((m): Row => ({ record_type: 'member', id: m.id, partnership_id: p.id, name: m.name, text: m.kind })),
    ...p.focusAreas.map((f): Row => ({ record_type: 'focus_area', id: f.id, partnership_id: p.id, name: f.name, text: f.description })),
    ...p.projects.flatMap((pr): Row[] => [
      {
        record_type: 'project',
        id: pr.id,
        partnership_id: p.id,
        project_id: pr.id,
        name: pr.title,
        text: pr.description,
        organizations: pr.participants.map((o) => o.name).join(', '),
        stage: pr.stage,
        status: pr.status,
      },
      ...pr.decisions.map((d): Row => ({
        record_type: 'decision',
        partnership_id: p.id,
        project_id: pr.id,
        name: d.kind === 'stage' ? `${d.fromStage} → ${d.toStage}` : `${d.toStatus}`,
        text: d.rationale,
        stage: d.toStage,
        status: d.toStatus,
        date: d.decidedOn,
      })),
    ]),
    ...p.lessons.map((l): Row => ({
      record_type: 'lesson',
      id: l.id,
      partnership_id: p.id,
      project_id: l.projectId,
      name: l.kind,
      text: l.text,
      organizations: l.organization.name,
      date: l.writtenOn,
    })),
    ...p.practices.map((x): Row => ({
      record_type: 'practice',
      id: x.id,
      partnership_id: p.id,
      project_id: x.projectId,
      name: x.title,
      text: x.summary,
      organizations: x.organization.name,
    })),
    ...p.indicators.map((i): Row => ({
      record_type: 'indicator',
      id: i.id,
      partnership_id: p.id,
      project_id: i.projectId,
      name: i.name,
      date: i.latestOn,
      unit: i.unit,
      baseline: i.baseline,
      target: i.target,
      latest: i.latest,
      progress: i.progress,
    })),
  ];
  return (
    CSV_BOM +
    csvLine(OPEN_DATA_COLUMNS) +
    rows
      .map((row) =>
        csvLine(OPEN_DATA_COLUMNS.map((column) => (row[column] === null || row[column] === undefined ? '' : String(row[column])))),
      )
      .join('')
  );
}
