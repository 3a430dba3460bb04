/**
 * Output: one JSON line per measurement (bench/results/<run>.jsonl) and the Markdown table
 * (Bis | y-websocket-server | Hocuspocus | ratio, medians with min–max over repetitions).
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { SYSTEM_NAMES, type SystemId } from './launcher';
import { summarise } from './stats';

/** One measurement: a metric of one system in one cell of one workload, one repetition. */
export interface Measurement {
  readonly workload: string;
  /** The cell, e.g. `N=300` or `large`. */
  readonly cell: string;
  readonly system: SystemId;
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  readonly rep: number;
  /** Whether lower is better (for the ratio's direction). */
  readonly lowerIsBetter: boolean;
  readonly extra?: Record<string, unknown>;
}

/** Collects measurements and writes them as JSON lines as they come. */
export class Results {
  readonly rows: Measurement[] = [];
  readonly file: string;
  readonly notes: string[] = [];
  /** The machine's 1-minute load average at each measurement (the cores are shared with others). */
  readonly loads: number[] = [];

  constructor(
    dir: string,
    readonly run: string,
    readonly seed: number,
  ) {
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, `${run}.jsonl`);
  }

  /** Records one measurement. */
  add(m: Measurement): void {
    this.rows.push(m);
    const load = loadavg()[0] ?? 0;
    this.loads.push(load);
    appendFileSync(
      this.file,
      `${JSON.stringify({ run: this.run, seed: this.seed, at: new Date().toISOString(), loadavg1: load, ...m })}\n`,
    );
  }

  /** The Markdown report: machine line, then one table per workload. */
  markdown(systems: readonly SystemId[]): string {
    const cpu = cpus();
    const lines = [
      `Machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; seed ${this.seed}; run ${this.run}.`,
      `Load average (1 min) while measuring: ${this.loads.length ? `${Math.min(...this.loads).toFixed(1)}–${Math.max(...this.loads).toFixed(1)}` : '—'} on ${cpus().length} cores.`,
      'Cells: median (min–max) over repetitions; ratio = Bis ÷ best peer (for "higher is better" metrics: best peer ÷ Bis), so < 1 means Bis is better.',
      '',
    ];
    const workloads = [...new Set(this.rows.map((r) => r.workload))];
    for (const w of workloads) {
      lines.push(`### ${w}`, '');
      lines.push(`| cell | metric | ${systems.map((s) => SYSTEM_NAMES[s]).join(' | ')} | ratio |`);
      lines.push(`| --- | --- | ${systems.map(() => '---:').join(' | ')} | ---: |`);
      const rows = this.rows.filter((r) => r.workload === w);
      const keys = [...new Set(rows.map((r) => `${r.cell}\u0000${r.metric}`))];
      for (const key of keys) {
        const [cell, metric] = key.split('\u0000') as [string, string];
        const of = rows.filter((r) => r.cell === cell && r.metric === metric);
        const unit = of[0]?.unit ?? '';
        const lower = of[0]?.lowerIsBetter ?? true;
        const stats = systems.map((s) => summarise(of.filter((r) => r.system === s).map((r) => r.value)));
        const fmt = (x: number): string =>
          !Number.isFinite(x)
            ? '—'
            : Math.abs(x) >= 100
              ? x.toFixed(0)
              : Math.abs(x) >= 10
                ? x.toFixed(1)
                : x.toFixed(2);
        const cells = stats.map((s) =>
          s.n === 0
            ? '—'
            : s.n === 1 || s.min === s.max
              ? fmt(s.median)
              : `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`,
        );
        const bis = stats[systems.indexOf('bis')]?.median ?? Number.NaN;
        const peers = systems
          .filter((s) => s !== 'bis')
          .map((s) => stats[systems.indexOf(s)]?.median ?? Number.NaN)
          .filter((x) => Number.isFinite(x));
        let ratio = '—';
        if (Number.isFinite(bis) && peers.length > 0) {
          const best = lower ? Math.min(...peers) : Math.max(...peers);
          const r = lower ? bis / best : best / bis;
          ratio = Number.isFinite(r) ? `${r.toFixed(2)}×` : '—';
        }
        lines.push(`| ${cell} | ${metric}${unit ? ` (${unit})` : ''} | ${cells.join(' | ')} | ${ratio} |`);
      }
      lines.push('');
    }
    if (this.notes.length > 0) lines.push('Notes:', '', ...this.notes.map((n) => `- ${n}`), '');
    return lines.join('\n');
  }
}
