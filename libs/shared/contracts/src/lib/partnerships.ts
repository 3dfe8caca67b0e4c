import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { trim } from './transforms';
import { IdList, Optional } from './validators';
import type { OrganizationSummary } from './organizations';

import { VISIBILITIES, type Visibility } from './values';

export { VISIBILITIES } from './values';
export type { Visibility } from './values';

export interface FocusAreaResponse {
  id: string;
  name: string;
  description: string;
}

export interface PartnershipResponse {
  id: string;
  name: string;
  description: string;
  visibility: Visibility;
  members: OrganizationSummary[];
  focusAreas: FocusAreaResponse[];
}

const MEMBER_IDS = { max: 100, notIds: 'memberIds must be organisation ids', repeated: 'memberIds must not repeat an organisation' };

export class CreatePartnershipDto {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  description!: string;

  @IdList({ ...MEMBER_IDS, min: 1, minMessage: 'memberIds must list the member organisations' })
  memberIds!: string[];

  @Optional()
  @IsIn(VISIBILITIES, { message: `visibility must be one of: ${VISIBILITIES.join(', ')}` })
  visibility?: Visibility;
}

export class UpdatePartnershipDto {
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

  @Optional()
  @IsIn(VISIBILITIES, { message: `visibility must be one of: ${VISIBILITIES.join(', ')}` })
  visibility?: Visibility;
}

export class CreateFocusAreaDto {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class UpdateFocusAreaDto {
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
