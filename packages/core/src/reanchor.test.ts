import { describe, expect, it } from 'vitest';
import { apply } from './apply';
import { docOf, heading, para, prop, tgt } from './builders.test-util';
import { baseRefOf } from './document-hash';
import { type BisDocument, type Paragraph, paragraphId, paragraphsOf } from './model';
import { reanchorProposals } from './reanchor';

const rev1: BisDocument = {
  ...docOf(
    heading('I', 'Participation'),
    para('1', 'Member States recognize that technical standards shape the exercise of human rights.'),
    para('2', 'Member States shall promote open standards in standard-developing organizations.'),
    para('3', 'Organizations are encouraged to publish working documents free of charge.', [
      ['a', 'participant lists;'],
      ['b', 'meeting minutes.'],
    ]),
    para('4', 'The Secretary-General is requested to report on participation at the eighty-second session.'),
    para('5', 'Member States commit to closing the gender gap in standard-setting delegations.'),
    para('6', 'Organizations should offer interpretation into the official languages.'),
  ),
  symbol: 'A/80/L.41',
  revision: 'Rev.1',
};

// Rev.2 as a revision built from Rev.1 gives it: ids kept, a new paragraph 2, the rest renumbered.
const rev2: BisDocument = {
  ...rev1,
  revision: 'Rev.2',
  blocks: [
    heading('I', 'Participation'),
    para('1', 'Member States recognize that technical standards shape the exercise of human rights.'),
    {
      ...para('2', 'Member States note the contribution of the Internet Governance Forum.'),
      id: paragraphId('new'),
    },
    {
      ...para(
        '2',
        'Member States shall actively promote open standards in standard-developing organizations.',
      ),
      label: '3',
    },
    {
      ...para('3', 'Organizations are encouraged to publish working documents free of charge.', [
        ['a', 'participant lists;'],
        ['b', 'meeting minutes.'],
      ]),
      label: '4',
    },
    para('5', 'Member States commit to closing the gender gap in standard-setting delegations by 2030.'),
    para('6', 'Organizations should offer interpretation into the official languages.'),
  ],
};

const from1 = baseRefOf(rev1);
const on1 = (fields: Parameters<typeof prop>[0]) => prop({ ...fields, base: from1 });

const run = (proposals: Parameters<typeof reanchorProposals>[0], to = rev2, bases = [rev1]) => {
  const r = reanchorProposals(proposals, to, bases);
  if (!r.ok) throw new Error(r.reason);
  return r;
};

const textOf = (doc: BisDocument, label: string): string | undefined =>
  paragraphsOf(doc).find((p: Paragraph) => p.label === label)?.text;

