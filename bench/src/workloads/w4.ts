/**
 * W4, reconnect storm: 300 returning thin clients (the fixture's state vector) on the medium
 * process all reconnect at once — first after closing their sockets on a running server, then
 * after the server was killed with SIGKILL and restarted on the same data and port. Measures the
 * time until every client holds the server's answer to its sync step 1, the bytes the server
 * sent them, and the joins that failed (no answer within 30 s, or closed by the server).
 */
import { type BenchContext, DOC_NAME, fixture, msBetween, seededServer, sleep } from '../context';
import { type Launched, launch, type SystemId } from '../launcher';
import { ThinClient } from '../thin';

const JOIN_TIMEOUT_MS = 30_000;

interface Storm {
  readonly allSyncedMs: number;
  readonly p50Ms: number;
  readonly bytes: number;
  readonly failed: number;
  readonly clients: ThinClient[];
}

/** Opens `n` returning clients at once; resolves when all answered or timed out. */
const storm = async (system: SystemId, port: number, n: number, sv: Uint8Array): Promise<Storm> => {
  const t0 = process.hrtime.bigint();
  let closed = 0;
  let done = false;
  const clients: ThinClient[] = [];
  const times: number[] = [];
  const waits: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const c = new ThinClient({
      system,
      port,
      docName: DOC_NAME,
      stateVector: sv,
      onClose: () => {
        if (!done) closed++;
      },
    });
    clients.push(c);
    waits.push(
      Promise.race([c.synced, sleep(JOIN_TIMEOUT_MS).then(() => null)]).then((t) => {
        times.push(t === null ? Number.NaN : msBetween(t0, t));
      }),
    );
  }
  await Promise.all(waits);
  done = true;
  // Whatever the server sends right after the answers (its own sync step 1, awareness) counts too.
  await sleep(1000);
  const ok = times.filter((t) => Number.isFinite(t)).sort((a, b) => a - b);
  return {
    allSyncedMs: ok.length === n ? (ok[n - 1] as number) : Number.NaN,
    p50Ms: ok[Math.floor(ok.length / 2)] ?? Number.NaN,
    bytes: clients.reduce((s, c) => s + c.bytesIn, 0),
    failed: n - ok.length + closed,
    clients,
  };
};

/** Runs W4. */
export const runW4 = async (ctx: BenchContext): Promise<boolean> => {
  const n = ctx.quick ? 100 : 300;
  const size = ctx.quick ? 'small' : 'medium';
  const fx = fixture(ctx, size);
  const workload = `W4 reconnect storm (${n} returning clients, ${size} process)`;
  for (let rep = 0; rep < ctx.reps; rep++) {
    for (const system of ctx.systems) {
      const seeded = await seededServer(system, fx);
      let server: Launched = seeded.server;
      const add = (cell: string, metric: string, value: number, unit: string) =>
        ctx.results.add({ workload, cell, system, metric, value, unit, rep, lowerIsBetter: true });
      // The clients are there first (joined 25 at a time), as in a running meeting.
      const first: ThinClient[] = [];
      for (let start = 0; start < n; start += 25) {
        const batch = [];
        for (let i = start; i < Math.min(n, start + 25); i++) {
          const c = new ThinClient({
            system,
            port: server.port,
            docName: DOC_NAME,
            stateVector: fx.stateVector,
          });
          first.push(c);
          batch.push(Promise.race([c.synced, sleep(JOIN_TIMEOUT_MS)]));
        }
        await Promise.all(batch);
      }
      await sleep(1000);
      for (const c of first) c.close();
      await sleep(200);
      const a = await storm(system, server.port, n, fx.stateVector);
      const cellA = 'all reconnect';
      add(cellA, 'time until all synced', a.allSyncedMs, 'ms');
      add(cellA, 'median client synced after', a.p50Ms, 'ms');
      add(cellA, 'bytes sent to the clients', a.bytes / 1024, 'kB');
      add(cellA, 'failed joins', a.failed, 'clients');
      ctx.log(
        `W4 rep ${rep} ${system} reconnect: all synced ${a.allSyncedMs.toFixed(0)} ms (median ${a.p50Ms.toFixed(0)}), ${(a.bytes / 1024).toFixed(0)} kB, failed ${a.failed}`,
      );

      // kill -9 with every client connected, restart on the same data and port, all reconnect.
      const port = server.port;
      const tKill = Date.now();
      await server.kill9();
      for (const c of a.clients) c.terminate();
      server = await launch(system, { dataDir: seeded.dataDir, port });
      const restartMs = Date.now() - tKill;
      const b = await storm(system, server.port, n, fx.stateVector);
      const cellB = 'after kill -9 + restart';
      add(cellB, 'server restart (kill → listening)', restartMs, 'ms');
      add(cellB, 'time until all synced', b.allSyncedMs, 'ms');
      add(cellB, 'median client synced after', b.p50Ms, 'ms');
      add(cellB, 'bytes sent to the clients', b.bytes / 1024, 'kB');
      add(cellB, 'failed joins', b.failed, 'clients');
      ctx.log(
        `W4 rep ${rep} ${system} after kill -9: restart ${restartMs} ms, all synced ${b.allSyncedMs.toFixed(0)} ms (median ${b.p50Ms.toFixed(0)}), ${(b.bytes / 1024).toFixed(0)} kB, failed ${b.failed}`,
      );
      for (const c of b.clients) c.terminate();
      await server.stop();
      seeded.cleanup();
    }
  }
  return true;
};
