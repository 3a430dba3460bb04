/**
 * Starts a server under test as a child process pinned to one core (`taskset`), collects the
 * samples its entry reports over IPC, and reads CPU time and RSS from procfs: the same
 * instrumentation for Bis and for the peers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ServerSample } from './servers/sampler';

/** The systems under test. */
export type SystemId = 'bis' | 'ywss' | 'hocuspocus';

/** Display names in the tables. */
export const SYSTEM_NAMES: Readonly<Record<SystemId, string>> = {
  bis: 'Bis',
  ywss: 'y-websocket-server',
  hocuspocus: 'Hocuspocus',
};

/** The API token every Bis bench client sends. */
export const BIS_TOKEN = 'bench-admin-token-0123456789abcdef';

/** Where each server is started. */
export interface LaunchOptions {
  readonly dataDir: string;
  /** A file with a v1 update to store under `seedDoc` through the server's own persistence first. */
  readonly seedFile?: string;
  readonly seedDoc?: string;
  /** More documents to seed with the same update (W2). */
  readonly seedDocs?: readonly string[];
  /** The core to pin the server to (default 1; the driver runs on 0). */
  readonly core?: number;
  /** Reuse a port (restart after kill -9). */
  readonly port?: number;
}

/** A running server. */
export interface Launched {
  readonly system: SystemId;
  readonly port: number;
  readonly pid: number;
  readonly samples: ServerSample[];
  /** CPU time (user + system) of the server process so far, in ms. */
  cpuMs(): number;
  /** Current and peak RSS from /proc (bytes). */
  rss(): { rss: number; hwm: number };
  /** Asks the server to collect garbage, then resolves with a fresh sample. */
  gcSample(): Promise<ServerSample>;
  /** SIGTERM, then waits for exit. */
  stop(): Promise<void>;
  /** SIGKILL (kill -9), then waits for exit. */
  kill9(): Promise<void>;
}

const entries: Readonly<Record<SystemId, string>> = {
  bis: 'servers/bis.ts',
  ywss: 'servers/ywss.ts',
  hocuspocus: 'servers/hocuspocus.ts',
};

const TICK_MS = 10; // USER_HZ is 100 on Linux.

/** Starts `system`; resolves when it listens. */
export const launch = (system: SystemId, options: LaunchOptions): Promise<Launched> => {
  const entry = fileURLToPath(new URL(entries[system], import.meta.url));
  const child: ChildProcess = spawn(
    'taskset',
    [
      '-c',
      String(options.core ?? 1),
      process.execPath,
      '--expose-gc',
      // BENCH_NODE_ARGS adds flags to the server process (e.g. --cpu-prof to find where time goes).
      ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      entry,
    ],
    {
      env: {
        ...process.env,
        DATA_DIR: options.dataDir,
        PORT: String(options.port ?? 0),
        BIS_ADMIN_TOKEN: BIS_TOKEN,
        ...(options.seedFile ? { SEED_FILE: options.seedFile, SEED_DOC: options.seedDoc ?? '' } : {}),
        ...(options.seedDocs ? { SEED_DOCS: options.seedDocs.join(',') } : {}),
      },
      stdio: ['ignore', process.env.BENCH_SERVER_LOG ? 'inherit' : 'ignore', 'pipe', 'ipc'],
    },
  );
  // BENCH_SERVER_LOG=1 shows the servers' output (stderr is otherwise kept for start failures).
  if (process.env.BENCH_SERVER_LOG) child.stderr?.pipe(process.stderr);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const samples: ServerSample[] = [];
  const waiters: ((s: ServerSample) => void)[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${system} did not start in 120 s: ${stderr}`)), 120_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${system} exited (${code}) before listening: ${stderr}`));
    });
    child.on('message', (msg: ServerSample | { type: 'ready'; port: number }) => {
      if (msg.type === 'sample') {
        samples.push(msg);
        for (const w of waiters.splice(0)) w(msg);
        return;
      }
      clearTimeout(timer);
      const pid = child.pid as number;
      const proc = (file: string): string => {
        try {
          return readFileSync(`/proc/${pid}/${file}`, 'utf8');
        } catch {
          return '';
        }
      };
      const signal = async (sig: NodeJS.Signals): Promise<void> => {
        if (child.exitCode === null && child.signalCode === null) child.kill(sig);
        await exited;
      };
      resolve({
        system,
        port: msg.port,
        pid,
        samples,
        cpuMs: () => {
          // Fields after the command name: state is field 3, utime 14, stime 15.
          const rest = proc('stat').split(') ')[1]?.split(' ') ?? [];
          return (Number(rest[11] ?? 0) + Number(rest[12] ?? 0)) * TICK_MS;
        },
        rss: () => {
          const status = proc('status');
          const kb = (key: string): number =>
            Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
          return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
        },
        gcSample: () =>
          new Promise((res) => {
            waiters.push(res);
            child.send({ type: 'gc' });
          }),
        stop: () => signal('SIGTERM'),
        kill9: () => signal('SIGKILL'),
      });
    });
  });
};
