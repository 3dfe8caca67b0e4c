import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsNotEmpty, IsString, Matches, MaxLength, Min } from 'class-validator';
import { trim, trimLower } from './transforms';
import { Optional } from './validators';

/** A scope or an acr value: RFC 6749's scope-token characters (printable ASCII but space, `"` and `\`). */
const TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]{1,100}$/;
/** A bare e-mail domain such as `gran.kommune.no` (kept equal to EMAIL_DOMAIN_PATTERN in @samspill/domain). */
const DOMAIN = /^(?=.{3,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** A space-separated string is taken as a list too (that is how the values travel in OAuth). */
const listOfTokens = ({ value }: { value: unknown }) => {
  const list = typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : value;
  return Array.isArray(list) ? list.map((v) => (typeof v === 'string' ? v.trim() : v)) : list;
};
const listOfDomains = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase().replace(/^@/, '') : v)) : value;

/** An organisation's OpenID Connect provider, as an administrator connects it. */
export class IdentityProviderDto {
  /**
   * The provider's issuer; `/.well-known/openid-configuration` below it describes it. `https://` only, except on
   * localhost and 127.0.0.1.
   * @example "https://login.microsoftonline.com/7a1b2c3d-0000-4000-8000-000000000000/v2.0"
   */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'issuer must not be empty' })
  @MaxLength(500)
  issuer!: string;

  /** @example "0f8e7d6c-5b4a-4000-8000-000000000000" */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'clientId must not be empty' })
  @MaxLength(255)
  clientId!: string;

  /**
   * Stored encrypted (AES-256-GCM) and never sent back. May be left out when the organisation already has a
   * provider: the stored secret is kept.
   * @example "hemmelig-klientnokkel"
   */
  @Optional()
  @IsString()
  @IsNotEmpty({ message: 'clientSecret must not be empty' })
  @MaxLength(1000)
  clientSecret?: string;

  /**
   * The e-mail domains whose people sign in here; a domain belongs to one organisation only.
   * @example ["hole.kommune.no"]
   */
  @Transform(listOfDomains)
  @IsArray()
  @ArrayMinSize(1, { message: 'emailDomains must name at least one domain' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(DOMAIN, { each: true, message: 'each of emailDomains must be a bare domain like gran.kommune.no' })
  emailDomains!: string[];

  /**
   * Scopes to ask for besides `openid`, `email` and `profile`, which are always asked for.
   * @example ["offline_access"]
   */
  @Optional()
  @Transform(listOfTokens)
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(TOKEN, { each: true, message: 'each scope must be 1 to 100 printable characters without spaces or quotes' })
  scopes?: string[];

  /**
   * Authentication context classes to ask for (`acr_values`); Ansattporten needs them, e.g. `substantial` or `high`.
   * @example ["substantial"]
   */
  @Optional()
  @Transform(listOfTokens)
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Matches(TOKEN, { each: true, message: 'each acr value must be 1 to 100 printable characters without spaces or quotes' })
  acrValues?: string[];

  /** Whether the organisation's people may still sign in with a password. @example true */
  @IsBoolean()
  allowPassword!: boolean;

  /** Whether a person the provider vouches for, with no account and no invitation, gets an account (as staff). @example false */
  @IsBoolean()
  createUnknownUsers!: boolean;

  /** The version last read; when given and stale, 409 STALE_VERSION. @example 1 */
  @Optional()
  @IsInt()
  @Min(1)
  version?: number;
}

/** The settings as stored; the client secret is never part of them. */
export class IdentityProviderResponse {
  /** @example "0d61de3a-f1dc-4208-85d6-35414e3dc504" */
  organizationId!: string;
  /** @example "https://login.microsoftonline.com/7a1b2c3d-0000-4000-8000-000000000000/v2.0" */
  issuer!: string;
  /** @example "0f8e7d6c-5b4a-4000-8000-000000000000" */
  clientId!: string;
  /** @example ["gran.kommune.no"] */
  emailDomains!: string[];
  /** @example ["offline_access"] */
  scopes!: string[];
  /** @example ["substantial"] */
  acrValues!: string[];
  /** @example false */
  allowPassword!: boolean;
  /** @example false */
  createUnknownUsers!: boolean;
  /**
   * Register this address at the provider (the API's callback, on PUBLIC_URL or the address this request came to).
   * @example "https://samspill.gran.kommune.no/api/auth/oidc/callback"
   */
  redirectUri!: string;
  /**
   * Register this address at the provider as where people land after signing out there.
   * @example "https://samspill.gran.kommune.no/sign-in"
   */
  postLogoutRedirectUri!: string;
  /** @example 1 */
  version!: number;
  /** @example "2026-11-30T10:00:00.000Z" */
  updatedAt!: string;
}

/** "Test the connection": the issuer to run discovery against. */
export class IdentityProviderTestDto {
  /** @example "https://login.microsoftonline.com/7a1b2c3d-0000-4000-8000-000000000000/v2.0" */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'issuer must not be empty' })
  @MaxLength(500)
  issuer!: string;
}

