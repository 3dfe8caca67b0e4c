import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { LearningPageQuery, type OrganizationPlace, type ProjectBrief, SearchText } from './lessons';
import type { OrganizationRef } from './organizations';
import { trim } from './transforms';

import { ADOPTION_KINDS, type AdoptionKind, CHANGES_MAX_LENGTH, SUMMARY_MAX_LENGTH, TEXT_MAX_LENGTH, TITLE_MAX_LENGTH } from './values';

export { ADOPTION_KINDS, CHANGES_MAX_LENGTH, SUMMARY_MAX_LENGTH } from './values';
export type { AdoptionKind } from './values';

/** How many practices one can build on at once. */
export const BASED_ON_MAX = 20;

export class PracticeSummary {
  /** @example "6b0e7a52-1c3d-4e5f-8a9b-0c1d2e3f4a5b" */
  id!: string;
  /** @example "Lean i Lunner" */
  title!: string;
  /** @example "Lunners program for kontinuerlig forbedring: tavlemøter, forbedringstavler og lederstøtte." */
  summary!: string;
  organization!: OrganizationPlace;
  /**
   * Organisations that have taken it up.
   * @example 3
   */
  adoptionCount!: number;
  /** @example "2025-05-12T10:00:00.000Z" */
  createdAt!: string;
}

export class PracticeListResponse {
  items!: PracticeSummary[];
  /**
   * Every practice that matches, not only this page.
   * @example 3
   */
  total!: number;
}

/** A practice named where another builds on it. */
export class PracticeRef {
  /** @example "6b0e7a52-1c3d-4e5f-8a9b-0c1d2e3f4a5b" */
  id!: string;
  /** @example "Bærums innføringsmodell" */
  title!: string;
  organization!: OrganizationRef;
}

/** What a practice built on, and how. */
export class PracticeBasis {
  practice!: PracticeRef;
  /** @example "adapted" */
  kind!: AdoptionKind;
  /**
   * What was changed and why (null for a copy that says nothing).
   * @example "Vi startet med ett team i stedet for i ledergruppen."
   */
  changes!: string | null;
}

export class Adoption {
  /** @example "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7" */
  id!: string;
  /** @example "6b0e7a52-1c3d-4e5f-8a9b-0c1d2e3f4a5b" */
  practiceId!: string;
  /** The organisation that took it up. */
  organization!: OrganizationRef;
  /** @example "adapted" */
  kind!: AdoptionKind;
  /** @example "Vi startet med ett team i stedet for i ledergruppen." */
  changes!: string | null;
  /** The project in which the adopter tests it, when there is one and you may see it. */
  project!: ProjectBrief | null;
  /** @example "2025-09-01T10:00:00.000Z" */
  createdAt!: string;
}

export class Practice extends PracticeSummary {
  /** @example "Tavlemøter hver morgen, forbedringstavler i alle enheter, og ledere som støtter i stedet for å styre." */
  description!: string;
  /** The project in which it was established, when there is one and you may see it. */
  projectId!: string | null;
  /**
   * Sent back with an edit: a stale one is refused (409 STALE_VERSION).
   * @example 1
   */
  version!: number;
  /** @example "2025-05-12T10:00:00.000Z" */
  updatedAt!: string;
  /** The practices it built on. */
  basedOn!: PracticeBasis[];
  /** Who took it up, oldest first. */
  adoptions!: Adoption[];
}

export class PracticeListQuery extends LearningPageQuery {
  /** @example "lean" */
  @SearchText() q?: string;

  /**
   * Practices of this organisation.
   * @example "0d61de3a-f1dc-4208-85d6-35414e3dc504"
   */
  @IsOptional() @IsUUID('all', { message: 'organizationId must be an id' }) organizationId?: string;
}

/** What was changed and why: required when adapted, may be left out of a copy; one sentence for what is wrong. */
const changesRule = (field: string): PropertyDecorator[] => [
  ValidateIf((o: { kind?: unknown; changes?: unknown }) => o.kind === 'adapted' || o.changes !== undefined),
  Transform(trim),
  ValidateBy(
    {
      name: 'changes',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= CHANGES_MAX_LENGTH,
        defaultMessage: (args) =>
          typeof args?.value === 'string' && args.value.length > CHANGES_MAX_LENGTH
            ? `${field} must be at most ${CHANGES_MAX_LENGTH} characters`
            : `${field} must say what was changed and why when the practice is adapted`,
      },
    },
    {},
  ),
];

const applyAll =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };

export class BasedOnDto {
  /** @example "6b0e7a52-1c3d-4e5f-8a9b-0c1d2e3f4a5b" */
  @IsUUID('all', { message: 'practiceId must be the id of a practice' })
  practiceId!: string;

