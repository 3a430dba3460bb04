/**
 * Fuzzing the sync endpoint in CI: 20,000 mutated y-websocket messages (truncated, bit-flipped,
 * huge varint length prefixes, unknown types, text frames, trailing garbage, V2 updates, the
 * public crashers of peer servers) at a server in its own process, with the collab validator, and
 * 5,000 more with raw Yjs apply. The server must not crash, drop a socket without a close frame,
 * or report an error, and stock clients must still converge. `npm run fuzz` runs 1,000,000.
 * Answer times and memory are printed, not asserted (speed is measured, not tested).
 */
import { describe, expect, it } from 'vitest';
import { describeReport, fuzzRun } from './fuzz/run';

describe('fuzzing the sync endpoint', () => {
  for (const [label, messages, raw] of [
    ['with the collab validator', 20_000, false],
    ['with no validator (raw Yjs apply)', 5_000, true],
  ] as const) {
    it(`survives ${messages} mutated messages ${label}, and stock clients still converge`, async () => {
      const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
      const report = await fuzzRun({ messages, connections: 8, seed, raw });
      console.log(`${label}\n${describeReport(report)}`);
      expect(report.campaign.sent).toBeGreaterThanOrEqual(messages);
      expect(report.crashes).toBe(0);
      expect(report.campaign.abnormal).toBe(0);
      expect(report.campaign.failedUpgrades).toBe(0);
      expect(report.serverErrors).toBe(0);
      expect(report.converged).toBe(true);
    }, 600_000);
  }
});
