import { describe, expect, it } from 'vitest';
import {
  BisInputError,
  createSuffixTable,
  DEFAULT_SUFFIXES,
  LATIN_SUFFIXES,
  normalizeLabel,
  SUFFIX_VARIANTS,
  suffixName,
  suffixNumber,
} from './index';

describe('Latin suffixes', () => {
  it('starts with bis, ter, quater … decies in order', () => {
    expect(LATIN_SUFFIXES.slice(0, 9)).toEqual([
      'bis',
      'ter',
      'quater',
      'quinquies',
      'sexies',
      'septies',
      'octies',
      'novies',
      'decies',
    ]);
  });

  it('continues undecies … novodecies, vicies, unvicies … and ends at the 99th', () => {
    expect(LATIN_SUFFIXES.slice(9, 19)).toEqual([
      'undecies',
      'duodecies',
      'terdecies',
      'quaterdecies',
      'quindecies',
      'sexdecies',
      'septdecies',
      'octodecies',
      'novodecies',
      'vicies',
    ]);
    expect(LATIN_SUFFIXES[19]).toBe('unvicies');
    expect(LATIN_SUFFIXES[28]).toBe('tricies');
    expect(LATIN_SUFFIXES).toHaveLength(98);
    expect(new Set(LATIN_SUFFIXES).size).toBe(98);
  });

  it('numbers suffixes from 1 (bis) and names them back', () => {
    expect(suffixNumber('bis')).toBe(1);
    expect(suffixNumber('ter')).toBe(2);
    expect(suffixNumber('vicies')).toBe(19);
    expect(suffixName(1)).toBe('bis');
    expect(suffixName(3)).toBe('quater');
    expect(suffixName(99)).toBeNull();
    expect(suffixName(0)).toBeNull();
  });

  it('reads abbreviations and variants, with or without a dot, in any usual case', () => {
    expect(suffixNumber('quat')).toBe(3);
    expect(suffixNumber('quinq.')).toBe(4);
    expect(suffixNumber('sept.')).toBe(6);
    expect(suffixNumber('nonies')).toBe(8);
    expect(suffixNumber('sedecies')).toBe(15);
    expect(suffixNumber('Ter')).toBe(2);
    expect(suffixNumber('bisque')).toBeNull();
    for (const [variant, name] of Object.entries(SUFFIX_VARIANTS)) {
      expect(suffixNumber(variant)).toBe(suffixNumber(name));
    }
  });

  it('accepts a custom list with its own abbreviations and uses it for labels', () => {
    const table = createSuffixTable(['bis', 'ter', 'quater'], { qt: 'quater' });
    expect(table.names).toEqual(['bis', 'ter', 'quater']);
    expect(normalizeLabel('5 qt', { suffixes: table })).toBe('5 quater');
    // The default variants do not leak into a custom table.
    expect(normalizeLabel('5 quat', { suffixes: table })).toBeNull();
    expect(normalizeLabel('5 quinquies', { suffixes: table })).toBeNull();
  });

  it('refuses malformed custom lists', () => {
    expect(() => createSuffixTable(['bis', 'bis'])).toThrow(BisInputError);
    expect(() => createSuffixTable(['bis', ''])).toThrow(/two or more letters/);
    expect(() => createSuffixTable(['bis', 'alt'])).toThrow(/reserved/);
    expect(() => createSuffixTable(['bis'], { tr: 'ter' })).toThrow(/unknown suffix/);
    expect(() => createSuffixTable(['bis'], { b: 'bis' })).toThrow(/two or more letters/);
  });

  it('lets a custom table replace the Latin one entirely', () => {
    const table = createSuffixTable(['aa', 'bb'], { aaa: 'aa' });
    expect(normalizeLabel('7 aaa', { suffixes: table })).toBe('7 aa');
    expect(normalizeLabel('7 bis', { suffixes: table })).toBeNull();
    expect(normalizeLabel('7 bis', { suffixes: DEFAULT_SUFFIXES })).toBe('7 bis');
  });
});
