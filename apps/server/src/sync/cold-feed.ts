/**
 * First sync from storage. When a client with an empty document (a fresh browser, a new
 * script) opens a document that is not loaded yet, the server sends it the committed bytes
 * straight from the store, before it builds its own copy: the client then applies the document
 * while the server does the same, instead of waiting for the server's load and only then starting
 * its own (for a 4.8 MB document each side takes about a second). The client's step 1 is then
 * answered from the state the server loaded, so the document is not sent twice.
 */
import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import type { StoredDoc } from '../store/doc-store';
import { encodeSync, MessageType, SyncType } from './protocol';

/** A connection waiting for its document to load, with the messages it sent meanwhile. */
export interface WaitingJoin<C> {
  readonly conn: C;
  readonly ws: WebSocket;
  /** Messages received before the document was loaded (replayed afterwards, in order). */
  readonly early: Uint8Array[];
  /** The generation the client says its copy belongs to, if any. */
  readonly generation: string | null;
}

/** The empty state vector: what a client with an empty document sends in its step 1. */
const EMPTY_STATE_VECTOR = 0;

/** Whether `msg` is a sync step 1 with an empty state vector. */
export const isFreshStep1 = (msg: Uint8Array): boolean => {
  try {
    const d = decoding.createDecoder(msg);
    if (decoding.readVarUint(d) !== MessageType.sync || decoding.readVarUint(d) !== SyncType.step1)
      return false;
    const sv = decoding.readVarUint8Array(d);
    return sv.byteLength === 1 && sv[0] === EMPTY_STATE_VECTOR && !decoding.hasContent(d);
  } catch {
    return false;
  }
};

/** Log entries after the snapshot beyond which a document is not fed (each is a message). */
export const MAX_FED_LOG = 1000;

/**
 * Whether `stored` is worth feeding and fits: a compacted document (a snapshot; a short log is
 * cheap for the server to load anyway) with a log of at most MAX_FED_LOG entries, all of it
 * within `maxBytes` (the per-connection send buffer).
 */
export const worthFeeding = (stored: StoredDoc, maxBytes: number): boolean =>
  stored.snapshot !== null && stored.updates.length <= MAX_FED_LOG && stored.bytes <= maxBytes;

/** The stored document as protocol messages: the snapshot as step 2, then the log as updates. */
export const storedMessages = (stored: StoredDoc): Uint8Array[] => [
  ...(stored.snapshot ? [encodeSync(SyncType.step2, stored.snapshot)] : []),
  ...stored.updates.map((u) => encodeSync(SyncType.update, u)),
];

/**
 * The joins among `waiting` that can be fed from `stored`: open, of the stored generation (or not
 * saying), and whose early messages include a fresh step 1.
 */
export const feedable = <C>(
  waiting: Iterable<WaitingJoin<C>>,
  stored: StoredDoc,
  isOpen: (conn: C) => boolean,
): WaitingJoin<C>[] =>
  [...waiting].filter(
    (w) =>
      isOpen(w.conn) &&
      (w.generation === null || w.generation === stored.generation) &&
      w.early.some(isFreshStep1),
  );

/** After a feed: the fresh step 1 of `early` becomes a step 1 at `stateVector` (what was sent). */
export const answeredUpTo = (early: Uint8Array[], stateVector: Uint8Array): void => {
  const i = early.findIndex(isFreshStep1);
  if (i >= 0) early[i] = encodeSync(SyncType.step1, stateVector);
};

/**
 * Resolves once every socket has handed its queued bytes to the kernel, or after `maxMs`: the
 * load that follows blocks the event loop, and bytes still queued in Node would wait for it.
 */
export const flushed = (sockets: readonly WebSocket[], maxMs: number): Promise<void> =>
  new Promise((resolve) => {
    const until = Date.now() + maxMs;
    const check = () => {
      if (Date.now() >= until || sockets.every((ws) => ws.bufferedAmount === 0)) resolve();
      else setTimeout(check, 2);
    };
    check();
  });
