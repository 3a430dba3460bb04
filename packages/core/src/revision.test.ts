import { describe, expect, it } from 'vitest';
import { docOf, para, pid, prop, tabled, tgt } from './builders.test-util';
import {
  applyDecided,
  type BisDocument,
  bracketedText,
  carryOver,
  emptyWorkingState,
  inputReport,
  markAppliedByHand,
  type Proposal,
  paragraphsOf,
  proposalId,
  provenanceOf,
  publishRevision,
  revisionChanges,
  setBrackets,
  setParagraphStatus,
  type WorkingState,
  workingStateFromJSON,
} from './index';

const ids = () => {
  let n = 0;
  return () => `n${++n}`;
};
const accepted = (f: Parameters<typeof tabled>[0], decision: Proposal['decision'] = 'accepted') => ({
  ...tabled(f),
  decision,
});
const labels = (d: BisDocument) => paragraphsOf(d).map((p) => p.label);
const textOf = (d: BisDocument, label: string) => paragraphsOf(d).find((p) => p.label === label)?.text;
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

const base = docOf('76', '77', '78', '79', '80');
const start = emptyWorkingState(0);

describe('applyDecided', () => {
  it('applies an accepted amendment and records its provenance', () => {
    const p = accepted({ id: 'a1', action: 'amend', targets: [tgt('77')], text: 'New 77.' });
    const r = applyDecided(base, start, [p], { newId: ids() });
    expect(r.conflicts).toEqual([]);
    expect(textOf(r.document, '77')).toBe('New 77.');
    expect(r.applied).toEqual([
      expect.objectContaining({ proposal: 'a1', changed: [pid('77')], inserted: [], removed: [] }),
    ]);
    expect(r.state.paragraphs[pid('77')]).toMatchObject({
      proposals: ['a1'],
      status: 'pending',
      editing: false,
    });
  });

  it('inserts, deletes and moves, one command after another', () => {
    const ins = accepted({
      id: 'i',
      action: 'insert',
      targets: [tgt('77')],
      text: 'Inserted.',
      label: '77 bis',
    });
    const del = accepted({ id: 'd', action: 'delete', targets: [tgt('79')] });
    const mov = accepted({ id: 'm', action: 'move', targets: [tgt('76'), tgt('80')] });
    const newId = ids();
    let doc = base;
    let state = start;
    for (const p of [ins, del, mov]) {
      const r = applyDecided(doc, state, [p], { newId });
      expect(r.conflicts).toEqual([]);
      doc = r.document;
      state = r.state;
    }
    expect(labels(doc)).toEqual(['77', '77 bis', '78', '80', '76']);
    expect(state.applied.map((a) => [a.proposal, a.inserted, a.removed, a.moved])).toEqual([
      ['i', ['n1'], [], null],
      ['d', [], [pid('79')], null],
      ['m', [], [], pid('76')],
    ]);
    expect(state.paragraphs.n1?.proposals).toEqual(['i']);
  });

  it('refuses proposals that are not accepted, or already applied', () => {
    const undecided = tabled({ id: 'u', action: 'amend', targets: [tgt('77')], text: 'x' });
    const rejected = { ...undecided, id: proposalId('r'), decision: 'not-retained' as const };
    const draft = prop({ id: 'dr', action: 'amend', targets: [tgt('77')], text: 'x', decision: 'accepted' });
    const r = applyDecided(base, start, [undecided, rejected, draft], { newId: ids() });
    expect(r.conflicts.map((c) => [c.kind, 'proposal' in c ? c.proposal : null])).toEqual([
      ['not-accepted', 'r'],
      ['not-accepted', 'u'],
      ['not-accepted', 'dr'],
    ]);
    const ok1 = accepted({ id: 'ok', action: 'amend', targets: [tgt('77')], text: 'y' });
    const once = applyDecided(base, start, [ok1], { newId: ids() });
    const twice = applyDecided(once.document, once.state, [ok1], { newId: ids() });
    expect(twice.conflicts).toEqual([{ kind: 'already-applied', proposal: 'ok', label: '77' }]);
    expect(twice.document).toEqual(once.document);
  });

  it('shows two accepted proposals on one paragraph as a conflict, and applies the second only when forced', () => {
    const a = accepted({ id: 'a', action: 'amend', targets: [tgt('78')], text: 'A wording.' });
    const b = accepted({ id: 'b', action: 'amend', targets: [tgt('78')], text: 'B wording.' });
    const first = applyDecided(base, start, [a], { newId: ids() });
    const second = applyDecided(first.document, first.state, [b], { newId: ids() });
    expect(second.conflicts).toEqual([
      { kind: 'already-changed', proposal: 'b', paragraph: pid('78'), label: '78', by: ['a'] },
    ]);
    expect(textOf(second.document, '78')).toBe('A wording.');
    const forced = applyDecided(first.document, first.state, [b], { newId: ids(), force: true });
    expect(forced.conflicts).toEqual([]);
    expect(textOf(forced.document, '78')).toBe('B wording.');
    expect(forced.state.paragraphs[pid('78')]?.proposals).toEqual(['a', 'b']);
  });

  it('reports both proposals of one batch on one paragraph, applying neither', () => {
    const a = accepted({ id: 'a', action: 'amend', targets: [tgt('78')], text: 'A.' });
    const b = accepted({ id: 'b', action: 'delete', targets: [tgt('78')] });
    const r = applyDecided(base, start, [a, b], { newId: ids() });
    expect(r.conflicts).toEqual([
      { kind: 'overlap', paragraph: pid('78'), label: '78', proposals: ['a', 'b'] },
    ]);
    expect(r.applied).toEqual([]);
  });

  it('names the proposal that deleted a target', () => {
    const del = accepted({ id: 'd', action: 'delete', targets: [tgt('79')] });
    const amend = accepted({ id: 'x', action: 'amend', targets: [tgt('79')], text: 'Late.' });
    const first = applyDecided(base, start, [del], { newId: ids() });
    const r = applyDecided(first.document, first.state, [amend], { newId: ids() });
    expect(r.conflicts).toEqual([
      { kind: 'target-deleted', proposal: 'x', paragraph: pid('79'), label: '79', by: 'd' },
    ]);
  });

  it('refuses an insertion anchored on a moved paragraph unless forced', () => {
    const mov = accepted({ id: 'm', action: 'move', targets: [tgt('76'), tgt('80')] });
    const ins = accepted({
      id: 'i',
      action: 'insert',
      targets: [tgt('76')],
      text: 'After 76.',
      label: '76 bis',
    });
    const first = applyDecided(base, start, [mov], { newId: ids() });
    const r = applyDecided(first.document, first.state, [ins], { newId: ids() });
    expect(r.conflicts).toEqual([
      { kind: 'anchor-moved', proposal: 'i', paragraph: pid('76'), label: '76', by: 'm' },
    ]);
    // In one batch too.
    const both = applyDecided(base, start, [mov, ins], { newId: ids() });
    expect(both.conflicts.map((c) => c.kind)).toEqual(['anchor-moved']);
    const forced = applyDecided(first.document, first.state, [ins], { newId: ids(), force: true });
    expect(labels(forced.document)).toEqual(['77', '78', '79', '80', '76', '76 bis']);
  });

  it('opens a paragraph for editing after an accepted-as-modified proposal', () => {
    const p = accepted(
      { id: 'm', action: 'amend', targets: [tgt('80')], text: 'Roughly.' },
      'accepted-as-modified',
    );
    const r = applyDecided(base, start, [p], { newId: ids() });
    expect(r.applied[0]?.modified).toBe(true);
    expect(r.state.paragraphs[pid('80')]?.editing).toBe(true);
    const agreed = unwrap(setParagraphStatus(r.document, r.state, pid('80'), 'agreed'));
    expect(agreed.paragraphs[pid('80')]).toMatchObject({ status: 'agreed', editing: false });
  });
});

