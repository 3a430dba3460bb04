/**
 * W2, many documents: 100, 500 and 1,000 small processes (one thin client each, a returning
 * client) open on one server; RSS and heap per open document after a forced GC, against the
 * Yjs heap of one such document measured in the driver; then every client leaves and, 60 s
 * later (20 s in quick mode), RSS and heap again — whether idle documents are unloaded.
 * The server is restarted after seeding, so the baseline is a freshly started server.
 */

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as Y from 'yjs';
import { type BenchContext, fixture, seededServer, sleep } from '../context';
import { launch } from '../launcher';
import { ThinClient } from '../thin';

const MB = 2 ** 20;

/** The driver's own gc (the driver is not started with --expose-gc). */
const driverGc = (): (() => void) => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
};

/** Heap bytes one loaded copy of `update` takes in a Y.Doc (mean over `copies`, after GC). */
export const yjsHeapPerDoc = (update: Uint8Array, copies = 50): number => {
  const gc = driverGc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const docs: Y.Doc[] = [];
  for (let i = 0; i < copies; i++) {
    const d = new Y.Doc();
    Y.applyUpdate(d, update);
    docs.push(d);
  }
  gc();
  const after = process.memoryUsage().heapUsed;
  // Keep the documents alive until measured.
  if (docs.length !== copies) throw new Error('unreachable');
  return (after - before) / copies;
};

/** Runs W2. */
export const runW2 = async (ctx: BenchContext): Promise<boolean> => {
  const levels = process.env.BENCH_W2_LEVELS
    ? process.env.BENCH_W2_LEVELS.split(',').map(Number)
    : ctx.quick
      ? [100]
      : [100, 500, 1000];
  const idleMs = ctx.quick ? 20_000 : 60_000;
  const fx = fixture(ctx, 'small');
  const max = Math.max(...levels);
  const names = Array.from({ length: max }, (_, i) => `p/w2d${i}/next`);
  const heapPerDoc = yjsHeapPerDoc(fx.update);
  const workload = `W2 many documents (small process each, ${(fx.update.length / 1024).toFixed(0)} kB; Yjs heap of one loaded: ${(heapPerDoc / 1024).toFixed(0)} kB)`;
  for (let rep = 0; rep < ctx.reps; rep++) {
    for (const system of ctx.systems) {
      const seeded = await seededServer(system, fx, names);
      // Seeding runs inside the server process (Bis creates 1,000 processes through its API):
      // restart on the same data so that the baseline is a server that has only started.
      await seeded.server.stop();
      const server = await launch(system, { dataDir: seeded.dataDir });
      const cleanup = seeded.cleanup;
      // Bis loads every process's documents once at start (reconciling compilations) and unloads
      // them 10 s later; the baseline is taken after that.
      await sleep(12_000);
      const base = await server.gcSample();
      const add = (
        cell: string,
        metric: string,
        value: number,
        unit: string,
        extra?: Record<string, unknown>,
      ) =>
        ctx.results.add({
          workload,
          cell,
          system,
          metric,
          value,
          unit,
          rep,
          lowerIsBetter: true,
          ...(extra ? { extra } : {}),
        });
      const clients: ThinClient[] = [];
      let failed = 0;
      for (const n of levels) {
        const t0 = Date.now();
        for (let start = clients.length; start < n; start += 50) {
          const batch: Promise<unknown>[] = [];
          for (let i = start; i < Math.min(n, start + 50); i++) {
            const c = new ThinClient({
              system,
              port: server.port,
              docName: names[i] as string,
              stateVector: fx.stateVector,
            });
            clients.push(c);
            batch.push(
              Promise.race([c.synced, sleep(30_000).then(() => null)]).then((t) => {
                if (t === null) failed++;
              }),
            );
          }
          await Promise.all(batch);
        }
        const joinMs = Date.now() - t0;
        // @y/websocket-server answers before its persistence has loaded: let every load finish.
        await sleep(3000);
        const s = await server.gcSample();
        const rssPer = (s.rss - base.rss) / n;
        const heapPer = (s.heapUsed - base.heapUsed) / n;
        const cell = `${n} documents`;
        add(cell, 'RSS per open document', rssPer / 1024, 'kB', { baseRss: base.rss, rss: s.rss });
        add(cell, 'heap per open document', heapPer / 1024, 'kB');
        add(cell, 'RSS per document ÷ Yjs heap per document', rssPer / heapPerDoc, '×');
        add(cell, 'RSS', s.rss / MB, 'MB');
        add(cell, 'failed joins', failed, 'clients');
        ctx.log(
          `W2 rep ${rep} ${system} ${n} docs: joined in ${joinMs} ms, RSS ${(s.rss / MB).toFixed(0)} MB (+${(rssPer / 1024).toFixed(0)} kB/doc, ${(rssPer / heapPerDoc).toFixed(2)}× Yjs heap), heap +${(heapPer / 1024).toFixed(0)} kB/doc, failed ${failed}`,
        );
      }
      for (const c of clients) c.close();
      await sleep(idleMs);
      const after = await server.gcSample();
      const cell = `${max} documents, ${idleMs / 1000} s after all left`;
      add(cell, 'RSS', after.rss / MB, 'MB');
      add(cell, 'RSS above the empty server', (after.rss - base.rss) / MB, 'MB');
      add(cell, 'heap above the empty server', (after.heapUsed - base.heapUsed) / MB, 'MB');
      ctx.log(
        `W2 rep ${rep} ${system} ${idleMs / 1000} s after all left: RSS ${(after.rss / MB).toFixed(0)} MB (empty server ${(base.rss / MB).toFixed(0)} MB), heap +${((after.heapUsed - base.heapUsed) / MB).toFixed(1)} MB`,
      );
      await server.stop();
      cleanup();
    }
  }
  return true;
};
