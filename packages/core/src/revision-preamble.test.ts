// Revision building with the preamble styles of real resolutions: a lettered preamble (`A.`,
// `B.` …, labels PP1, PP2 …), an unnumbered one (labels PP1 … as references only), status tags
// and chapeau headings. Insertions, publication and the concordance must keep all of it.
import { describe, expect, it } from 'vitest';
import { docOf, heading, para, tabled, tgt } from './builders.test-util';
import {
  applyDecided,
  type BisDocument,
  carryOver,
  emptyWorkingState,
  type Heading,
  type LabelStyle,
  type Paragraph,
  type Proposal,
  paragraphsOf,
  printedLabel,
  proposalId,
  publishRevision,
} from './index';

const ids = () => {
  let n = 0;
  return () => `n${++n}`;
};
const styled = (label: string, labelStyle: LabelStyle | null, tags?: string[]): Paragraph => ({
  ...para(label),
  ...(labelStyle ? { labelStyle } : {}),
  ...(tags ? { tags } : {}),
});
const chapeau = (title: string, tags?: string[]): Heading => ({
  ...heading(null, title),
  role: 'chapeau',
  ...(tags ? { tags } : {}),
});
const accepted = (f: Parameters<typeof tabled>[0]): Proposal => ({ ...tabled(f), decision: 'accepted' });
const printed = (d: BisDocument) => paragraphsOf(d).map((p) => printedLabel(p.label, p.labelStyle));
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

const lettered = docOf(
  chapeau('We, the Ministers,'),
  styled('PP1', 'lettered'),
  styled('PP2', 'lettered'),
  styled('PP3', 'lettered', ['agreed']),
  chapeau('Adopt the following:', ['ad ref']),
  styled('1', null, ['Suggested for Closure']),
  '2',
);

const unnumbered = docOf(
  chapeau('The General Assembly,'),
  styled('PP1', 'unnumbered'),
  styled('PP2', 'unnumbered', ['agreed']),
  '1',
  '2',
);

describe('insertions into a preamble', () => {
  it('labels an insertion into a lettered preamble PP2 bis, lettered (printed B bis)', () => {
    const p = accepted({ id: 'i', action: 'insert', targets: [tgt('PP2')], text: 'Noting also …,' });
    const r = applyDecided(lettered, emptyWorkingState(0), [p], { newId: ids() });
    expect(r.conflicts).toEqual([]);
    const added = paragraphsOf(r.document).find((x) => x.id === 'n1');
    expect(added).toMatchObject({ label: 'PP2 bis', labelStyle: 'lettered', text: 'Noting also …,' });
    expect(printed(r.document)).toEqual(['A', 'B', 'B bis', 'C', '1', '2']);
  });

  it('keeps an insertion after the last preambular paragraph in the preamble, unnumbered', () => {
    const p = accepted({ id: 'i', action: 'insert', targets: [tgt('PP2')], text: 'Mindful …,' });
    const r = applyDecided(unnumbered, emptyWorkingState(0), [p], { newId: ids() });
    expect(paragraphsOf(r.document).map((x) => [x.label, x.labelStyle ?? null])).toEqual([
      ['PP1', 'unnumbered'],
      ['PP2', 'unnumbered'],
      ['PP2 bis', 'unnumbered'],
      ['1', null],
      ['2', null],
    ]);
    expect(printed(r.document)).toEqual(['', '', '', '1', '2']);
  });

  it('labels an insertion before the first operative paragraph in the operative series (0)', () => {
    const before = accepted({
      id: 'b',
      action: 'insert',
      position: 'before',
      targets: [tgt('1')],
      text: 'Decides …;',
    });
    const after = accepted({ id: 'a', action: 'insert', targets: [tgt('PP2')], text: 'Mindful …,' });
    const r = applyDecided(unnumbered, emptyWorkingState(0), [after, before], { newId: ids() });
    expect(r.conflicts).toEqual([]);
    const byText = (t: string) => paragraphsOf(r.document).find((x) => x.text === t);
    expect(byText('Mindful …,')).toMatchObject({ label: 'PP2 bis', labelStyle: 'unnumbered' });
    expect(byText('Decides …;')?.label).toBe('0');
    expect(byText('Decides …;')).not.toHaveProperty('labelStyle');
  });

  it('keeps tags and chapeau headings through amendments', () => {
    const p = accepted({ id: 'a', action: 'amend', targets: [tgt('PP3')], text: 'Recalling [also] …,' });
    const r = applyDecided(lettered, emptyWorkingState(0), [p], { newId: ids() });
    const pp3 = paragraphsOf(r.document).find((x) => x.label === 'PP3');
    expect(pp3).toMatchObject({ text: 'Recalling [also] …,', labelStyle: 'lettered', tags: ['agreed'] });
    expect(r.document.blocks.filter((b) => b.kind === 'heading')).toEqual(
      lettered.blocks.filter((b) => b.kind === 'heading'),
    );
  });
});

