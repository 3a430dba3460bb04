/**
 * Numbering series: telling a numbered section heading (`2. Means of implementation`) from
 * paragraph 2, and giving plain-text headings their levels from the numbering styles the text
 * uses.
 */

import type { DraftBlock } from './assemble';
import { isHeadingLike, type LineKind } from './blocks';

/** Where the paragraph and heading series stand when a numbered line is read. */
export interface SeriesState {
  /** The highest bare paragraph number so far (0 before the first). */
  readonly lastNumber: number;
  /** The last number of a numbered section heading (0 before the first). */
  readonly lastHeadingNumber: number;
}

/**
 * Why the line `n. title` at `i` is a numbered section heading rather than paragraph n, or null
 * when it is a paragraph. Only a short title without final punctuation can be a heading; then it
 * is one when the paragraph series is already past n, when the next numbered line is n again
 * (`1. Our vision` then `1. We reaffirm …`), when it continues the numbered headings while the
 * paragraphs are elsewhere, or when a decimal heading `n.1` follows it.
 */
export const numberedHeading = (
  lines: readonly LineKind[],
  i: number,
  n: number,
  title: string,
  s: SeriesState,
): string | null => {
  if (!isHeadingLike(title)) return null;
  if (s.lastNumber > 0 && n <= s.lastNumber) return `the paragraphs are at ${s.lastNumber} already`;
  if (s.lastHeadingNumber > 0 && n === s.lastHeadingNumber + 1 && n !== s.lastNumber + 1)
    return `it follows section ${s.lastHeadingNumber}`;
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j] as LineKind;
    if (l.kind === 'blank' || l.kind === 'text' || l.kind === 'point') continue;
    if (l.kind === 'heading' && l.number?.startsWith(`${n}.`)) return `section ${l.number} follows it`;
    if (l.kind === 'heading') continue;
    if (l.kind === 'paragraph' && l.bare !== null) return l.bare === n ? `paragraph ${n} follows it` : null;
    if (l.kind === 'paragraph') return null;
  }
  return null;
};

// Heading styles from the top of the hierarchy down.
const RANK = ['caps', 'word', 'roman', 'letter', 'number'];
const rankOf = (style: string): number => {
  const i = RANK.indexOf(style);
  if (i >= 0) return i;
  // `decimal2` (2.1) right below numbered headings, `decimal3` (2.1.1) below it …
  return RANK.length + Number(style.slice('decimal'.length));
};

/**
 * Sets the level of each plain-text heading (Markdown headings come with theirs): the styles the
 * text uses, ranked (capitals, `Chapter C`, roman, letter, number, `2.1`, `2.1.1`), give levels
 * 1, 2, 3 … in that order; an unnumbered heading or chapeau goes one level below the last
 * numbered heading before it (level 1 before any).
 */
export const assignLevels = (blocks: DraftBlock[]): void => {
  const used = new Set<string>();
  for (const b of blocks) if (b.kind === 'heading' && b.level === null && b.style) used.add(b.style);
  const levels = new Map([...used].sort((a, b) => rankOf(a) - rankOf(b)).map((s, k) => [s, k + 1]));
  let parent = 0;
  for (const b of blocks) {
    if (b.kind !== 'heading') continue;
    if (b.level !== null) {
      if (b.number !== null) parent = b.level;
      continue;
    }
    if (b.style) {
      b.level = Math.min(levels.get(b.style) ?? 1, 6);
      parent = b.level;
    } else b.level = Math.min(parent + 1, 6);
  }
};
