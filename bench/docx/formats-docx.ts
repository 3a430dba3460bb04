/**
 * Times the .docx exports and imports of @bis/formats on the fixtures and on a generated text of
 * 2,000 paragraphs with 5,000 proposals. A measurement, not a test: run
 * `npx tsx bench/docx/formats-docx.ts` and read the table (median of 3 runs, milliseconds).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type BisDocument, type Block, type Proposal, paragraphsOf, proposalId } from '@bis/core';
import {
  compareDocumentsAs,
  exportView,
  importDocxProposals,
  importDocxText,
  importText,
  importWrittenProposals,
} from '@bis/formats';
import { zipSync } from 'fflate';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => readFileSync(`${root}fixtures/${name}`, 'utf8');
const NOW = '2025-07-10T14:00:00Z';

const rows: string[][] = [];
const time = async <T>(name: string, f: () => T | Promise<T>, size?: (r: T) => string): Promise<T> => {
  const ms: number[] = [];
  let result: T | undefined;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    result = await f();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  rows.push([name, (ms[1] as number).toFixed(0), size ? size(result as T) : '']);
  return result as T;
};
const kb = (f: { data: string | Uint8Array }) => `${Math.round(f.data.length / 1024)} KB`;
const bytes = (f: { data: string | Uint8Array }) => f.data as Uint8Array;

// A seeded generator keeps the generated text the same from run to run.
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const WORDS =
  'we reaffirm that human rights apply online as offline and call upon states the private sector civil society and technical community to ensure digital technologies respect protect and fulfil rights including privacy expression and participation'.split(
    ' ',
  );
const sentence = (n: number) =>
  Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');

const generated = (): BisDocument => {
  const lines = ['Generated negotiation text', ''];
  for (let n = 1; n <= 2000; n++) {
    if (n % 50 === 1)
      lines.push(
        `${['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'][Math.floor(n / 50) % 8]}. Chapter ${n}`,
        '',
      );
    lines.push(`${n}.\t${sentence(40)}.`, '');
    if (n % 10 === 0) lines.push(`(a) ${sentence(12)};`, `(b) ${sentence(12)}.`, '');
  }
  return importText(lines.join('\n'), { title: 'Generated negotiation text' });
};

const proposalsFor = (doc: BisDocument, count: number): Proposal[] => {
  const paras = paragraphsOf(doc);
  const parties = [
    'African Union',
    'European Union',
    'Group of 77 and China',
    'Chile',
    'Kenya',
    'Switzerland',
  ];
  return Array.from({ length: count }, (_, i): Proposal => {
    const p = paras[Math.floor(rand() * paras.length)] as (typeof paras)[number];
    const r = rand();
    const action = r < 0.6 ? 'amend' : r < 0.8 ? 'insert' : r < 0.9 ? 'delete' : 'retain';
    const words = p.text.split(' ');
    words.splice(Math.floor(rand() * words.length), 2, ...sentence(4).split(' '));
    return {
      id: proposalId(`g${i}`),
      party: parties[i % parties.length] as string,
      coSponsors: [],
      supporters: [],
      action,
      targets: [{ paragraph: p.id, label: p.label, point: null }],
      position: action === 'insert' ? 'after' : null,
      label: action === 'insert' ? `${p.label} bis` : p.label,
      text: action === 'amend' ? words.join(' ') : action === 'insert' ? `${sentence(30)}.` : '',
      textMode: 'replace',
      rationale: rand() < 0.5 ? sentence(15) : '',
      summary: '',
      status: 'tabled',
      decision: null,
      decisionNote: '',
      relatedTo: null,
      links: [],
      versions: [{ number: 1, text: '', rationale: '', tabledAt: NOW }],
      illustrative: false,
      source: null,
    };
  });
};

// The next revision: one paragraph in ten reworded, one in a hundred removed.
const revised = (doc: BisDocument): BisDocument => ({
  ...doc,
  revision: 'Rev.1',
  blocks: doc.blocks.flatMap((b, i): Block[] => {
    if (b.kind !== 'paragraph') return [b];
    if (i % 100 === 7) return [];
    return [i % 10 === 3 ? { ...b, text: `${b.text.replace(/ \S+ \S+/, ' strongly')} and beyond` } : b];
  }),
});

const run = async (name: string, doc: BisDocument, proposals: Proposal[]) => {
  const input = { document: doc, proposals };
  const cmp = await time(
    `${name}: export comparison .docx (${proposals.length} proposals)`,
    () => exportView('comparison', 'docx', input, { now: NOW }),
    kb,
  );
  await time(
    `${name}: export compilation .docx`,
    () => exportView('compilation', 'docx', input, { now: NOW }),
    kb,
  );
  const rev = await time(
    `${name}: export revision .docx (${paragraphsOf(doc).length} paragraphs)`,
    () => exportView('revision', 'docx', input),
    kb,
  );
  const next = revised(doc);
  const tracked = await time(
    `${name}: export revision with tracked changes`,
    () => exportView('revision', 'docx', { document: next, proposals: [], previous: doc }, { now: NOW }),
    kb,
  );
  await time(
    `${name}: compare two versions as .docx`,
    () => compareDocumentsAs(doc, next, 'docx', { now: NOW }),
    kb,
  );
  await time(
    `${name}: import text from .docx`,
    () => importDocxText(bytes(rev)),
    (d) => `${paragraphsOf(d).length} paragraphs`,
  );
  await time(
    `${name}: import proposals from the comparison .docx`,
    () => importDocxProposals(bytes(cmp), { party: 'X', base: doc }),
    (r) => `${r.set.proposals.length} proposals, ${r.errors.length} errors`,
  );
  await time(
    `${name}: import proposals from a track-changed .docx`,
    () => importDocxProposals(bytes(tracked), { party: 'Secretariat', base: doc }),
    (r) => `${r.set.proposals.length} proposals, ${r.errors.length} errors`,
  );
};

const ohchr = importText(fixture('ohchr-standard-setting-report.txt'));
const lines = ['Synthetic WSIS+20 base', ''];
for (let n = 77; n <= 135; n++)
  lines.push(`${n}. We reaffirm that human rights are central (paragraph ${n}).`, '');
const wsis = importText(lines.join('\n'));
const au = importWrittenProposals(fixture('au-wsis20-written-amendments.txt'), {
  party: 'African Union',
  base: wsis,
}).set.proposals;
await run('OHCHR (72 ¶)', ohchr, proposalsFor(ohchr, 100));
await run('AU on synthetic base', wsis, au);
const big = generated();
await run('generated', big, proposalsFor(big, 5000));

// Hostile files: how long refusing takes, and how much the heap grows meanwhile.
const TYPES =
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const enc = (x: string) => new TextEncoder().encode(x);
const bomb = zipSync(
  { '[Content_Types].xml': enc(TYPES), 'word/document.xml': new Uint8Array(64 * 1024 * 1024) },
  { level: 9 },
);
// The same bomb declaring 1,000 bytes: caught while inflating, not from the directory.
const liar = new Uint8Array(bomb);
{
  const v = new DataView(liar.buffer);
  let e = liar.length - 22;
  while (v.getUint32(e, true) !== 0x06054b50) e--;
  let o = v.getUint32(e + 16, true);
  for (let k = 0; k < v.getUint16(e + 10, true); k++) {
    const n = v.getUint16(o + 28, true);
    if (new TextDecoder().decode(liar.subarray(o + 46, o + 46 + n)) === 'word/document.xml') {
      v.setUint32(o + 24, 1000, true);
      v.setUint32(v.getUint32(o + 42, true) + 22, 1000, true);
    }
    o += 46 + n + v.getUint16(o + 30, true) + v.getUint16(o + 32, true);
  }
}
const refuse = (bytes: Uint8Array) => () => {
  const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  try {
    importDocxText(bytes);
  } catch (e) {
    const after = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    return `${(e as Error).message.slice(0, 60)}… (+${Math.max(0, Math.round((after - before) / 1024))} KB)`;
  }
  return 'NOT REFUSED';
};
await time(`hostile: 64 MB zip bomb (${Math.round(bomb.length / 1024)} KB file)`, refuse(bomb), (m) => m);
await time('hostile: the same bomb lying about its size', refuse(liar), (m) => m);
const xxe = zipSync({
  '[Content_Types].xml': enc(TYPES),
  'word/document.xml': enc('<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>'),
});
await time('hostile: external entity', refuse(xxe), (m) => m);

const w = [Math.max(...rows.map((r) => (r[0] as string).length)), 8];
console.log(`${'what'.padEnd(w[0] as number)}  ${'ms'.padStart(6)}  result`);
for (const [a, b, c] of rows)
  console.log(`${(a as string).padEnd(w[0] as number)}  ${(b as string).padStart(6)}  ${c}`);
