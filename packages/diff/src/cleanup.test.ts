import { describe, expect, it } from 'vitest';
import { absorbEqualities, slideEdits } from './cleanup';
import { change, type Segment } from './segments';
import { tokenize } from './tokens';

// Builds segments from a compact notation: plain text is equal, {+x+} inserted, [-x-] deleted.
function segments(notation: string): Segment[] {
  const out: Segment[] = [];
  for (const part of notation.split(/(\{\+.*?\+\}|\[-.*?-\])/u)) {
    if (part === '') continue;
    if (part.startsWith('{+')) out.push(change([], tokenize(part.slice(2, -2))));
    else if (part.startsWith('[-')) out.push(change(tokenize(part.slice(2, -2)), []));
    else out.push({ kind: 'equal', tokens: tokenize(part) });
  }
  return out;
}

function notation(segs: readonly Segment[]): string {
  return segs
    .map((s) =>
      s.kind === 'equal'
        ? s.tokens.join('')
        : `${s.del.length > 0 ? `[-${s.del.join('')}-]` : ''}${s.ins.length > 0 ? `{+${s.ins.join('')}+}` : ''}`,
    )
    .join('');
}

describe('slideEdits', () => {
  it('joins an insertion to the next one when it can swallow the equal word between them', () => {
    expect(notation(slideEdits(segments('human {+dignity, including digital +}dignity{+,+} in')))).toBe(
      'human dignity{+, including digital dignity,+} in',
    );
  });

  it('joins a deletion to the one before it the same way', () => {
    expect(notation(slideEdits(segments('a [-b-] c[- d c-] e')))).toBe('a [-b c d-] c e');
  });

  it('moves an inserted word to start after a space', () => {
    expect(notation(slideEdits(segments('We{+ strongly+} affirm')))).toBe('We {+strongly +}affirm');
  });

  it('moves an inserted list item to start after the comma and space', () => {
    expect(notation(slideEdits(segments('women{+, elders+}, children')))).toBe('women, {+elders, +}children');
  });

  it('keeps the text after a change that slides back from the end of the text', () => {
    expect(notation(slideEdits(segments('rights{+, rights+}')))).toBe('{+rights, +}rights');
    expect(notation(slideEdits(segments('人{+”人+}')))).toBe('{+人”+}人');
  });

  it('leaves a change that cannot slide alone', () => {
    expect(notation(slideEdits(segments('human {+digital +}dignity')))).toBe('human {+digital +}dignity');
  });

  it('leaves a replacement alone', () => {
    const segs: Segment[] = [
      { kind: 'equal', tokens: ['a', ' '] },
      change(['b'], ['c']),
      { kind: 'equal', tokens: [' ', 'd'] },
    ];
    expect(notation(slideEdits(segs))).toBe('a [-b-]{+c+} d');
  });

  it('does not change the segments it is given', () => {
    const segs = segments('human {+dignity, including digital +}dignity{+,+} in');
    const before = notation(segs);
    slideEdits(segs);
    expect(notation(segs)).toBe(before);
  });
});

describe('absorbEqualities', () => {
  const replace = (del: string, ins: string): Segment => change(tokenize(del), tokenize(ins));
  const equal = (text: string): Segment => ({ kind: 'equal', tokens: tokenize(text) });

  it('absorbs a space between two replacements', () => {
    const segs = [replace('centre', 'heart'), equal(' '), replace('human', 'of')];
    expect(notation(absorbEqualities(segs, { maxWords: 1 }))).toBe('[-centre human-]{+heart of+}');
  });

  it('absorbs a short word no longer than either change', () => {
    const segs = [replace('Participants', 'Delegations'), equal(' the '), replace('review', 'outcome')];
    expect(notation(absorbEqualities(segs, { maxWords: 1 }))).toBe(
      '[-Participants the review-]{+Delegations the outcome+}',
    );
  });

  it('keeps a word longer than one of the changes', () => {
    const segs = [replace('a', 'the'), equal(' human '), replace('x', 'y')];
    expect(notation(absorbEqualities(segs, { maxWords: 1 }))).toBe('[-a-]{+the+} human [-x-]{+y+}');
  });

  it('keeps more words than allowed', () => {
    const segs = [
      replace('Participants', 'Delegations'),
      equal(' of the '),
      replace('review', 'negotiations'),
    ];
    expect(notation(absorbEqualities(segs, { maxWords: 1 }))).toBe(
      '[-Participants-]{+Delegations+} of the [-review-]{+negotiations+}',
    );
    expect(notation(absorbEqualities(segs, { maxWords: 2 }))).toBe(
      '[-Participants of the review-]{+Delegations of the negotiations+}',
    );
  });

  it('absorbs a chain, rechecking an earlier equality once the change after it has grown', () => {
    // " States " is longer than the one-letter change after it, until that change merges with the next.
    const segs = [
      replace('freedoms', 'liberties'),
      equal(' States '),
      replace('x', 'y'),
      equal(' '),
      replace('obligations', 'duties'),
    ];
    expect(notation(absorbEqualities(segs, { maxWords: 1 }))).toBe(
      '[-freedoms States x obligations-]{+liberties States y duties+}',
    );
  });

  it('keeps an equality that is longer than a change on both sides', () => {
    const segs = [replace('x', 'y'), equal(' and '), replace('freedoms', 'liberties')];
    expect(notation(absorbEqualities(segs, { maxWords: 1 }))).toBe(
      '[-x-]{+y+} and [-freedoms-]{+liberties+}',
    );
  });

  it('never absorbs a line break', () => {
    const segs = [replace('duties.', 'obligations.'), equal('\n'), replace('We', 'They')];
    expect(notation(absorbEqualities(segs, { maxWords: 1 }))).toBe(
      '[-duties.-]{+obligations.+}\n[-We-]{+They+}',
    );
  });

  it('never absorbs an equality at the edge of the text', () => {
    const segs = [equal('the '), replace('centre', 'center'), equal(' of')];
    expect(notation(absorbEqualities(segs, { maxWords: 1 }))).toBe('the [-centre-]{+center+} of');
  });
});
