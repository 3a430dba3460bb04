/**
 * The sync server under fuzzing, as its own process so that a crash shows as an exit:
 * `node --import tsx test/fuzz/serve.ts DATA_DIR [PORT] [--raw]` (`--raw`: no shape validator,
 * every update goes to Yjs). Prints `listening <port>`, then every second a line
 * `stats {json}` with messages received, memory, event-loop stalls and errors the hub recovered.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { collabValidator } from '../../apps/server/src/sync/collab-validator';
import { startTestSyncServer } from '../../apps/server/src/sync/testing/test-server';

const args = process.argv.slice(2);
const raw = args.includes('--raw');
const [dataDir, port] = args.filter((a) => !a.startsWith('--'));
if (!dataDir) {
  console.error('usage: serve.ts DATA_DIR [PORT] [--raw]');
  process.exit(2);
}

/** Loop stalls over this many milliseconds count as hangs. */
const HANG_MS = 250;
let errors = 0;
const server = await startTestSyncServer({
  dataDir,
  users: ['f', 'a', 'b'].map((id) => ({ id, name: id, party: 'p', role: 'delegate' })),
  defaultAccess: { read: true, write: true },
  validate: raw ? null : collabValidator,
  port: port ? Number(port) : 0,
  // The fuzzer measures decoding, not fsync.
  synchronous: 'normal',
  limits: {
    messagesPerSecond: 1_000_000,
    messageBurst: 1_000_000,
    userMessagesPerSecond: 1_000_000,
    userMessageBurst: 1_000_000,
    maxConnectionsPerUser: 10_000,
    maxConnectionsPerAddress: 10_000,
    answerBytesPerSecond: 1 << 30,
    answerBurstBytes: 1 << 30,
  },
  onError: (error, context) => {
    errors++;
    console.error(`[fuzz server] ${context}:`, error);
  },
});

const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
let hangs = 0;
let worstStallMs = 0;
let last = performance.now();
setInterval(() => {
  const now = performance.now();
  const stall = now - last - 10;
  if (stall > worstStallMs) worstStallMs = stall;
  if (stall > HANG_MS) hangs++;
  last = now;
}, 10).unref();
let peakRss = 0;
setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  const stats = {
    ...server.sync.hub.stats(),
    rss: m.rss,
    peakRss,
    heapUsed: m.heapUsed,
    hangs,
    worstStallMs: Math.round(worstStallMs),
    loopDelayP99Ms: Math.round(delay.percentile(99) / 1e6),
    errors,
  };
  process.stdout.write(`stats ${JSON.stringify(stats)}\n`);
}, 1000);
process.stdout.write(`listening ${server.port}\n`);
