import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { IsPastDay, Present } from './measurement';
import type { OrganizationRef } from './organizations';
import { trim } from './transforms';
import { FileLanguage } from './validators';
import { BENEFIT_KINDS, BENEFIT_UNITS, type BenefitKind, type BenefitUnit } from './values';

export { BENEFIT_KINDS, BENEFIT_UNITS } from './values';
export type { BenefitKind, BenefitUnit } from './values';

/** The largest amount a benefit may name, in any unit. */
export const BENEFIT_AMOUNT_MAX = 1e12;
export const BENEFIT_DESCRIPTION_MAX_LENGTH = 2000;

/** A finite amount from 0 up to BENEFIT_AMOUNT_MAX. */
function Amount(field: string): PropertyDecorator {
  const decorators = [
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: `${field} must be a number` }),
    Min(0, { message: `${field} must not be negative` }),
    Max(BENEFIT_AMOUNT_MAX, { message: `${field} must be at most ${BENEFIT_AMOUNT_MAX}` }),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** realised and realisedOn come together: a benefit is realised on a day. */
const RealisedTogether = () =>
  ValidateBy(
    {
      name: 'realisedTogether',
      validator: {
        validate: (_value: unknown, args) => {
          const o = args?.object as { realised?: unknown; realisedOn?: unknown };
          const has = (v: unknown) => v !== undefined && v !== null;
          return has(o.realised) === has(o.realisedOn);
        },
      },
    },
    { message: 'realised and realisedOn go together: say on which day the benefit was realised' },
  );

export class BenefitResponse {
  /** @example "8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f" */
  id!: string;
  /** @example "0f6a1c2e-3b4d-4e5f-8a9b-7c6d5e4f3a2b" */
  projectId!: string;
  organization!: OrganizationRef;
  /** @example "time" */
  kind!: BenefitKind;
  /** @example "Færre nattbesøk: frigjort tid i hjemmetjenesten" */
  description!: string;
  /** @example "fte" */
  unit!: BenefitUnit;
  /**
   * What the change is expected to give.
   * @example 1.5
   */
  identified!: number;
  /**
   * What it has given; null until it is realised.
   * @example 1
   */
  realised!: number | null;
  /** @example "2026-09-01" */
  realisedOn!: string | null;
  /**
   * Sent back with an edit: a stale one is refused (409 STALE_VERSION).
   * @example 1
   */
  version!: number;
  /** @example "2026-03-01T10:00:00.000Z" */
  createdAt!: string;
}

export class CreateBenefitDto {
  /**
   * A participating organisation; your own when left out (an admin names one).
   * @example "0d61de3a-f1dc-4208-85d6-35414e3dc504"
   */
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be the id of a participating organisation' })
  organizationId?: string;

  /** @example "time" */
  @IsIn(BENEFIT_KINDS, { message: `kind must be one of: ${BENEFIT_KINDS.join(', ')}` })
  kind!: BenefitKind;

  /** @example "Færre nattbesøk: frigjort tid i hjemmetjenesten" */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'description must not be empty' })
  @MaxLength(BENEFIT_DESCRIPTION_MAX_LENGTH, { message: `description must be at most ${BENEFIT_DESCRIPTION_MAX_LENGTH} characters` })
  description!: string;

  /** @example "fte" */
  @IsIn(BENEFIT_UNITS, { message: `unit must be one of: ${BENEFIT_UNITS.join(', ')}` })
  unit!: BenefitUnit;

  /** @example 1.5 */
  @Amount('identified')
  identified!: number;

  /** @example 1 */
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Amount('realised')
  realised?: number | null;

  /** @example "2026-09-01" */
  @RealisedTogether()
  @IsPastDay('realisedOn', { orNone: true })
  realisedOn?: string | null;
}

/** The fields to change, and the version you edited. `realised: null` with `realisedOn: null` undoes a realisation. */
export class UpdateBenefitDto {
  /**
   * Moves the benefit to another participating organisation (admins only).
   * @example "0d61de3a-f1dc-4208-85d6-35414e3dc504"
   */
  @Present()
  @IsUUID('all', { message: 'organizationId must be the id of a participating organisation' })
  organizationId?: string;

  @Present()
  @IsIn(BENEFIT_KINDS, { message: `kind must be one of: ${BENEFIT_KINDS.join(', ')}` })
  kind?: BenefitKind;

  @Present()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'description must not be empty' })
  @MaxLength(BENEFIT_DESCRIPTION_MAX_LENGTH, { message: `description must be at most ${BENEFIT_DESCRIPTION_MAX_LENGTH} characters` })
  description?: string;

  @Present()
  @IsIn(BENEFIT_UNITS, { message: `unit must be one of: ${BENEFIT_UNITS.join(', ')}` })
  unit?: BenefitUnit;

  @Present()
  @Amount('identified')
  identified?: number;

  /** @example 1 */
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Amount('realised')
  realised?: number | null;

  /** @example "2026-09-01" */
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsPastDay('realisedOn')
  realisedOn?: string | null;

  /** @example 1 */
  @IsInt({ message: 'version must be the version of the benefit you edited' })
  @Min(1)
  @Max(2_147_483_647)
  version!: number;
}

export class BenefitsCsvQuery {
  /** @example "90dcd905-935f-4eff-976a-d90bf54ac421" */
  @IsOptional()
  @IsUUID('all', { message: 'partnershipId must be an id' })
  partnershipId?: string;
  /**
   * The language of the file's words (CSV headings, PDF): nb, nn, da, sv, fi or en; without it, the reader's own.
   * @example "da"
   */
  @FileLanguage()
  lang?: string;
}

/** Benefits added up in one unit: never across units, nor across currencies. */
export class BenefitSum {
  /** @example "fte" */
  unit!: BenefitUnit;
  /** @example 2.5 */
  identified!: number;
  /** @example 1 */
  realised!: number;
}
