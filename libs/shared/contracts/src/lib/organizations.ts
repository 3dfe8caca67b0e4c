import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
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
