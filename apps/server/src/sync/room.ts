/**
 * One loaded document: the Y.Doc, its awareness, its connections, and what is shared between
 * them (the outgoing batch, the join cache, the serial queue through which every write passes
 * so that nothing uncommitted is ever sent to anyone).
 */

import type { WebSocket } from 'ws';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Admittee } from './admission';
import { encodeAwareness, encodeSync, SyncType } from './protocol';
import type { DeleteSet } from './update-effect';

/** A client connection as the hub tracks it. */
export interface Conn<P> extends Admittee<P> {
  readonly ws: WebSocket;
  wantsAck: boolean;
  closed: boolean;
  /** Answered the last ping. */
  alive: boolean;
  /** Messages queued behind the store. */
  inflight: number;
  /**
   * The document's state vector when this connection was sent its first sync step 2 (null
   * before): it holds everything up to there, and every later change reaches it by broadcast.
   */
  sentState: ReadonlyMap<number, number> | null;
  /** The state vector of this connection's last sync step 1 (its bytes, latin1). */
  lastAsked: string | null;
}

/** A sync message waiting for the room's next drain. */
export interface InboxItem<P> {
  readonly conn: Conn<P>;
  readonly kind: 'step1' | 'update';
  readonly payload: Uint8Array;
}

/** The origin of server-side transactions. */
export const SERVER_ORIGIN = Symbol('bis-server');

/** A loaded document and everyone connected to it. */
export class Room<P> {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: Awareness;
  readonly conns = new Set<Conn<P>>();
  /** Serialises writes, joins and reads: each job sees only committed state. */
  queue: Promise<void> = Promise.resolve();
  /** Sync messages waiting for the next drain (a batch: one commit, then broadcast and acks). */
  readonly inbox: InboxItem<P>[] = [];
  drainScheduled = false;
  /** Jobs queued or running; the room is not unloaded while this is positive. */
  busy = 0;
  /** Updates integrated during the current job, captured from the doc's `update` event. */
  captured: Uint8Array[] | null = null;
  /** Set when the store failed: the in-memory doc may be ahead of the disk. */
  broken = false;
  unloadTimer: NodeJS.Timeout | null = null;
  /** Appended since load, for the compaction trigger. */
  appended = 0;
  private outbox: { update: Uint8Array; from: Conn<P> | null }[] = [];
  private flushScheduled = false;
  private readonly step2Cache = new Map<string, Uint8Array>();
  private deletes: DeleteSet | null = null;
  private state: ReadonlyMap<number, number> | null = null;
  private awarenessChanged = new Set<number>();
  private awarenessTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly name: string,
    public generation: string,
    /** Snapshot plus log bytes: what the document weighs in the store. */
    public bytes: number,
    readonly owners: Map<number, string>,
    private readonly send: (conn: Conn<P>, data: Uint8Array) => void,
    private readonly awarenessThrottleMs: number,
  ) {
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array) => {
      this.step2Cache.clear();
      this.deletes = null;
      this.state = null;
      this.captured?.push(update);
    });
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
      for (const id of [...(added ?? []), ...(updated ?? []), ...(removed ?? [])])
        this.awarenessChanged.add(id);
      this.awarenessTimer ??= setTimeout(() => this.flushAwareness(), this.awarenessThrottleMs);
    });
  }

  /** Runs `job` after every job queued before it. */
  enqueue<T>(job: () => Promise<T> | T): Promise<T> {
    this.busy++;
    const run = this.queue.then(job);
    this.queue = run.then(
      () => {
        this.busy--;
      },
      () => {
        this.busy--;
      },
    );
    return run;
  }

  /** The sync step 2 answering a client's state vector, cached until the document changes. */
  step2For(stateVector: Uint8Array): Uint8Array {
    const key = Buffer.from(stateVector).toString('latin1');
    let msg = this.step2Cache.get(key);
    if (!msg) {
      msg = encodeSync(SyncType.step2, Y.encodeStateAsUpdate(this.doc, stateVector));
      // Many clients join with the same few state vectors (empty, or up to date); keep a handful.
      if (this.step2Cache.size >= 16) this.step2Cache.clear();
      this.step2Cache.set(key, msg);
    }
    return msg;
  }

  /** The document's delete set, cached until it changes. */
  deleteSet(): DeleteSet {
    this.deletes ??= Y.createDeleteSetFromStructStore(this.doc.store);
    return this.deletes;
  }

  /** The document's state vector, cached until it changes. */
  stateVector(): ReadonlyMap<number, number> {
    this.state ??= Y.decodeStateVector(Y.encodeStateVector(this.doc));
    return this.state;
  }

  /** Queues committed updates for the next batched broadcast (not echoed to `from`). */
  broadcast(updates: readonly Uint8Array[], from: Conn<P> | null): void {
    for (const update of updates) this.outbox.push({ update, from });
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Sends the batch: one merged update per distinct set of recipients. */
  private flush(): void {
    this.flushScheduled = false;
    const batch = this.outbox;
    this.outbox = [];
    if (batch.length === 0 || this.conns.size === 0) return;
    const all =
      batch.length === 1
        ? (batch[0] as { update: Uint8Array }).update
        : Y.mergeUpdates(batch.map((b) => b.update));
    const allMsg = encodeSync(SyncType.update, all);
    const senders = new Set(batch.map((b) => b.from));
    const perSender = new Map<Conn<P>, Uint8Array | null>();
    for (const conn of this.conns) {
      if (!senders.has(conn)) {
        this.send(conn, allMsg);
        continue;
      }
      let msg = perSender.get(conn);
      if (msg === undefined) {
        const others = batch.filter((b) => b.from !== conn).map((b) => b.update);
        msg = others.length === 0 ? null : encodeSync(SyncType.update, Y.mergeUpdates(others));
        perSender.set(conn, msg);
      }
      if (msg) this.send(conn, msg);
    }
  }

  private flushAwareness(): void {
    this.awarenessTimer = null;
    const ids = [...this.awarenessChanged];
    this.awarenessChanged.clear();
    if (ids.length === 0 || this.conns.size === 0) return;
    const msg = encodeAwareness(encodeAwarenessUpdate(this.awareness, ids));
    for (const conn of this.conns) {
      // A client needs no echo of its own presence.
      if (ids.every((id) => conn.awarenessIds.has(id))) continue;
      this.send(conn, msg);
    }
  }

  /** The full awareness state, for a joining client. */
  awarenessMessage(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()];
    return ids.length === 0 ? null : encodeAwareness(encodeAwarenessUpdate(this.awareness, ids));
  }

  /** Frees the document and its timers. */
  destroy(): void {
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
