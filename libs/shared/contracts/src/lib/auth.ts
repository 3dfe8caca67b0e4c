import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { trimLower } from './transforms';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './values';
import type { CurrentUser } from './users';

export class LoginDto {
  /** @example "ansatt@gran.kommune.no" */
  @Transform(trimLower)
  @IsString()
  @IsNotEmpty({ message: 'email must not be empty' })
  @MaxLength(254)
  email!: string;

  /** @example "samspill-demo-2026" */
  @IsString()
  @IsNotEmpty({ message: 'password must not be empty' })
  @MaxLength(256)
  password!: string;
}

export class AuthResponse {
  /**
   * Send it as `Authorization: Bearer <accessToken>`; renew it with POST /api/auth/refresh (the refresh token is a cookie).
   * @example "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkNDM3MmE2ZiJ9.c2lnbmF0dXJl"
   */
  accessToken!: string;
  /**
   * Lifetime of the access token in seconds.
   * @example 900
   */
  expiresIn!: number;
  user!: CurrentUser;
}

export const REFRESH_COOKIE = 'samspill_refresh';

// --- Self-service: password reset and sessions (issue 10) ---

export class PasswordResetRequestDto {
  /** @example "ansatt@gran.kommune.no" */
  @Transform(trimLower)
  @IsString()
  @IsNotEmpty({ message: 'email must not be empty' })
  @MaxLength(254)
  email!: string;
}

/** The same answer whether or not the address has an account. */
export class PasswordResetRequested {
  /** @example "If the address belongs to an account, a link to choose a new password is on its way. It works for one hour." */
  message!: string;
}

export class PasswordResetConfirmDto {
  /** @example "q3Zx7pB0cL9uYfN2aK4sD8gH1jM5vR6tW0eQ2iO9lU4" */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,100}$/, { message: 'token must be the one from the link in the mail' })
  token!: string;

  /** @example "et-nytt-og-langt-passord" */
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

/** One signed-in device or browser: a sign-in and the tokens renewed from it. */
export class SessionResponse {
  /** @example "3b9f0c8e-1d2a-4e5f-8a6b-7c9d0e1f2a3b" */
  id!: string;
  /** @example "2026-12-01T08:00:00.000Z" */
  createdAt!: string;
  /**
   * The sign-in or the last renewal of its access token (about every 15 minutes while in use).
   * @example "2026-12-01T09:45:00.000Z"
   */
  lastUsedAt!: string;
  /** @example "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0" */
  userAgent!: string | null;
  /** True for the session that asked. */
  current!: boolean;
}
