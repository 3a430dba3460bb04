/** Durable storage of Yjs documents (see `doc-store.ts`). */
export type { CompactResult, DocStore, StoredDoc, UpdateMeta } from './doc-store';
export type { SqliteDocStore, SqliteDocStoreOptions } from './sqlite-doc-store';
export { openSqliteDocStore } from './sqlite-doc-store';
