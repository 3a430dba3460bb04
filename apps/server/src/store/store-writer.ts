/**
 * The main thread's side of the SQLite store's writer thread (see write-worker.mjs): every write
 * is posted to the worker, which commits it (group commit across documents) on its own
 * connection; the promise resolves with the worker's answer once the transaction is committed.
 * Messages are handled in the order they are posted, so appends of one document stay in order.
 */
import { Worker } from 'node:worker_threads';

type Reply = { id: number; result?: unknown; error?: string };

/** One update to append, with its author and time already resolved. */
export interface WriterEntry {
  readonly update: Uint8Array;
  readonly principal: string | null;
  readonly at: number;
}

/** The writes the worker does; each resolves after its transaction is committed. */
export interface StoreWriter {
  /** Appends the entries in one savepoint; `generation` is used if the document is new. */
  append(
    doc: string,
    entries: readonly WriterEntry[],
    generation: string | undefined,
    at: number,
  ): Promise<number[]>;
  /** Records `principal` as the owner of those of `clients` that have none (the row must exist). */
  bindClients(doc: string, clients: readonly number[], principal: string): Promise<void>;
  /** Creates the document's row if missing; returns its generation. */
  ensure(doc: string, generation: string, at: number): Promise<string>;
  /** Replaces the history with `snapshot` under `generation` (the old log is archived). */
  reset(
    doc: string,
    snapshot: Uint8Array,
    principal: string | null,
    at: number,
    generation: string,
  ): Promise<string>;
  /** Archives the rows `seqs` and stores `merged` as the snapshot, unless the document changed. */
  compactStep(
    doc: string,
    expected: { readonly snapshotSeq: number; readonly generation: string },
    seqs: readonly number[],
    merged: Uint8Array,
    at: number,
  ): Promise<boolean>;
  /** Lets queued writes finish, closes the worker's connection and stops the thread. */
  close(): Promise<void>;
}

/** Starts the writer lazily on first use; the thread keeps the process alive only while a write is pending. */
export const createStoreWriter = (file: string, synchronous: 'full' | 'normal'): StoreWriter => {
  let worker: Worker | null = null;
  let next = 1;
  let closed = false;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  const start = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('./write-worker.mjs', import.meta.url), {
      workerData: { file, synchronous },
    });
    w.unref();
    w.on('message', (reply: Reply) => {
      const p = waiting.get(reply.id);
      if (!p) return;
      waiting.delete(reply.id);
      if (waiting.size === 0) w.unref();
      if (reply.error === undefined) p.resolve(reply.result);
      else p.reject(new Error(`store write failed: ${reply.error}`));
    });
    const failAll = (error: Error) => {
      if (worker === w) worker = null;
      for (const p of waiting.values()) p.reject(error);
      waiting.clear();
    };
    w.on('error', (error) => failAll(new Error(`store writer failed: ${error.message}`)));
    w.on('exit', (code) => failAll(new Error(`store writer exited with ${code}`)));
    worker = w;
    return w;
  };

  const call = <T>(message: Record<string, unknown>): Promise<T> => {
    if (closed) return Promise.reject(new Error('the document store is closed'));
    return new Promise<T>((resolve, reject) => {
      const id = next++;
      const w = start();
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      // Keep the process alive until the answer: an awaited write must not be cut off.
      w.ref();
      w.postMessage({ ...message, id });
    });
  };

  // Copies, not views: structured cloning a view copies its whole buffer (e.g. a socket's pool).
  const copy = (u: Uint8Array): Uint8Array => u.slice();

  return {
    append: (doc, entries, generation, at) =>
      call({
        op: 'append',
        doc,
        generation,
        at,
        entries: entries.map((e) => ({ update: copy(e.update), principal: e.principal, at: e.at })),
      }),
    bindClients: (doc, clients, principal) =>
      call({ op: 'bindClients', doc, clients: [...clients], principal }),
    ensure: (doc, generation, at) => call({ op: 'ensure', doc, generation, at }),
    reset: (doc, snapshot, principal, at, generation) =>
      call({ op: 'reset', doc, snapshot: copy(snapshot), principal, at, generation }),
    compactStep: (doc, expected, seqs, merged, at) =>
      call({ op: 'compactStep', doc, expected, seqs: [...seqs], merged: copy(merged), at }),
    close: async () => {
      if (closed) return;
      const w = worker;
      if (w) {
        // Posted after every pending write: the worker answers once they are committed and its
        // connection is closed, so stopping the thread then loses nothing.
        await call({ op: 'close' }).catch(() => undefined);
        worker = null;
        await w.terminate();
      }
      closed = true;
    },
  };
};
