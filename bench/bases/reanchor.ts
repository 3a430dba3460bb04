/**
 * Times `documentHash` of a 5,000-paragraph text and `reanchorProposals` of 5,000 proposals
 * written against it onto its next revision (250 new paragraphs so that most are renumbered,
 * 500 reworded, 100 deleted). A measurement, not a test: run `npx tsx bench/bases/reanchor.ts`
 * and read the table (median of 5 runs, ms) and the outcomes.
 */
import {
  type BisDocument,
  baseRefOf,
  documentHash,
  evenKeys,
  type Paragraph,
  type Proposal,
  paragraphId,
  proposalId,
  reanchorProposals,
} from '@bis/core';

const PARAGRAPHS = 5000;
const PROPOSALS = 5000;

let seed = 11;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const WORDS =
  'we reaffirm that human rights apply online as offline and call upon states the private sector civil society and technical community to ensure digital technologies respect protect and fulfil rights including privacy expression participation standards interoperability'.split(
    ' ',
  );
const words = (n: number) =>
  Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');

const paragraph = (i: number, text: string, label = String(i + 1)): Paragraph => ({
  kind: 'paragraph',
  id: paragraphId(`p${i}`),
  order: evenKeys(1)[0] as Paragraph['order'],
  label,
  text,
  points: [],
  footnotes: [],
});

const doc = (revision: string, paras: Paragraph[]): BisDocument => {
  const keys = evenKeys(paras.length);
  return {
    title: 'Generated outcome document',
    symbol: 'A/80/L.99',
    revision,
    preamble: '',
    blocks: paras.map((p, i) => ({ ...p, label: String(i + 1), order: keys[i] as Paragraph['order'] })),
  };
};

// Serial numbers keep every paragraph's text distinct, as in a real text.
const rev1Paras = Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i, `${words(30)} (item ${i}).`));
const rev1 = doc('Rev.1', rev1Paras);

const rev2Paras: Paragraph[] = [];
for (const [i, p] of rev1Paras.entries()) {
  const r = rand();
  if (r < 0.02) continue; // deleted
  rev2Paras.push(r < 0.12 ? { ...p, text: p.text.replace(' ', ' firmly ') } : p);
  if (rand() < 0.05) rev2Paras.push(paragraph(PARAGRAPHS + i, `${words(25)} (new ${i}).`));
}
const rev2 = doc('Rev.2', rev2Paras);

const base = baseRefOf(rev1);
const proposals: Proposal[] = Array.from({ length: PROPOSALS }, (_, k) => {
  const p = rev1.blocks[Math.floor(rand() * PARAGRAPHS)] as Paragraph;
  const r = rand();
  const action = r < 0.4 ? 'amend' : r < 0.6 ? 'delete' : r < 0.8 ? 'retain' : 'insert';
  return {
    id: proposalId(`x${k}`),
    party: 'Bench',
    coSponsors: [],
    supporters: [],
    action,
    targets: [{ paragraph: p.id, label: p.label, point: null }],
    position: action === 'insert' ? 'after' : null,
    label: action === 'insert' ? `${p.label} bis` : p.label,
    text:
      action === 'amend'
        ? p.text.replace(/\.$/, `, ${words(4)}.`)
        : action === 'insert'
          ? `${words(20)}.`
          : '',
    textMode: 'replace',
    rationale: '',
    summary: '',
    status: 'tabled',
    decision: null,
    decisionNote: '',
    relatedTo: null,
    links: [],
    versions: [],
    illustrative: false,
    source: null,
    base,
  };
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const time = (f: () => unknown): number[] =>
  Array.from({ length: 5 }, () => {
    const t = performance.now();
    f();
    return performance.now() - t;
  });

// A fresh copy each time: hashes are remembered per document value.
const hashMs = time(() => documentHash({ ...rev1 }));
let outcomes: Record<string, number> = {};
const reanchorMs = time(() => {
  const r = reanchorProposals(proposals, rev2, [rev1]);
  if (!r.ok) throw new Error(r.reason);
  outcomes = {};
  for (const e of r.entries) outcomes[e.outcome] = (outcomes[e.outcome] ?? 0) + 1;
});
console.log('| what | median of 5 (ms) |');
console.log('| --- | ---: |');
console.log(
  `| documentHash, ${PARAGRAPHS} paragraphs (${Math.round(JSON.stringify(rev1).length / 1024)} kB) | ${median(hashMs).toFixed(1)} |`,
);
console.log(
  `| reanchorProposals, ${PROPOSALS} proposals onto ${rev2Paras.length} paragraphs | ${median(reanchorMs).toFixed(1)} |`,
);
console.log(`outcomes: ${JSON.stringify(outcomes)}`);
