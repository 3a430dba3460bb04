/**
 * The wire format: the y-websocket protocol (y-protocols sync and awareness) plus Bis's
 * acknowledgement message and close codes. Documented for client authors in docs/sync.md.
 */
import * as encoding from 'lib0/encoding';

/** y-websocket message types (the first varuint of every message). */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** Bis: "your updates up to this state are on disk"; sent only to clients that asked (`?ack=1`). */
  ack: 100,
} as const;

/** y-protocols sync sub-types (the second varuint of a sync message). */
export const SyncType = { step1: 0, step2: 1, update: 2 } as const;

/**
 * Close codes. 4400–4499 are permanent: the stock y-websocket client (v3) stops reconnecting
 * and emits `closed`, so a refused edit is not re-sent forever (y-websocket #189). 4500–4599
 * and 1001 are transient: the client reconnects with backoff and resyncs.
 */
export const CloseCode = {
  /** Server shutting down; reconnect later. */
  goingAway: 1001,
  /** A message could not be decoded (or was a text frame). */
  malformed: 4400,
  /** Nobody is signed in (no or expired session) and the document is not public. */
  unauthenticated: 4401,
  /** Signed in but not allowed: no read access, or a write to a document the user may only read. */
  forbidden: 4403,
  /** The path is not a valid document name. */
  notFound: 4404,
  /** The client's copy belongs to another generation of the document: drop it and reconnect. */
  generationMismatch: 4409,
  /** A message or the resulting document exceeds the configured size. */
  tooLarge: 4413,
  /** An update does not fit the document's schema. */
  invalidUpdate: 4422,
  /** The client's schema version differs from the server's: reload the app. */
  schemaMismatch: 4426,
  /** The store failed; the document was unloaded. Reconnect to resync. */
  storeFailure: 4503,
  /** The client did not read fast enough (send buffer full); reconnect to resync. */
  slowConsumer: 4508,
  /** Too many messages per second (per connection or per user), too many in flight, or too much data requested; reconnect after backoff. */
  rateLimited: 4529,
  /** Too many connections for this user or from this address; reconnect after backoff. */
  tooManyConnections: 4530,
} as const;

/** One of the close codes above. */
export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/** Encodes a sync message (`step1`, `step2` or `update`) around a payload. */
export const encodeSync = (type: number, payload: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, type);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
};

/** Encodes an awareness message around an encoded awareness update. */
export const encodeAwareness = (update: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
};

/** Encodes a y-protocols auth "permission denied" message (the stock client logs the reason). */
export const encodePermissionDenied = (reason: string): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.auth);
  encoding.writeVarUint(e, 0);
  encoding.writeVarString(e, reason);
  return encoding.toUint8Array(e);
};

/**
 * Encodes an acknowledgement: `[100, seq, stateVector]`. `seq` is the store's sequence number of
 * the last update committed for this message (0 when it changed nothing); `stateVector` is the
 * document's state vector restricted to the client ids of the acknowledged update, so a client
 * knows its changes up to `stateVector[myClientId]` are on disk.
 */
export const encodeAck = (seq: number, stateVector: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.ack);
  encoding.writeVarUint(e, seq);
  encoding.writeVarUint8Array(e, stateVector);
  return encoding.toUint8Array(e);
};

/** Trims a close reason to the 123 bytes RFC 6455 allows. */
export const closeReason = (reason: string): string => {
  const buf = Buffer.from(reason, 'utf8');
  return buf.byteLength <= 123
    ? reason
    : buf
        .subarray(0, 120)
        .toString('utf8')
        .replace(/\uFFFD$/, '');
};
