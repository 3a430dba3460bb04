/**
 * `printedLabel`: how a paragraph's label appears in the text itself, given its `LabelStyle`.
 */

import { formatLabel, parseLabel } from './labels';
import type { LabelStyle } from './model';

/** The capital letter(s) for a number in a lettered series: 1 → `A`, 26 → `Z`, 27 → `AA`. */
export const letterFor = (n: number): string => {
  let out = '';
  let k = n;
  while (k > 0) {
    const r = (k - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    k = Math.floor((k - 1) / 26);
  }
  return out;
};

/** The number of a capital-letter series mark: `A` → 1, `Z` → 26, `AA` → 27; null if not letters. */
export const numberForLetter = (s: string): number | null => {
  if (!/^[A-Z]{1,3}$/.test(s)) return null;
  let n = 0;
  for (const c of s) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
};

/**
 * The label as the text prints it: `''` for an unnumbered paragraph, the letter form for a
 * lettered one (`PP2` → `B`, `PP2 bis` → `B bis`), else the label itself.
 */
export const printedLabel = (label: string, style: LabelStyle | undefined): string => {
  if (style === 'unnumbered') return '';
  if (style !== 'lettered') return label;
  const parts = parseLabel(label);
  if (!parts || parts.number < 1) return label;
  const rest = formatLabel({ ...parts, prefix: '', number: 1 }).replace(/^1/, '');
  return `${letterFor(parts.number)}${rest}`;
};
