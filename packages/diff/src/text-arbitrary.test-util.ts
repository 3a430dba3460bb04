import fc from 'fast-check';

/**
 * Any code point, weighted towards the scripts Bis must handle. (fast-check's own 'binary' unit
 * builds large tables first and takes seconds on a busy machine.)
 */
const codePoint = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.integer({ min: 0x00, max: 0x2ff }),
  fc.integer({ min: 0x300, max: 0x36f }), // combining marks
  fc.integer({ min: 0x400, max: 0x4ff }), // Cyrillic
  fc.integer({ min: 0x600, max: 0x6ff }), // Arabic
  fc.integer({ min: 0xe00, max: 0xe7f }), // Thai
  fc.integer({ min: 0x2000, max: 0x206f }), // general punctuation, spaces
  fc.integer({ min: 0x3000, max: 0x30ff }), // CJK punctuation, kana
  fc.integer({ min: 0x4e00, max: 0x4fff }), // Han
  fc.integer({ min: 0, max: 0x10ffff }), // anything, lone surrogates included
);
/** Texts of up to `maxLength` code points drawn from `codePoint`. */
export const anyText = (maxLength: number) =>
  fc.array(codePoint, { maxLength }).map((cps) => cps.map((c) => String.fromCodePoint(c)).join(''));
