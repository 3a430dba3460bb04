import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, tokenize } from './index';
import { anyText } from './text-arbitrary.test-util';
import { tokenKind } from './tokens';

describe('tokenize', () => {
  it('keeps words whole and punctuation apart in English', () => {
    expect(tokenize('human digital dignity, ensuring')).toEqual([
      'human',
      ' ',
      'digital',
      ' ',
      'dignity',
      ',',
      ' ',
      'ensuring',
    ]);
  });

  it('keeps apostrophes, hyphens and decimal points inside words and numbers', () => {
    expect(tokenize('children’s rights-based 2.6 billion, 1,000.')).toEqual([
      'children’s',
      ' ',
      'rights-based',
      ' ',
      '2.6',
      ' ',
      'billion',
      ',',
      ' ',
      '1,000',
      '.',
    ]);
  });

  it('splits document symbols on slashes', () => {
    expect(tokenize('A/HRC/50/56')).toEqual(['A', '/', 'HRC', '/', '50', '/', '56']);
  });

  it('keeps accented Latin words whole, precomposed or with combining marks', () => {
    expect(tokenize('Féderline été e\u0301te\u0301')).toEqual([
      'Féderline',
      ' ',
      'été',
      ' ',
      'e\u0301te\u0301',
    ]);
  });

  it('splits Arabic on spaces and the Arabic comma, keeping diacritics in the word', () => {
    expect(tokenize('حقوقُ الإنسان، مركزية.')).toEqual(['حقوقُ', ' ', 'الإنسان', '،', ' ', 'مركزية', '.']);
  });

  it('splits Cyrillic into words', () => {
    expect(tokenize('Мы подтверждаем права человека.')).toEqual([
      'Мы',
      ' ',
      'подтверждаем',
      ' ',
      'права',
      ' ',
      'человека',
      '.',
    ]);
  });

  it('splits Chinese, Japanese and Thai into characters', () => {
    expect(tokenize('人权是核心。')).toEqual(['人', '权', '是', '核', '心', '。']);
    expect(tokenize('人権データ')).toEqual(['人', '権', 'デ', 'ー', 'タ']);
    // Thai vowel and tone marks stay with their consonant.
    expect(tokenize('สิทธิ')).toEqual(['สิ', 'ท', 'ธิ']);
  });

  it('splits a Latin word from Chinese characters next to it', () => {
    expect(tokenize('AI治理')).toEqual(['AI', '治', '理']);
  });

  it('keeps whitespace runs, including line breaks, as one token', () => {
    expect(tokenize('a \t\n b')).toEqual(['a', ' \t\n ', 'b']);
  });

  it('gives the empty text no tokens', () => {
    expect(tokenize('')).toEqual([]);
  });

  it('classifies tokens', () => {
    expect(['word', ' ', ',', '人', '。', 'ー', '・', '👩'].map(tokenKind)).toEqual([
      'word',
      'space',
      'punct',
      'word',
      'punct',
      'word',
      'punct',
      'punct',
    ]);
  });

  it('concatenates back to any text, whatever its characters', () => {
    fc.assert(
      fc.property(anyText(200), (text) => {
        const tokens = tokenize(text);
        expect(tokens.join('')).toBe(text);
        expect(tokens.every((t) => t.length > 0)).toBe(true);
      }),
    );
  });

  it('concatenates back even with lone surrogates', () => {
    const text = 'x\uD800y\uDC00 z';
    expect(tokenize(text).join('')).toBe(text);
  });
});

describe('countWords', () => {
  it('counts words, not punctuation or spaces', () => {
    expect(countWords(', including digital dignity,')).toBe(3);
  });

  it('counts one word per Chinese character', () => {
    expect(countWords('数字尊严。')).toBe(4);
  });
});
