/**
 * Times the import of 5,000 written proposals (`importWrittenProposals`), in the forms mixed as
 * e-mails mix them: headed amendments and insertions with quotations, statements naming lists
 * and ranges, compilations of attributed wordings, edits marked inline, and links; without a base
 * and against a base text of 5,000 paragraphs. A measurement, not a test (the budget is 2 s):
 * run `npx tsx bench/written/import-written.ts` and read the table (median of 5 runs after one
 * untimed run; wall and CPU milliseconds).
 */
import { type BisDocument, type Block, orderKey, paragraphId } from '@bis/core';
import { importWrittenProposals } from '@bis/formats';

const PROPOSALS = 5000;
const PARAGRAPHS = 5000;

// A seeded generator keeps the input the same from run to run.
let seed = 7;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const WORDS =
  'we reaffirm that human rights apply online as offline and call upon states the private sector civil society and technical community to ensure digital technologies respect protect and fulfil rights including privacy expression and participation'.split(
    ' ',
  );
const words = (n: number) =>
  Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
const para = () => 1 + Math.floor(rand() * (PARAGRAPHS - 10));

const PARTIES = [
  'Norway, Government',
  'Access Now, Civil Society',
  'Internet Society, Technical Community',
  'International Chamber of Commerce, Private Sector',
];

/** A written input with `count` proposals, and how many it holds (lists give several per line). */
const writtenInput = (count: number): { text: string; proposals: number } => {
  const lines: string[] = ['Written amendments to the zero draft', ''];
  let made = 0;
  while (made < count) {
    const r = rand();
    const n = para();
    if (r < 0.3) {
      lines.push(`- **§${n} (on item ${n})** → *Amend*: ${words(5)}.`, '', `“${words(40)}.”`, '');
      made += 1;
    } else if (r < 0.45) {
      lines.push(`- **New §${n} bis (after §${n})** → *Insert ${words(3)}*:`, '', `“${words(35)}.”`, '');
      made += 1;
    } else if (r < 0.6) {
      lines.push(`We urge that paragraphs ${n}, ${n + 2} and ${n + 5} be retained, as ${words(8)}.`, '');
      made += 3;
    } else if (r < 0.7) {
      lines.push(`- **§${n}** → Delete (${words(10)}).`);
      made += 1;
    } else if (r < 0.85) {
      lines.push(`Paragraph ${n}`, `${words(30)}.`);
      for (const who of PARTIES.slice(0, 2 + Math.floor(rand() * 3))) {
        lines.push(`• ${who}: ${words(30)}.`);
        made += 1;
      }
      lines.push('');
    } else {
      lines.push(`${n}. ${words(12)} ~~${words(3)}~~ **${words(4)}** ${words(15)}.`, '');
      made += 1;
    }
  }
  lines.push('How this fits together', '');
  return { text: lines.join('\n'), proposals: made };
};

const base = (): BisDocument => {
  const blocks: Block[] = Array.from({ length: PARAGRAPHS }, (_, i) => ({
    kind: 'paragraph',
    id: paragraphId(`p${i + 1}`),
    order: orderKey(String(i).padStart(6, '0')),
    label: String(i + 1),
    text: words(40),
    points: [],
    footnotes: [],
  }));
  return { title: 'Generated zero draft', symbol: null, revision: 'Zero draft', preamble: '', blocks };
};

// Wall time and CPU time (user + system of this process): on a shared machine the wall time
// also counts the time other processes held the CPU; the CPU time does not.
const time = (name: string, f: () => number): void => {
  const wall: number[] = [];
  const cpu: number[] = [];
  // One untimed run first, so that the median is not that of code still being compiled.
  let count = f();
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    const c = process.cpuUsage();
    count = f();
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[2] as number;
  console.log(
    `${name.padEnd(40)} wall ${median(wall).toFixed(0).padStart(5)} ms  cpu ${median(cpu).toFixed(0).padStart(5)} ms  ${count} proposals  (budget 2000 ms)`,
  );
};

const input = writtenInput(PROPOSALS);
if (process.env.DUMP) (await import('node:fs')).writeFileSync(process.env.DUMP, input.text);
const doc = base();
console.log(
  `input: ${input.text.split('\n').length} lines, ${Math.round(input.text.length / 1024)} KB, ${input.proposals} proposals`,
);
time(`import, against ${PARAGRAPHS} paragraphs`, () => {
  const r = importWrittenProposals(input.text, { party: 'Kenya', base: doc });
  if (r.errors.length > 0) throw new Error(`unexpected errors: ${JSON.stringify(r.errors.slice(0, 3))}`);
  return r.set.proposals.length;
});

time('import, no base', () => importWrittenProposals(input.text, { party: 'Kenya' }).set.proposals.length);