describe('status, brackets and provenance', () => {
  it('keeps statuses and brackets as data and prints brackets with alternatives', () => {
    const doc = docOf(para('1', 'States shall protect human rights online.'), '2');
    let s = unwrap(setParagraphStatus(doc, start, pid('1'), 'agreed-ad-ref'));
    s = unwrap(setBrackets(doc, s, pid('1'), [{ passage: 'shall', alternatives: ['should'] }]));
    expect(s.paragraphs[pid('1')]).toMatchObject({ status: 'agreed-ad-ref' });
    expect(
      bracketedText('States shall protect human rights online.', s.paragraphs[pid('1')]?.brackets ?? []),
    ).toBe('States [shall] / [should] protect human rights online.');
    expect(setParagraphStatus(doc, s, pid('1'), 'agreed')).toEqual({
      ok: false,
      reason: '§1 still has bracketed text: settle the brackets before marking it agreed.',
    });
    expect(setBrackets(doc, s, pid('1'), [{ passage: 'absent words', alternatives: [] }]).ok).toBe(false);
    expect(setParagraphStatus(doc, s, pid('9'), 'agreed').ok).toBe(false);
    expect(workingStateFromJSON(JSON.parse(JSON.stringify(s)))).toEqual(s);
    expect(() =>
      workingStateFromJSON({ base: 0, applied: [], paragraphs: { x: { status: 'done' } } }),
    ).toThrow(/paragraphs\.x/);
  });

  it('tells base text, proposals and the chairs apart', () => {
    const p = accepted({ id: 'a', action: 'amend', targets: [tgt('77')], text: 'From a.' });
    const r = applyDecided(base, start, [p], { newId: ids() });
    const edited: BisDocument = {
      ...r.document,
      blocks: r.document.blocks.map((b) =>
        b.kind === 'paragraph' && b.label === '78' ? { ...b, text: 'Chairs.' } : b,
      ),
    };
    const prov = provenanceOf(base, edited, r.state);
    expect(prov.map((x) => [x.label, x.origin, x.proposals])).toEqual([
      ['76', 'base', []],
      ['77', 'proposals', ['a']],
      ['78', 'chairs', []],
      ['79', 'base', []],
      ['80', 'base', []],
    ]);
  });

  it('records a conflict resolved by hand', () => {
    const b = accepted({ id: 'b', action: 'amend', targets: [tgt('78')], text: 'B.' });
    const s = unwrap(markAppliedByHand(base, start, b, [pid('78')], 'merged with A'));
    expect(s.applied[0]).toMatchObject({ proposal: 'b', byHand: true, note: 'merged with A' });
    expect(s.paragraphs[pid('78')]?.proposals).toEqual(['b']);
    expect(markAppliedByHand(base, s, b, [pid('78')], '').ok).toBe(false);
  });
});

