import { describe, expect, it } from 'vitest';
import { letterFor, numberForLetter, printedLabel } from './index';

describe('printedLabel', () => {
  it('prints a lettered preambular paragraph as its letter, keeping suffixes', () => {
    expect(printedLabel('PP2', 'lettered')).toBe('B');
    expect(printedLabel('PP2 bis', 'lettered')).toBe('B bis');
    expect(printedLabel('PP27', 'lettered')).toBe('AA');
  });
  it('prints nothing for an unnumbered paragraph and the label otherwise', () => {
    expect(printedLabel('PP3', 'unnumbered')).toBe('');
    expect(printedLabel('77 bis', undefined)).toBe('77 bis');
  });
  it('reads letters back to numbers', () => {
    for (const n of [1, 2, 26, 27, 52, 703]) expect(numberForLetter(letterFor(n))).toBe(n);
    expect(numberForLetter('a')).toBeNull();
  });
});
