import type { CurrentUser } from '@samspill/contracts';

/** The signed-in person attached to a request by the JWT strategy. */
export interface AuthenticatedUser extends CurrentUser {
  tokenVersion: number;
  /** The session (refresh-token family) of the access token; absent while a session is being started. */
  sessionId?: string;
}
