/**
 * Workload I — import of a 5,000-paragraph base text written in all the forms the text importer
 * reads (issue 10, budget ≤ 2 s): a General Assembly resolution copied from its PDF, with the
 * chapeau `The General Assembly,`, 100 unnumbered preambular paragraphs wrapped over several lines,
 * 4,900 operative paragraphs (some `1.Decides` without a space) under numbered section headings
 * (`2. Means of implementation` between paragraphs) and decimal headings (`2.1 Financing`), points,
 * bracketed wording with options and placeholders, status tags, `bis` and `alt` paragraphs, and
 * the page furniture of every page (page number, running header, job number). Also the plain-text
 * export of the result and its import back. Runs in the driver process; the peers have no
 * equivalent, so only Bis's column is filled.
 */
import { exportView, importText, importTextWithNotes } from '@bis/formats';
import type { BenchContext } from '../context';
import { createRng, type Rng } from '../rng';

const OPENERS = [
  'Recalling',
  'Reaffirming',
  'Welcoming',
  'Noting with concern',
  'Recognizing',
  'Deeply concerned',
];
const VERBS = ['Decides', 'Requests', 'Encourages', 'Invites', 'Urges', 'Calls upon', 'Stresses'];
const WORDS = `States stakeholders civil society private sector technical community academia youth women girls
persons disabilities indigenous peoples connectivity infrastructure broadband affordability literacy skills capacity
financing investment cooperation partnership governance accountability transparency participation inclusion data
artificial intelligence cybersecurity trust safety online platforms standards norms principles frameworks mechanisms`
  .split(/\s+/)
  .filter(Boolean);
const TAGS = ['agreed', 'ad ref', 'Suggested for Closure', 'Preliminarily Agreed'];

const words = (rng: Rng, a: number, b: number): string =>
  Array.from({ length: rng.int(a, b) }, () => rng.pick(WORDS)).join(' ');

const clause = (rng: Rng): string => {
  const r = rng.next();
  if (r < 0.15) return `${words(rng, 4, 8)} [${words(rng, 2, 5)} [${words(rng, 1, 3)}]] ${words(rng, 4, 8)}`;
  if (r < 0.25) return `${words(rng, 4, 8)} [Option 1: {Placeholder} Option 2: ${words(rng, 4, 10)}]`;
  return words(rng, 12, 30);
};

// Long lines are wrapped at about 90 characters, as a PDF copy gives them.
const wrap = (line: string): string[] => {
  const out: string[] = [];
  let cur = '';
  for (const w of line.split(' ')) {
    if (cur.length + w.length > 90 && cur !== '') {
      out.push(cur);
      cur = w;
    } else cur = cur === '' ? w : `${cur} ${w}`;
  }
  if (cur !== '') out.push(cur);
  return out;
};

/** The generated text and how many paragraphs it has. */
const generate = (rng: Rng, n: number): { text: string; paragraphs: number } => {
  const body: string[] = ['The General Assembly,', ''];
  let paragraphs = 0;
  for (let k = 0; k < 100; k++, paragraphs++) body.push(...wrap(`${rng.pick(OPENERS)} ${clause(rng)},`));
  body.push('');
  let section = 0;
  let number = 0;
  while (paragraphs < n) {
    if (number % 100 === 0)
      body.push('', `${++section}. ${words(rng, 2, 4).replace(/^./, (c) => c.toUpperCase())}`, '');
    if (number % 25 === 0)
      body.push(
        '',
        `${section}.${(number % 100) / 25 + 1} ${words(rng, 1, 3).replace(/^./, (c) => c.toUpperCase())}`,
        '',
      );
    number++;
    paragraphs++;
    const tag = rng.next() < 0.2 ? ` [${rng.pick(TAGS)}]` : '';
    const sep = rng.next() < 0.1 ? '.' : '. ';
    if (rng.next() < 0.1) {
      body.push(...wrap(`${number}${sep}${rng.pick(VERBS)} ${words(rng, 3, 8)}:`));
      body.push(...wrap(`(a) ${clause(rng)};`), ...wrap(`(b) ${clause(rng)};${tag}`));
    } else body.push(...wrap(`${number}${sep}${rng.pick(VERBS)} ${clause(rng)};${tag}`));
    if (rng.next() < 0.03 && paragraphs < n) {
      paragraphs++;
      body.push(...wrap(`${number} ${rng.next() < 0.5 ? 'bis' : 'alt'}. ${rng.pick(VERBS)} ${clause(rng)};`));
    }
  }
  // Page furniture every 45 lines: page number and job number, then the running header.
  const out = [
    'United Nations',
    '',
    'A/RES/80/999',
    '',
    '80/999. Digital cooperation for sustainable development',
    '',
  ];
  const pages = Math.ceil(body.length / 45);
  for (let p = 0; p < pages; p++) {
    out.push(...body.slice(p * 45, (p + 1) * 45));
    out.push(
      '',
      `${p + 1}/${pages}          25-12345`,
      '',
      'A/RES/80/999          Digital cooperation for sustainable development',
      '',
    );
  }
  return { text: out.join('\n'), paragraphs };
};

/** Runs workload I. */
export const runTextImport = async (ctx: BenchContext): Promise<boolean> => {
  const n = 5000;
  const { text, paragraphs } = generate(createRng(ctx.seed), n);
  const first = importTextWithNotes(text);
  const exported = (await exportView('revision', 'txt', { document: first.document, proposals: [] }))
    .data as string;
  const workload = `Text import in all forms (issue 10 budget ≤ 2 s: ${paragraphs} paragraphs, ${(text.length / 1e6).toFixed(1)} MB)`;
  for (let rep = 0; rep < ctx.reps; rep++) {
    const time = (metric: string, fn: () => string): void => {
      const t0 = process.hrtime.bigint();
      const note = fn();
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      ctx.results.add({
        workload,
        cell: `${n}`,
        system: 'bis',
        metric,
        value: ms,
        unit: 'ms',
        rep,
        lowerIsBetter: true,
      });
      ctx.log(`text import rep ${rep}: ${metric} ${ms.toFixed(0)} ms (${note})`);
    };
    time(`import of a ${n}-paragraph PDF copy with notes`, () => {
      const r = importTextWithNotes(text);
      const paras = r.document.blocks.filter((b) => b.kind === 'paragraph').length;
      return `${paras} paragraphs, ${r.document.blocks.length - paras} headings, ${r.notes.length} notes`;
    });
    time('export of the revision as text', () => {
      void exportView('revision', 'txt', { document: first.document, proposals: [] });
      return `${(exported.length / 1e6).toFixed(1)} MB`;
    });
    time('import of the exported text', () => `${importText(exported).blocks.length} blocks`);
  }
  return true;
};
