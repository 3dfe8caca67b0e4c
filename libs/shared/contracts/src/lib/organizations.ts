import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { trim } from './transforms';
import { Optional } from './validators';

import { COUNTRIES, type Country, ORGANIZATION_KINDS, type OrganizationKind } from './values';

export { COUNTRIES, ORGANIZATION_KINDS } from './values';
export type { Country, OrganizationKind } from './values';

export interface OrganizationSummary {
  id: string;
  name: string;
  kind: OrganizationKind;
}

export interface OrganizationResponse extends OrganizationSummary {
  /** The official number (kommunenummer) or null. */
  code: string | null;
  country: Country;
}

export class CreateOrganizationDto {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @IsIn(ORGANIZATION_KINDS, { message: `kind must be one of: ${ORGANIZATION_KINDS.join(', ')}` })
  kind!: OrganizationKind;

  @Optional()
  @Transform(trim)
  @IsString()
  @Matches(/^[0-9]{1,8}$/, { message: 'code must be the official number, 1 to 8 digits' })
  code?: string;

  @IsIn(COUNTRIES, { message: `country must be one of: ${COUNTRIES.join(', ')}` })
  country!: Country;
}
