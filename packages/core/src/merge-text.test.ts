import { describe, expect, it } from 'vitest';
import { mergeText } from './merge-text';

const rev1 = 'Member States shall promote open standards.';

describe('mergeText', () => {
  it('applies a delegation’s insertion to a text the chairs changed elsewhere', () => {
    expect(
      mergeText(
        rev1,
        'Member States shall promote open and interoperable standards.',
        'Member States shall actively promote open standards.',
      ),
    ).toBe('Member States shall actively promote open and interoperable standards.');
  });

  it('applies deletions and replacements on both sides when they are apart', () => {
    expect(
      mergeText(
        'We note the role of the Forum, which meets every year, in the review of the outcome.',
        'We welcome the role of the Forum, which meets every year, in the review of the outcome.',
        'We note the role of the Forum, which meets every year, in the review.',
      ),
    ).toBe('We welcome the role of the Forum, which meets every year, in the review.');
  });

  it('gives null when both sides change the same words, or insert at the same place', () => {
    expect(
      mergeText(
        rev1,
        'Member States shall promote free standards.',
        'Member States shall promote common standards.',
      ),
    ).toBeNull();
    expect(
      mergeText(
        rev1,
        'Member States shall promote open, free standards.',
        'Member States shall promote open, common standards.',
      ),
    ).toBeNull();
  });

  it('applies a change both sides made alike once', () => {
    const both = 'Member States shall promote open and interoperable standards.';
    expect(mergeText(rev1, both, both)).toBe(both);
  });

  it('keeps either side when the other changed nothing', () => {
    expect(mergeText(rev1, rev1, 'Member States may promote open standards.')).toBe(
      'Member States may promote open standards.',
    );
    expect(mergeText(rev1, 'States shall promote open standards.', rev1)).toBe(
      'States shall promote open standards.',
    );
    expect(mergeText('', 'New text.', '')).toBe('New text.');
  });

  it('merges random non-overlapping edits of a long paragraph like applying them one after the other', () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i}`);
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 50; round++) {
      const cut = 20 + Math.floor(rnd() * 260);
      const mine = [...words];
      const theirs = [...words];
      const i = Math.floor(rnd() * (cut - 5));
      const j = cut + 2 + Math.floor(rnd() * (295 - cut));
      mine.splice(i, 1, 'MINE');
      theirs.splice(j, 0, 'THEIRS');
      const both = [...words];
      both.splice(j, 0, 'THEIRS');
      both.splice(i, 1, 'MINE');
      expect(mergeText(words.join(' '), mine.join(' '), theirs.join(' '))).toBe(both.join(' '));
    }
  });
});
