/**
 * Configuration of the sync hub: the hooks the rest of the server provides (who is asking, what
 * they may do, what an update may contain) and the limits that keep memory bounded.
 */
import type { IncomingMessage } from 'node:http';
import type * as Y from 'yjs';
import type { DocStore } from '../store/doc-store';

/** What a principal may do to one document; asked again for every message. */
export interface SyncAccess {
  readonly read: boolean;
  readonly write: boolean;
}

/** The result of checking an update's shape. */
export type SyncValidation = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Limits, each answered with a close code (see `CloseCode`). */
export interface SyncLimits {
  /** Largest message a client may send, in bytes (4413 above it). */
  readonly maxMessageBytes: number;
  /** Frames above this are cut by `ws` itself with 1009 before being buffered (4 × the above by default). */
  readonly hardMaxPayloadBytes: number;
  /** Largest document (stored snapshot plus log, in bytes) a client update may grow (4413). */
  readonly maxDocBytes: number;
  /** Sustained messages per second per connection (token bucket refill rate). */
  readonly messagesPerSecond: number;
  /** Burst of messages per connection (token bucket size); beyond it 4529. */
  readonly messageBurst: number;
  /** Sustained messages per second of one user over all their connections (anonymous peers: per address); beyond the burst 4529. */
  readonly userMessagesPerSecond: number;
  /** Burst of messages of one user over all their connections. */
  readonly userMessageBurst: number;
  /** Open connections of one signed-in user, over all documents; beyond it 4530. */
  readonly maxConnectionsPerUser: number;
  /** Open connections from one address (signed in or not); beyond it 4530. */
  readonly maxConnectionsPerAddress: number;
  /**
   * Bytes per second a connection may ask for beyond its first sync: answers to a repeated sync
   * step 1 whose state vector went backwards, and to presence queries (4529 beyond the burst).
   */
  readonly answerBytesPerSecond: number;
  /** Burst of answer bytes per connection. */
  readonly answerBurstBytes: number;
  /** Bytes waiting in a connection's send buffer beyond which it is dropped (4508). */
  readonly maxBufferedBytes: number;
  /** Messages of one connection waiting for the store beyond which it is dropped (4529). */
  readonly maxInflight: number;
  /** Largest presence state a connection sends for a client id it owns, in bytes (4413 above it). */
  readonly maxAwarenessBytes: number;
  /** How many awareness client ids one connection may own. */
  readonly maxAwarenessIdsPerConnection: number;
  /** A document with no client is unloaded after this many milliseconds. */
  readonly unloadDelayMs: number;
  /** Awareness changes are batched and sent at most this often per document, in milliseconds. */
  readonly awarenessThrottleMs: number;
  /** Compact a document's log once this many updates were appended since it was loaded. */
  readonly compactEvery: number;
  /** Ping interval; a connection that did not answer the previous ping is terminated. */
  readonly pingIntervalMs: number;
  /** Time a new connection has to authenticate before it is closed. */
  readonly authTimeoutMs: number;
  /**
   * Every open connection's session and read access are checked again this often (and at once
   * on `SyncHub.recheckAccess()`); a connection that lost them is closed (4401 / 4403).
   */
  readonly accessRecheckMs: number;
}

/** Defaults sized for negotiation texts of a few thousand paragraphs. */
export const DEFAULT_SYNC_LIMITS: SyncLimits = {
  maxMessageBytes: 2 * 1024 * 1024,
  hardMaxPayloadBytes: 8 * 1024 * 1024,
  maxDocBytes: 64 * 1024 * 1024,
  messagesPerSecond: 100,
  messageBurst: 400,
  // As much as one connection: one person types in one place at a time.
  userMessagesPerSecond: 100,
  userMessageBurst: 400,
  maxConnectionsPerUser: 32,
  maxConnectionsPerAddress: 256,
  answerBytesPerSecond: 256 * 1024,
  answerBurstBytes: 4 * 1024 * 1024,
  maxBufferedBytes: 8 * 1024 * 1024,
  maxInflight: 512,
  maxAwarenessBytes: 16 * 1024,
  maxAwarenessIdsPerConnection: 4,
  unloadDelayMs: 10_000,
  awarenessThrottleMs: 50,
  compactEvery: 500,
  pingIntervalMs: 30_000,
  authTimeoutMs: 10_000,
  accessRecheckMs: 1000,
};

/** Options of the sync hub, generic over the server's principal type `P`. */
export interface SyncHubOptions<P> {
  /** Where documents are stored. */
  readonly store: DocStore;
  /** What `principal` (null: nobody signed in) may do to `docName`; called for every message. */
  readonly access: (principal: P | null, docName: string) => SyncAccess;
  /**
   * Whether the principal's sign-in (session or API token) is still valid; asked for every write
   * and every `accessRecheckMs`. Absent: sign-ins never end while connected.
   */
  readonly sessionValid?: (principal: P) => boolean;
  /** The principal's stable id, kept with each stored update (the audit trail) and client-id ownership. */
  readonly principalId: (principal: P) => string;
  /** The `user` field the server stamps into this principal's awareness states (name, party, role, colour). */
  readonly identity: (principal: P | null, docName: string) => Record<string, unknown>;
  /**
   * Checks an update's shape for the document before it is applied (`collabValidator` wraps
   * collab's `validateUpdate`); `doc` is the current document, to resolve existing parents.
   * null accepts everything (tests of the protocol alone).
   */
  readonly validate: ((docName: string, update: Uint8Array, doc: Y.Doc) => SyncValidation) | null;
  /** Checks a document name before anything is loaded; false closes with 4404. */
  readonly isDocName?: (docName: string) => boolean;
  /** Written into the root map `meta` as `schema` when a document is created or its meta is missing. */
  readonly schemaVersion?: number;
  /** Limits; missing ones take `DEFAULT_SYNC_LIMITS`. */
  readonly limits?: Partial<SyncLimits>;
  /** Called with errors the hub recovered from (store failures, bugs in hooks); defaults to console.error. */
  readonly onError?: (error: unknown, context: string) => void;
}

/** Options of `attachSync`: the hub's plus the HTTP side. */
export interface AttachSyncOptions<P> extends SyncHubOptions<P> {
  /** Path prefix of sync URLs; the rest of the path is the document name. Default `/sync/`. */
  readonly pathPrefix?: string;
  /** Who is asking, from the upgrade request (session cookie or token); null when nobody is signed in. */
  readonly authenticate: (req: IncomingMessage) => Promise<P | null>;
  /**
   * Allowed `Origin` values besides the request's own origin (scheme, host and port), or a
   * predicate that decides alone. A request without `Origin` (a non-browser client, which cannot
   * be hijacked cross-site) is allowed.
   */
  readonly allowedOrigins?: readonly string[] | ((origin: string, req: IncomingMessage) => boolean);
}
