/**
 * W5, persistence under load and kill -9: W1's load at N = 100 (20 in quick mode) on the medium
 * process (small in quick mode); Bis's durable-acknowledgement latency; then the server is killed
 * with SIGKILL while the writers type, restarted on the same data, and a fresh client counts the
 * inserts that other clients had received (broadcast) — and, for Bis, that were acknowledged —
 * but are missing after the restart.
 */
import * as Y from 'yjs';
import { type BenchContext, DOC_NAME, fixture, seededServer, sleep } from '../context';
import { HotDoc } from '../hotdoc';
import { launch } from '../launcher';
import { openProbe } from '../probe';
import { createRng } from '../rng';
import { latencySummary } from '../stats';

/** Runs W5; returns false when Bis lost an acknowledged update or did not converge. */
export const runW5 = async (ctx: BenchContext): Promise<boolean> => {
  const n = ctx.quick ? 20 : 100;
  const durationMs = ctx.quick ? 3_000 : 10_000;
  const size = ctx.quick ? 'small' : 'medium';
  const fx = fixture(ctx, size);
  let ok = true;
  for (let rep = 0; rep < ctx.reps; rep++) {
    for (const system of ctx.systems) {
      const { server, dataDir, cleanup } = await seededServer(system, fx);
      const writerDoc = new Y.Doc();
      Y.applyUpdate(writerDoc, fx.update);
      const hot = new HotDoc({
        system,
        port: server.port,
        docName: DOC_NAME,
        fixture: fx.update,
        fixtureSv: fx.stateVector,
        writerDoc,
        clients: n,
        writers: Math.max(1, Math.round(n / 10)),
        probes: 2,
        rate: 5,
        ack: system === 'bis',
        rng: createRng(ctx.seed + 100 + rep),
      });
      await hot.connect();
      hot.start();
      await sleep(durationMs);
      // kill -9 while the writers type; what the probes hold now was broadcast before the kill.
      await server.kill9();
      hot.stop();
      const broadcast = new Map<number, number>();
      for (const [id] of hot.sent)
        broadcast.set(id, Math.max(...hot.probes.map((p) => Y.getState(p.doc.store, id))));
      const lat = latencySummary(hot.latencyMs);
      const ack = latencySummary(hot.ackMs);
      hot.close();

      const restarted = await launch(system, { dataDir });
      const doc = new Y.Doc();
      const probe = openProbe(system, restarted.port, DOC_NAME, undefined, doc);
      await Promise.race([probe.synced, sleep(30_000)]);
      // @y/websocket-server loads its persistence after answering; wait until the state is stable.
      let last = '';
      for (let i = 0; i < 40; i++) {
        const sv = Buffer.from(Y.encodeStateVector(doc)).toString('hex');
        if (sv === last && i >= 4) break;
        last = sv;
        await sleep(250);
      }
      let lostBroadcast = 0;
      let lostAcked = 0;
      let sent = 0;
      for (const [id, s] of hot.sent) {
        const recovered = Y.getState(doc.store, id);
        const seen = broadcast.get(id) ?? 0;
        const acked = hot.acked.get(id) ?? 0;
        for (const clock of s.clocks) {
          sent++;
          if (clock >= recovered && clock < seen) lostBroadcast++;
          if (clock >= recovered && clock < acked) lostAcked++;
        }
      }
      probe.destroy();
      await restarted.stop();
      cleanup();
      const add = (metric: string, value: number, unit: string, extra?: Record<string, unknown>) =>
        ctx.results.add({
          workload: `W5 persistence and kill -9 (N=${n}, ${size})`,
          cell: `N=${n}`,
          system,
          metric,
          value,
          unit,
          rep,
          lowerIsBetter: true,
          ...(extra ? { extra } : {}),
        });
      add('propagation p50', lat.p50, 'ms');
      add('propagation p99', lat.p99, 'ms');
      if (system === 'bis') {
        add('durable ack p50', ack.p50, 'ms', { samples: ack.n });
        add('durable ack p99', ack.p99, 'ms');
        add('acknowledged inserts lost after kill -9', lostAcked, 'inserts');
        if (lostAcked > 0) ok = false;
      }
      add('received-by-others inserts lost after kill -9', lostBroadcast, 'inserts', { sent });
      ctx.log(
        `W5 rep ${rep} ${system}: p50 ${lat.p50.toFixed(1)} p99 ${lat.p99.toFixed(1)} ms, ack p50 ${ack.p50.toFixed(1)} p99 ${ack.p99.toFixed(1)} ms (${ack.n}), sent ${sent} inserts, lost: broadcast ${lostBroadcast}, acked ${lostAcked}`,
      );
    }
  }
  return ok;
};
