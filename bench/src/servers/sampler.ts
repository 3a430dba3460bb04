/**
 * Instrumentation shared by every server entry: once per `intervalMs` it reports memory,
 * event-loop utilisation and event-loop delay to the launcher over the IPC channel.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

/** One sample as the launcher receives it. */
export interface ServerSample {
  readonly type: 'sample';
  readonly at: number;
  readonly rss: number;
  readonly heapUsed: number;
  readonly external: number;
  readonly arrayBuffers: number;
  /** Event-loop utilisation since the previous sample (0–1). */
  readonly elu: number;
  readonly loopP50Ms: number;
  readonly loopP99Ms: number;
  readonly loopMaxMs: number;
}

/** Starts sampling and tells the launcher the server listens on `port`. */
export const startSampling = (port: number, intervalMs = 1000): void => {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  let last = performance.eventLoopUtilization();
  const tick = (): void => {
    const m = process.memoryUsage();
    const now = performance.eventLoopUtilization();
    const elu = performance.eventLoopUtilization(now, last).utilization;
    last = now;
    const sample: ServerSample = {
      type: 'sample',
      at: Date.now(),
      rss: m.rss,
      heapUsed: m.heapUsed,
      external: m.external,
      arrayBuffers: m.arrayBuffers,
      elu,
      loopP50Ms: h.percentile(50) / 1e6,
      loopP99Ms: h.percentile(99) / 1e6,
      loopMaxMs: h.max / 1e6,
    };
    h.reset();
    process.send?.(sample);
  };
  setInterval(tick, intervalMs).unref();
  // The launcher may ask for a garbage collection before reading memory (W2).
  process.on('message', (msg: { type?: string }) => {
    if (msg?.type === 'gc') {
      (globalThis as { gc?: () => void }).gc?.();
      tick();
    }
  });
  process.send?.({ type: 'ready', port });
  // Exit normally on SIGTERM so that --cpu-prof and friends write their files.
  process.once('SIGTERM', () => process.exit(0));
  // The launcher going away must not leave a server behind.
  process.on('disconnect', () => process.exit(0));
};

/** Reads a required environment variable. */
export const env = (name: string): string => {
  const v = process.env[name];
  if (v === undefined || v === '') throw new Error(`${name} is not set`);
  return v;
};
