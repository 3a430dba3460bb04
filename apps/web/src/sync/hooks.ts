/**
 * React access to the sync layer: `useDocConnection` binds a component to a document (and
 * re-renders it when the document is replaced after a reset), `useSyncStatus` summarises every
 * open document for the status line.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { ConnectionState, DocConnection, DocSyncStatus } from './connection';
import { acquireDoc, connectionsVersion, openConnections, releaseDoc, watchConnections } from './registry';

/** What `useSyncStatus` returns. */
export interface SyncStatus {
  /** The worst state of the open documents ('online' when none is open). */
  readonly connection: ConnectionState;
  /** True when the server acknowledged every local change of every open document. */
  readonly saved: boolean;
  /** Local changes waiting for the server, over all open documents. */
  readonly pending: number;
  /** Whether any document is open (nothing to report otherwise). */
  readonly active: boolean;
  /** Documents that stopped for good, with the server's reason. */
  readonly stopped: readonly { readonly docName: string; readonly why: string; readonly reason: string }[];
  /** Documents whose local copy was dropped after a refusal. */
  readonly resets: readonly { readonly docName: string; readonly code: number; readonly reason: string }[];
}

const RANK: Record<ConnectionState, number> = { online: 0, connecting: 1, offline: 2 };

/** Summarises `conns` (or every open connection). */
export const summarise = (conns: readonly DocConnection[] = openConnections()): SyncStatus => {
  let connection: ConnectionState = 'online';
  let pending = 0;
  const stopped: { docName: string; why: string; reason: string }[] = [];
  const resets: { docName: string; code: number; reason: string }[] = [];
  for (const c of conns) {
    const s = c.current;
    if (RANK[s.connection] > RANK[connection]) connection = s.connection;
    pending += s.pending;
    if (s.stopped) stopped.push({ docName: c.docName, ...s.stopped });
    if (s.lastReset) resets.push({ docName: c.docName, ...s.lastReset });
  }
  return { connection, pending, saved: pending === 0, active: conns.length > 0, stopped, resets };
};

let cached: { version: number; status: SyncStatus } | null = null;
const snapshot = (): SyncStatus => {
  const v = connectionsVersion();
  if (!cached || cached.version !== v) cached = { version: v, status: summarise() };
  return cached.status;
};

/**
 * The sync status of the page: `connection`, `saved` (the server acknowledged every local
 * change) and `pending` (how many wait), over every open document.
 */
export const useSyncStatus = (): SyncStatus => useSyncExternalStore(watchConnections, snapshot, snapshot);

/** A document bound to a component: its Y.Doc (replaced after a reset), provider and status. */
export interface BoundDoc {
  readonly conn: DocConnection;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider | null;
  readonly status: DocSyncStatus;
}

/** Opens `docName` as `userId` while mounted; re-renders on every status change. */
export const useDocConnection = (docName: string, userId: string): BoundDoc | null => {
  const [bound, setBound] = useState<BoundDoc | null>(null);
  useEffect(() => {
    const conn = acquireDoc(docName, userId);
    const read = (): void => setBound({ conn, doc: conn.doc, provider: conn.provider, status: conn.current });
    const unsubscribe = conn.subscribe(read);
    read();
    return () => {
      unsubscribe();
      releaseDoc(conn);
    };
  }, [docName, userId]);
  return bound;
};
