/**
 * W1, one hot document: N clients (10 % writers at 5 updates/s, a presence update per keystroke)
 * on the medium process (small in quick mode); propagation p50/p95/p99/max, delivered ratio,
 * server CPU and RSS, and convergence of the probes.
 */
import * as Y from 'yjs';
import { type BenchContext, DOC_NAME, fixture, seededServer, sleep } from '../context';
import { HotDoc } from '../hotdoc';
import { createRng } from '../rng';
import { latencySummary } from '../stats';

/** Runs W1; returns false when Bis did not converge. */
export const runW1 = async (ctx: BenchContext): Promise<boolean> => {
  const levels = process.env.BENCH_W1_LEVELS
    ? process.env.BENCH_W1_LEVELS.split(',').map(Number)
    : ctx.quick
      ? [10, 50]
      : [10, 50, 100, 200, 300];
  const durationMs = ctx.quick ? 4_000 : 10_000;
  const fx = fixture(ctx, ctx.quick ? 'small' : 'medium');
  let ok = true;
  for (let rep = 0; rep < ctx.reps; rep++) {
    for (const system of ctx.systems) {
      const { server, cleanup } = await seededServer(system, fx);
      const writerDoc = new Y.Doc();
      Y.applyUpdate(writerDoc, fx.update);
      const rng = createRng(ctx.seed + rep);
      for (const n of levels) {
        const hot = new HotDoc({
          system,
          port: server.port,
          docName: DOC_NAME,
          fixture: fx.update,
          fixtureSv: fx.stateVector,
          writerDoc,
          clients: n,
          writers: Math.max(1, Math.round(n / 10)),
          probes: n >= 50 ? 4 : 2,
          rate: 5,
          ack: system === 'bis',
          rng,
        });
        await hot.connect();
        // Warm-up with traffic (JIT, caches), then measure from a clean slate.
        hot.start();
        await sleep(2000);
        hot.latencyMs.length = 0;
        const cpu0 = server.cpuMs();
        const drv0 = process.cpuUsage();
        const s0 = server.samples.length;
        const in0 = hot.inbound;
        await sleep(durationMs);
        hot.stop();
        // Wait until every probe holds every writer's last update (up to 60 s): convergence is
        // checked after quiescence, never against a timing.
        const stopped = Date.now();
        let conv = hot.convergence();
        while (!conv.ok && Date.now() - stopped < 60_000) {
          await sleep(250);
          conv = hot.convergence();
        }
        const drainMs = Math.max(Date.now() - stopped, 1);
        const cpu = ((server.cpuMs() - cpu0) / (durationMs + drainMs)) * 100;
        const d = process.cpuUsage(drv0);
        const driverCpu = ((d.user + d.system) / 1000 / (durationMs + drainMs)) * 100;
        const window = server.samples.slice(s0);
        // No sample in the window means the server's loop never got to report (starved): unknown, not 0.
        const loopP99 = window.length > 0 ? Math.max(...window.map((s) => s.loopP99Ms)) : Number.NaN;
        const lat = latencySummary(hot.latencyMs);
        const delivered = hot.expected > 0 ? (hot.delivered / hot.expected) * 100 : Number.NaN;
        const inb = hot.inbound;
        const cell = `N=${n}`;
        const add = (
          metric: string,
          value: number,
          unit: string,
          lowerIsBetter = true,
          extra?: Record<string, unknown>,
        ) =>
          ctx.results.add({
            workload: 'W1 one hot document',
            cell,
            system,
            metric,
            value,
            unit,
            rep,
            lowerIsBetter,
            ...(extra ? { extra } : {}),
          });
        add('p50', lat.p50, 'ms');
        add('p95', lat.p95, 'ms');
        add('p99', lat.p99, 'ms', true, { samples: lat.n });
        add('max', lat.max, 'ms');
        add('delivered', delivered, '%', false, {
          tracked: hot.tracked,
          failedJoins: hot.failedJoins,
          closedByServer: hot.closedByServer,
        });
        add('server CPU', cpu, '%');
        add('RSS', server.rss().rss / 2 ** 20, 'MB');
        add('loop delay p99 (worst second)', loopP99, 'ms');
        add('bytes to clients', (inb.bytes - in0.bytes) / 1024 / ((durationMs + drainMs) / 1000), 'kB/s');
        add('driver CPU', driverCpu, '%');
        add('time to converge after the last keystroke', drainMs, 'ms');
        add('converged', conv.ok ? 1 : 0, '1 = yes', false, conv.ok ? undefined : { reason: conv.reason });
        if (!conv.ok && system === 'bis') ok = false;
        ctx.log(
          `W1 rep ${rep} ${system} N=${n}: p50 ${lat.p50.toFixed(1)} p99 ${lat.p99.toFixed(1)} max ${lat.max.toFixed(0)} ms, delivered ${delivered.toFixed(1)} %, cpu ${cpu.toFixed(0)} %, driver ${driverCpu.toFixed(0)} %, joins failed ${hot.failedJoins}, closed ${hot.closedByServer}, resync requests ${hot.resyncs}, converged ${conv.ok ? 'yes' : conv.reason}`,
        );
        hot.close();
        await sleep(500);
      }
      await server.stop();
      cleanup();
    }
  }
  return ok;
};
