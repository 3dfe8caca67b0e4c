import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { trim } from './transforms';
import { Optional } from './validators';

import { COUNTRIES, type Country, ORGANIZATION_KINDS, type OrganizationKind } from './values';

export { COUNTRIES, ORGANIZATION_KINDS } from './values';
export type { Country, OrganizationKind } from './values';

/** An organisation named where it takes part. */
export class OrganizationRef {
  /** @example "0d61de3a-f1dc-4208-85d6-35414e3dc504" */
  id!: string;
  /** @example "Gran kommune" */
  name!: string;
}

export class OrganizationSummary {
  /** @example "0d61de3a-f1dc-4208-85d6-35414e3dc504" */
  id!: string;
  /** @example "Gran kommune" */
  name!: string;
  /** @example "municipality" */
  kind!: OrganizationKind;
}

export class OrganizationResponse extends OrganizationSummary {
  /**
   * The official number (kommunenummer) or null.
   * @example "3446"
   */
  code!: string | null;
  /** @example "NO" */
  country!: Country;
  /**
   * False once the organisation has a successor (it merged into another): it keeps its name in its history
   * but can no longer be added to anything new.
   * @example true
   */
  active!: boolean;
  /** The organisation it is now part of, after a merger (kommunereform); null while it is active. */
  successor!: OrganizationRef | null;
  /**
   * Bumped by every change; send it back with PATCH to be told (409 STALE_VERSION) when someone changed it meanwhile.
   * @example 1
   */
  version!: number;
}

export class CreateOrganizationDto {
  /** @example "Hole kommune" */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  /** @example "municipality" */
  @IsIn(ORGANIZATION_KINDS, { message: `kind must be one of: ${ORGANIZATION_KINDS.join(', ')}` })
  kind!: OrganizationKind;

  /** @example "3310" */
  @Optional()
  @Transform(trim)
  @IsString()
  @Matches(/^[0-9]{1,8}$/, { message: 'code must be the official number, 1 to 8 digits' })
  code?: string;

  /** @example "NO" */
  @IsIn(COUNTRIES, { message: `country must be one of: ${COUNTRIES.join(', ')}` })
  country!: Country;
}

/** Admins correct an organisation's name, official number, kind or country. */
export class UpdateOrganizationDto {
  /** @example "Hole kommune" */
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  /**
   * The official number; null removes it.
   * @example "3310"
   */
  @IsOptional()
  @Transform(trim)
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @Matches(/^[0-9]{1,8}$/, { message: 'code must be the official number, 1 to 8 digits' })
  code?: string | null;

  /** @example "municipality" */
  @Optional()
  @IsIn(ORGANIZATION_KINDS, { message: `kind must be one of: ${ORGANIZATION_KINDS.join(', ')}` })
  kind?: OrganizationKind;

  /** @example "NO" */
  @Optional()
  @IsIn(COUNTRIES, { message: `country must be one of: ${COUNTRIES.join(', ')}` })
  country?: Country;

  /**
   * The version you edited; when given and no longer current, the answer is 409 STALE_VERSION.
   * @example 1
   */
  @Optional()
  @IsInt({ message: 'version must be the version of the organisation you edited' })
  @Min(1)
  version?: number;
}

/** A merger: the organisation becomes part of `successorId` and inactive. */
export class SetSuccessorDto {
  /** @example "a964aca5-fc92-4e7f-bb3f-3691ecf10dd0" */
  @IsUUID('all', { message: 'successorId must be the id of an organisation' })
  successorId!: string;
}
