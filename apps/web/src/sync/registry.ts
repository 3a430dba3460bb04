/**
 * The open document connections of the page, shared by every component that shows the same
 * document (one WebSocket and one IndexedDB copy per document), reference-counted, and kept
 * open after the last component lets go until the server has acknowledged every local change.
 * Documents with changes waiting are listed in localStorage so that the next page load sends
 * them even before anyone opens that draft again.
 */
import { DocConnection } from './connection';

interface Entry {
  readonly conn: DocConnection;
  refs: number;
  unsubscribe: () => void;
}

const open = new Map<string, Entry>();
const watchers = new Set<() => void>();
let version = 0;

const key = (userId: string, docName: string): string => `${userId}\u0000${docName}`;
const indexKey = (userId: string): string => `bis:pending-docs:${userId}`;

const readIndex = (userId: string): string[] => {
  try {
    const v = JSON.parse(localStorage.getItem(indexKey(userId)) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

const writeIndex = (userId: string, docName: string, waiting: boolean): void => {
  const names = new Set(readIndex(userId));
  if (waiting === names.has(docName)) return;
  if (waiting) names.add(docName);
  else names.delete(docName);
  try {
    localStorage.setItem(indexKey(userId), JSON.stringify([...names]));
  } catch {
    // Storage full or disabled: the changes are still in IndexedDB, only not resent before the draft is opened.
  }
};

const notify = (): void => {
  version++;
  for (const fn of watchers) fn();
};

const closeIfIdle = (k: string, entry: Entry): void => {
  const c = entry.conn;
  if (entry.refs > 0 || !c.loaded) return;
  if (c.current.pending > 0 && c.current.stopped === null) return;
  entry.unsubscribe();
  entry.conn.destroy();
  open.delete(k);
  notify();
};

/** Opens (or shares) the connection to `docName` as `userId`; pair with {@link releaseDoc}. */
export const acquireDoc = (docName: string, userId: string): DocConnection => {
  const k = key(userId, docName);
  let entry = open.get(k);
  if (!entry) {
    const conn = new DocConnection(docName, userId);
    const e: Entry = { conn, refs: 0, unsubscribe: () => {} };
    e.unsubscribe = conn.subscribe(() => {
      writeIndex(userId, docName, conn.current.pending > 0);
      notify();
      // Let go of a released document once its last change is saved.
      if (e.refs === 0) queueMicrotask(() => closeIfIdle(k, e));
    });
    entry = e;
    open.set(k, e);
    notify();
  }
  entry.refs++;
  return entry.conn;
};

/** Lets go of a connection; it closes once nobody uses it and nothing waits for the server. */
export const releaseDoc = (conn: DocConnection): void => {
  const k = key(conn.userId, conn.docName);
  const entry = open.get(k);
  if (!entry) return;
  entry.refs = Math.max(0, entry.refs - 1);
  closeIfIdle(k, entry);
};

/** Opens the documents that had changes waiting when an earlier page of `userId` closed. */
export const resumePending = (userId: string): void => {
  for (const docName of readIndex(userId)) {
    if (open.has(key(userId, docName))) continue;
    const conn = acquireDoc(docName, userId);
    // Held only until saved (closeIfIdle runs on each status change once refs are 0).
    releaseDoc(conn);
  }
};

/** Every open connection. */
export const openConnections = (): DocConnection[] => [...open.values()].map((e) => e.conn);

/** Calls `fn` when any connection changes status or opens or closes. */
export const watchConnections = (fn: () => void): (() => void) => {
  watchers.add(fn);
  return () => watchers.delete(fn);
};

/** A number that changes with every notification (for useSyncExternalStore). */
export const connectionsVersion = (): number => version;