describe('publishing a revision with a preamble', () => {
  it('renumbers a lettered preamble and keeps it lettered: PP2 bis → PP3, printed C', () => {
    const p = accepted({ id: 'i', action: 'insert', targets: [tgt('PP2')], text: 'Noting also …,' });
    const r = applyDecided(lettered, emptyWorkingState(0), [p], { newId: ids() });
    const pub = unwrap(publishRevision(lettered, r.document, r.state, 'Rev.1'));
    const paras = paragraphsOf(pub.document);
    expect(paras.map((x) => x.label)).toEqual(['PP1', 'PP2', 'PP3', 'PP4', '1', '2']);
    expect(printed(pub.document)).toEqual(['A', 'B', 'C', 'D', '1', '2']);
    expect(paras.find((x) => x.label === 'PP4')?.tags).toEqual(['agreed']);
    expect(paras.find((x) => x.label === '1')?.tags).toEqual(['Suggested for Closure']);
    expect(pub.document.blocks.filter((b) => b.kind === 'heading')).toEqual(
      lettered.blocks.filter((b) => b.kind === 'heading'),
    );
    const row = pub.concordance.find((c) => c.working === 'PP2 bis');
    expect(row).toMatchObject({ from: null, to: 'PP3', labelStyle: 'lettered', proposals: ['i'] });
    const moved = pub.concordance.find((c) => c.from === 'PP3');
    expect(
      moved && [
        printedLabel(moved.from ?? '', moved.labelStyle),
        printedLabel(moved.to ?? '', moved.labelStyle),
      ],
    ).toEqual(['C', 'D']);
    expect(pub.concordance.find((c) => c.from === '1')).not.toHaveProperty('labelStyle');
  });

  it('keeps an unnumbered preamble unnumbered and numbers the operative part apart', () => {
    const ps = [
      accepted({ id: 'i', action: 'insert', targets: [tgt('PP1')], text: 'Reaffirming …,' }),
      accepted({ id: 'o', action: 'insert', position: 'before', targets: [tgt('1')], text: 'Decides …;' }),
      accepted({ id: 'd', action: 'delete', targets: [tgt('PP2')] }),
    ];
    const r = applyDecided(unnumbered, emptyWorkingState(0), ps, { newId: ids() });
    expect(r.conflicts).toEqual([]);
    const pub = unwrap(publishRevision(unnumbered, r.document, r.state, 'Rev.1'));
    expect(paragraphsOf(pub.document).map((x) => [x.label, x.labelStyle ?? null, x.text])).toEqual([
      ['PP1', 'unnumbered', 'Text of PP1.'],
      ['PP2', 'unnumbered', 'Reaffirming …,'],
      ['1', null, 'Decides …;'],
      ['2', null, 'Text of 1.'],
      ['3', null, 'Text of 2.'],
    ]);
    expect(printed(pub.document)).toEqual(['', '', '1', '2', '3']);
    // The deleted paragraph keeps its style in the concordance: it was an unnumbered one.
    expect(pub.concordance.find((c) => c.from === 'PP2')).toMatchObject({
      to: null,
      labelStyle: 'unnumbered',
    });
  });

  it('carries insertions over in their anchor series: before 1 → 0, after PP2 → PP2 bis', () => {
    const r = applyDecided(unnumbered, emptyWorkingState(0), [], { newId: ids() });
    const pub = unwrap(publishRevision(unnumbered, r.document, r.state, 'Rev.1'));
    const late = [
      tabled({ id: 'b', action: 'insert', position: 'before', targets: [tgt('1')], text: 'Decides …;' }),
      tabled({ id: 'a', action: 'insert', targets: [tgt('PP2')], text: 'Mindful …,' }),
    ];
    const carried = carryOver(late, pub.concordance, pub.document, (id) => proposalId(`${id}-r1`));
    expect(carried.map((c) => c.draft.label)).toEqual(['0', 'PP2 bis']);
  });
});
