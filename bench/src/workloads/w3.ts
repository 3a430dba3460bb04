/**
 * W3, cold first sync and warm join of the large process (small in quick mode): a fresh official
 * client joins a server that has the document only on disk; then a second fresh client (warm), a
 * returning thin client (state vector of the fixture) and ten returning thin clients at once.
 * A join counts as done when the client holds the whole fixture (state vector covered), not at
 * the provider's `synced` event alone: @y/websocket-server answers before its persistence loaded.
 */
import * as Y from 'yjs';
import { type BenchContext, DOC_NAME, fixture, msBetween, seededServer, sleep } from '../context';
import { openProbe } from '../probe';
import { ThinClient } from '../thin';

/** Resolves with the time a fresh official client holds all of `sv`. */
const fullJoin = async (
  system: Parameters<typeof openProbe>[0],
  port: number,
  sv: Map<number, number>,
): Promise<{ ms: number; destroy(): void }> => {
  const t0 = process.hrtime.bigint();
  let done!: (t: bigint) => void;
  const complete = new Promise<bigint>((r) => {
    done = r;
  });
  let synced = false;
  const doc = new Y.Doc();
  const covered = (): boolean => {
    for (const [client, clock] of sv) if (Y.getState(doc.store, client) < clock) return false;
    return true;
  };
  const check = (): void => {
    if (synced && covered()) done(process.hrtime.bigint());
  };
  const probe = openProbe(system, port, DOC_NAME, () => check(), doc);
  void probe.synced.then(() => {
    synced = true;
    check();
  });
  const t1 = await Promise.race([complete, sleep(60_000).then(() => null)]);
  return { ms: t1 === null ? Number.NaN : msBetween(t0, t1), destroy: () => probe.destroy() };
};

/** Runs W3. */
export const runW3 = async (ctx: BenchContext): Promise<boolean> => {
  const size = ctx.quick ? 'small' : 'large';
  const fx = fixture(ctx, size);
  const sv = Y.decodeStateVector(fx.stateVector);
  for (let rep = 0; rep < ctx.reps; rep++) {
    for (const system of ctx.systems) {
      const { server, cleanup } = await seededServer(system, fx);
      await sleep(1000);
      const add = (metric: string, value: number, unit: string) =>
        ctx.results.add({
          workload: `W3 cold and warm join (${size} process, ${(fx.update.length / 1024).toFixed(0)} kB)`,
          cell: size,
          system,
          metric,
          value,
          unit,
          rep,
          lowerIsBetter: true,
        });
      const rss0 = server.rss().rss;
      const cpu0 = server.cpuMs();
      const cold = await fullJoin(system, server.port, sv);
      const cpuCold = server.cpuMs() - cpu0;
      await sleep(500);
      const rssLoaded = server.rss().rss;
      const warm = await fullJoin(system, server.port, sv);
      const ret = async (): Promise<number> => {
        const t0 = process.hrtime.bigint();
        const thin = new ThinClient({
          system,
          port: server.port,
          docName: DOC_NAME,
          stateVector: fx.stateVector,
        });
        const t1 = await Promise.race([thin.synced, sleep(30_000).then(() => null)]);
        thin.terminate();
        return t1 === null ? Number.NaN : msBetween(t0, t1);
      };
      await ret(); // the first returning join may fill a cache; measure the next ones
      const returning = await ret();
      const t0 = process.hrtime.bigint();
      const ten = await Promise.all(Array.from({ length: 10 }, () => ret()));
      const tenMs = msBetween(t0, process.hrtime.bigint());
      add('cold first sync, fresh client', cold.ms, 'ms');
      add('server CPU for the cold join', cpuCold, 'ms');
      add('warm join, fresh client', warm.ms, 'ms');
      add('warm join, returning client', returning, 'ms');
      add('10 returning clients at once (all synced)', Math.max(...ten, tenMs), 'ms');
      add('RSS growth from loading the document', (rssLoaded - rss0) / 2 ** 20, 'MB');
      ctx.log(
        `W3 rep ${rep} ${system} ${size}: cold ${cold.ms.toFixed(0)} ms (server CPU ${cpuCold} ms), warm fresh ${warm.ms.toFixed(0)} ms, warm returning ${returning.toFixed(1)} ms, 10 at once ${tenMs.toFixed(0)} ms, RSS +${((rssLoaded - rss0) / 2 ** 20).toFixed(0)} MB`,
      );
      cold.destroy();
      warm.destroy();
      await server.stop();
      cleanup();
    }
  }
  return true;
};
