import type {
  Adoption,
  AdoptionKind,
  Country,
  Practice,
  PracticeBasis,
  PracticeSummary,
  ProjectBrief,
  ProjectStatus,
  Stage,
} from '@samspill/contracts';

export interface PracticeSummaryRow {
  id: string;
  title: string;
  summary: string;
  organization_id: string;
  organization_name: string;
  organization_country: Country;
  adoption_count: number;
  created_at: Date;
}

export interface AdoptionRow {
  id: string;
  practice_id: string;
  organization_id: string;
  organization_name: string;
  kind: AdoptionKind;
  changes: string | null;
  project: { id: string; title: string; stage: Stage; status: ProjectStatus } | null;
  /** A string when the row was built as JSON. */
  created_at: Date | string;
}

export interface PracticeRow extends PracticeSummaryRow {
  description: string;
  project_id: string | null;
  version: number;
  updated_at: Date;
  based_on: { id: string; title: string; organization: { id: string; name: string }; kind: AdoptionKind; changes: string | null }[];
  adoptions: AdoptionRow[];
}

export function toPracticeSummary(r: PracticeSummaryRow): PracticeSummary {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    organization: { id: r.organization_id, name: r.organization_name, country: r.organization_country },
    adoptionCount: r.adoption_count,
    createdAt: r.created_at.toISOString(),
  };
}

export function toAdoption(r: AdoptionRow): Adoption {
  const project: ProjectBrief | null = r.project
    ? { id: r.project.id, title: r.project.title, stage: r.project.stage, status: r.project.status }
    : null;
  return {
    id: r.id,
    practiceId: r.practice_id,
    organization: { id: r.organization_id, name: r.organization_name },
    kind: r.kind,
    changes: r.changes,
    project,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export function toPractice(r: PracticeRow): Practice {
  return {
    ...toPracticeSummary(r),
    description: r.description,
    projectId: r.project_id,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
    basedOn: r.based_on.map((b): PracticeBasis => ({
      practice: { id: b.id, title: b.title, organization: b.organization },
      kind: b.kind,
      changes: b.changes,
    })),
    adoptions: r.adoptions.map(toAdoption),
  };
}
