import { describe, expect, it } from 'vitest';
import { docOf, heading, labelOnly, para, prop, tabled, tgt } from './builders.test-util';
import {
  type Compilation,
  type CompilationRow,
  compareProposals,
  compile,
  type ParagraphRow,
  type Proposal,
} from './index';

const doc = docOf(
  heading('I', 'Human rights'),
  '76',
  '77',
  para('78', 'Seventy-eight.', [['a', 'A point.']]),
  '79',
);

// A compact picture of the rows: `§77: a1 a2`, `+77 bis: i1`, `# I`.
const picture = (c: Compilation): string[] =>
  c.rows.map((r: CompilationRow) => {
    if (r.kind === 'heading') return `# ${r.heading.number}`;
    const ids = r.proposals.map((p) => p.id).join(' ');
    if (r.kind === 'paragraph') return `§${r.paragraph.label}:${ids ? ` ${ids}` : ''}`;
    return `${r.position === 'after' ? '+' : '-'}${r.label}: ${ids}`;
  });

describe('compile', () => {
  it('lists every heading and paragraph in order with its proposals', () => {
    const c = compile(doc, [
      prop({ id: 'a', action: 'amend', targets: [tgt('77')] }),
      prop({ id: 'd', action: 'delete', targets: [tgt('79')] }),
    ]);
    expect(picture(c)).toEqual(['# I', '§76:', '§77: a', '§78:', '§79: d']);
    expect(c.unplaced).toEqual([]);
  });

  it('shows an insertion after 77 between 77 and 78 with its label', () => {
    const c = compile(doc, [prop({ id: 'i', action: 'insert', targets: [tgt('77')], label: '77 bis' })]);
    expect(picture(c)).toEqual(['# I', '§76:', '§77:', '+77 bis: i', '§78:', '§79:']);
  });

  it('shows an insertion before the first paragraph after the heading and before that paragraph', () => {
    const c = compile(doc, [
      prop({ id: 'i', action: 'insert', targets: [tgt('76')], position: 'before', label: '0' }),
    ]);
    expect(picture(c)).toEqual(['# I', '-0: i', '§76:', '§77:', '§78:', '§79:']);
  });

  it('puts rival insertions with one label in one row, and different labels in label order', () => {
    const c = compile(doc, [
      tabled({ id: 'ter', action: 'insert', targets: [tgt('77')], label: '77 ter' }, '2025-06-01T09:00:00Z'),
      tabled({ id: 'eu', action: 'insert', targets: [tgt('77')], label: '77bis', party: 'EU' }),
      tabled({ id: 'au', action: 'insert', targets: [tgt('77')], label: '77 bis', party: 'AU' }),
    ]);
    expect(picture(c)).toEqual(['# I', '§76:', '§77:', '+77 bis: au eu', '+77 ter: ter', '§78:', '§79:']);
  });

  it('orders a paragraph’s proposals by action, then tabling time, then party, then id', () => {
    const at = (h: number) => `2025-06-01T${String(h).padStart(2, '0')}:00:00Z`;
    const ps: Proposal[] = [
      tabled({ id: 'r', action: 'retain', targets: [tgt('77')] }, at(1)),
      tabled({ id: 'late', action: 'amend', targets: [tgt('77')], party: 'A' }, at(12)),
      prop({ id: 'draft', action: 'amend', targets: [tgt('77')], party: 'A' }),
      tabled({ id: 'z2', action: 'amend', targets: [tgt('77')], party: 'Zambia' }, at(9)),
      tabled({ id: 'z1', action: 'amend', targets: [tgt('77')], party: 'Zambia' }, at(9)),
      tabled({ id: 'b', action: 'amend', targets: [tgt('77')], party: 'Brazil' }, at(9)),
      tabled({ id: 'alt', action: 'alternative', targets: [tgt('77')] }, at(2)),
      tabled({ id: 'del', action: 'delete', targets: [tgt('77')] }, at(3)),
      tabled({ id: 'mv', action: 'move', targets: [tgt('77'), tgt('79')] }, at(0)),
    ];
    const row = compile(doc, ps).rows.find(
      (r): r is ParagraphRow => r.kind === 'paragraph' && r.paragraph.label === '77',
    );
    expect(row?.proposals.map((p) => p.id)).toEqual([
      'b',
      'z1',
      'z2',
      'late',
      'draft',
      'alt',
      'del',
      'r',
      'mv',
    ]);
    // The order does not depend on the input order.
    expect(compile(doc, [...ps].reverse()).rows).toEqual(compile(doc, ps).rows);
    expect([...ps].sort(compareProposals).map((p) => p.id)[0]).toBe('b');
  });

  it('lists a run amendment under its first paragraph and a point amendment under its paragraph', () => {
    const c = compile(doc, [
      prop({ id: 'run', action: 'amend', targets: [tgt('77'), tgt('78')], label: '77–78' }),
      prop({ id: 'pt', action: 'amend', targets: [tgt('78', 'a')] }),
    ]);
    expect(picture(c)).toEqual(['# I', '§76:', '§77: run', '§78: pt', '§79:']);
  });

  it('lists proposals it cannot place apart, with the reason, in label order', () => {
    const c = compile(doc, [
      prop({ id: 'u93', action: 'amend', targets: [labelOnly('93')], label: '93' }),
      prop({ id: 'u77', action: 'amend', targets: [labelOnly('77')], label: '77' }),
      prop({ id: 'gone', action: 'delete', targets: [tgt('12')], label: '12' }),
      prop({ id: 'nopoint', action: 'amend', targets: [tgt('78', 'z')], label: '78 (z)' }),
      prop({ id: 'ok', action: 'amend', targets: [tgt('77')] }),
    ]);
    expect(c.unplaced.map((u) => u.proposal.id)).toEqual(['gone', 'u77', 'nopoint', 'u93']);
    expect(c.unplaced.map((u) => u.reason)).toEqual([
      '§12 (p12) is not in this text',
      '§77 is not resolved to a paragraph of the text',
      '§78 has no point (z)',
      '§93 is not resolved to a paragraph of the text',
    ]);
    expect(picture(c)).toContain('§77: ok');
  });

  it('filters by party (proponent or co-sponsor), action and status', () => {
    const ps = [
      tabled({ id: 'au', action: 'amend', targets: [tgt('77')], party: 'African Union' }),
      prop({ id: 'eu', action: 'amend', targets: [tgt('77')], party: 'EU', coSponsors: ['Norway'] }),
      tabled({ id: 'del', action: 'delete', targets: [tgt('79')], party: 'Norway' }),
      prop({ id: 'far', action: 'amend', targets: [labelOnly('93')], party: 'EU' }),
    ];
    const ids = (c: Compilation) => [
      ...c.rows.flatMap((r) => (r.kind === 'heading' ? [] : r.proposals.map((p) => p.id))),
      ...c.unplaced.map((u) => u.proposal.id),
    ];
    expect(ids(compile(doc, ps, { party: 'Norway' }))).toEqual(['eu', 'del']);
    expect(ids(compile(doc, ps, { party: ['African Union', 'EU'] }))).toEqual(['au', 'eu', 'far']);
    expect(ids(compile(doc, ps, { action: 'delete' }))).toEqual(['del']);
    expect(ids(compile(doc, ps, { status: 'tabled' }))).toEqual(['au', 'del']);
    expect(ids(compile(doc, ps, { status: 'tabled', party: 'EU' }))).toEqual([]);
  });
});
