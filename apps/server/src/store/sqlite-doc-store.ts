/**
 * The embedded `DocStore`: one SQLite file (better-sqlite3, WAL) in the data folder.
 *
 * Durability: every append is its own transaction. With `synchronous = FULL` (the default) the
 * WAL is fsynced at each commit, so an acknowledged update survives both `kill -9` of the
 * process and a power cut. `synchronous = NORMAL` skips that fsync: a commit then survives a
 * crash of the process (the WAL is in the OS page cache) but not a power cut or kernel crash.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { CompactResult, DocStore, StoredDoc, UpdateMeta } from './doc-store';
import { createUpdateMerger } from './merge-in-worker';

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
  db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  const now = options.now ?? Date.now;
  const newGeneration = options.newGeneration ?? randomUUID;

  const getDoc = db.prepare('SELECT generation, snapshot, snapshot_seq FROM ydocs WHERE name = ?');
  const insertDoc = db.prepare('INSERT INTO ydocs (name, generation, created_at) VALUES (?, ?, ?)');
  const insertUpdate = db.prepare(
    'INSERT INTO yupdates (doc, generation, data, principal, at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertOwner = db.prepare(
    'INSERT OR IGNORE INTO yclient_owners (doc, client, principal) VALUES (?, ?, ?)',
  );
  const selectLog = db.prepare('SELECT seq, data FROM yupdates WHERE doc = ? ORDER BY seq');
  const selectLogBatch = db.prepare('SELECT * FROM yupdates WHERE doc = ? ORDER BY seq LIMIT ?');
  const countLog = db.prepare('SELECT count(*) AS n FROM yupdates WHERE doc = ?');
  const selectOwners = db.prepare('SELECT client, principal FROM yclient_owners WHERE doc = ?');
  const archive = db.prepare(
    'INSERT INTO yupdates_archive (seq, doc, generation, data, principal, at, compacted_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const deleteUpdate = db.prepare('DELETE FROM yupdates WHERE seq = ?');
  const setSnapshot = db.prepare('UPDATE ydocs SET snapshot = ?, snapshot_seq = ? WHERE name = ?');
  const setGeneration = db.prepare(
    'UPDATE ydocs SET generation = ?, snapshot = ?, snapshot_seq = ? WHERE name = ?',
  );
  const deleteOwners = db.prepare('DELETE FROM yclient_owners WHERE doc = ?');
  const selectHistory = db.prepare(
    `SELECT seq, principal, at, data FROM yupdates_archive WHERE doc = ?
     UNION ALL SELECT seq, principal, at, data FROM yupdates WHERE doc = ? ORDER BY seq`,
  );

  const ensureDoc = (docName: string): string => {
    const row = getDoc.get(docName) as Row | undefined;
    if (row) return row.generation as string;
    const generation = newGeneration();
    insertDoc.run(docName, generation, now());
    return generation;
  };

  const appendTx = db.transaction((docName: string, update: Uint8Array, meta: UpdateMeta): number => {
    const generation = ensureDoc(docName);
    const info = insertUpdate.run(docName, generation, update, meta.principal, meta.at ?? now());
    if (meta.principal !== null) {
      // Client ids that bring new structs in this update; the hub stores normalised updates,
      // so these are exactly the ids this principal wrote with.
      for (const client of Y.parseUpdateMeta(update).to.keys())
        insertOwner.run(docName, client, meta.principal);
    }
    return Number(info.lastInsertRowid);
  });

  const appendManyTx = db.transaction(
    (
      docName: string,
      entries: readonly { readonly update: Uint8Array; readonly meta: UpdateMeta }[],
    ): number[] => entries.map((e) => appendTx(docName, e.update, e.meta)),
  );

  const loadTx = db.transaction((docName: string): StoredDoc => {
    const generation = ensureDoc(docName);
    const row = getDoc.get(docName) as Row;
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
    return { snapshot, updates, generation, lastSeq, bytes: size, owners };
  });

  const readBatch = db.transaction((docName: string, batch: number) => {
    const row = getDoc.get(docName) as Row | undefined;
    if (!row) return null;
    return { row, log: selectLogBatch.all(docName, batch) as Row[] };
  });

  // Writes one compaction step unless the document changed under it (a reset, another compaction).
  const commitStep = db.transaction(
    (docName: string, expected: Row, log: readonly Row[], merged: Uint8Array): boolean => {
      const row = getDoc.get(docName) as Row | undefined;
      if (!row || row.snapshot_seq !== expected.snapshot_seq || row.generation !== expected.generation)
        return false;
      const at = now();
      for (const u of log) {
        archive.run(u.seq, u.doc, u.generation, u.data, u.principal, u.at, at);
        deleteUpdate.run(u.seq);
      }
      setSnapshot.run(merged, (log.at(-1) as Row).seq, docName);
      return true;
    },
  );

  const resetTx = db.transaction((docName: string, snapshot: Uint8Array, meta: UpdateMeta): string => {
    ensureDoc(docName);
    const generation = newGeneration();
    const at = meta.at ?? now();
    // The old log goes to the archive: a restore must not erase the audit trail.
    for (const u of selectLogBatch.all(docName, Number.MAX_SAFE_INTEGER) as Row[]) {
      archive.run(u.seq, u.doc, u.generation, u.data, u.principal, u.at, at);
      deleteUpdate.run(u.seq);
    }
    const info = insertUpdate.run(docName, generation, snapshot, meta.principal, at);
    const seq = Number(info.lastInsertRowid);
    archive.run(seq, docName, generation, snapshot, meta.principal, at, at);
    deleteUpdate.run(seq);
    setGeneration.run(generation, snapshot, seq, docName);
    deleteOwners.run(docName);
    return generation;
  });

  const merger = createUpdateMerger();
  const compacting = new Set<string>();
  let closed = false;

  return {
    append: async (docName, update, meta) => appendTx(docName, update, meta),
    appendMany: async (docName, entries) => (entries.length === 0 ? [] : appendManyTx(docName, entries)),
    load: async (docName) => loadTx(docName),
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
          if (closed || !commitStep(docName, read.row, read.log, result)) break;
          merged += read.log.length;
          snapshotBytes = result.byteLength;
          if (read.log.length < batch) break;
        }
      } finally {
        compacting.delete(docName);
      }
      return { merged, snapshotBytes } satisfies CompactResult;
    },
    reset: async (docName, snapshot, meta) => resetTx(docName, snapshot, meta),
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
      db.close();
    },
  };
};
