/**
 * What the commands need from the sync layer: to change a Yjs document as the server (persisted
 * and broadcast to connected clients like any accepted update) and to read one.
 */
import type * as Y from 'yjs';

/** Server-side access to the live Yjs documents. */
export interface DocHub {
  /**
   * Applies `fn` to the document `docName` in one Yjs transaction, stores the result and
   * broadcasts it; `principalId` is recorded with the stored update (null: the server itself).
   */
  transact(docName: string, fn: (doc: Y.Doc) => void, principalId?: string | null): Promise<unknown>;
  /** Reads the current state of `docName` (loading it if needed). */
  read<T>(docName: string, fn: (doc: Y.Doc) => T): Promise<T>;
  /** Checks open connections' sign-in and read access again (after a command that may change them). */
  recheckAccess(): void;
}
