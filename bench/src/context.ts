/** What every workload gets: the run's parameters, the results and helpers to start a seeded server. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { cachedProcess, type GeneratedProcess, type ProcessSize } from './gen';
import { type Launched, launch, type SystemId } from './launcher';
import type { Results } from './results';

/** The document every workload uses on every server. */
export const DOC_NAME = 'p/bench/next';

/** Parameters of a run. */
export interface BenchContext {
  readonly quick: boolean;
  readonly seed: number;
  readonly reps: number;
  readonly systems: readonly SystemId[];
  readonly results: Results;
  readonly cacheDir: string;
  log(line: string): void;
}

/** A generated process with its state vector. */
export interface Fixture extends GeneratedProcess {
  readonly stateVector: Uint8Array;
}

/** The generated process of `size` (cached on disk). */
export const fixture = (ctx: BenchContext, size: ProcessSize): Fixture => {
  const p = cachedProcess(ctx.cacheDir, size, ctx.seed);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, p.update);
  return { ...p, stateVector: Y.encodeStateVector(doc) };
};

/** A server of `system` on a fresh data directory, seeded with `fx` through its own persistence. */
export const seededServer = async (
  system: SystemId,
  fx: Fixture,
  seedDocs?: readonly string[],
): Promise<{ server: Launched; dataDir: string; cleanup(): void }> => {
  const dataDir = mkdtempSync(join(tmpdir(), `bis-bench-${system}-`));
  const seedFile = join(dataDir, 'seed.bin');
  writeFileSync(seedFile, fx.update);
  const server = await launch(system, {
    dataDir,
    seedFile,
    seedDoc: DOC_NAME,
    ...(seedDocs ? { seedDocs } : {}),
  });
  return { server, dataDir, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
};

/** Resolves after `ms`. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Milliseconds between two hrtime readings. */
export const msBetween = (a: bigint, b: bigint): number => Number(b - a) / 1e6;
