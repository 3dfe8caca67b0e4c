import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { trim } from './transforms';
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

  @IsArray()
  @ArrayMinSize(1, { message: 'memberIds must list the member organisations' })
  @ArrayMaxSize(100)
  @ArrayUnique({ message: 'memberIds must not repeat an organisation' })
  @IsUUID('all', { each: true, message: 'memberIds must be organisation ids' })
  memberIds!: string[];

  @IsOptional()
  @IsIn(VISIBILITIES, { message: `visibility must be one of: ${VISIBILITIES.join(', ')}` })
  visibility?: Visibility;
}

export class UpdatePartnershipDto {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  description?: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(2, { message: 'a partnership needs at least two members' })
  @ArrayMaxSize(100)
  @ArrayUnique({ message: 'memberIds must not repeat an organisation' })
  @IsUUID('all', { each: true, message: 'memberIds must be organisation ids' })
  memberIds?: string[];

  @IsOptional()
  @IsIn(VISIBILITIES, { message: `visibility must be one of: ${VISIBILITIES.join(', ')}` })
  visibility?: Visibility;
}

export class CreateFocusAreaDto {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class UpdateFocusAreaDto {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  description?: string;
}
