/**
 * `npm run bench [-- W1 W3 …] [--quick] [--reps N] [--systems bis,ywss]`: runs the workloads
 * against Bis, @y/websocket-server and Hocuspocus (one at a time, each pinned to core 1 while
 * this driver runs on core 0), writes bench/results/<run>.jsonl and bench/results/latest.md and
 * prints the table. Exits 1 only when Bis did not converge or lost an acknowledged update.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from './context';
import type { SystemId } from './launcher';
import { type Measurement, Results } from './results';
import { runFormats } from './workloads/formats';
import { runTextImport } from './workloads/text-import';
import { runTexts } from './workloads/texts';
import { runW1 } from './workloads/w1';
import { runW1Max } from './workloads/w1max';
import { runW2 } from './workloads/w2';
import { runW3 } from './workloads/w3';
import { runW4 } from './workloads/w4';
import { runW5 } from './workloads/w5';

const WORKLOADS: Readonly<Record<string, (ctx: BenchContext) => Promise<boolean>>> = {
  W1: runW1,
  'W1-MAX': runW1Max,
  W2: runW2,
  W3: runW3,
  W4: runW4,
  W5: runW5,
  F: runFormats,
  T: runTexts,
  I: runTextImport,
};

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const chosen = args.filter((a) => /^(W\d|F$|T$|I$)/i.test(a)).map((a) => a.toUpperCase());
// W2, W4 and W1-MAX run in quick mode only when named (bench:quick must stay under 3 minutes).
const FULL_ONLY = new Set(['W2', 'W4', 'W1-MAX']);
const ids = chosen.length > 0 ? chosen : Object.keys(WORKLOADS).filter((id) => !quick || !FULL_ONLY.has(id));
for (const id of ids)
  if (!WORKLOADS[id]) throw new Error(`unknown workload ${id} (known: ${Object.keys(WORKLOADS).join(', ')})`);
const systems = (opt('--systems')?.split(',') ?? ['bis', 'ywss', 'hocuspocus']) as SystemId[];
const seed = Number(opt('--seed') ?? 7);
const reps = Number(opt('--reps') ?? (quick ? 1 : 3));
const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
const run = `${quick ? 'quick' : 'full'}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
const results = new Results(resultsDir, run, seed);
const started = Date.now();
const ctx: BenchContext = {
  quick,
  seed,
  reps,
  systems,
  results,
  cacheDir: `${resultsDir}cache`,
  log: (line) =>
    process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`),
};
process.setMaxListeners(0);

let ok = true;
const from = opt('--from');
if (from) {
  // Re-render the table of an earlier (possibly interrupted) run from its JSON lines.
  for (const line of readFileSync(from, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as Measurement & { loadavg1?: number };
    results.rows.push(row);
    if (row.loadavg1 !== undefined) results.loads.push(row.loadavg1);
  }
  ids.length = 0;
}
for (const id of ids) {
  ctx.log(`${id} …`);
  const fine = await (WORKLOADS[id] as (c: BenchContext) => Promise<boolean>)(ctx);
  if (!fine) {
    ok = false;
    ctx.log(`${id}: Bis did not converge or lost an acknowledged update`);
  }
}
const md = from
  ? `${results.markdown(systems)}\nRe-rendered from ${from}.\n`
  : `${results.markdown(systems)}\nTotal time: ${((Date.now() - started) / 60000).toFixed(1)} min (${ids.join(', ')}, ${reps} repetition${reps === 1 ? '' : 's'}).\n`;
writeFileSync(`${resultsDir}latest.md`, md);
process.stdout.write(`\n${md}`);
process.exit(ok ? 0 : 1);
