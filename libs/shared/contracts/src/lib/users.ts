import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
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
}

export class UserResponse extends CurrentUser {
  /** @example true */
  active!: boolean;
  /** @example "nb" */
  locale!: Locale;
  /** @example "2026-01-05T08:00:00.000Z" */
  createdAt!: string;
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