  /** @example "adapted" */
  @IsIn(ADOPTION_KINDS, { message: `kind must be one of: ${ADOPTION_KINDS.join(', ')}` })
  kind!: AdoptionKind;

  /**
   * Required when adapted: what you changed and why.
   * @example "Vi startet med ett team i stedet for i ledergruppen."
   */
  @applyAll(...changesRule('changes'))
  changes?: string;
}

export class CreatePracticeDto {
  /** @example "Lean i NAV Drammen" */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(TITLE_MAX_LENGTH, { message: `title must be at most ${TITLE_MAX_LENGTH} characters` })
  title!: string;

  /** @example "Bærums forankring hos lederne og Vestre Totens måling av gevinster i årsverk." */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'summary must not be empty' })
  @MaxLength(SUMMARY_MAX_LENGTH, { message: `summary must be at most ${SUMMARY_MAX_LENGTH} characters` })
  summary!: string;

  /** @example "Vi starter med ett team, tar lederne med underveis, og teller gevinster som årsverk." */
  @Transform(trim)
  @IsString()
  @MaxLength(TEXT_MAX_LENGTH, { message: `description must be at most ${TEXT_MAX_LENGTH} characters` })
  description!: string;

  /** The owning organisation: your own unless you are an admin (who must say which). */
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be the id of an organisation' })
  organizationId?: string;

  /** The project in which the practice was established; the owning organisation must take part in it. */
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: 'projectId must be the id of a project' })
  projectId?: string | null;

  /** The practices it builds on; each is recorded as an adoption by the owning organisation. */
  @IsOptional()
  @IsArray({ message: 'basedOn must be a list' })
  @ArrayMaxSize(BASED_ON_MAX, { message: `basedOn may name at most ${BASED_ON_MAX} practices` })
  @ValidateBy(
    {
      name: 'distinctPractices',
      validator: {
        validate: (value: unknown) =>
          !Array.isArray(value) ||
          value.length > BASED_ON_MAX ||
          new Set(value.map((b: { practiceId?: unknown }) => b?.practiceId)).size === value.length,
      },
    },
    { message: 'basedOn must not name a practice twice' },
  )
  @ValidateNested({ each: true })
  @Type(() => BasedOnDto)
  basedOn?: BasedOnDto[];
}

export class UpdatePracticeDto {
  /** @example "Lean i NAV Drammen" */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(TITLE_MAX_LENGTH, { message: `title must be at most ${TITLE_MAX_LENGTH} characters` })
  title?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'summary must not be empty' })
  @MaxLength(SUMMARY_MAX_LENGTH, { message: `summary must be at most ${SUMMARY_MAX_LENGTH} characters` })
  summary?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(TEXT_MAX_LENGTH, { message: `description must be at most ${TEXT_MAX_LENGTH} characters` })
  description?: string;

  /** @example 1 */
  @IsInt({ message: 'version must be the version of the practice you edited' })
  @Min(1)
  @Max(2_147_483_647)
  version!: number;
}

export class CreateAdoptionDto {
  /** The adopting organisation: your own unless you are an admin (who must say which). */
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be the id of an organisation' })
  organizationId?: string;

  /** @example "adapted" */
  @IsIn(ADOPTION_KINDS, { message: `kind must be one of: ${ADOPTION_KINDS.join(', ')}` })
  kind!: AdoptionKind;

  /**
   * Required when adapted: what you changed and why.
   * @example "Vi bruker skjemaet bare i tre team det første året."
   */
  @applyAll(...changesRule('changes'))
  changes?: string;

  /** The project in which you test it; your organisation must take part in it. */
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: 'projectId must be the id of a project' })
  projectId?: string | null;
}

export class LineageNode {
  /** @example "6b0e7a52-1c3d-4e5f-8a9b-0c1d2e3f4a5b" */
  id!: string;
  /** @example "Bærums innføringsmodell" */
  title!: string;
  organization!: OrganizationRef;
  /**
   * Negative: a practice it came from (−1 built on directly); 0: the practice asked about; positive: one built on it since.
   * @example -1
   */
  depth!: number;
}

export class LineageEdge {
  /**
   * The origin.
   * @example "6b0e7a52-1c3d-4e5f-8a9b-0c1d2e3f4a5b"
   */
  from!: string;
  /**
   * The practice built on it.
   * @example "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"
   */
  to!: string;
  /** @example "adapted" */
  kind!: AdoptionKind;
}

export class Lineage {
  nodes!: LineageNode[];
  edges!: LineageEdge[];
}
