import { describe, expect, it } from 'vitest';
import { docOf, heading, labelOnly, prop, tgt } from './builders.test-util';
import { paragraphsOf, proposalsIn, sectionOf } from './index';

const doc = docOf(
  heading('I', 'Introduction'),
  '1',
  heading('II', 'Standards'),
  heading('A', 'Transparency', 2),
  '2',
  '3',
  heading('B', 'Participation', 2),
  '4',
  heading('III', 'Conclusions'),
  '5',
);
const labels = (d: ReturnType<typeof sectionOf>) => (d ? paragraphsOf(d).map((p) => p.label) : null);

describe('sectionOf', () => {
  it('takes a heading and what follows it up to the next heading of the same or a higher level', () => {
    expect(labels(sectionOf(doc, 'hII'))).toEqual(['2', '3', '4']);
    expect(labels(sectionOf(doc, 'hA'))).toEqual(['2', '3']);
    expect(labels(sectionOf(doc, 'hIII'))).toEqual(['5']);
    expect(sectionOf(doc, 'hA')?.blocks[0]).toMatchObject({ kind: 'heading', title: 'Transparency' });
  });

  it('is null for an unknown heading id (or a paragraph id)', () => {
    expect(sectionOf(doc, 'nope')).toBeNull();
    expect(sectionOf(doc, paragraphsOf(doc)[0]?.id as string)).toBeNull();
  });
});

describe('proposalsIn', () => {
  it('keeps proposals with a target in the part, by paragraph id or, unresolved, by label', () => {
    const part = sectionOf(doc, 'hA');
    if (!part) throw new Error('no section');
    const inside = prop({ id: 'in', action: 'amend', targets: [tgt('3')] });
    const span = prop({ id: 'span', action: 'amend', targets: [tgt('1'), tgt('2')] });
    const after = prop({ id: 'after', action: 'insert', targets: [tgt('3')], label: '3 bis' });
    const written = prop({ id: 'written', action: 'amend', targets: [labelOnly('2')] });
    const outside = prop({ id: 'out', action: 'delete', targets: [tgt('4')] });
    const writtenOutside = prop({ id: 'w-out', action: 'amend', targets: [labelOnly('5')] });
    expect(
      proposalsIn(part, [inside, span, after, written, outside, writtenOutside]).map((p) => p.id),
    ).toEqual(['in', 'span', 'after', 'written']);
  });
});
