/**
 * Admission: every decision the hub takes about who may do what, apart from sockets, so that it
 * can be tested with plain objects. Who may connect (document name, read access, schema,
 * connections per user and per address), how fast (messages per connection and per user, bytes
 * of answers per connection), which updates are applied (current rights, shape, read-only effect,
 * client-id ownership, document size), which presence client ids a connection may speak for, and
 * whether an open connection may stay (session still valid, read access kept).
 */
import * as Y from 'yjs';
import type { SyncHubOptions, SyncLimits } from './options';
import { CloseCode, type CloseCodeValue } from './protocol';
import { TokenBucket } from './token-bucket';
import { type DeleteSet, wouldChange } from './update-effect';

/** Why a connection is refused or closed: the close code and the reason sent with it. */
export interface Refusal {
  readonly code: CloseCodeValue;
  readonly reason: string;
}

/** What admission tracks per connection (the hub's `Conn` extends it). */
export interface Admittee<P> {
  readonly docName: string;
  /** The peer's address (the socket's, not X-Forwarded-For, which anyone can set). */
  readonly address: string;
  principal: P | null;
  /** The principal's id (null when nobody is signed in). */
  pid: string | null;
  /** Key of the per-user accounting (`u:<pid>`, or `a:<address>` for anonymous peers); set on admission. */
  userKey: string | null;
  /** Messages per second of this connection. */
  readonly messages: TokenBucket;
  /** Bytes of answers (sync step 2, presence on request) this connection may still ask for. */
  readonly answers: TokenBucket;
  /** Awareness client ids this connection speaks for. */
  readonly awarenessIds: Set<number>;
  /** Client ids this connection bound through presence (at most one: a client has one id). */
  presenceBindings: number;
}

/** What admission needs to know about a loaded document. */
export interface RoomView<P> {
  readonly name: string;
  readonly doc: Y.Doc;
  /** Yjs client id → the principal id it is bound to. */
  readonly owners: Map<number, string>;
  readonly conns: ReadonlySet<Admittee<P>>;
  /** Snapshot plus log bytes in the store. */
  readonly bytes: number;
  deleteSet(): DeleteSet;
}

/** The verdict on one update. */
export type UpdateVerdict =
  | { readonly kind: 'refuse'; readonly refusal: Refusal }
  /** A reader's update that changes nothing (a stock client's sync step 2): accepted, not applied. */
  | { readonly kind: 'noop' }
  /**
   * Apply it. `writers`: the client ids that bring structs beyond the document's state;
   * `clients`: every client id the update has structs for (all bound to the sender).
   */
  | { readonly kind: 'apply'; readonly writers: readonly number[]; readonly clients: readonly number[] };

/** The verdict on a presence entry's client id. */
export type ClaimVerdict = 'no' | 'yes' | 'bound';

/** Answers remembered during one pass of `recheck` over every connection. */
export interface RecheckSweep {
  /** Principal (as the connection holds it) → whether its sign-in holds. */
  readonly sessions: Map<unknown, boolean>;
  /** `pid\0docName` → whether it may read. */
  readonly reads: Map<string, boolean>;
}

/** The hooks of the hub that admission uses. */
export type AdmissionHooks<P> = Pick<
  SyncHubOptions<P>,
  'access' | 'principalId' | 'validate' | 'isDocName' | 'schemaVersion' | 'sessionValid'
>;

const DOC_NAME = /^[A-Za-z0-9_\-/]{1,300}$/;

const refuse = (code: CloseCodeValue, reason: string): { kind: 'refuse'; refusal: Refusal } => ({
  kind: 'refuse',
  refusal: { code, reason },
});

/** The admission rules of one hub, with the counters they need (connections, per-user rates). */
export class Admission<P> {
  private readonly perAddress = new Map<string, number>();
  private readonly perUser = new Map<string, { conns: number; messages: TokenBucket }>();

