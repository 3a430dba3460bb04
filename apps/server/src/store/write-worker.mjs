// The SQLite store's writer: a worker thread that owns its own better-sqlite3 connection and does
// every write of the store (appends, the creation of a document's row, resets, compaction steps),
// so that the commit and its fsync never stall the main event loop. Plain JavaScript: loaded by
// worker_threads directly, with no TypeScript loader (see store-writer.ts for the message shapes).
//
// Group commit: the messages that arrive while a transaction runs are queued and written together
// in the next transaction (one fsync for all of them, across documents). Each message runs in its
// own savepoint, so a failing one is rolled back and rejected alone; a failed COMMIT rejects all.
// A reply is posted only after COMMIT returned, i.e. after the fsync with synchronous = FULL.
import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import * as Y from 'yjs';

const { file, synchronous } = workerData;
const db = new Database(file);
db.pragma('journal_mode = WAL');
// synchronous is a property of the connection: this one does the commits, so it must be set here.
db.pragma(`synchronous = ${synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
db.pragma('busy_timeout = 5000');

const getDoc = db.prepare('SELECT generation, snapshot_seq FROM ydocs WHERE name = ?');
const insertDoc = db.prepare('INSERT INTO ydocs (name, generation, created_at) VALUES (?, ?, ?)');
const insertUpdate = db.prepare(
  'INSERT INTO yupdates (doc, generation, data, principal, at) VALUES (?, ?, ?, ?, ?)',
);
const insertOwner = db.prepare(
  'INSERT OR IGNORE INTO yclient_owners (doc, client, principal) VALUES (?, ?, ?)',
);
const selectLogSeqs = db.prepare('SELECT seq FROM yupdates WHERE doc = ? ORDER BY seq');
const archiveFromLog = db.prepare(
  `INSERT INTO yupdates_archive (seq, doc, generation, data, principal, at, compacted_at)
   SELECT seq, doc, generation, data, principal, at, ? FROM yupdates WHERE seq = ? AND doc = ?`,
);
const archive = db.prepare(
  'INSERT INTO yupdates_archive (seq, doc, generation, data, principal, at, compacted_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
);
const deleteUpdate = db.prepare('DELETE FROM yupdates WHERE seq = ?');
const setSnapshot = db.prepare('UPDATE ydocs SET snapshot = ?, snapshot_seq = ? WHERE name = ?');
const setGeneration = db.prepare(
  'UPDATE ydocs SET generation = ?, snapshot = ?, snapshot_seq = ? WHERE name = ?',
);
const deleteOwners = db.prepare('DELETE FROM yclient_owners WHERE doc = ?');

// The main thread sends a fresh generation id (its generator may be deterministic in tests) for a
// document it does not know yet; the id is used only if the row is really missing.
const ensureDoc = (doc, generation, at) => {
  const row = getDoc.get(doc);
  if (row) return row.generation;
  const gen = generation ?? randomUUID();
  insertDoc.run(doc, gen, at);
  return gen;
};

const ops = {
  /** { doc, entries: [{ update, principal, at }], generation?, at } → seqs */
  append: (m) => {
    const generation = ensureDoc(m.doc, m.generation, m.at);
    return m.entries.map((e) => {
      const info = insertUpdate.run(m.doc, generation, e.update, e.principal, e.at);
      if (e.principal !== null) {
        // Client ids that bring new structs in this update; the hub stores normalised updates,
        // so these are exactly the ids this principal wrote with.
        for (const client of Y.parseUpdateMeta(e.update).to.keys())
          insertOwner.run(m.doc, client, e.principal);
      }
      return Number(info.lastInsertRowid);
    });
  },
  /** { doc, clients, principal } → nothing; ids already bound keep their owner */
  bindClients: (m) => {
    for (const client of m.clients) insertOwner.run(m.doc, client, m.principal);
    return null;
  },
  /** { doc, generation?, at } → the document's generation */
  ensure: (m) => ensureDoc(m.doc, m.generation, m.at),
  /** { doc, snapshot, principal, at, generation } → the new generation */
  reset: (m) => {
    ensureDoc(m.doc, undefined, m.at);
    // The old log goes to the archive: a restore must not erase the audit trail.
    for (const { seq } of selectLogSeqs.all(m.doc)) {
      archiveFromLog.run(m.at, seq, m.doc);
      deleteUpdate.run(seq);
    }
    const info = insertUpdate.run(m.doc, m.generation, m.snapshot, m.principal, m.at);
    const seq = Number(info.lastInsertRowid);
    archive.run(seq, m.doc, m.generation, m.snapshot, m.principal, m.at, m.at);
    deleteUpdate.run(seq);
    setGeneration.run(m.generation, m.snapshot, seq, m.doc);
    deleteOwners.run(m.doc);
    return m.generation;
  },
  /**
   * { doc, expected: { snapshotSeq, generation }, seqs, merged, at } → whether the step was written.
   * Skipped when the document changed since the batch was read (a reset, another compaction).
   */
  compactStep: (m) => {
    const row = getDoc.get(m.doc);
    if (!row || row.snapshot_seq !== m.expected.snapshotSeq || row.generation !== m.expected.generation)
      return false;
    for (const seq of m.seqs) {
      archiveFromLog.run(m.at, seq, m.doc);
      deleteUpdate.run(seq);
    }
    setSnapshot.run(m.merged, m.seqs.at(-1), m.doc);
    return true;
  },
};

// One savepoint per message (a nested better-sqlite3 transaction is a savepoint).
const runOne = db.transaction((m) => ops[m.op](m));
const runGroup = db.transaction((group) =>
  group.map((m) => {
    try {
      return { id: m.id, result: runOne(m) };
    } catch (error) {
      return { id: m.id, error: error instanceof Error ? error.message : String(error) };
    }
  }),
);

let queue = [];
let scheduled = false;
let closing = null;

const flush = () => {
  scheduled = false;
  const group = queue;
  queue = [];
  if (group.length > 0) {
    let replies;
    try {
      replies = runGroup(group);
    } catch (error) {
      // COMMIT (or BEGIN) failed: nothing of the group is on disk.
      const message = error instanceof Error ? error.message : String(error);
      replies = group.map((m) => ({ id: m.id, error: message }));
    }
    for (const r of replies) parentPort.postMessage(r);
  }
  if (closing !== null && queue.length === 0) {
    db.close();
    parentPort.postMessage({ id: closing, result: true });
    parentPort.close();
  }
};

parentPort.on('message', (m) => {
  if (m.op === 'close') closing = m.id;
  else queue.push(m);
  // setImmediate runs after the poll phase, which delivers every message already waiting: the
  // messages posted during the previous transaction form the next group.
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
});
