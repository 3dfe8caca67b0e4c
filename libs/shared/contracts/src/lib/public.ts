import type { Direction, LessonKind, OrganizationKind, ProjectStatus, Stage } from './values';

/*
 * What anyone may read of a `public` partnership, without signing in (issue 13).
 * Organisations only, never people: no field here holds a person's name or address.
 */

export { OPEN_DATA_COLUMNS, OPEN_DATA_LICENCE } from './values';

export class PublicOrganization {
  /** @example "5d0c3b1e-8f2a-4c6d-9e7b-1a2b3c4d5e6f" */
  id!: string;
  /** @example "Roskilde Kommune" */
  name!: string;
  /** @example "municipality" */
  kind!: OrganizationKind;
}

export class PublicParticipant {
  /** @example "5d0c3b1e-8f2a-4c6d-9e7b-1a2b3c4d5e6f" */
  id!: string;
  /** @example "Roskilde Kommune" */
  name!: string;
}

/** A public partnership in the list: what it is and who takes part. */
export class PublicPartnershipSummary {
  /** @example "90dcd905-935f-4eff-976a-d90bf54ac421" */
  id!: string;
  /** @example "Roskildes lean-netværk" */
  name!: string;
  /** @example "Roskilde Kommunes netværk for lean og innovation i de borgernære enheder." */
  description!: string;
  members!: PublicOrganization[];
}

export class PublicFocusArea {
  /** @example "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d" */
  id!: string;
  /** @example "Lean i driften" */
  name!: string;
  /** @example "Tavlemøder, flow og forbedringer i hverdagen." */
  description!: string;
}

/** A recorded decision with its reason: a move between stages, or a stop, completion or restart. */
export class PublicDecision {
  /** @example "stage" */
  kind!: 'stage' | 'status';
  /** @example "learn" */
  fromStage!: Stage;
  /** @example "test" */
  toStage!: Stage;
  /** Null for a stage move. */
  toStatus!: ProjectStatus | null;
  /** @example "Vi har set nok til at prøve tavlemøder i to driftsgrupper." */
  rationale!: string;
  /** @example "2025-09-15" */
  decidedOn!: string;
}

export class PublicProject {
  /** @example "3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9" */
  id!: string;
  /** @example "Tavlemøder i Vej og Park" */
  title!: string;
  /** @example "Daglige tavlemøder i driftsgrupperne." */
  description!: string;
  /** @example "test" */
  stage!: Stage;
  /** @example "active" */
  status!: ProjectStatus;
  /** Null when the project belongs to no focus area. */
  focusAreaId!: string | null;
  participants!: PublicParticipant[];
  /** Its decisions, oldest first, each with the reason given. */
  decisions!: PublicDecision[];
}

/** A lesson or result from a project's log, or the reason a project was stopped or completed; signed by the organisation. */
export class PublicLesson {
  /** @example "7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918" */
  id!: string;
  /** @example "lesson" */
  kind!: LessonKind;
  /** @example "Tavlemøderne virker bedst, når de er korte." */
  text!: string;
  /** @example "2026-02-16" */
  writtenOn!: string;
  projectId!: string;
  organization!: PublicParticipant;
}

export class PublicPractice {
  /** @example "2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901" */
  id!: string;
  /** @example "Tavlemøder i driften" */
  title!: string;
  /** @example "Korte daglige møder ved en tavle." */
  summary!: string;
  description!: string;
  /** The project it came from, when that is in this partnership. */
  projectId!: string | null;
  organization!: PublicParticipant;
  /** How many organisations have taken it up. @example 2 */
  adoptions!: number;
}

export class PublicIndicator {
  /** @example "6a7b8c9d-0e1f-4a2b-b3c4-d5e6f7a8b9c0" */
  id!: string;
  projectId!: string;
  /** @example "Ventetid på småopgaver" */
  name!: string;
  /** @example "dage" */
  unit!: string;
  /** @example "decrease" */
  direction!: Direction;
  /** @example 5 */
  baseline!: number;
  /** @example 2 */
  target!: number;
  /** The latest measurement, whoever measured it; null before the first. @example 2 */
  latest!: number | null;
  /** @example "2026-02-01" */
  latestOn!: string | null;
  /** Share of the way from baseline to target by the latest measurement (0–1); null before the first. @example 1 */
  progress!: number | null;
}

/** Everything public about one partnership. */
export class PublicPartnership extends PublicPartnershipSummary {
  focusAreas!: PublicFocusArea[];
  projects!: PublicProject[];
  lessons!: PublicLesson[];
  practices!: PublicPractice[];
  indicators!: PublicIndicator[];
}

/** The open data of one partnership (data.json): the partnership with its licence (the same body while nothing changes, so its ETag holds). */
export class PublicOpenData {
  licence!: { name: string; id: string; url: string };
  /** Where the fields are described. @example "https://samspill.example/offentlig/data" */
  documentation!: string;
  partnership!: PublicPartnership;
}
