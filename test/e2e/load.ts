/**
 * CPU load for the browser tests: `BIS_E2E_LOAD=1 npx vitest run test/e2e` runs them with the
 * machine busy, as on a delegate's slow laptop or a shared CI runner, where orderings that a
 * quiet machine never shows (a live update before a REST answer, a timer after a keystroke)
 * happen. The load is busy-looping Node processes started by the test project's global set-up
 * (`load.global-setup.ts`) and stopped after the run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * How many busy loops `BIS_E2E_LOAD` asks for: unset, empty or `0` none; `1` (or `on`, `true`)
 * one per core; any other whole number that many. Throws on anything else.
 */
export const busyLoopsWanted = (value: string | undefined, cores = availableParallelism()): number => {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === '0' || v === 'off' || v === 'false') return 0;
  if (v === '1' || v === 'on' || v === 'true') return cores;
  if (/^\d{1,3}$/.test(v)) return Number(v);
  throw new Error(`BIS_E2E_LOAD must be 0, 1 (one busy loop per core) or a number of loops, not "${value}"`);
};

// Spins in slices and leaves as soon as its parent is gone: a test run killed with SIGKILL must
// not leave loops burning a shared machine.
const LOOP = `const parent = process.ppid;
for (;;) {
  const t = Date.now();
  while (Date.now() - t < 200) {}
  if (process.ppid !== parent) process.exit(0);
}`;

/** Starts `n` busy-looping processes; returns the function that stops them (idempotent). */
export const startBusyLoops = (n: number): (() => void) => {
  const children: ChildProcess[] = [];
  for (let i = 0; i < n; i++) children.push(spawn(process.execPath, ['-e', LOOP], { stdio: 'ignore' }));
  const stop = (): void => {
    for (const c of children.splice(0)) c.kill('SIGKILL');
    process.off('exit', stop);
  };
  process.on('exit', stop);
  return stop;
};
