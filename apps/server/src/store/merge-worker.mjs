// A worker thread that merges Yjs updates (Y.mergeUpdates) off the main event loop, so that
// compacting a large document never stalls sync. Plain JavaScript: loaded by worker_threads
// directly, with no TypeScript loader. Messages: { id, parts: Uint8Array[] } → { id, merged } | { id, error }.
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

parentPort?.on('message', ({ id, parts }) => {
  try {
    const merged = Y.mergeUpdates(parts);
    parentPort?.postMessage({ id, merged }, [merged.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
