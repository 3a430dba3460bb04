import { defineConfig } from 'vitest/config';

// BIS_E2E_LOAD=1: the tests run with busy loops beside them (test/e2e/load.ts). Time limits
// then stretch threefold: under load a test must still do everything it checks, but a
// two-minute walk through the app is slowness, not a defect (speed is measured in bench/).
const slow = (process.env.BIS_E2E_LOAD ?? '').trim() !== '' && process.env.BIS_E2E_LOAD !== '0' ? 3 : 1;

export default defineConfig({
  test: {
    name: 'test',
    include: ['**/*.test.ts'],
    globalSetup: ['./e2e/load.global-setup.ts'],
    // These tests start real processes and servers.
    testTimeout: 60_000 * slow,
    // A browser on a loaded 2-core machine can take seconds to show a colleague's keystroke:
    // polled expectations wait up to 10 s (they still fail when the thing never happens).
    expect: { poll: { timeout: 10_000 * slow } },
    // Each CLI test starts a Node process; more at once than cores only slows them all.
    maxConcurrency: 3,
    hookTimeout: 60_000 * slow,
  },
});
