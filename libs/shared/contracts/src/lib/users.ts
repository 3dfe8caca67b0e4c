import { Transform, Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { trim, trimLower } from './transforms';
import type { OrganizationSummary } from './organizations';
import { Optional } from './validators';
import { LOCALES, type Locale, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES, type Role } from './values';

/** The signed-in person as the API and the web app see them. */
export class CurrentUser {
  /** @example "d4372a6f-aabe-49ca-b35c-3d9e45ae7b8b" */
  id!: string;
  /** @example "ansatt@gran.kommune.no" */
  email!: string;
  /** @example "Gunnar Ansatt" */
  name!: string;
  /** @example "staff" */
  role!: Role;
  organization!: OrganizationSummary | null;
  /**
   * The person's language: the web app switches to it after sign-in, on any device, and mail is written in it.
   * @example "nb"
   */
  locale!: Locale;
}

export class UserResponse extends CurrentUser {
  /** @example true */
  active!: boolean;
  /** @example "2026-01-05T08:00:00.000Z" */
  createdAt!: string;
  /**
   * Bumped by every change; send it back with PATCH to be told (409 STALE_VERSION) when someone changed it meanwhile.
   * @example 1
   */
  version!: number;
}

/** A page of people, and how many match the filters in all. */
export class UserListResponse {
  items!: UserResponse[];
  /** @example 3 */
  total!: number;
}

/** Admins see everyone; a leader sees the people of their own organisation. */
export class UserListQuery {
  /**
   * Part of the name or e-mail address.
   * @example "gunnar"
   */
  @IsOptional() @Transform(trim) @IsString() @MaxLength(200) q?: string;
  /** @example "0d61de3a-f1dc-4208-85d6-35414e3dc504" */
  @IsOptional() @IsUUID('all', { message: 'organizationId must be an id' }) organizationId?: string;
  /** @example "staff" */
  @IsOptional() @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` }) role?: Role;
  /** @example true */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsIn([true, false], { message: 'active must be true or false' })
  active?: boolean;
  /** @example 50 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  /** @example 0 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(10_000_000) offset?: number;
}

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './values';

export class CreateUserDto {
  /** @example "ny.ansatt@gran.kommune.no" */
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  /** @example "Kari Nordmann" */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  /** @example "staff" */
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role!: Role;

  /**
   * Required for every role but admin.
   * @example "0d61de3a-f1dc-4208-85d6-35414e3dc504"
   */
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be the id of an organisation' })
  organizationId?: string | null;

  /** @example "et-langt-nok-passord" */
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  /** @example "nb" */
  @Optional()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class UpdateUserDto {
  /** @example "Kari Nordmann" */
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  /** @example "leader" */
  @Optional()
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role?: Role;

  /** @example false */
  @Optional()
  @IsIn([true, false], { message: 'active must be true or false' })
  active?: boolean;

  /** @example "en" */
  @Optional()
  @IsIn(LOCALES)
  locale?: Locale;

  /**
   * The version you edited; when given and no longer current, the answer is 409 STALE_VERSION.
   * @example 1
   */
  @IsOptional()
  @IsInt({ message: 'version must be the version of the person you edited' })
  @Min(1)
  version?: number;
}

/** What a person changes about themselves. */
export class UpdateProfileDto {
  /** @example "Gunnar Ansatt" */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  /** @example "en" */
  @IsOptional()
  @IsIn(LOCALES, { message: `locale must be one of: ${LOCALES.join(', ')}` })
  locale?: Locale;
}

export class ChangePasswordDto {
  /** @example "samspill-demo-2026" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  /** @example "et-nytt-og-langt-passord" */
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `newPassword must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword!: string;
}
