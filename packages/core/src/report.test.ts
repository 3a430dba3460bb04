import { describe, expect, it } from 'vitest';
import { docOf, pid, tabled, tgt } from './builders.test-util';
import {
  applyDecided,
  type BisDocument,
  emptyWorkingState,
  inputReport,
  markAppliedByHand,
  type Proposal,
  publishRevision,
} from './index';

const accepted = (f: Parameters<typeof tabled>[0], decision: Proposal['decision'] = 'accepted') => ({
  ...tabled(f),
  decision,
});
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const base = docOf('76', '77', '78', '79', '80');
// The chairs' own edit of one paragraph's text in the working document.
const edit = (doc: BisDocument, label: string, text: string): BisDocument => ({
  ...doc,
  blocks: doc.blocks.map((b) => (b.kind === 'paragraph' && b.label === label ? { ...b, text } : b)),
});

describe('inputReport: applied, modified or not', () => {
  const ps = [
    // Accepted as modified, but the chairs left its words as they were: applied as tabled.
    accepted({ id: 'm', action: 'amend', targets: [tgt('77')], text: 'As tabled.' }, 'accepted-as-modified'),
    // Accepted as modified and edited by the chairs: applied as modified.
    accepted(
      { id: 'e', action: 'amend', targets: [tgt('78')], text: 'Before the edit.' },
      'accepted-as-modified',
    ),
    // Accepted, then corrected by the chairs after applying it over a conflict: modified too.
    accepted({ id: 'a', action: 'amend', targets: [tgt('79')], text: 'in Africa. including persons' }),
    // Accepted and left alone.
    accepted({ id: 'k', action: 'amend', targets: [tgt('80')], text: 'Kept.' }),
  ];
  const report = () => {
    let k = 0;
    const r = applyDecided(base, emptyWorkingState(0), ps, { newId: () => `n${++k}` });
    const working = edit(edit(r.document, '78', 'After the edit.'), '79', 'in Africa, including persons.');
    const pub = unwrap(publishRevision(base, working, r.state, 'Rev.1'));
    return inputReport(ps, r.state, pub.concordance, working);
  };

  it('says "applied as modified" only where the chairs changed the text the proposal left', () => {
    expect(report().map((x) => [x.proposal, x.decision, x.outcome, x.landed])).toEqual([
      ['m', 'accepted-as-modified', 'applied', ['2']],
      ['e', 'accepted-as-modified', 'applied-as-modified', ['3']],
      ['a', 'accepted', 'applied-as-modified', ['4']],
      ['k', 'accepted', 'applied', ['5']],
    ]);
  });

  it('an edit that restores the applied words is no modification', () => {
    let k = 0;
    const r = applyDecided(base, emptyWorkingState(0), ps, { newId: () => `n${++k}` });
    const working = edit(edit(r.document, '78', 'Typed over.'), '78', 'Before the edit.');
    const pub = unwrap(publishRevision(base, working, r.state, 'Rev.1'));
    const rows = inputReport(ps, r.state, pub.concordance, working);
    expect(rows.find((x) => x.proposal === 'e')?.outcome).toBe('applied');
  });

  it('a proposal applied by hand is reported so, edited or not', () => {
    const p = accepted({ id: 'h', action: 'amend', targets: [tgt('77')], text: 'By hand.' });
    const working = edit(base, '77', 'Merged by the chairs.');
    const state = unwrap(markAppliedByHand(working, emptyWorkingState(0), p, [pid('77')], 'merged'));
    const pub = unwrap(publishRevision(base, working, state, 'Rev.1'));
    expect(inputReport([p], state, pub.concordance, working)[0]?.outcome).toBe('applied-by-hand');
  });
});
