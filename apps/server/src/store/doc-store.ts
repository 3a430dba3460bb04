/**
 * Where Yjs documents live on disk: an append-only log of updates per document, folded into a
 * snapshot by compaction, with the log rows kept in an archive for the audit trail.
 *
 * Every method returns a promise so that a networked store (PostgreSQL) can implement the same
 * interface; the embedded SQLite store commits in a worker thread and reads on the caller's.
 */

/** Who wrote an update and when: kept with the update, and in the archive after compaction. */
export interface UpdateMeta {
  /** The principal's stable id (user id), or null for the server itself. */
  readonly principal: string | null;
  /** Milliseconds since the epoch; defaults to the store's clock. */
  readonly at?: number;
}

/** A document as stored: apply `snapshot` (if any) then every update in order. */
export interface StoredDoc {
  /** The merged state up to `snapshotSeq`, or null when nothing was compacted yet. */
  readonly snapshot: Uint8Array | null;
  /** The log after the snapshot, oldest first. */
  readonly updates: readonly Uint8Array[];
  /**
   * An opaque id of this document's history. It changes only when the history is replaced
   * (`reset`, e.g. a restore from a backup); clients holding another generation must drop their
   * local copy instead of merging it (yjs #525).
   */
  readonly generation: string;
  /** The sequence number of the last update (0 when the document is empty). */
  readonly lastSeq: number;
  /** Bytes of snapshot plus log: what `load` had to read, a proxy for the document's size. */
  readonly bytes: number;
  /** Yjs client id → principal id of whoever first wrote with that client id. */
  readonly owners: ReadonlyMap<number, string>;
}

/** What one call to `compact` did. */
export interface CompactResult {
  /** Updates folded into the snapshot (and moved to the archive). */
  readonly merged: number;
  /** Size of the new snapshot in bytes (0 when nothing was merged). */
  readonly snapshotBytes: number;
}

/** Storage of Yjs documents, keyed by document name. */
export interface DocStore {
  /**
   * Appends one update and commits it to disk before the promise resolves; returns its sequence
   * number (increasing per store). The first append creates the document and its generation.
   * Client ids found in the update that have no owner yet are recorded as the principal's.
   */
  append(docName: string, update: Uint8Array, meta: UpdateMeta): Promise<number>;
  /**
   * Appends several updates in one transaction (one fsync: group commit); returns their
   * sequence numbers. All or none are stored.
   */
  appendMany(
    docName: string,
    entries: readonly { readonly update: Uint8Array; readonly meta: UpdateMeta }[],
  ): Promise<number[]>;
  /**
   * Binds Yjs client ids that have no owner yet to `principal` (ids already bound keep their
   * owner), committed before the promise resolves. The sync hub binds a member's client id as soon
   * as the member is present, before their first write (see `Admission.claim`).
   */
  bindClients(docName: string, clients: readonly number[], principal: string): Promise<void>;
  /** Reads a document; an unknown name yields an empty document with a fresh generation. */
  load(docName: string): Promise<StoredDoc>;
  /**
   * Folds the log into the snapshot in steps of at most `batch` updates; the merge runs off the
   * event loop (SQLite: in a worker thread) and each step is written in one transaction, so
   * appends go on meanwhile. Compacted updates stay in the archive (the audit trail).
   */
  compact(docName: string, options?: { readonly batch?: number }): Promise<CompactResult>;
  /** Replaces the document's history with `snapshot` under a new generation, which it returns. */
  reset(docName: string, snapshot: Uint8Array, meta: UpdateMeta): Promise<string>;
  /** The number of updates in the live log (not yet compacted). */
  logLength(docName: string): Promise<number>;
  /** Closes the underlying database. */
  close(): Promise<void>;
}
