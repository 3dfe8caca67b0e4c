import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import type { OrganizationRef } from './organizations';
import type { PersonRef } from './projects';
import { trim, trimLower } from './transforms';
import { type InvitationStatus, LOCALES, type Locale, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES, type Role } from './values';

/** An invitation by e-mail: the invitee follows the link, chooses a password and is signed in. */
export class InvitationResponse {
  /** @example "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f" */
  id!: string;
  /** @example "kollega@gran.kommune.no" */
  email!: string;
  /** @example "Kari Kollega" */
  name!: string;
  /** @example "staff" */
  role!: Role;
  /** The organisation the invitee will belong to; null only for an invited admin. */
  organization!: OrganizationRef | null;
  /**
   * The link works until then (72 hours after it was last sent), and once.
   * @example "2026-12-04T09:00:00.000Z"
   */
  expiresAt!: string;
  /** @example "pending" */
  status!: InvitationStatus;
  /**
   * The language of the mail and, later, of the person's account.
   * @example "nb"
   */
  locale!: Locale;
  /** Who invited, or last resent the invitation. */
  invitedBy!: PersonRef | null;
  /** @example "2026-12-01T09:00:00.000Z" */
  createdAt!: string;
  /**
   * Whether the mail went out. False means the mail server refused or could not be reached: the invitation is
   * stored, and resending it tries again.
   * @example true
   */
  mailSent!: boolean;
}

export class CreateInvitationDto {
  /** @example "kollega@gran.kommune.no" */
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  /** @example "Kari Kollega" */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  /** @example "staff" */
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role!: Role;

  /**
   * A leader invites into their own organisation (the default for them); an admin names it (none only for an admin).
   * @example "0d61de3a-f1dc-4208-85d6-35414e3dc504"
   */
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be the id of an organisation' })
  organizationId?: string;

  /**
   * The language of the mail; the inviter's own when left out.
   * @example "nb"
   */
  @IsOptional()
  @IsIn(LOCALES, { message: `locale must be one of: ${LOCALES.join(', ')}` })
  locale?: Locale;
}

/** The token from the link (`/invitation/<token>`) and the password the invitee chose. */
export class AcceptInvitationDto {
  /** @example "q3Zx7pB0cL9uYfN2aK4sD8gH1jM5vR6tW0eQ2iO9lU4" */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,100}$/, { message: 'token must be the one from the link in the mail' })
  token!: string;

  /** @example "et-langt-nok-passord" */
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

/** Resending may change the language of the mail (and of the account to be). */
export class ResendInvitationDto {
  /** @example "en" */
  @IsOptional()
  @IsIn(LOCALES, { message: `locale must be one of: ${LOCALES.join(', ')}` })
  locale?: Locale;
}

export class InvitationListQuery {
  /**
   * `pending` (the default) or `expired`: those can be resent.
   * @example "pending"
   */
  @IsOptional()
  @IsIn(['pending', 'expired'], { message: 'status must be pending or expired' })
  status?: Extract<InvitationStatus, 'pending' | 'expired'>;
}

export { INVITATION_STATUSES, INVITATION_VALID_HOURS, PASSWORD_RESET_VALID_HOURS } from './values';
export type { InvitationStatus } from './values';