  constructor(
    private readonly hooks: AdmissionHooks<P>,
    private readonly limits: SyncLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** The per-connection state admission keeps, for a new socket from `address`. */
  newAdmittee(docName: string, address: string): Admittee<P> {
    return {
      docName,
      address,
      principal: null,
      pid: null,
      userKey: null,
      messages: new TokenBucket(this.limits.messagesPerSecond, this.limits.messageBurst, this.now),
      answers: new TokenBucket(this.limits.answerBytesPerSecond, this.limits.answerBurstBytes, this.now),
      awarenessIds: new Set(),
      presenceBindings: 0,
    };
  }

  /** A socket opened: counts it for its address, or refuses it when the address is at its cap. */
  arrive(conn: Admittee<P>): Refusal | null {
    const n = this.perAddress.get(conn.address) ?? 0;
    if (n >= this.limits.maxConnectionsPerAddress)
      return {
        code: CloseCode.tooManyConnections,
        reason: `too many connections from your address (at most ${this.limits.maxConnectionsPerAddress})`,
      };
    this.perAddress.set(conn.address, n + 1);
    return null;
  }

  /** A socket closed: forgets it (`arrive` must have accepted it). */
  depart(conn: Admittee<P>): void {
    const n = (this.perAddress.get(conn.address) ?? 1) - 1;
    if (n <= 0) this.perAddress.delete(conn.address);
    else this.perAddress.set(conn.address, n);
    if (conn.userKey === null) return;
    const user = this.perUser.get(conn.userKey);
    if (user && --user.conns <= 0) this.perUser.delete(conn.userKey);
    conn.userKey = null;
  }

  /**
   * Decides whether `principal` may open `docName` (its name, read access, the client's schema,
   * the per-user connection cap); on success the connection is counted for its user.
   */
  admit(conn: Admittee<P>, principal: P | null, schema: number | null): Refusal | null {
    const { docName } = conn;
    if (!DOC_NAME.test(docName) || (this.hooks.isDocName && !this.hooks.isDocName(docName)))
      return { code: CloseCode.notFound, reason: 'no such document' };
    const access = this.hooks.access(principal, docName);
    if (!access.read)
      return principal === null
        ? { code: CloseCode.unauthenticated, reason: 'sign in to open this document' }
        : { code: CloseCode.forbidden, reason: 'you may not read this document' };
    if (schema !== null && this.hooks.schemaVersion !== undefined && schema !== this.hooks.schemaVersion)
      return { code: CloseCode.schemaMismatch, reason: `server schema is ${this.hooks.schemaVersion}` };
    const pid = principal === null ? null : this.hooks.principalId(principal);
    const key = pid === null ? `a:${conn.address}` : `u:${pid}`;
    const user = this.perUser.get(key);
    // Anonymous peers are bounded by the per-address cap only.
    if (pid !== null && user && user.conns >= this.limits.maxConnectionsPerUser)
      return {
        code: CloseCode.tooManyConnections,
        reason: `too many connections for your account (at most ${this.limits.maxConnectionsPerUser}); close other tabs`,
      };
    conn.principal = principal;
    conn.pid = pid;
    conn.userKey = key;
    if (user) user.conns++;
    else
      this.perUser.set(key, {
        conns: 1,
        messages: new TokenBucket(this.limits.userMessagesPerSecond, this.limits.userMessageBurst, this.now),
      });
    return null;
  }

  /** Counts one message against the connection's rate and its user's; refuses over either. */
  message(conn: Admittee<P>): Refusal | null {
    if (!conn.messages.take())
      return { code: CloseCode.rateLimited, reason: 'too many messages on this connection' };
    const user = conn.userKey === null ? undefined : this.perUser.get(conn.userKey);
    if (user && !user.messages.take())
      return { code: CloseCode.rateLimited, reason: 'too many messages from your account' };
    return null;
  }

  /**
   * Counts `bytes` of an answer to the connection's own request (a repeated sync step 1, a
   * presence query) against its budget; refuses when the budget is spent.
   */
  answer(conn: Admittee<P>, bytes: number): Refusal | null {
    if (conn.answers.take(bytes)) return null;
    return { code: CloseCode.rateLimited, reason: 'too much data requested; reconnect later' };
  }

  /**
   * Whether an open connection may stay: its session is still valid and it may still read.
   * `sweep` (one per pass over all connections) remembers answers, so that many connections of
   * one user to one document cost one look-up.
   */
  recheck(conn: Admittee<P>, sweep?: RecheckSweep): Refusal | null {
    if (conn.userKey === null) return null; // not admitted yet: admission will decide
    const p = conn.principal;
    if (p !== null && this.hooks.sessionValid) {
      let valid = sweep?.sessions.get(p);
      if (valid === undefined) {
        valid = this.hooks.sessionValid(p);
        sweep?.sessions.set(p, valid);
      }
      if (!valid) return { code: CloseCode.unauthenticated, reason: 'your session ended; sign in again' };
    }
    const key = `${conn.pid ?? ''}\u0000${conn.docName}`;
    let read = sweep?.reads.get(key);
    if (read === undefined) {
      read = this.hooks.access(p, conn.docName).read;
      sweep?.reads.set(key, read);
    }
    if (!read) return { code: CloseCode.forbidden, reason: 'your access to this document was removed' };
    return null;
  }

  /**
   * Checks one update from `conn` against the current rights (session, access), the scope's
   * shape, a reader's read-only effect, client-id ownership and the document size.
   */
  checkUpdate(room: RoomView<P>, conn: Admittee<P>, update: Uint8Array): UpdateVerdict {
    const gone = this.recheck(conn);
    if (gone) return { kind: 'refuse', refusal: gone };
    const access = this.hooks.access(conn.principal, room.name);
    const valid = this.hooks.validate
      ? this.hooks.validate(room.name, update, room.doc)
      : { ok: true as const };
    if (!valid.ok) return refuse(CloseCode.invalidUpdate, `update refused: ${valid.reason}`);
    let clients: number[];
    let writers: number[];
    try {
      if (!access.write) {
        if (wouldChange(room.doc, update, room.deleteSet()))
          return refuse(CloseCode.forbidden, 'read-only: you may not change this document');
        return { kind: 'noop' };
      }
      const meta = Y.parseUpdateMeta(update);
      clients = [...meta.to.keys()];
      writers = clients.filter((c) => (meta.to.get(c) ?? 0) > Y.getState(room.doc.store, c));
    } catch {
      return refuse(CloseCode.malformed, 'update could not be decoded');
    }
    // Every client id the update has structs for, not only the new ones: structs under another
    // user's id that the server already has would be skipped by Yjs, and acknowledging them would
    // tell the sender its edit is saved when another user's is stored in its place.
    for (const client of clients) {
      const owner = room.owners.get(client);
      if (owner !== undefined && owner !== conn.pid)
        return refuse(CloseCode.forbidden, `client id ${client} belongs to another user`);
    }
    if (room.bytes + update.byteLength > this.limits.maxDocBytes)
      return refuse(CloseCode.tooLarge, `document over ${this.limits.maxDocBytes} bytes`);
    return { kind: 'apply', writers, clients };
  }

  /**
   * Whether `conn` may speak for presence client id `id`: `yes` (it does already, or the id is
   * its user's), `bound` (the id was free and is now bound to the connection's user, who may
   * write here: the caller stores the binding), `no` (another connection or user has it, or
   * the connection speaks for enough ids already).
   *
   * Binding on presence closes a gap: a member's client id is visible to everyone as soon as
   * the member is present, before the member's first write. Were it free, a teammate could write
   * under it while the member edits offline, and the member's offline edit would be skipped by
   * Yjs (same ids) on reconnection.
   */
  claim(room: RoomView<P>, conn: Admittee<P>, id: number): ClaimVerdict {
    if (conn.awarenessIds.has(id)) return 'yes';
    if (conn.awarenessIds.size >= this.limits.maxAwarenessIdsPerConnection) return 'no';
    for (const other of room.conns) if (other !== conn && other.awarenessIds.has(id)) return 'no';
    const owner = room.owners.get(id);
    if (owner !== undefined && owner !== conn.pid) return 'no';
    conn.awarenessIds.add(id);
    if (owner !== undefined || conn.pid === null) return 'yes';
    // One binding per connection (a stock client shows one id, its own): churning presence ids
    // must not grow the stored bindings without bound.
    if (conn.presenceBindings >= 1) return 'yes';
    if (!this.hooks.access(conn.principal, room.name).write) return 'yes';
    room.owners.set(id, conn.pid);
    conn.presenceBindings++;
    return 'bound';
  }

  /** Connections counted per address and per user (for tests and monitoring). */
  counts(): { readonly addresses: number; readonly users: number } {
    return { addresses: this.perAddress.size, users: this.perUser.size };
  }
}
