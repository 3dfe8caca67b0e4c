import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { trim } from './transforms';
import { IdList, Optional } from './validators';
import type { OrganizationSummary } from './organizations';

import { VISIBILITIES, type Visibility } from './values';

export { VISIBILITIES } from './values';
export type { Visibility } from './values';

export class FocusAreaRef {
  /** @example "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d" */
  id!: string;
  /** @example "Helse og omsorg" */
  name!: string;
}

export class PartnershipRef {
  /** @example "90dcd905-935f-4eff-976a-d90bf54ac421" */
  id!: string;
  /** @example "PILOTen Hadeland" */
  name!: string;
}

export class FocusAreaResponse {
  /** @example "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d" */
  id!: string;
  /** @example "Helse og omsorg" */
  name!: string;
  /** @example "Tjenester til eldre og pleietrengende." */
  description!: string;
}

export class PartnershipResponse {
  /** @example "90dcd905-935f-4eff-976a-d90bf54ac421" */
  id!: string;
  /** @example "PILOTen Hadeland" */
  name!: string;
  /** @example "Gran og Lunner lærer av hverandre på en systematisk måte." */
  description!: string;
  /** @example "members" */
  visibility!: Visibility;
  members!: OrganizationSummary[];
  /** Organisations that follow the work without doing it (a county governor, a university college): they read everything, write nothing. */
  observers!: OrganizationSummary[];
  focusAreas!: FocusAreaResponse[];
}

const MEMBER_IDS = { max: 100, notIds: 'memberIds must be organisation ids', repeated: 'memberIds must not repeat an organisation' };

const OBSERVER_IDS = { max: 100, notIds: 'observerIds must be organisation ids', repeated: 'observerIds must not repeat an organisation' };

export class CreatePartnershipDto {
  /** @example "PILOTen Hadeland" */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  /** @example "Gran og Lunner lærer av hverandre på en systematisk måte." */
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  description!: string;

  /** @example ["0d61de3a-f1dc-4208-85d6-35414e3dc504", "a964aca5-fc92-4e7f-bb3f-3691ecf10dd0"] */
  @IdList({ ...MEMBER_IDS, min: 1, minMessage: 'memberIds must list the member organisations' })
  memberIds!: string[];

  /**
   * Organisations that follow the partnership: they read everything in it and write nothing. Never a member as well.
   * @example ["5e0c7f7a-3f1e-4c55-9d0b-1f9a55f0b2a1"]
   */
  @Optional()
  @IdList({ ...OBSERVER_IDS, min: 0, minMessage: 'observerIds must be a list' })
  observerIds?: string[];

  /** @example "members" */
  @Optional()
  @IsIn(VISIBILITIES, { message: `visibility must be one of: ${VISIBILITIES.join(', ')}` })
  visibility?: Visibility;
}

export class UpdatePartnershipDto {
  /** @example "PILOTen Hadeland" */
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  description?: string;

  @Optional()
  @IdList({ ...MEMBER_IDS, min: 2, minMessage: 'a partnership needs at least two members' })
  memberIds?: string[];

  /**
   * Organisations that follow the partnership: they read everything in it and write nothing. Never a member as well.
   * @example ["5e0c7f7a-3f1e-4c55-9d0b-1f9a55f0b2a1"]
   */
  @Optional()
  @IdList({ ...OBSERVER_IDS, min: 0, minMessage: 'observerIds must be a list' })
  observerIds?: string[];

  /** @example "platform" */
  @Optional()
  @IsIn(VISIBILITIES, { message: `visibility must be one of: ${VISIBILITIES.join(', ')}` })
  visibility?: Visibility;
}

export class CreateFocusAreaDto {
  /** @example "Oppvekst" */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  /** @example "Barnehage og skole." */
  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class UpdateFocusAreaDto {
  /** @example "Oppvekst og utdanning" */
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  description?: string;
}