describe('publishRevision', () => {
  const build = () => {
    const newId = ids();
    const ps = [
      accepted({ id: 'i', action: 'insert', targets: [tgt('77')], text: 'Inserted.', label: '77 bis' }),
      accepted({ id: 'd', action: 'delete', targets: [tgt('79')] }),
      accepted({ id: 'a', action: 'amend', targets: [tgt('80')], text: 'Shall protect rights.' }),
    ];
    const r = applyDecided(base, start, ps, { newId });
    return r;
  };

  it('renumbers and writes the concordance with the proposals behind each paragraph', () => {
    const r = build();
    const state = unwrap(
      setBrackets(r.document, r.state, pid('80'), [{ passage: 'Shall', alternatives: ['Should'] }]),
    );
    const pub = unwrap(publishRevision(base, r.document, state, 'Rev.1'));
    expect(pub.document.revision).toBe('Rev.1');
    expect(labels(pub.document)).toEqual(['1', '2', '3', '4', '5']);
    expect(textOf(pub.document, '5')).toBe('[Shall] / [Should] protect rights.');
    expect(pub.concordance.map((c) => [c.from, c.working, c.to, c.proposals])).toEqual([
      ['76', '76', '1', []],
      ['77', '77', '2', []],
      [null, '77 bis', '3', ['i']],
      ['78', '78', '4', []],
      ['79', null, null, ['d']],
      ['80', '80', '5', ['a']],
    ]);
  });

  it('refuses a working text with a paragraph that has no id yet', () => {
    const broken: BisDocument = { ...base, blocks: [...base.blocks, { ...para('81'), id: pid('') }] };
    const r = publishRevision(
      base,
      {
        ...broken,
        blocks: broken.blocks.map((b) =>
          b.kind === 'paragraph' && b.label === '81' ? { ...b, id: '' as never } : b,
        ),
      },
      start,
      'Rev.1',
    );
    expect(r.ok).toBe(false);
  });

  it('carries unapplied proposals over with their targets relabelled', () => {
    const r = build();
    const pub = unwrap(publishRevision(base, r.document, r.state, 'Rev.1'));
    const late = [
      tabled({ id: 'l1', action: 'amend', targets: [tgt('78')], text: 'Later.' }),
      tabled({ id: 'l2', action: 'insert', targets: [tgt('78')], text: 'After 78.', label: '78 bis' }),
      tabled({ id: 'l3', action: 'amend', targets: [tgt('79')], text: 'Gone.' }),
    ];
    const carried = carryOver(late, pub.concordance, pub.document, (id) => proposalId(`${id}-r1`));
    expect(carried.map((c) => [c.draft.id, c.draft.label, c.draft.status, c.lost])).toEqual([
      ['l1-r1', '4', 'draft', []],
      ['l2-r1', '4 bis', 'draft', []],
      ['l3-r1', '79', 'draft', ['79']],
    ]);
    expect(carried[0]?.draft.targets).toEqual([{ paragraph: pid('78'), label: '4', point: null }]);
  });

  it('reports where each input landed', () => {
    const r = build();
    const pub = unwrap(publishRevision(base, r.document, r.state, 'Rev.1'));
    const all: Proposal[] = [
      accepted({ id: 'i', action: 'insert', targets: [tgt('77')], text: 'Inserted.', label: '77 bis' }),
      accepted({ id: 'd', action: 'delete', targets: [tgt('79')] }),
      {
        ...tabled({ id: 'n', action: 'amend', targets: [tgt('76')], text: 'No.' }),
        decision: 'not-retained',
      },
      { ...tabled({ id: 'w', action: 'amend', targets: [tgt('76')], text: 'W.' }), status: 'withdrawn' },
      {
        ...tabled({ id: 'g', action: 'amend', targets: [tgt('77')], text: 'G.' }),
        decision: 'merged',
        relatedTo: proposalId('i'),
      },
    ];
    expect(
      inputReport(all, r.state, pub.concordance, r.document).map((x) => [x.proposal, x.outcome, x.landed]),
    ).toEqual([
      ['i', 'applied', ['3']],
      ['d', 'applied', ['deleted (was 79)']],
      ['n', 'not-retained', []],
      ['w', 'withdrawn', []],
      ['g', 'merged', ['3']],
    ]);
  });
});

describe('revisionChanges', () => {
  it('aligns by id, not by label', () => {
    const r = applyDecided(
      base,
      start,
      [
        accepted({ id: 'a', action: 'amend', targets: [tgt('77')], text: 'Changed.' }),
        accepted({ id: 'm', action: 'move', targets: [tgt('76'), tgt('80')] }),
        accepted({ id: 'd', action: 'delete', targets: [tgt('78')] }),
        accepted({ id: 'i', action: 'insert', targets: [tgt('79')], text: 'New.', label: '79 bis' }),
      ],
      { newId: ids() },
    );
    const pub = unwrap(publishRevision(base, r.document, r.state as WorkingState, 'Rev.1'));
    expect(revisionChanges(base, pub.document)).toEqual({
      changed: [pid('77')],
      inserted: ['n1'],
      deleted: [pid('78')],
      moved: [pid('76')],
    });
  });
});