describe('reanchorProposals', () => {
  it('applies a delegation’s change to the reworded paragraph instead of striking the chairs’ word', () => {
    const amend = on1({
      id: 'k2',
      action: 'amend',
      targets: [tgt('2')],
      text: 'Member States shall promote open and interoperable standards in standard-developing organizations.',
    });
    const r = run([amend]);
    expect(r.proposals[0]).toMatchObject({
      label: '3',
      targets: [{ paragraph: 'p2', label: '3', point: null }],
      text: 'Member States shall actively promote open and interoperable standards in standard-developing organizations.',
      base: baseRefOf(rev2),
    });
    expect(r.entries).toEqual([
      expect.objectContaining({ proposal: 'k2', outcome: 'rebased', label: '2', newLabel: '3' }),
    ]);
    expect(r.entries[0]?.message).toBe(
      "Rev.1 §2 → Rev.2 §3: §3 was reworded in Rev.2; the proposal's own changes are applied to the new wording",
    );
  });

  it('follows a renumbered paragraph and point by their text, and relabels insertions and runs', () => {
    const retain = on1({ id: 'r3', action: 'retain', targets: [tgt('3')] });
    const point = on1({ id: 'd3b', action: 'delete', targets: [tgt('3', 'b')], label: '3 (b)' });
    const insert = on1({ id: 'i3bis', action: 'insert', targets: [tgt('3')], label: '3 bis', text: 'New.' });
    const runOf = on1({ id: 'r23', action: 'retain', targets: [tgt('1'), tgt('3')], label: '1–3' });
    const r = run([retain, point, insert, runOf]);
    expect(
      r.proposals.map((p) => [p.label, p.targets.map((t) => t.label + (t.point ? ` (${t.point})` : ''))]),
    ).toEqual([
      ['4', ['4']],
      ['4 (b)', ['4 (b)']],
      ['4 bis', ['4']],
      ['1–4', ['1', '4']],
    ]);
    expect(r.entries.map((e) => e.outcome)).toEqual(['moved', 'moved', 'moved', 'moved']);
    expect(r.entries[0]?.message).toBe('Rev.1 §3 → Rev.2 §4: found by its text (§3 → §4)');
  });

  it('finds paragraphs of a separately imported text (other ids) by their text', () => {
    const imported: BisDocument = {
      ...rev2,
      blocks: rev2.blocks.map((b, i) => (b.kind === 'paragraph' ? { ...b, id: paragraphId(`q${i}`) } : b)),
    };
    const r = run([on1({ id: 'r6', action: 'retain', targets: [tgt('6')] })], imported);
    expect(r.proposals[0]?.targets[0]).toEqual({ paragraph: 'q6', label: '6', point: null });
    expect(r.entries[0]?.outcome).toBe('moved');
  });

  it('keeps acting on a reworded paragraph for a deletion or an insertion after it, and says so', () => {
    const del = on1({ id: 'd5', action: 'delete', targets: [tgt('5')] });
    const ins = on1({ id: 'i5bis', action: 'insert', targets: [tgt('5')], label: '5 bis', text: 'New.' });
    const r = run([del, ins]);
    expect(r.entries.map((e) => [e.outcome, e.newLabel])).toEqual([
      ['changed', '5'],
      ['changed', '5 bis'],
    ]);
    expect(r.entries[0]?.message).toBe(
      'Rev.1 §5 → Rev.2 §5: §5 was reworded in Rev.2; the proposal still acts on it (§5 → §5)',
    );
  });

  it('does not place a proposal whose paragraph is gone or whose change collides with the new wording', () => {
    const gone = on1({ id: 'd4', action: 'delete', targets: [tgt('4')] });
    const clash = on1({
      id: 'k5',
      action: 'amend',
      targets: [tgt('5')],
      text: 'Member States commit to closing the gender gap in standard-setting delegations by 2028.',
    });
    const r = run([gone, clash]);
    expect(r.entries.map((e) => [e.proposal, e.outcome, e.newLabel])).toEqual([
      ['d4', 'unplaced', null],
      ['k5', 'unplaced', null],
    ]);
    expect(r.entries[0]?.message).toBe('Rev.1 §4 not placed in Rev.2: the text of its §4 is not in Rev.2');
    expect(r.entries[1]?.message).toBe(
      'Rev.1 §5 not placed in Rev.2: §5 was reworded in Rev.2 where the proposal changes it',
    );
    // Unplaced proposals lose their paragraph: exports list them apart, a revision never applies them.
    expect(r.proposals.flatMap((p) => p.targets.map((t) => t.paragraph))).toEqual([null, null]);
    const built = apply(rev2, r.proposals, { newId: () => 'n' });
    expect(textOf(built.document, '5')).toBe(textOf(rev2, '5'));
  });

  it('leaves proposals on the same text, and those with no base, as they are, with no entry', () => {
    const same = prop({ id: 's', action: 'delete', targets: [tgt('1')], base: baseRefOf(rev2) });
    const none = prop({ id: 'n', action: 'delete', targets: [tgt('1')] });
    const r = run([same, none]);
    expect(r.proposals).toEqual([same, none]);
    expect(r.entries).toEqual([]);
  });

  it('refuses, naming both texts, when the text a proposal was written against is not given', () => {
    const r = reanchorProposals([on1({ id: 'x', action: 'delete', targets: [tgt('1')] })], rev2, []);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toMatch(
      /^1 proposal was written against “Rev\.1” of A\/80\/L\.41 \(sha256:.{8}…\), not against “Rev\.2” of A\/80\/L\.41/,
    );
    expect(r.missing).toEqual([from1]);
  });

  it('gives proposals that apply to the new text as the delegation meant', () => {
    const amend = on1({
      id: 'k2',
      action: 'amend',
      targets: [tgt('2')],
      text: 'Member States shall promote open and interoperable standards in standard-developing organizations.',
    });
    const r = run([amend]);
    const built = apply(rev2, r.proposals, { newId: () => 'n' });
    expect(built.conflicts).toEqual([]);
    expect(textOf(built.document, '3')).toBe(
      'Member States shall actively promote open and interoperable standards in standard-developing organizations.',
    );
  });
});
