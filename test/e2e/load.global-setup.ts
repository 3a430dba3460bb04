/**
 * The test project's global set-up: with `BIS_E2E_LOAD` set, busy loops run beside the tests
 * for the whole run and are stopped after it (see `load.ts`).
 */
import { busyLoopsWanted, startBusyLoops } from './load';

let stop: (() => void) | null = null;

/** Starts the busy loops `BIS_E2E_LOAD` asks for. */
export const setup = (): void => {
  const n = busyLoopsWanted(process.env.BIS_E2E_LOAD);
  if (n === 0) return;
  console.warn(
    `\n*** test: BIS_E2E_LOAD=${process.env.BIS_E2E_LOAD}: ${n} busy loops run beside the tests. ***\n`,
  );
  stop = startBusyLoops(n);
};

/** Stops them. */
export const teardown = (): void => {
  stop?.();
  stop = null;
};
