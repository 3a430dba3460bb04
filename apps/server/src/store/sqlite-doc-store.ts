/**
 * The embedded `DocStore`: one SQLite file (better-sqlite3, WAL) in the data folder.
 *
 * Every write runs in a worker thread with its own connection (see store-writer.ts and
 * write-worker.mjs), so the commit and its fsync never stall the event loop; the writes queued
 * while a commit runs are committed together (group commit across documents). Reads (`load`,
 * `history`, `logLength`, compaction's batch) stay on the main thread's connection: WAL readers
 * see every committed transaction, and a write's promise resolves only after its commit.
 *
 * Durability: with `synchronous = FULL` (the default) the WAL is fsynced at each commit, so an
 * acknowledged update survives both `kill -9` of the process and a power cut.
 * `synchronous = NORMAL` skips that fsync: a commit then survives a crash of the process (the WAL
 * is in the OS page cache) but not a power cut or kernel crash.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { CompactResult, DocStore, StoredDoc, UpdateMeta } from './doc-store';
import { createUpdateMerger } from './merge-in-worker';
import { createStoreWriter } from './store-writer';

/** Options of `openSqliteDocStore`. */
export interface SqliteDocStoreOptions {
  /** `full` (fsync per commit, survives power loss) or `normal` (survives process crashes only). */
  readonly synchronous?: 'full' | 'normal';
  /** The clock used for `UpdateMeta.at` when the caller gives none. */
  readonly now?: () => number;
  /** Generation ids (tests pass a deterministic one). */
  readonly newGeneration?: () => string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS ydocs (
  name TEXT PRIMARY KEY,
  generation TEXT NOT NULL,
  snapshot BLOB,
  snapshot_seq INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS yupdates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  doc TEXT NOT NULL,
  generation TEXT NOT NULL,
  data BLOB NOT NULL,
  principal TEXT,
  at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS yupdates_doc_seq ON yupdates (doc, seq);
-- Compacted updates are moved here, unchanged, so the audit trail keeps who wrote what.
CREATE TABLE IF NOT EXISTS yupdates_archive (
  seq INTEGER PRIMARY KEY,
  doc TEXT NOT NULL,
  generation TEXT NOT NULL,
  data BLOB NOT NULL,
  principal TEXT,
  at INTEGER NOT NULL,
  compacted_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS yupdates_archive_doc_seq ON yupdates_archive (doc, seq);
CREATE TABLE IF NOT EXISTS yclient_owners (
  doc TEXT NOT NULL,
  client INTEGER NOT NULL,
  principal TEXT NOT NULL,
  PRIMARY KEY (doc, client)
);
`;

type Row = Record<string, unknown>;

const bytes = (b: unknown): Uint8Array => {
  const buf = b as Buffer;
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
};

/** The SQLite `DocStore`, plus a synchronous reading of the archive for the audit log. */
export interface SqliteDocStore extends DocStore {
  /** Every update ever stored for the document (archive and live log), oldest first. */
  history(
    docName: string,
  ): Promise<{ seq: number; principal: string | null; at: number; data: Uint8Array }[]>;
}

/** Opens (creating if needed) the document store in the SQLite file at `file`. */
export const openSqliteDocStore = (file: string, options: SqliteDocStoreOptions = {}): SqliteDocStore => {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const synchronous = options.synchronous === 'normal' ? 'normal' : 'full';
  db.pragma(`synchronous = ${synchronous.toUpperCase()}`);
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  const now = options.now ?? Date.now;
  const newGeneration = options.newGeneration ?? randomUUID;

  const getDoc = db.prepare('SELECT generation, snapshot, snapshot_seq FROM ydocs WHERE name = ?');
  const selectLog = db.prepare('SELECT seq, data FROM yupdates WHERE doc = ? ORDER BY seq');
  const selectLogBatch = db.prepare('SELECT seq, data FROM yupdates WHERE doc = ? ORDER BY seq LIMIT ?');
  const countLog = db.prepare('SELECT count(*) AS n FROM yupdates WHERE doc = ?');
  const selectOwners = db.prepare('SELECT client, principal FROM yclient_owners WHERE doc = ?');
  const selectHistory = db.prepare(
    `SELECT seq, principal, at, data FROM yupdates_archive WHERE doc = ?
     UNION ALL SELECT seq, principal, at, data FROM yupdates WHERE doc = ? ORDER BY seq`,
  );

  const writer = createStoreWriter(file, synchronous);
  // Documents whose row exists: an append to any other carries a fresh generation for its creation.
  const known = new Set<string>();

  // Read-only: the row must exist (see `load`).
  const loadTx = db.transaction((docName: string): StoredDoc | null => {
    const row = getDoc.get(docName) as Row | undefined;
    if (!row) return null;
    const snapshot = row.snapshot == null ? null : bytes(row.snapshot);
    let size = snapshot?.byteLength ?? 0;
    let lastSeq = row.snapshot_seq as number;
    const updates: Uint8Array[] = [];
    for (const u of selectLog.all(docName) as Row[]) {
      const data = bytes(u.data);
      updates.push(data);
      size += data.byteLength;
      lastSeq = u.seq as number;
    }
    const owners = new Map<number, string>();
    for (const o of selectOwners.all(docName) as Row[]) owners.set(Number(o.client), o.principal as string);
    return { snapshot, updates, generation: row.generation as string, lastSeq, bytes: size, owners };
  });

  const readBatch = db.transaction((docName: string, batch: number) => {
    const row = getDoc.get(docName) as Row | undefined;
    if (!row) return null;
    return { row, log: selectLogBatch.all(docName, batch) as Row[] };
  });

  const appendAll = async (
    docName: string,
    entries: readonly { readonly update: Uint8Array; readonly meta: UpdateMeta }[],
  ): Promise<number[]> => {
    const at = now();
    const seqs = await writer.append(
      docName,
      entries.map((e) => ({ update: e.update, principal: e.meta.principal, at: e.meta.at ?? at })),
      known.has(docName) ? undefined : newGeneration(),
      at,
    );
    known.add(docName);
    return seqs;
  };

  const merger = createUpdateMerger();
  const compacting = new Set<string>();
  let closed = false;

  return {
    append: async (docName, update, meta) => (await appendAll(docName, [{ update, meta }]))[0] as number,
    appendMany: async (docName, entries) => (entries.length === 0 ? [] : appendAll(docName, entries)),
    bindClients: async (docName, clients, principal) => {
      if (clients.length > 0) await writer.bindClients(docName, clients, principal);
    },
    load: async (docName) => {
      let stored = loadTx(docName);
      if (!stored) {
        // Creating the row is a write: the writer does it; its commit is visible here once awaited.
        await writer.ensure(docName, newGeneration(), now());
        stored = loadTx(docName);
        if (!stored) throw new Error(`document ${docName} was not created`);
      }
      known.add(docName);
      return stored;
    },
    compact: async (docName, opts = {}) => {
      const batch = Math.max(1, opts.batch ?? 1000);
      let merged = 0;
      let snapshotBytes = 0;
      if (compacting.has(docName)) return { merged, snapshotBytes };
      compacting.add(docName);
      try {
        for (;;) {
          if (closed) break;
          const read = readBatch(docName, batch);
          if (!read || read.log.length === 0) break;
          const parts = read.log.map((u) => bytes(u.data));
          if (read.row.snapshot != null) parts.unshift(bytes(read.row.snapshot));
          // The merge (the costly part for a large snapshot) runs in a worker thread.
          const result = await merger.merge(parts);
          if (closed) break;
          const written = await writer.compactStep(
            docName,
            { snapshotSeq: read.row.snapshot_seq as number, generation: read.row.generation as string },
            read.log.map((u) => u.seq as number),
            result,
            now(),
          );
          if (!written) break;
          merged += read.log.length;
          snapshotBytes = result.byteLength;
          if (read.log.length < batch) break;
        }
      } finally {
        compacting.delete(docName);
      }
      return { merged, snapshotBytes } satisfies CompactResult;
    },
    reset: async (docName, snapshot, meta) => {
      const generation = await writer.reset(
        docName,
        snapshot,
        meta.principal,
        meta.at ?? now(),
        newGeneration(),
      );
      known.add(docName);
      return generation;
    },
    logLength: async (docName) => (countLog.get(docName) as Row).n as number,
    history: async (docName) =>
      (selectHistory.all(docName, docName) as Row[]).map((r) => ({
        seq: r.seq as number,
        principal: (r.principal as string | null) ?? null,
        at: r.at as number,
        data: bytes(r.data),
      })),
    close: async () => {
      if (closed) return;
      closed = true;
      await merger.close();
      // Lets the writes already posted commit, then stops the writer thread.
      await writer.close();
      db.close();
    },
  };
};