/** What discovery found at the issuer. */
export class IdentityProviderTestResponse {
  /** @example "https://login.microsoftonline.com/7a1b2c3d-0000-4000-8000-000000000000/v2.0" */
  issuer!: string;
  /** @example "https://login.microsoftonline.com/7a1b2c3d-0000-4000-8000-000000000000/oauth2/v2.0/authorize" */
  authorizationEndpoint!: string;
  /** @example "https://login.microsoftonline.com/7a1b2c3d-0000-4000-8000-000000000000/oauth2/v2.0/token" */
  tokenEndpoint!: string;
  /** Where RP-initiated logout goes, when the provider offers it. @example "https://login.microsoftonline.com/7a1b2c3d-0000-4000-8000-000000000000/oauth2/v2.0/logout" */
  endSessionEndpoint!: string | null;
  /** @example ["openid", "email", "profile"] */
  scopesSupported!: string[];
  /** @example ["substantial", "high"] */
  acrValuesSupported!: string[];
  /** Whether the provider accepts PKCE with S256 (it says so, or says nothing). @example true */
  pkce!: boolean;
}

export const SIGN_IN_METHODS = ['password', 'oidc'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** The first step of signing in: the address decides how. */
export class SignInMethodDto {
  /** @example "ansatt@gran.kommune.no" */
  @Transform(trimLower)
  @IsString()
  @IsNotEmpty({ message: 'email must not be empty' })
  @MaxLength(254)
  email!: string;

  /**
   * Where in the web app to land after signing in (a path in Samspill).
   * @example "/projects"
   */
  @Optional()
  @IsString()
  @MaxLength(500)
  returnUrl?: string;
}

export class SignInMethodResponse {
  /** @example "oidc" */
  method!: SignInMethod;
  /**
   * Only for `oidc`: send the browser here.
   * @example "https://login.microsoftonline.com/7a1b2c3d-0000-4000-8000-000000000000/oauth2/v2.0/authorize?client_id=…"
   */
  redirectUrl?: string;
}

/** How the signed-in person signs in, for their profile. */
export class MySignInResponse {
  /** How this session was started. @example "oidc" */
  currentSession!: SignInMethod;
  /** The organisation's provider, when it has one. @example "https://login.microsoftonline.com/7a1b2c3d-0000-4000-8000-000000000000/v2.0" */
  issuer!: string | null;
  /** @example "Gran kommune" */
  organizationName!: string | null;
  /** Whether a password sign-in is allowed for this person. @example false */
  passwordAllowed!: boolean;
}

/** Signing out of a session that began at a provider which offers RP-initiated logout. */
export class LogoutResponse {
  /**
   * Send the browser here to sign out at the provider too; it comes back to the sign-in page.
   * @example "https://login.microsoftonline.com/7a1b2c3d-0000-4000-8000-000000000000/oauth2/v2.0/logout?id_token_hint=…"
   */
  endSessionUrl!: string;
}
