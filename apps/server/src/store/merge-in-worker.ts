/**
 * Merges Yjs updates in a worker thread (see merge-worker.mjs): compaction of a large document
 * costs the main event loop only the copy of the bytes, not the merge.
 */
import { Worker } from 'node:worker_threads';

type Reply = { id: number; merged?: Uint8Array; error?: string };

/** A lazily started worker that merges updates; `close()` stops it. */
export interface UpdateMerger {
  merge(parts: readonly Uint8Array[]): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Creates a merger backed by one worker thread, started on first use and unref'd. */
export const createUpdateMerger = (): UpdateMerger => {
  let worker: Worker | null = null;
  let next = 1;
  const waiting = new Map<number, { resolve: (u: Uint8Array) => void; reject: (e: Error) => void }>();
  const start = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('./merge-worker.mjs', import.meta.url));
    w.unref();
    w.on('message', (reply: Reply) => {
      const p = waiting.get(reply.id);
      if (!p) return;
      waiting.delete(reply.id);
      if (reply.merged) p.resolve(reply.merged);
      else p.reject(new Error(`merge failed: ${reply.error ?? 'unknown error'}`));
    });
    const failAll = (error: Error) => {
      for (const p of waiting.values()) p.reject(error);
      waiting.clear();
      worker = null;
    };
    w.on('error', failAll);
    w.on('exit', (code) => failAll(new Error(`merge worker exited with ${code}`)));
    worker = w;
    return w;
  };
  return {
    merge: (parts) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        // Copies, not transfers: the caller's buffers may be views into SQLite's.
        start().postMessage({ id, parts: parts.map((p) => p.slice()) });
      }),
    close: async () => {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
};
