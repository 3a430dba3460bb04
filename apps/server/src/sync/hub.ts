/**
 * The sync engine, apart from its transport: loads documents from the store, runs the
 * y-websocket protocol for each connection with per-message permission and shape checks, commits
 * every accepted update before broadcasting and acknowledging it, and unloads idle documents.
 */
import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import { applyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { Admission, type Refusal } from './admission';
import { decodeAwarenessUpdate, encodeAwarenessEntries, stampIdentity } from './awareness-stamp';
import { DEFAULT_SYNC_LIMITS, type SyncHubOptions, type SyncLimits } from './options';
import {
  CloseCode,
  closeReason,
  encodeAck,
  encodePermissionDenied,
  encodeSync,
  MessageType,
  SyncType,
} from './protocol';
import { type Conn, type InboxItem, Room, SERVER_ORIGIN } from './room';
import { encodeStateVectorOf } from './update-effect';

/** Per-connection choices a client makes in the URL query. */
export interface ConnectionParams {
  /** `?ack=1`: the client wants acknowledgement messages. */
  readonly ack: boolean;
  /** `?gen=…`: the generation of the client's local copy, if it has one. */
  readonly generation: string | null;
  /** `?schema=N`: the client's schema version, if it says. */
  readonly schema: number | null;
}

/** Counters for monitoring and tests. */
export interface SyncStats {
  readonly documents: number;
  readonly connections: number;
  /** Messages received from clients since the hub started. */
  readonly messages: number;
}

/** Bytes a connection may send before its sign-in is resolved. */
const EARLY_BYTES = 256 * 1024;

/** The sync step 2 that answers a repeated step 1 of a client that has everything already. */
const EMPTY_STEP2 = encodeSync(SyncType.step2, Y.encodeStateAsUpdate(new Y.Doc()));

/** Whether state vector `have` has every clock of `sent`. */
const covers = (have: ReadonlyMap<number, number>, sent: ReadonlyMap<number, number>): boolean => {
  for (const [client, clock] of sent) if ((have.get(client) ?? 0) < clock) return false;
  return true;
};

/** Serves the y-websocket protocol for many documents; see `attachSync` for the HTTP side. */
export class SyncHub<P> {
  private readonly rooms = new Map<string, Promise<Room<P>>>();
  /** The loaded rooms (`rooms` also holds the ones being loaded). */
  private readonly ready = new Map<string, Room<P>>();
  private readonly limits: SyncLimits;
  private readonly pingTimer: NodeJS.Timeout;
  private readonly recheckTimer: NodeJS.Timeout;
  private readonly allConns = new Set<Conn<P>>();
  private readonly admission: Admission<P>;
  private recheckScheduled = false;
  private messages = 0;
  private closing = false;

  constructor(private readonly options: SyncHubOptions<P>) {
    this.limits = { ...DEFAULT_SYNC_LIMITS, ...options.limits };
    this.admission = new Admission(options, this.limits);
    this.pingTimer = setInterval(() => this.ping(), this.limits.pingIntervalMs);
    this.pingTimer.unref();
    this.recheckTimer = setInterval(() => this.recheckNow(), this.limits.accessRecheckMs);
    this.recheckTimer.unref();
  }

  /** Documents loaded, connections open (not being closed), messages received. */
  stats(): SyncStats {
    let connections = 0;
    for (const c of this.allConns) if (!c.closed) connections++;
    return { documents: this.rooms.size, connections, messages: this.messages };
  }

  /**
   * Checks every open connection's session and read access again, soon (once per loop turn
   * however often it is called), and closes those that lost them: 4401 when the sign-in ended,
   * 4403 when the user may no longer read the document. The server calls it after every
   * successful REST command (a role change, a removal from a party, a sign-out); a timer calls it
   * every `accessRecheckMs` for the rest (an expired session, a change made outside the server).
   * A connection that keeps read access but lost write access stays, read-only: its next write is
   * refused.
   */
  recheckAccess(): void {
    if (this.recheckScheduled) return;
    this.recheckScheduled = true;
    setImmediate(() => this.recheckNow());
  }

  private recheckNow(): void {
    this.recheckScheduled = false;
    const sweep = { sessions: new Map<unknown, boolean>(), reads: new Map<string, boolean>() };
    for (const conn of this.allConns) {
      if (conn.closed) continue;
      let refusal: Refusal | null;
      try {
        refusal = this.admission.recheck(conn, sweep);
      } catch (error) {
        this.report(error, `recheck ${conn.docName}`);
        continue;
      }
      if (refusal) this.refuse(conn, refusal);
    }
  }

  /**
   * Runs a server-side write (e.g. the compilation on a REST command): `fn` changes the document
   * inside one transaction; the change is committed to the store, then broadcast. Resolves with
   * the store's sequence number (0 when `fn` changed nothing).
   */
  async transact(
    docName: string,
    fn: (doc: Y.Doc) => void,
    principalId: string | null = null,
  ): Promise<number> {
    const room = await this.room(docName);
    let retry = false;
    try {
      const seq = await room.enqueue(async () => {
        // A room given up while this job waited (store failure, a failed write before it) may
        // hold changes that are not on disk: write on a fresh one instead.
        if (room.broken) {
          retry = true;
          return 0;
        }
        let failure: { error: unknown } | null = null;
        const updates = this.capture(room, () => {
          try {
            Y.transact(room.doc, () => fn(room.doc), SERVER_ORIGIN);
          } catch (error) {
            failure = { error };
          }
        });
        if (failure) {
          // What `fn` did before it threw is in memory but not on disk, and the caller's own
          // transaction (the db) was rolled back: drop the room rather than serve or commit
          // half a write. Its clients reconnect and resync from the store.
          if (updates.length > 0) this.abandon(room, 'the document is being reloaded; reconnect');
          throw (failure as { error: unknown }).error;
        }
        const seqs = await this.commit(
          room,
          updates.map((update) => ({ update, meta: { principal: principalId } })),
        );
        room.broadcast(updates, null);
        return seqs.at(-1) ?? 0;
      });
      if (!retry) return seq;
    } finally {
      this.maybeUnload(room);
    }
    return this.transact(docName, fn, principalId);
  }

  /** Reads a document (loading it if needed) and returns what `fn` returns; `fn` must not write. */
  async read<T>(docName: string, fn: (doc: Y.Doc) => T): Promise<T> {
    const room = await this.room(docName);
    let retry = false;
    try {
      const result = await room.enqueue(() => {
        if (room.broken) {
          retry = true;
          return null;
        }
        return { value: fn(room.doc) };
      });
      if (result) return result.value;
    } finally {
      this.maybeUnload(room);
    }
    if (!retry) throw new Error('unreachable');
    return this.read(docName, fn);
  }

  /** Closes every connection (1001) and unloads every document; the store stays open. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.pingTimer);
    clearInterval(this.recheckTimer);
    for (const conn of this.allConns) this.closeConn(conn, CloseCode.goingAway, 'server shutting down');
    const rooms = await Promise.allSettled(this.rooms.values());
    for (const r of rooms) {
      if (r.status === 'fulfilled') {
        await r.value.queue;
        r.value.destroy();
      }
    }
    this.rooms.clear();
    this.ready.clear();
  }

  /**
   * Takes over an upgraded socket. Messages that arrive while `principal` is being resolved are
   * buffered (bounded); then the document is loaded and the protocol starts.
   */
  handleConnection(
    ws: WebSocket,
    docName: string,
    params: ConnectionParams,
    principal: Promise<P | null>,
    address = 'unknown',
  ): void {
    const conn: Conn<P> = {
      ...this.admission.newAdmittee(docName, address),
      ws,
      wantsAck: params.ack,
      closed: false,
      alive: true,
      inflight: 0,
      sentState: null,
      lastAsked: null,
    };
    ws.on('error', () => {});
    const full = this.admission.arrive(conn);
    if (full) {
      conn.closed = true;
      ws.close(full.code, closeReason(full.reason));
      setTimeout(() => ws.terminate(), 5000).unref();
      return;
    }
    this.allConns.add(conn);
    let room: Room<P> | null = null;
    const early: Uint8Array[] = [];
    let earlyBytes = 0;
    ws.on('pong', () => {
      conn.alive = true;
    });
    ws.on('message', (data, isBinary) => {
      if (conn.closed) return;
      this.messages++;
      if (!isBinary) return this.closeConn(conn, CloseCode.malformed, 'binary frames only');
      const msg = toBytes(data);
      if (msg.byteLength > this.limits.maxMessageBytes)
        return this.closeConn(conn, CloseCode.tooLarge, `message over ${this.limits.maxMessageBytes} bytes`);
      const limited = this.admission.message(conn);
      if (limited) return this.closeConn(conn, limited.code, limited.reason);
      if (room) this.onMessage(room, conn, msg);
      else if (early.length < 64 && earlyBytes + msg.byteLength <= EARLY_BYTES) {
        // Before sign-in completes, buffer little: an unauthenticated peer must not cost memory.
        early.push(msg);
        earlyBytes += msg.byteLength;
      } else this.closeConn(conn, CloseCode.rateLimited, 'too much sent before sign-in');
    });
    ws.on('close', () => {
      conn.closed = true;
      if (this.allConns.delete(conn)) this.admission.depart(conn);
      if (room) this.leave(room, conn);
    });
    const timeout = setTimeout(
      () => this.closeConn(conn, CloseCode.unauthenticated, 'sign-in timed out'),
      this.limits.authTimeoutMs,
    );
    void (async () => {
      try {
        const p = await principal;
        if (conn.closed) return;
        const refused = this.admission.admit(conn, p, params.schema);
        if (refused) return this.closeConn(conn, refused.code, refused.reason);
        const r = await this.room(docName);
        if (conn.closed) return this.maybeUnload(r);
        if (params.generation !== null && params.generation !== r.generation)
          return this.closeConn(conn, CloseCode.generationMismatch, `generation is now ${r.generation}`);
        room = r;
        this.join(r, conn);
        for (const msg of early.splice(0)) this.onMessage(r, conn, msg);
      } catch (error) {
        this.report(error, `connect ${docName}`);
        this.closeConn(conn, CloseCode.storeFailure, 'could not open the document');
      } finally {
        clearTimeout(timeout);
      }
    })();
  }

  private join(room: Room<P>, conn: Conn<P>): void {
    if (room.unloadTimer) {
      clearTimeout(room.unloadTimer);
      room.unloadTimer = null;
    }
    room.conns.add(conn);
    // Joins go through the queue too, so a joining client never sees an uncommitted update.
    void room.enqueue(() => {
      if (room.broken) return;
      this.send(conn, encodeSync(SyncType.step1, Y.encodeStateVector(room.doc)));
      const awareness = room.awarenessMessage();
      if (awareness) this.send(conn, awareness);
    });
  }

  private leave(room: Room<P>, conn: Conn<P>): void {
    room.conns.delete(conn);
    if (conn.awarenessIds.size > 0) removeAwarenessStates(room.awareness, [...conn.awarenessIds], conn);
    this.maybeUnload(room);
  }

  private onMessage(room: Room<P>, conn: Conn<P>, msg: Uint8Array): void {
    try {
      const d = decoding.createDecoder(msg);
      const type = decoding.readVarUint(d);
      if (type === MessageType.sync) {
        const sub = decoding.readVarUint(d);
        const payload = decoding.readVarUint8Array(d);
        if (sub === SyncType.step1) {
          // A repeated request of a connection that has everything is answered here and now:
          // an empty step 2 is true at any moment, so it needs no place in the room's queue.
          if (!this.answerRepeatedStep1(conn, payload)) this.deliver(room, { conn, kind: 'step1', payload });
        } else if (sub === SyncType.step2 || sub === SyncType.update) {
          if (conn.inflight >= this.limits.maxInflight) {
            this.closeConn(conn, CloseCode.rateLimited, 'too many updates waiting');
            return;
          }
          this.deliver(room, { conn, kind: 'update', payload });
        } else this.closeConn(conn, CloseCode.malformed, `unknown sync message ${sub}`);
      } else if (type === MessageType.awareness) {
        this.onAwareness(room, conn, decoding.readVarUint8Array(d));
      } else if (type === MessageType.queryAwareness) {
        const awareness = room.awarenessMessage();
        if (awareness) this.answer(conn, awareness);
      }
      // Auth (2) and unknown types are ignored, as the stock server does.
    } catch {
      this.closeConn(conn, CloseCode.malformed, 'message could not be decoded');
    }
  }

  /** Puts a sync message in the room's inbox; one drain per loop turn handles the whole batch. */
  private deliver(room: Room<P>, item: InboxItem<P>): void {
    item.conn.inflight++;
    room.inbox.push(item);
    if (room.drainScheduled) return;
    room.drainScheduled = true;
    room
      .enqueue(async () => {
        // Wait one turn so that messages from every socket readable now join this batch.
        await new Promise((r) => setImmediate(r));
        await this.drain(room);
      })
      .catch((error: unknown) => {
        if (!room.broken) this.report(error, `drain ${room.name}`);
      });
  }

  /**
   * Handles a batch of sync messages: checks and applies each update, commits everything that
   * changed the document in one transaction (group commit), then broadcasts, acknowledges, and
   * answers joins, so that nobody ever receives state that is not on disk.
   */
  private async drain(room: Room<P>): Promise<void> {
    room.drainScheduled = false;
    const items = room.inbox.splice(0);
    const entries: { update: Uint8Array; meta: { principal: string | null } }[] = [];
    const outgoing: { update: Uint8Array; from: Conn<P> }[] = [];
    const acks: { conn: Conn<P>; clients: readonly number[]; upTo: number }[] = [];
    const joins: { conn: Conn<P>; stateVector: Uint8Array }[] = [];
    const resync = new Set<Conn<P>>();
    try {
      for (const { conn, kind, payload } of items) {
        if (conn.closed || room.broken) continue;
        if (kind === 'step1') {
          joins.push({ conn, stateVector: payload });
          continue;
        }
        const result = this.apply(room, conn, payload);
        if (result === null) continue;
        for (const update of result.updates) {
          entries.push({ update, meta: { principal: conn.pid } });
          outgoing.push({ update, from: conn });
        }
        // Structs whose dependencies the server lacks were dropped (see `apply`): the message is
        // not stored whole, so it is not acknowledged; the client is asked for a fresh step 2.
        if (result.pending) resync.add(conn);
        else acks.push({ conn, clients: result.clients, upTo: entries.length });
      }
      const seqs = await this.commit(room, entries);
      for (const { update, from } of outgoing) room.broadcast([update], from);
      for (const { conn, clients, upTo } of acks)
        this.ack(room, conn, upTo === 0 ? 0 : (seqs[upTo - 1] ?? 0), clients);
      for (const conn of resync) this.send(conn, encodeSync(SyncType.step1, Y.encodeStateVector(room.doc)));
      for (const { conn, stateVector } of joins) this.answerStep1(room, conn, stateVector);
    } finally {
      for (const { conn } of items) conn.inflight--;
    }
  }

  /**
   * Answers a sync step 1. The first of a connection gets the difference to its state vector
   * (cached per state vector). A later one gets an empty step 2 when its state vector has not
   * moved since the previous one, or has every clock the connection was sent (it got the rest by
   * broadcast); only a state vector that went backwards gets the difference again, counted
   * against the connection's answer budget. Repeating a sync request thus costs the server a few
   * bytes, not the whole document (amplification).
   */
  private answerStep1(room: Room<P>, conn: Conn<P>, stateVector: Uint8Array): void {
    if (conn.closed) return;
    try {
      if (this.answerRepeatedStep1(conn, stateVector)) return;
      const msg = room.step2For(stateVector);
      if (conn.sentState === null) this.send(conn, msg);
      else this.answer(conn, msg);
      conn.sentState = room.stateVector();
      conn.lastAsked = Buffer.from(stateVector).toString('latin1');
    } catch {
      this.closeConn(conn, CloseCode.malformed, 'state vector could not be decoded');
    }
  }

  /**
   * Sends the empty step 2 for a repeated sync step 1 whose state vector has not moved or covers
   * what the connection was sent; returns whether it did. Throws on an undecodable state vector.
   */
  private answerRepeatedStep1(conn: Conn<P>, stateVector: Uint8Array): boolean {
    if (conn.sentState === null) return false;
    if (
      Buffer.from(stateVector).toString('latin1') !== conn.lastAsked &&
      !covers(Y.decodeStateVector(stateVector), conn.sentState)
    )
      return false;
    this.send(conn, EMPTY_STEP2);
    return true;
  }

  /** Sends an answer to the connection's own request if its answer budget allows. */
  private answer(conn: Conn<P>, msg: Uint8Array): void {
    const refused = this.admission.answer(conn, msg.byteLength);
    if (refused) this.refuse(conn, refused);
    else this.send(conn, msg);
  }

  /**
   * Checks one update from `conn` (see `Admission.checkUpdate`) and applies it. Returns what it
   * integrated and the client ids it wrote with, or null when it was refused (the connection is
   * then closed) or changed nothing for a reader.
   */
  private apply(
    room: Room<P>,
    conn: Conn<P>,
    update: Uint8Array,
  ): { updates: Uint8Array[]; clients: readonly number[]; pending: boolean } | null {
    const verdict = this.admission.checkUpdate(room, conn, update);
    if (verdict.kind === 'refuse') return this.refuse(conn, verdict.refusal);
    if (verdict.kind === 'noop') return { updates: [], clients: [], pending: false };
    const { writers, clients } = verdict;
    let failed = false;
    const updates = this.capture(room, () => {
      try {
        Y.applyUpdate(room.doc, update, conn);
      } catch {
        failed = true;
      }
    });
    if (conn.pid !== null)
      for (const client of writers) if (!room.owners.has(client)) room.owners.set(client, conn.pid);
    const store = room.doc.store;
    const pending = store.pendingStructs !== null || store.pendingDs !== null;
    if (pending) {
      // Structs whose dependencies the server lacks: drop them and ask the client for a fresh
      // step 2, which will carry the dependencies too (never keep unbounded pending state).
      store.pendingStructs = null;
      store.pendingDs = null;
    }
    if (failed) {
      // What was integrated before the failure is committed with the batch; the sender is told.
      this.refuse(conn, { code: CloseCode.malformed, reason: 'update could not be applied' });
      return { updates, clients: [], pending: true };
    }
    return { updates, clients, pending };
  }

  private onAwareness(room: Room<P>, conn: Conn<P>, update: Uint8Array): void {
    // The whole message is bounded by the message size limit. The presence limit applies to the
    // states the sender speaks for: the stock client echoes the server's aggregated presence of
    // everyone, which grows with the room and must not get every client closed.
    const entries = decodeAwarenessUpdate(update, this.limits.maxAwarenessIdsPerConnection * 4);
    if (!entries) {
      this.closeConn(conn, CloseCode.malformed, 'awareness could not be decoded');
      return;
    }
    const bound: number[] = [];
    const mine = entries.filter((e) => {
      const verdict = this.admission.claim(room, conn, e.clientId);
      if (verdict === 'bound') bound.push(e.clientId);
      return verdict !== 'no';
    });
    if (bound.length > 0 && conn.pid !== null) {
      // Kept in the store too, so that the binding outlives the room (see `Admission.claim`).
      this.options.store
        .bindClients(room.name, bound, conn.pid)
        .catch((error: unknown) => this.report(error, `bind clients ${room.name}`));
    }
    if (mine.length === 0) return;
    if (mine.some((e) => JSON.stringify(e.state).length > this.limits.maxAwarenessBytes)) {
      this.closeConn(conn, CloseCode.tooLarge, `presence state over ${this.limits.maxAwarenessBytes} bytes`);
      return;
    }
    const stamped = stampIdentity(mine, this.options.identity(conn.principal, room.name));
    applyAwarenessUpdate(room.awareness, encodeAwarenessEntries(stamped), conn);
  }

  /** Collects the updates `fn` integrates into the room's document. */
  private capture(room: Room<P>, fn: () => void): Uint8Array[] {
    const updates: Uint8Array[] = [];
    room.captured = updates;
    try {
      fn();
    } finally {
      room.captured = null;
    }
    return updates;
  }

  /** Appends updates to the store in one transaction; on failure the room is closed and unloaded (memory may be ahead of disk). */
  private async commit(
    room: Room<P>,
    entries: readonly { update: Uint8Array; meta: { principal: string | null } }[],
  ): Promise<number[]> {
    if (entries.length === 0) return [];
    let seqs: number[];
    try {
      seqs = await this.options.store.appendMany(room.name, entries);
    } catch (error) {
      this.report(error, `append ${room.name}`);
      this.abandon(room, 'the document could not be saved');
      throw error;
    }
    for (const e of entries) room.bytes += e.update.byteLength;
    room.appended += entries.length;
    if (room.appended >= this.limits.compactEvery) {
      room.appended = 0;
      this.compact(room.name);
    }
    return seqs;
  }

  /**
   * Gives up a room whose memory may be ahead of the disk: closes its connections (4503, they
   * reconnect and resync from the store), and the next use loads it afresh.
   */
  private abandon(room: Room<P>, reason: string): void {
    room.broken = true;
    for (const c of room.conns) this.closeConn(c, CloseCode.storeFailure, reason);
    if (this.ready.get(room.name) === room) {
      this.rooms.delete(room.name);
      this.ready.delete(room.name);
    }
    setImmediate(() => room.destroy());
  }

  private compact(docName: string): void {
    this.options.store.compact(docName).catch((error: unknown) => this.report(error, `compact ${docName}`));
  }

  /**
   * Acknowledges a stored message: `clients` are the client ids it had structs for, all bound to
   * the sender, so the document's clocks for them are the sender's writes, on disk.
   */
  private ack(room: Room<P>, conn: Conn<P>, seq: number, clients: readonly number[]): void {
    if (!conn.wantsAck) return;
    this.send(conn, encodeAck(seq, encodeStateVectorOf(room.doc, clients)));
  }

  /** Refuses: says why (y-protocols auth message), then closes with the refusal's code. */
  private refuse(conn: Conn<P>, refusal: Refusal): null {
    this.send(conn, encodePermissionDenied(refusal.reason));
    this.closeConn(conn, refusal.code, refusal.reason);
    return null;
  }

  private room(docName: string): Promise<Room<P>> {
    if (this.closing) return Promise.reject(new Error('sync hub closed'));
    let room = this.rooms.get(docName);
    if (!room) {
      room = this.load(docName);
      this.rooms.set(docName, room);
      const loading = room;
      loading.catch(() => {
        if (this.rooms.get(docName) === loading) this.rooms.delete(docName);
      });
    }
    return room;
  }

  private async load(docName: string): Promise<Room<P>> {
    const stored = await this.options.store.load(docName);
    const room = new Room<P>(
      docName,
      stored.generation,
      stored.bytes,
      new Map(stored.owners),
      (conn, data) => this.send(conn, data),
      this.limits.awarenessThrottleMs,
    );
    Y.transact(room.doc, () => {
      if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(room.doc, u);
    });
    const meta = room.doc.getMap('meta');
    const schema = this.options.schemaVersion;
    if (
      meta.get('generation') !== stored.generation ||
      (schema !== undefined && meta.get('schema') !== schema)
    ) {
      const updates = this.capture(room, () =>
        Y.transact(
          room.doc,
          () => {
            meta.set('generation', stored.generation);
            if (schema !== undefined) meta.set('schema', schema);
          },
          SERVER_ORIGIN,
        ),
      );
      await this.commit(
        room,
        updates.map((update) => ({ update, meta: { principal: null } })),
      );
    }
    this.ready.set(docName, room);
    this.maybeUnload(room);
    return room;
  }

  /** Schedules the unload of a room nobody uses. */
  private maybeUnload(room: Room<P>): void {
    if (room.conns.size > 0 || room.unloadTimer || this.closing || room.broken) return;
    room.unloadTimer = setTimeout(() => {
      room.unloadTimer = null;
      if (room.conns.size > 0 || this.ready.get(room.name) !== room) return;
      if (room.busy > 0) return this.maybeUnload(room);
      this.rooms.delete(room.name);
      this.ready.delete(room.name);
      room.destroy();
      if (room.appended > 0) this.compact(room.name);
    }, this.limits.unloadDelayMs);
    room.unloadTimer.unref();
  }

  private send(conn: Conn<P>, data: Uint8Array): void {
    if (conn.closed) return;
    if (conn.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.closeConn(conn, CloseCode.slowConsumer, 'you fell behind; reconnect to resync');
      return;
    }
    conn.ws.send(data, (error) => {
      if (error) conn.closed = true;
    });
  }

  private closeConn(conn: Conn<P>, code: number, reason: string): void {
    if (conn.closed) return;
    conn.closed = true;
    conn.ws.close(code, closeReason(reason));
    // A client that does not read will never complete the closing handshake.
    setTimeout(() => conn.ws.terminate(), 5000).unref();
  }

  private ping(): void {
    for (const conn of this.allConns) {
      if (!conn.alive) {
        conn.ws.terminate();
        continue;
      }
      conn.alive = false;
      conn.ws.ping();
    }
  }

  private report(error: unknown, context: string): void {
    (this.options.onError ?? ((e, c) => console.error(`[sync] ${c}:`, e)))(error, context);
  }
}

const toBytes = (data: Buffer | ArrayBuffer | Buffer[]): Uint8Array => {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
};
