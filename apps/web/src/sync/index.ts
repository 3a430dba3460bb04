/**
 * The sync layer of the web app: per-document connections (y-websocket + y-indexeddb + acks),
 * shared through a registry, with React hooks and the status line indicator.
 */
export type { ConnectionState, DocSyncStatus, StopReason } from './connection';
export { DocConnection, localName, syncBaseUrl } from './connection';
export type { BoundDoc, SyncStatus } from './hooks';
export { summarise, useDocConnection, useSyncStatus } from './hooks';
export type { PendingChange, PendingSnapshot } from './pending';
export { PendingChanges } from './pending';
export { acquireDoc, openConnections, releaseDoc, resumePending, watchConnections } from './registry';
export { SyncStatusLine } from './SyncStatusLine';
