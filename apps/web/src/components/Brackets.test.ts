import { describe, expect, it } from 'vitest';
import { bracketRuns, carriedDepths } from './Brackets';

const show = (text: string, carried = 0) =>
  bracketRuns(text, carried).map(
    (r) => `${r.kind}:${r.depth}${r.unmatched ? '!' : ''}:${text.slice(r.start, r.end)}`,
  );

describe('bracketRuns', () => {
  it('covers plain text with one run', () => {
    expect(show('States shall act.')).toEqual(['text:0:States shall act.']);
    expect(show('')).toEqual([]);
  });

  it('gives nested brackets their depth', () => {
    expect(show('Recalling [the [ultimate] objective] of it')).toEqual([
      'text:0:Recalling ',
      'bracket:1:[',
      'text:1:the ',
      'bracket:2:[',
      'text:2:ultimate',
      'bracket:2:]',
      'text:1: objective',
      'bracket:1:]',
      'text:0: of it',
    ]);
  });

  it('marks option names and placeholders inside a bracket', () => {
    expect(show('[Option 1: {Placeholder} Option 2: Noting]')).toEqual([
      'bracket:1:[',
      'option:1:Option 1:',
      'text:1: ',
      'placeholder:1:{Placeholder}',
      'text:1: ',
      'option:1:Option 2:',
      'text:1: Noting',
      'bracket:1:]',
    ]);
  });

  it('continues a bracket carried in from an earlier paragraph; flags a stray ], not an open [ (it may close later)', () => {
    expect(show('in good faith.]', 1)).toEqual(['text:1:in good faith.', 'bracket:1:]']);
    expect(show('stray] and [open')).toEqual([
      'text:0:stray',
      'bracket:1!:]',
      'text:0: and ',
      'bracket:1:[',
      'text:1:open',
    ]);
  });
});

describe('carriedDepths', () => {
  it('carries open brackets from block to block, through headings and points', () => {
    const depths = carriedDepths({
      blocks: [
        { kind: 'heading', title: '[[Preamble]' },
        {
          kind: 'paragraph',
          id: 'a',
          text: 'Recalling [its resolution',
          points: [{ text: 'first]' }, { text: 'second' }],
        },
        { kind: 'paragraph', id: 'b', text: 'Noting.]', points: [] },
        { kind: 'paragraph', id: 'c', text: 'Decides.', points: [] },
      ],
    });
    expect(depths.get('a')).toEqual({ text: 1, points: [2, 1] });
    expect(depths.get('b')).toEqual({ text: 1, points: [] });
    expect(depths.get('c')).toEqual({ text: 0, points: [] });
  });
});
