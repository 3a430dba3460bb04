import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'test',
    include: ['**/*.test.ts'],
    // BIS_E2E_LOAD=1: the tests run with busy loops beside them (test/e2e/load.ts).
    globalSetup: ['./e2e/load.global-setup.ts'],
    // These tests start real processes and servers.
    testTimeout: 60_000,
    // A browser on a loaded 2-core machine can take seconds to show a colleague's keystroke:
    // polled expectations wait up to 10 s (they still fail when the thing never happens).
    expect: { poll: { timeout: 10_000 } },
    // Each CLI test starts a Node process; more at once than cores only slows them all.
    maxConcurrency: 3,
    hookTimeout: 60_000,
  },
});
