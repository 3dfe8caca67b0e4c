import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { trim, trimLower } from './transforms';
import { Optional } from './validators';
import { OrganizationSummary } from './organizations';
import { LOCALES, type Locale, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES, type Role } from './values';

/** The signed-in person as the API and the web app see them. */
export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organization: OrganizationSummary | null;
}

export interface UserResponse extends CurrentUser {
  active: boolean;
  locale: Locale;
  createdAt: string;
}

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './values';

export class CreateUserDto {
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role!: Role;

  /** Required for every role but admin. */
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be the id of an organisation' })
  organizationId?: string | null;

  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @Optional()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class UpdateUserDto {
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @Optional()
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role?: Role;

  @Optional()
  @IsIn([true, false], { message: 'active must be true or false' })
  active?: boolean;

  @Optional()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class ChangePasswordDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `newPassword must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword!: string;
}
