/**
 * Which local changes of a document the server has not acknowledged yet (DESIGN.md,
 * "Durability"). Pure bookkeeping, no IO: the connection feeds it local transactions, the
 * messages it sends and the server's acks (docs/sync.md, "Acknowledgements").
 *
 * A change is acknowledged in two ways:
 * - by clock: an ack's state vector says the server stored this client's structs up to a clock,
 *   which covers every change that created structs below it (exact, even across reconnections);
 * - by order: the server acks every sync step 2 or update of a connection, in order, after the
 *   commit — so the k-th ack covers the k-th such message, and a message carries every local
 *   change made before it was sent (an update carries its transaction; the step 2 sent on
 *   (re)connection carries everything the server lacks). This covers delete-only changes, which
 *   create no struct and so never show in a state vector, and changes of an earlier page load
 *   whose structs the server already had when it reconnected.
 */

/** One local transaction not yet acknowledged. */
export interface PendingChange {
  /** The Yjs client id that made it (a reloaded page has a new one). */
  readonly client: number;
  /** That client's clock after the change; equal to the clock before for a delete-only change. */
  readonly clock: number;
  /** Whether it created structs (false: it only deleted). */
  readonly structs: boolean;
}

/** A serialisable snapshot of the pending changes (kept in IndexedDB across reloads). */
export type PendingSnapshot = readonly (readonly [client: number, clock: number, structs: 0 | 1])[];

/** The unacknowledged local changes of one document. */
export class PendingChanges {
  // Each change with its running number (the how-manieth recorded change it is).
  private changes: { readonly n: number; readonly change: PendingChange }[] = [];
  // Per message sent and not yet acked, oldest first: how many changes had been recorded when it
  // was sent; the ack of that message covers the changes numbered below it.
  private inFlight: number[] = [];
  private recorded = 0;

  /** Restores what an earlier page load left (before any change of this one is recorded). */
  restore(snapshot: PendingSnapshot): void {
    for (const [client, clock, structs] of snapshot) {
      if (Number.isSafeInteger(client) && Number.isSafeInteger(clock))
        this.record({ client, clock, structs: structs === 1 });
    }
  }

  /** A local transaction happened (recorded before it is sent). */
  record(change: PendingChange): void {
    this.changes.push({ n: this.recorded++, change });
  }

  /** A sync step 2 or update left for the server: it carries every change recorded so far. */
  sent(): void {
    this.inFlight.push(this.recorded);
  }

  /** The connection closed: messages in flight will never be acked (they are re-sent on reconnect). */
  disconnected(): void {
    this.inFlight = [];
  }

  /**
   * The server acknowledged the oldest message in flight; `stored` is the ack's state vector
   * (client id → clock stored). Returns whether the count changed.
   */
  acked(stored: ReadonlyMap<number, number>): boolean {
    const before = this.changes.length;
    const upTo = this.inFlight.shift() ?? 0;
    this.changes = this.changes.filter(({ n, change }) => {
      if (n < upTo) return false;
      const clock = stored.get(change.client);
      return !(change.structs && clock !== undefined && clock >= change.clock);
    });
    return this.changes.length !== before;
  }

  /** How many local changes wait for the server. */
  get count(): number {
    return this.changes.length;
  }

  /** The changes waiting, oldest first. */
  list(): readonly PendingChange[] {
    return this.changes.map((c) => c.change);
  }

  /** What to keep across a reload. */
  snapshot(): PendingSnapshot {
    return this.changes.map(({ change: c }) => [c.client, c.clock, c.structs ? 1 : 0] as const);
  }

  /** Forgets everything (the document was reset: its local changes are gone). */
  clear(): void {
    this.changes = [];
    this.inFlight = [];
  }
}
