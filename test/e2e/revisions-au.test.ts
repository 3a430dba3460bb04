/**
 * The African Union's real written amendments (fixtures/au-wsis20-written-amendments.txt)
 * applied to a base text, published as Rev.1: the expected concordance (77 bis → 78 …).
 *
 * The WSIS+20 zero draft they target is not among the fixtures, so the base here is a SYNTHETIC
 * text of paragraphs 1 … 140 ("Zero draft paragraph N."), built in this test and never shown
 * as the real zero draft. Also: applying, publishing and comparing (with @bis/formats'
 * `compareDocuments`, aligned by paragraph id) recovers exactly what was applied.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  applyDecided,
  type BisDocument,
  emptyWorkingState,
  evenKeys,
  inputReport,
  markAppliedByHand,
  type Proposal,
  paragraphId,
  paragraphsOf,
  publishRevision,
  type WorkingState,
} from '@bis/core';
import { compareDocuments, importWrittenProposals } from '@bis/formats';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const auText = readFileSync(`${root}fixtures/au-wsis20-written-amendments.txt`, 'utf8');

const syntheticBase = (n: number): BisDocument => {
  const keys = evenKeys(n);
  return {
    title: 'Synthetic base text (not the WSIS+20 zero draft)',
    symbol: null,
    revision: 'Zero draft',
    preamble: '',
    blocks: keys.map((order, i) => ({
      kind: 'paragraph' as const,
      id: paragraphId(`z${i + 1}`),
      order,
      label: String(i + 1),
      text: `Zero draft paragraph ${i + 1}.`,
      points: [],
      footnotes: [],
    })),
  };
};

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

const setup = () => {
  const base = syntheticBase(140);
  const imported = importWrittenProposals(auText, { party: 'African Union', base });
  // Tabled and accepted, the way the chairs would decide them all at once.
  const proposals: Proposal[] = imported.set.proposals.map((p) => ({
    ...p,
    status: 'tabled',
    decision: 'accepted',
    versions: [{ number: 1, text: p.text, rationale: p.rationale, tabledAt: '2025-08-01T10:00:00.000Z' }],
  }));
  return { base, proposals, errors: imported.errors };
};

describe('the AU amendments → Rev.1 of a synthetic 140-paragraph base', () => {
  it('applies them one by one, shows the conflicts, and publishes the expected concordance', () => {
    const { base, proposals, errors } = setup();
    // §97 bis ("keep as rights-focused baseline") points at a paragraph the AU itself proposes:
    // no error, the retain names that insertion and its target stays a label.
    expect(errors).toEqual([]);
    expect(proposals.find((p) => p.action === 'retain')?.relatedTo).toBe(
      proposals.find((p) => p.action === 'insert' && p.label === '97 bis')?.id,
    );
    let n = 0;
    const newId = () => `new${++n}`;
    let doc = base;
    let state: WorkingState = emptyWorkingState(0);
    const conflicts: string[] = [];
    for (const p of proposals) {
      const r = applyDecided(doc, state, [p], { newId });
      for (const c of r.conflicts) conflicts.push(`${c.kind} ${p.label}`);
      doc = r.document;
      state = r.state;
    }
    // §93 is amended twice (by the §92–93 run, then alone); the retention aims at an unresolved label.
    expect(conflicts).toEqual(['already-changed 93', 'missing-target 97 bis']);
    const second = proposals.find((p) => p.label === '93' && p.action === 'amend');
    if (!second) throw new Error('no §93 amendment in the fixture');
    // The chairs resolve it by merging both additions into §93 by hand.
    const z93 = paragraphId('z93');
    doc = {
      ...doc,
      blocks: doc.blocks.map((b) =>
        b.kind === 'paragraph' && b.id === z93 ? { ...b, text: `${b.text} ${second.text}` } : b,
      ),
    };
    state = unwrap(markAppliedByHand(doc, state, second, [z93], 'merged with the §92–93 addition'));

    const pub = unwrap(publishRevision(base, doc, state, 'Rev.1'));
    const paras = paragraphsOf(pub.document);
    expect(paras).toHaveLength(148);
    expect(paras.map((p) => p.label)).toEqual(paras.map((_, i) => String(i + 1)));

    const row = (working: string) => pub.concordance.find((r) => r.working === working);
    const expected: [string, string][] = [
      ['76', '76'],
      ['77', '77'],
      ['77 bis', '78'],
      ['78', '79'],
      ['81', '82'],
      ['81 bis', '83'],
      ['82', '84'],
      ['85', '87'],
      ['85 bis', '88'],
      ['86', '89'],
      ['91', '94'],
      ['91 bis', '95'],
      ['92', '96'],
      ['93', '97'],
      ['93 bis', '98'],
      ['94', '99'],
      ['97', '102'],
      ['97 bis', '103'],
      ['98', '104'],
      ['98 bis', '105'],
      ['99', '106'],
      ['135', '142'],
      ['135 bis', '143'],
      ['136', '144'],
      ['140', '148'],
    ];
    expect(expected.map(([w]) => [w, row(w)?.to])).toEqual(expected);
    // And so on through the text: an old paragraph N moves down by the insertions before it.
    const insertedAfter = [77, 81, 85, 91, 93, 97, 98, 135];
    for (let k = 1; k <= 140; k++) {
      const r = row(String(k));
      expect(r?.from).toBe(String(k));
      expect(r?.to).toBe(String(k + insertedAfter.filter((a) => a < k).length));
    }
    // Each new paragraph names the proposal it came from; §93 names both.
    expect(row('77 bis')?.from).toBeNull();
    expect(row('77 bis')?.proposals).toEqual([proposals.find((p) => p.label === '77 bis')?.id]);
    expect(row('93')?.proposals).toHaveLength(2);

    const report = inputReport(proposals, state, pub.concordance, doc);
    expect(report.map((r) => [r.label, r.outcome, r.landed.join(', ')])).toContainEqual([
      '77 bis',
      'applied',
      '78',
    ]);
    expect(report.find((r) => r.label === '97 bis' && r.action === 'retain')?.outcome).toBe(
      'accepted-not-applied',
    );
    expect(report.find((r) => r.label === '93')?.outcome).toBe('applied-by-hand');

    // Comparing Zero draft and Rev.1 (aligned by id) finds exactly what was applied.
    const cmp = compareDocuments(base, pub.document);
    expect(cmp.alignedBy).toBe('id');
    const kinds = (k: string) => cmp.rows.filter((r) => r.kind === k).map((r) => r.new?.id ?? r.old?.id);
    const amended = new Set(
      proposals
        .filter((p) => p.action === 'amend')
        .flatMap((p) => p.targets.slice(-1).map((t) => t.paragraph)),
    );
    expect(new Set(kinds('changed'))).toEqual(amended);
    expect(kinds('added')).toHaveLength(8);
    expect(kinds('removed')).toEqual([]);
    // The word-level runs of each amended row rebuild the old and the new text exactly.
    for (const r of cmp.rows.filter((x) => x.kind === 'changed')) {
      const side = (skip: string) =>
        r.runs
          .filter((x) => x.op !== skip)
          .map((x) => x.text)
          .join('');
      expect(side('insert')).toBe(r.old?.text);
      expect(side('delete')).toBe(r.new?.text);
    }
  });
});
