import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docOf, heading, labelOnly, para, pid, prop, tabled, tgt } from './builders.test-util';
import {
  type ApplyOptions,
  apply,
  type BisDocument,
  documentFromJSON,
  documentToJSON,
  labelForInsert,
  type Paragraph,
  type Proposal,
  paragraphsOf,
} from './index';

const base = () =>
  docOf(
    heading('I', 'Human rights'),
    para('76', 'Seventy-six.'),
    para('77', 'We reaffirm that human rights are central.'),
    para('78', 'Chapeau:', [
      ['a', 'first;'],
      ['b', 'second.'],
    ]),
    para('79', 'Seventy-nine.'),
  );

const ids = (): ApplyOptions => {
  let n = 0;
  return { newId: () => `new${++n}` };
};

const labels = (d: BisDocument) => paragraphsOf(d).map((p) => p.label);
const byLabel = (d: BisDocument, label: string): Paragraph | undefined =>
  paragraphsOf(d).find((p) => p.label === label);

// The invariants of any document: it survives JSON, which checks ids, labels and key order.
const expectValid = (d: BisDocument) => {
  expect(documentFromJSON(JSON.parse(JSON.stringify(documentToJSON(d))))).toEqual(d);
};

describe('apply', () => {
  it('replaces the text of an amended paragraph and leaves the others as they were', () => {
    const doc = base();
    const r = apply(doc, [prop({ id: 'a', action: 'amend', targets: [tgt('77')], text: 'New 77.' })], ids());
    expect(byLabel(r.document, '77')?.text).toBe('New 77.');
    expect(r.applied).toEqual(['a']);
    expect(r.conflicts).toEqual([]);
    const before = paragraphsOf(doc);
    paragraphsOf(r.document).forEach((p, i) => {
      if (p.label !== '77') expect(p).toBe(before[i]);
      else expect(p.order).toBe(before[i]?.order);
    });
  });

  it('applies a quotation with a middle ellipsis by keeping the text and adding the rest', () => {
    const text = 'We reaffirm that human rights are central ... Digital transformation must centre dignity.';
    const r = apply(base(), [prop({ action: 'amend', targets: [tgt('77')], text })], ids());
    expect(byLabel(r.document, '77')?.text).toBe(
      'We reaffirm that human rights are central. Digital transformation must centre dignity.',
    );
  });

  it('puts added words inside the sentence, and keeps a footnote marker at the end', () => {
    const p77 = {
      ...para('77', 'We welcome the IRTF.'),
      footnotes: [{ mark: '3', offset: 20, text: 'See A/1.' }],
    };
    const p76 = {
      ...para('76', 'We note it.'),
      footnotes: [{ mark: '2', offset: 10, text: 'Before the stop.' }],
    };
    const r = apply(
      docOf(p76, p77),
      [
        prop({ action: 'amend', targets: [tgt('77')], text: 'including the IETF', textMode: 'append' }),
        prop({ action: 'amend', targets: [tgt('76')], text: '... with concern' }),
      ],
      ids(),
    );
    const after77 = byLabel(r.document, '77');
    expect(after77?.text).toBe('We welcome the IRTF including the IETF.');
    expect(after77?.footnotes).toEqual([{ mark: '3', offset: 39, text: 'See A/1.' }]);
    // A marker on the last word before the full stop stays on that word.
    const after76 = byLabel(r.document, '76');
    expect(after76?.text).toBe('We note it with concern.');
    expect(after76?.footnotes[0]?.offset).toBe(10);
    expectValid(r.document);
  });

  it('changes only the targeted point of a point amendment', () => {
    const r = apply(base(), [prop({ action: 'amend', targets: [tgt('78', 'b')], text: 'better.' })], ids());
    const p78 = byLabel(r.document, '78');
    expect(p78?.text).toBe('Chapeau:');
    expect(p78?.points.map((p) => [p.label, p.text])).toEqual([
      ['a', 'first;'],
      ['b', 'better.'],
    ]);
  });

  it('inserts a new paragraph after its anchor with a new id, the next label and a key between', () => {
    const r = apply(
      base(),
      [prop({ id: 'i', action: 'insert', targets: [tgt('77')], label: '77 bis', text: 'HRDD.' })],
      ids(),
    );
    expect(labels(r.document)).toEqual(['76', '77', '77 bis', '78', '79']);
    const bis = byLabel(r.document, '77 bis');
    expect(bis).toMatchObject({ id: 'new1', text: 'HRDD.', points: [] });
    expect(r.inserted).toEqual([{ proposal: 'i', paragraph: 'new1', label: '77 bis', point: null }]);
    expectValid(r.document);
  });

  it('labels rival insertions at one place in tabling order: 77 bis, then 77 ter', () => {
    const r = apply(
      base(),
      [
        tabled(
          { id: 'eu', action: 'insert', targets: [tgt('77')], text: 'EU.', party: 'EU' },
          '2025-06-02T09:00:00Z',
        ),
        tabled({ id: 'au', action: 'insert', targets: [tgt('77')], text: 'AU.' }, '2025-06-01T09:00:00Z'),
      ],
      ids(),
    );
    expect(paragraphsOf(r.document).map((p) => `${p.label}:${p.text}`)).toEqual([
      '76:Seventy-six.',
      '77:We reaffirm that human rights are central.',
      '77 bis:AU.',
      '77 ter:EU.',
      '78:Chapeau:',
      '79:Seventy-nine.',
    ]);
    expectValid(r.document);
  });

  it('labels rival undecided drafts at one place in the order written: by source line, then by id in natural order', () => {
    const labelled = (ps: Proposal[]) =>
      paragraphsOf(apply(base(), ps, ids()).document)
        .filter((p) => p.label.startsWith('77 '))
        .map((p) => `${p.label}:${p.text}`);
    // Two chained insertions after §77, drafts with no tabling time: `x-87` was made first.
    const first = prop({ id: 'x-87', action: 'insert', targets: [tgt('77')], text: 'First.' });
    const second = prop({ id: 'x-142', action: 'insert', targets: [tgt('77')], text: 'Second.' });
    expect(labelled([second, first])).toEqual(['77 bis:First.', '77 ter:Second.']);
    expect(labelled([first, second])).toEqual(['77 bis:First.', '77 ter:Second.']);
    // Read from one file, the line written on decides, whatever the ids.
    const file = 'au-amendments.txt';
    const upper = prop({ ...first, id: 'au-9', source: { file, line: 12 } });
    const lower = prop({ ...second, id: 'au-10', source: { file, line: 4 } });
    expect(labelled([upper, lower])).toEqual(['77 bis:Second.', '77 ter:First.']);
  });

  it('inserts before the first paragraph with the label the numbering rules give', () => {
    const r = apply(
      base(),
      [prop({ action: 'insert', targets: [tgt('76')], position: 'before', text: 'First.' })],
      ids(),
    );
    expect(labels(r.document)).toEqual([labelForInsert(['76', '77', '78', '79'], 0), '76', '77', '78', '79']);
    // After the heading, before the paragraph.
    expect(r.document.blocks.map((b) => b.kind)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    expectValid(r.document);
  });

  it('removes deleted paragraphs and points', () => {
    const r = apply(
      base(),
      [
        prop({ action: 'delete', targets: [tgt('76')] }),
        prop({ action: 'delete', targets: [tgt('78', 'a')] }),
      ],
      ids(),
    );
    expect(labels(r.document)).toEqual(['77', '78', '79']);
    expect(byLabel(r.document, '78')?.points.map((p) => p.label)).toEqual(['b']);
  });

  it('does not give a new paragraph the label of one deleted in the same revision', () => {
    const doc = docOf('77', '77 bis', '78');
    const r = apply(
      doc,
      [
        prop({ action: 'delete', targets: [tgt('77 bis')] }),
        prop({ action: 'insert', targets: [tgt('77')], text: 'N.' }),
      ],
      ids(),
    );
    expect(labels(r.document)).not.toContain('77 bis');
    expect(labels(r.document)).toHaveLength(3);
    expectValid(r.document);
  });

  it('still places an insertion anchored on a deleted paragraph where that paragraph was', () => {
    const r = apply(
      base(),
      [
        prop({ action: 'delete', targets: [tgt('77')] }),
        prop({ action: 'insert', targets: [tgt('77')], text: 'N.' }),
      ],
      ids(),
    );
    expect(paragraphsOf(r.document).map((p) => p.text)).toEqual([
      'Seventy-six.',
      'N.',
      'Chapeau:',
      'Seventy-nine.',
    ]);
    expectValid(r.document);
  });

  it('moves a paragraph after its anchor, keeping its id and label, with a fitting key', () => {
    const r = apply(base(), [prop({ action: 'move', targets: [tgt('77'), tgt('79')] })], ids());
    expect(labels(r.document)).toEqual(['76', '78', '79', '77']);
    expect(byLabel(r.document, '77')?.id).toBe(pid('77'));
    expectValid(r.document);
  });

  it('changes nothing for a retention but counts it as applied', () => {
    const doc = base();
    const r = apply(
      doc,
      [prop({ id: 'keep', action: 'retain', targets: [tgt('77')], text: 'Keep but strengthen' })],
      ids(),
    );
    expect(r.document.blocks).toEqual(doc.blocks);
    expect(r.applied).toEqual(['keep']);
  });

  it('applies an alternative only when the chairs accepted it', () => {
    const alt = tabled({ id: 'alt', action: 'alternative', targets: [tgt('77')], text: 'Alt 77.' });
    const open = apply(base(), [alt], ids());
    expect(byLabel(open.document, '77')?.text).toBe('We reaffirm that human rights are central.');
    expect(open.skipped).toEqual(['alt']);
    const chosen = apply(base(), [{ ...alt, decision: 'accepted' }], ids());
    expect(byLabel(chosen.document, '77')?.text).toBe('Alt 77.');
  });

  it('skips withdrawn proposals and those decided against, and honours a custom choice', () => {
    const a = tabled({ id: 'a', action: 'amend', targets: [tgt('76')], text: 'A.' });
    const ps: Proposal[] = [
      { ...a, status: 'withdrawn' },
      { ...a, id: 'b' as Proposal['id'], decision: 'not-retained' },
      { ...a, id: 'c' as Proposal['id'], decision: 'deferred' },
    ];
    expect(apply(base(), ps, ids()).skipped).toEqual(['a', 'b', 'c']);
    const only = apply(base(), ps, { ...ids(), chosen: (p) => p.id === 'c' });
    expect(only.applied).toEqual(['c']);
  });

  it('reports two proposals changing one paragraph as a conflict and applies neither', () => {
    const r = apply(
      base(),
      [
        prop({ id: 'x', action: 'amend', targets: [tgt('77')], text: 'X.' }),
        prop({ id: 'y', action: 'delete', targets: [tgt('77')] }),
        prop({ id: 'z', action: 'amend', targets: [tgt('79')], text: 'Z.' }),
      ],
      ids(),
    );
    expect(r.conflicts).toEqual([
      { kind: 'overlap', paragraph: pid('77'), label: '77', proposals: ['x', 'y'] },
    ]);
    expect(byLabel(r.document, '77')?.text).toBe('We reaffirm that human rights are central.');
    expect(r.applied).toEqual(['z']);
  });

  it('applies amendments of different points of one paragraph, but not of a point and its paragraph', () => {
    const two = apply(
      base(),
      [
        prop({ action: 'amend', targets: [tgt('78', 'a')], text: 'A;' }),
        prop({ action: 'amend', targets: [tgt('78', 'b')], text: 'B.' }),
      ],
      ids(),
    );
    expect(two.conflicts).toEqual([]);
    expect(byLabel(two.document, '78')?.points.map((p) => p.text)).toEqual(['A;', 'B.']);
    const clash = apply(
      base(),
      [
        prop({ id: 'pt', action: 'amend', targets: [tgt('78', 'a')], text: 'A;' }),
        prop({ id: 'whole', action: 'delete', targets: [tgt('78')] }),
      ],
      ids(),
    );
    expect(clash.conflicts.map((c) => c.kind)).toEqual(['overlap']);
    expect(clash.applied).toEqual([]);
  });

  it('reports a moved paragraph that another proposal amends as a conflict', () => {
    const r = apply(
      base(),
      [
        prop({ action: 'move', targets: [tgt('77'), tgt('79')] }),
        prop({ action: 'amend', targets: [tgt('77')], text: 'X' }),
      ],
      ids(),
    );
    expect(r.conflicts.map((c) => c.kind)).toEqual(['overlap']);
    expect(labels(r.document)).toEqual(['76', '77', '78', '79']);
  });

  it('reports a target not in the text instead of dropping the proposal silently', () => {
    const r = apply(
      base(),
      [
        prop({ id: 'far', action: 'amend', targets: [labelOnly('93')], label: '93', text: 'X' }),
        prop({ id: 'gone', action: 'delete', targets: [tgt('12')], label: '12' }),
      ],
      ids(),
    );
    expect(r.conflicts).toEqual([
      {
        kind: 'missing-target',
        proposal: 'far',
        label: '93',
        reason: '§93 is not resolved to a paragraph of the text',
      },
      { kind: 'missing-target', proposal: 'gone', label: '12', reason: '§12 (p12) is not in this text' },
    ]);
    expect(r.applied).toEqual([]);
  });

  it('gives each paragraph of a run its part when the text has one part per paragraph', () => {
    const r = apply(
      base(),
      [prop({ action: 'amend', targets: [tgt('76'), tgt('77')], text: 'New 76.\n\nNew 77.' })],
      ids(),
    );
    expect(
      paragraphsOf(r.document)
        .map((p) => p.text)
        .slice(0, 2),
    ).toEqual(['New 76.', 'New 77.']);
  });

  it('merges a run into its first paragraph when the text is one block', () => {
    const r = apply(
      base(),
      [prop({ action: 'amend', targets: [tgt('76'), tgt('77')], text: 'Merged.' })],
      ids(),
    );
    expect(labels(r.document)).toEqual(['76', '78', '79']);
    expect(byLabel(r.document, '76')?.text).toBe('Merged.');
  });

  it('adds a continuing text to the last paragraph of a run', () => {
    const r = apply(
      base(),
      [prop({ action: 'amend', targets: [tgt('76'), tgt('77')], text: '...And more.' })],
      ids(),
    );
    expect(
      paragraphsOf(r.document)
        .map((p) => p.text)
        .slice(0, 2),
    ).toEqual(['Seventy-six.', 'We reaffirm that human rights are central. And more.']);
  });

  it('inserts a new point after a point, lettered by the same rules', () => {
    const r = apply(
      base(),
      [prop({ id: 'np', action: 'insert', targets: [tgt('78', 'a')], text: 'new;' })],
      ids(),
    );
    expect(byLabel(r.document, '78')?.points.map((p) => p.label)).toEqual(['a', 'a bis', 'b']);
    expect(r.inserted).toEqual([{ proposal: 'np', paragraph: pid('78'), label: 'a bis', point: 'a bis' }]);
  });

  it('applies an amendment of a point and a new point after it together', () => {
    const r = apply(
      base(),
      [
        prop({ action: 'insert', targets: [tgt('78', 'a')], text: 'new;' }),
        prop({ action: 'amend', targets: [tgt('78', 'a')], text: 'A;' }),
      ],
      ids(),
    );
    expect(r.conflicts).toEqual([]);
    expect(byLabel(r.document, '78')?.points.map((p) => `${p.label}:${p.text}`)).toEqual([
      'a:A;',
      'a bis:new;',
      'b:second.',
    ]);
  });

  it('reports a new point in a paragraph that another proposal deletes as a conflict', () => {
    const r = apply(
      base(),
      [
        prop({ id: 'np', action: 'insert', targets: [tgt('78', 'a')], text: 'new;' }),
        prop({ id: 'del', action: 'delete', targets: [tgt('78')] }),
        prop({ id: 'pb', action: 'amend', targets: [tgt('78', 'a')], text: 'A;' }),
      ],
      ids(),
    );
    expect(r.conflicts).toEqual([
      { kind: 'overlap', paragraph: pid('78'), label: '78', proposals: ['pb', 'del', 'np'] },
    ]);
    expect(labels(r.document)).toContain('78');
  });

  it('refuses an id generator that repeats an id', () => {
    expect(() =>
      apply(base(), [prop({ action: 'insert', targets: [tgt('77')], text: 'N.' })], { newId: () => 'p77' }),
    ).toThrow(/already used/);
  });

  it('sets the revision name when asked', () => {
    expect(apply(base(), [], { ...ids(), revision: 'Rev.1' }).document.revision).toBe('Rev.1');
  });

  it('always yields a valid document whose untouched paragraphs are unchanged (random proposals)', () => {
    const doc = docOf(...Array.from({ length: 12 }, (_, i) => String(i + 1)));
    const labelsOf = (d: BisDocument) => paragraphsOf(d).map((p) => p.label);
    const all = labelsOf(doc);
    const action = fc.constantFrom('amend', 'insert', 'delete', 'move', 'retain' as const);
    const proposal = fc
      .record({
        action,
        a: fc.integer({ min: 0, max: all.length - 1 }),
        b: fc.integer({ min: 0, max: all.length - 1 }),
        before: fc.boolean(),
        hour: fc.integer({ min: 0, max: 23 }),
      })
      .map(({ action, a, b, before, hour }) => {
        const la = all[a] ?? '1';
        const lb = all[b] ?? '1';
        const targets = action === 'move' ? [tgt(la), tgt(lb)] : [tgt(la)];
        const placed = action === 'insert' || action === 'move';
        return tabled(
          { action, targets, text: `T${a}`, position: placed ? (before ? 'before' : 'after') : null },
          `2025-06-01T${String(hour).padStart(2, '0')}:00:00Z`,
        );
      });
    fc.assert(
      fc.property(fc.array(proposal, { maxLength: 10 }), (ps) => {
        const r = apply(doc, ps, ids());
        expectValid(r.document);
        const touched = new Set(
          ps.flatMap((p) =>
            p.action === 'retain' || p.action === 'insert' ? [] : [p.targets[0]?.paragraph],
          ),
        );
        for (const p of paragraphsOf(doc))
          if (!touched.has(p.id)) expect(paragraphsOf(r.document)).toContainEqual(p);
        const inserts = ps.filter((p) => p.action === 'insert').length;
        expect(r.inserted).toHaveLength(inserts);
        // Every proposal is accounted for exactly once.
        const conflicted = r.conflicts.flatMap((c) => (c.kind === 'overlap' ? c.proposals : [c.proposal]));
        expect(new Set([...r.applied, ...conflicted, ...r.skipped]).size).toBe(ps.length);
      }),
      { seed: 20251125, numRuns: 300 },
    );
  });
});
