/**
 * `npm run fuzz [-- --messages N] [--connections C] [--seed S] [--raw] [--minutes M]`: sends N
 * (default 1,000,000) mutated y-websocket messages over C (default 8) connections at a sync server
 * in its own process (or as many as M minutes allow), and reports crashes, answers slower than
 * 250 ms, server loop stalls and memory.
 * Exits 1 on a crash, a hang, an error the hub reported, or stock clients that no longer converge.
 */
import { describeReport, fuzzRun } from './run';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be a whole number`);
  return v;
};
const seed = opt('--seed', Date.now() % 1_000_000);
const report = await fuzzRun({
  messages: opt('--messages', 1_000_000),
  connections: opt('--connections', 8),
  seed,
  raw: args.includes('--raw'),
  ...(args.includes('--minutes') ? { minutes: opt('--minutes', 0) } : {}),
  log: (line) => process.stdout.write(`[fuzz] ${line}\n`),
});
process.stdout.write(`${describeReport(report)}\n`);
const failed =
  report.crashes > 0 ||
  report.campaign.hangs > 0 ||
  report.serverHangs > 0 ||
  report.serverErrors > 0 ||
  report.campaign.abnormal > 0 ||
  !report.converged;
process.exit(failed ? 1 : 0);
