import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { trimLower } from './transforms';
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
