/**
 * Who is asking: the identity the server derives from a session cookie or an API token,
 * never from anything the client claims about itself.
 */

/** A signed-in user, as the server knows them. */
export interface Principal {
  readonly userId: string;
  readonly name: string;
  /** Administrators manage every process. */
  readonly admin: boolean;
  /** How the request proved who it is. Cookie-authenticated writes also need a matching Origin. */
  readonly via: 'session' | 'token';
  /**
   * The hash of the session id or API token it was identified by, so that a long-lived
   * connection can ask whether that sign-in still holds (`Auth.stillSignedIn`). Never sent out.
   */
  readonly credential?: string;
}

/** The session cookie's name. */
export const SESSION_COOKIE = 'bis_session';
