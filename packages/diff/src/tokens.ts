/**
 * The kind of a token: a word (or one character of a script written without
 * spaces), a run of whitespace, or one punctuation/symbol character.
 */
export type TokenKind = 'word' | 'space' | 'punct';

// Scripts written without spaces between words. Their characters become one
// token each, so a diff inside them falls back to character level. Script
// extensions (scx) also catch the shared kana marks such as the long-vowel mark.
const UNSPACED =
  '\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}\\p{scx=Thai}\\p{scx=Lao}\\p{scx=Khmer}\\p{scx=Myanmar}\\p{scx=Tibetan}';
const UNSPACED_CHAR = `[${UNSPACED}]`;
// A letter, combining mark or digit of a spaced script (Latin, Cyrillic, Arabic, Greek, Devanagari, Hangul, …).
const WORD_CHAR = `(?:(?!${UNSPACED_CHAR})[\\p{L}\\p{M}\\p{N}])`;
// Inside a word, an apostrophe or hyphen joins letters ("children’s", "rights-based"),
// and a point or comma joins digits ("2.6", "1,000"), so such a word changes as a whole.
const JOINER = `(?:['\u2019\u2010\u2011-]|(?<=\\p{N})[.,](?=\\p{N}))`;

const TOKEN = new RegExp(
  [
    `${UNSPACED_CHAR}\\p{M}*`,
    `${WORD_CHAR}+(?:${JOINER}${WORD_CHAR}+)*`,
    '\\s+',
    // Anything else is one code point plus the marks that combine with it.
    '[^]\\p{M}*',
  ].join('|'),
  'gu',
);

/**
 * Splits a text into tokens whose concatenation is the text exactly: words of
 * spaced scripts (letters, marks and digits, with inner apostrophes and hyphens),
 * single characters of Chinese, Japanese, Thai and other unspaced scripts,
 * whitespace runs, and single punctuation characters.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.matchAll(TOKEN)) tokens.push(match[0]);
  return tokens;
}

const IS_SPACE = /^\s/u;
// Unspaced-script punctuation (。、・) shares the script extension, so require a letter or digit.
const IS_WORD = new RegExp(`^(?:(?=[\\p{L}\\p{N}])${UNSPACED_CHAR}|${WORD_CHAR})`, 'u');

/** The kind of a token produced by {@link tokenize}. */
export function tokenKind(token: string): TokenKind {
  if (IS_SPACE.test(token)) return 'space';
  if (IS_WORD.test(token)) return 'word';
  return 'punct';
}

/**
 * The number of words in a text: words of spaced scripts plus one per
 * character of unspaced scripts (a common way to count Chinese or Japanese).
 */
export function countWords(text: string): number {
  let n = 0;
  for (const token of tokenize(text)) if (tokenKind(token) === 'word') n++;
  return n;
}
