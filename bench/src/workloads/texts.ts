/**
 * Workload T — the budgets of issue 10 on generated negotiation texts of 5,000 paragraphs (no
 * server, no Yjs): import of the text, comparison of two separately imported versions aligned
 * by content (insertions, deletions, rewordings, moves, merges, splits and a renumbering), the
 * same comparison of two unrelated texts (the worst case of the content alignment), import
 * of 5,000 written proposals, and import of the later version as a delegation's amended copy
 * against the first. Runs in the driver process; the peers have no equivalent, so only Bis's
 * column is filled. Budgets: each ≤ 2 s. Each is recorded as wall time and as the CPU time of
 * the process (the machine is shared: CPU time is what the work costs, wall time what it took).
 */
import { compareDocuments, importAmendedTextFile, importText, importWrittenProposals } from '@bis/formats';
import type { BenchContext } from '../context';
import { createRng, type Rng } from '../rng';

const VERBS = [
  'Calls upon',
  'Urges',
  'Encourages',
  'Requests',
  'Invites',
  'Reaffirms',
  'Recognizes',
  'Stresses',
];
const WORDS = `States stakeholders civil society private sector technical community academia youth women girls
persons disabilities indigenous peoples migrants journalists defenders human rights freedoms expression privacy
assembly information access connectivity infrastructure broadband affordability literacy skills capacity building
technology transfer financing investment cooperation partnership dialogue governance accountability transparency
participation inclusion equality development sustainable goals climate environment resilience health education
employment social protection poverty peace security justice institutions rule law corruption violence prevention
humanitarian children rural remote communities national local authorities data statistics monitoring evaluation
review implementation commitments standards norms principles guidelines frameworks mechanisms research innovation
artificial intelligence cybersecurity trust safety online platforms algorithms encryption identity interoperability`
  .split(/\s+/)
  .filter(Boolean);

const sentence = (rng: Rng): string =>
  `${rng.pick(VERBS)} ${Array.from({ length: rng.int(20, 45) }, () => rng.pick(WORDS)).join(' ')}.`;

/** A numbered text of `n` paragraphs under a heading every 50; returns the lines' texts too. */
const generate = (rng: Rng, n: number): string[] => Array.from({ length: n }, () => sentence(rng));

const asText = (title: string, paragraphs: readonly { label: string; text: string }[]): string => {
  const lines = [title, ''];
  paragraphs.forEach((p, k) => {
    if (k % 50 === 0) lines.push(`Chapter ${Math.floor(k / 50) + 1}`, '');
    lines.push(`${p.label}. ${p.text}`, '');
  });
  return lines.join('\n');
};

// A later version: 2 % inserted, 2 % deleted, 5 % reworded, a few moved, merged and split; renumbered.
const revise = (rng: Rng, texts: readonly string[]): string[] => {
  const out: string[] = [];
  const moved: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i] as string;
    const r = rng.next();
    if (r < 0.02) continue;
    if (r < 0.07) out.push(t.replace(/ \S+ \S+ /, ' strongly and urgently '));
    else if (r < 0.075) moved.push(t);
    else if (r < 0.08 && i + 1 < texts.length) out.push(`${t.slice(0, -1)}, and ${texts[++i]}`);
    else if (r < 0.085) {
      const words = t.split(' ');
      out.push(`${words.slice(0, 12).join(' ')}.`, `Also ${words.slice(12).join(' ')}`);
    } else out.push(t);
    if (rng.next() < 0.02) out.push(sentence(rng));
    if (moved.length > 0 && rng.next() < 0.01) out.push(moved.shift() as string);
  }
  return [...out, ...moved];
};

/** Runs workload T. */
export const runTexts = async (ctx: BenchContext): Promise<boolean> => {
  const n = 5000;
  const rng = createRng(ctx.seed);
  const zero = generate(rng, n);
  const rev = revise(rng, zero);
  const other = generate(rng, n);
  const numbered = (ts: readonly string[]) => ts.map((text, k) => ({ label: String(k + 1), text }));
  const zeroText = asText('Zero draft', numbered(zero));
  const revText = asText('Rev.1', numbered(rev));
  const otherText = asText('Another text', numbered(other));
  const a = importText(zeroText);
  const b = importText(revText);
  const c = importText(otherText);
  // 5,000 written proposals in the form of the AU amendments: amend, delete, insert.
  const written: string[] = [];
  for (let k = 0; k < n; k++) {
    const label = String(rng.int(1, n));
    const kind = k % 3;
    if (kind === 0) written.push(`- **§${label}** → *Amend*:`, '', `“${rng.pick(zero)}”`, '');
    else if (kind === 1) written.push(`- **§${label}** → *Delete* (superseded by later text).`, '');
    else written.push(`- **New §${label} bis (after §${label})** → *Insert*:`, '', `“${sentence(rng)}”`, '');
  }
  const writtenText = written.join('\n');
  const workload = `Texts (issue 10 budgets: ${n} paragraphs, ${n} written proposals)`;
  for (let rep = 0; rep < ctx.reps; rep++) {
    const time = (metric: string, fn: () => unknown, note: (r: never) => string): void => {
      const cpu0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      const result = fn();
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const cpu = process.cpuUsage(cpu0);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      const base = { workload, cell: `${n}`, system: 'bis' as const, unit: 'ms', rep, lowerIsBetter: true };
      ctx.results.add({ ...base, metric, value: ms });
      ctx.results.add({ ...base, metric: `${metric}, CPU time`, value: cpuMs });
      ctx.log(
        `texts rep ${rep}: ${metric} ${ms.toFixed(0)} ms (CPU ${cpuMs.toFixed(0)} ms; ${note(result as never)})`,
      );
    };
    time(
      `import of a ${n}-paragraph text (${(zeroText.length / 1e6).toFixed(1)} MB)`,
      () => importText(zeroText),
      (d: ReturnType<typeof importText>) => `${d.blocks.length} blocks`,
    );
    const rows = (x: ReturnType<typeof compareDocuments>) => {
      const count = (f: (r: (typeof x.rows)[number]) => boolean) => x.rows.filter(f).length;
      return `by ${x.alignedBy}: ${count((r) => r.kind === 'changed')} changed, ${count((r) => r.kind === 'added')} added, ${count((r) => r.kind === 'removed')} removed, ${count((r) => r.structure === 'moved')} moved, ${count((r) => r.structure === 'merged')} merged, ${count((r) => r.structure === 'split')} split`;
    };
    time(`compare two ${n}-paragraph versions by content`, () => compareDocuments(a, b), rows);
    time(`compare two unrelated ${n}-paragraph texts`, () => compareDocuments(a, c), rows);
    time(
      `import of ${n} written proposals`,
      () => importWrittenProposals(writtenText, { party: 'Bench delegation', base: a }),
      (r: ReturnType<typeof importWrittenProposals>) =>
        `${r.set.proposals.length} proposals, ${r.errors.length} errors`,
    );
    time(
      `import of a ${n}-paragraph amended copy against the base`,
      () => importAmendedTextFile(revText, { party: 'Bench delegation', base: a }),
      (r: ReturnType<typeof importAmendedTextFile>) =>
        `${r.set.proposals.length} proposals, ${r.errors.length} errors`,
    );
  }
  return true;
};
