/**
 * Sign-in and identification: invitation links exchanged for sessions, API tokens, and the
 * `authenticate(req)` the WebSocket upgrade uses.
 */
import type { IncomingMessage } from 'node:http';
import type { Db } from '../db/types';
import { type Principal, SESSION_COOKIE } from './principal';
import { hashToken, newToken } from './tokens';

/** Identification services over one `Db`. */
export interface Auth {
  /** Creates a one-time invitation for `userId`; returns the raw token for the link `/signin/<token>`. */
  invite(userId: string, createdBy: string | null): string;
  /** The name of the person an unused, unexpired invitation is for, without using it; null otherwise. */
  invitee(invitationToken: string): string | null;
  /** Exchanges an invitation token for a new session; returns the raw session id, or null if unusable. */
  signIn(invitationToken: string): { sessionId: string; userId: string; expiresAt: number } | null;
  /** Ends a session. */
  signOut(sessionId: string): void;
  /** Creates (or replaces, by label) an API token for `userId`; `token` lets a set-up choose it. */
  issueApiToken(userId: string, label: string, token?: string): string;
  /** Identifies a request from its `Cookie` and `Authorization` headers; null when anonymous or expired. */
  identify(headers: {
    cookie?: string | null | undefined;
    authorization?: string | null | undefined;
  }): Principal | null;
  /**
   * Whether the sign-in `principal` was identified by still holds: the session exists and has
   * not expired (not signed out), or the API token still exists. The sync hub asks it for open
   * WebSockets, which outlive the request that opened them.
   */
  stillSignedIn(principal: Principal): boolean;
  /** `identify` for a Node request (the WebSocket upgrade). */
  authenticate(req: IncomingMessage): Promise<Principal | null>;
}

/** Parses one cookie out of a `Cookie` header. */
export const readCookie = (header: string | null | undefined, name: string): string | null => {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
};

/** Builds the identification services; `now` is the clock (ms). */
export const createAuth = (
  db: Db,
  opts: { sessionTtlMs: number; invitationTtlMs: number; now?: () => number },
): Auth => {
  const now = opts.now ?? Date.now;
  const principalOf = (
    userId: string | null,
    via: Principal['via'],
    credential: string,
  ): Principal | null => {
    if (!userId) return null;
    const u = db.getUser(userId);
    return u ? { userId: u.id, name: u.name, admin: u.admin, via, credential } : null;
  };
  const identify: Auth['identify'] = ({ cookie, authorization }) => {
    if (authorization) {
      const m = /^Bearer\s+(\S+)$/i.exec(authorization);
      // A malformed or unknown bearer token does not fall back to the cookie: scripts should
      // hear that their token is wrong.
      if (!m?.[1]) return null;
      const hash = hashToken(m[1]);
      return principalOf(db.apiTokenUser(hash), 'token', hash);
    }
    const sid = readCookie(cookie, SESSION_COOKIE);
    if (!sid) return null;
    const hash = hashToken(sid);
    return principalOf(db.sessionUser(hash, now()), 'session', hash);
  };
  return {
    invite: (userId, createdBy) => {
      const token = newToken();
      db.createInvitation({
        tokenHash: hashToken(token),
        userId,
        expiresAt: now() + opts.invitationTtlMs,
        createdBy,
      });
      return token;
    },
    invitee: (token) => {
      const userId = db.invitationUser(hashToken(token), now());
      return userId ? (db.getUser(userId)?.name ?? null) : null;
    },
    signIn: (token) =>
      db.transaction(() => {
        const t = now();
        const userId = db.consumeInvitation(hashToken(token), t);
        if (!userId) return null;
        const sessionId = newToken();
        const expiresAt = t + opts.sessionTtlMs;
        db.createSession({ idHash: hashToken(sessionId), userId, expiresAt, now: t });
        return { sessionId, userId, expiresAt };
      }),
    signOut: (sessionId) => db.deleteSession(hashToken(sessionId)),
    issueApiToken: (userId, label, token = newToken()) => {
      db.putApiToken({ tokenHash: hashToken(token), userId, label, now: now() });
      return token;
    },
    identify,
    stillSignedIn: (p) => {
      // A principal built by the server itself (the demo seed, tests) has no credential to lose.
      if (p.credential === undefined) return true;
      const user = p.via === 'token' ? db.apiTokenUser(p.credential) : db.sessionUser(p.credential, now());
      return user === p.userId;
    },
    authenticate: async (req) =>
      identify({ cookie: req.headers.cookie ?? null, authorization: req.headers.authorization ?? null }),
  };
};
