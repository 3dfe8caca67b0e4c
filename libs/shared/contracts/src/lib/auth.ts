import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { trimLower } from './transforms';
import { CurrentUser } from './users';

export class LoginDto {
  @Transform(trimLower)
  @IsString()
  @IsNotEmpty({ message: 'email must not be empty' })
  @MaxLength(254)
  email!: string;

  @IsString()
  @IsNotEmpty({ message: 'password must not be empty' })
  @MaxLength(256)
  password!: string;
}

export interface AuthResponse {
  accessToken: string;
  /** Lifetime of the access token in seconds. */
  expiresIn: number;
  user: CurrentUser;
}

export const REFRESH_COOKIE = 'samspill_refresh';
