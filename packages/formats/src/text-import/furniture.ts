/**
 * Page furniture: what a PDF copy of a UN text repeats on every page and is not part of the text
 * — page numbers (`3`, `- 3 -`, `3/18`, `Page 3 of 18`), the running symbol and header
 * (`A/RES/70/125  Title`, after the symbol's first appearance), job numbers (`15-21387 (E)`,
 * `*1521387*`), `Please recycle`, and the closing `50th plenary meeting` with its date.
 * Such lines are dropped, with the blank lines round them (a page break inside a paragraph must
 * not split it), and each one is reported as an import note.
 */

import type { SourceLine } from './lines';
import type { ImportNote } from './notes';

// A UN document symbol: A/HRC/53/42, E/CN.6/2024/L.3, FCCC/PA/CMA/2023/L.17, A/RES/70/125.
const SYMBOL = /^[A-Z]{1,6}(?:\/[A-Z0-9.]+){2,}$/;
const PAGE_NUMBER =
  /^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$|^\d{1,4}\s*\/\s*\d{1,4}$|^(?:Page|p\.)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
// `15-21387 (E)`, `23-25734`, the bar code `*2325734*`; a six-digit date code only beside them.
const JOB_NUMBER = /^\d{2}-\d{5}(?:\s*\([A-Z]\))?$|^\*\d{7}\*$/;
const DATE_CODE = /^\d{6}$/;
const RECYCLE = /^Please recycle\W*$/i;
// The record line closing a resolution: `50th plenary meeting`, then its date.
const MEETING = /^\d{1,3}(?:st|nd|rd|th) plenary meeting$/i;
const DATE = /^\d{1,2} [A-Z][a-z]+ \d{4}$/;

/**
 * What kind of furniture a line is, or null when it is text. A PDF line may hold several pieces
 * apart by wide spaces (`2/5      23-25734`, `A/RES/78/132      Title`): all must be furniture.
 * `seen` holds the symbols met before: the first appearance of a symbol names the document.
 */
const furnitureOf = (text: string, seen: Set<string>, previous: string | null): string | null => {
  const t = text.trim();
  if (t === '') return null;
  if (RECYCLE.test(t)) return 'recycling notice';
  if (MEETING.test(t)) return 'meeting record';
  if (previous === 'meeting record' && DATE.test(t)) return 'meeting record';
  const chunks = t.split(/\s{3,}|\t+/);
  const kinds: string[] = [];
  let symbolAt = -1;
  chunks.forEach((c, i) => {
    if (PAGE_NUMBER.test(c)) kinds.push('page number');
    else if (JOB_NUMBER.test(c)) kinds.push('job number');
    else if (DATE_CODE.test(c) && chunks.length > 1) kinds.push('job number');
    else if (SYMBOL.test(c)) {
      kinds.push('running symbol');
      symbolAt = i;
    } else kinds.push('');
  });
  const symbol = symbolAt >= 0 ? (chunks[symbolAt] as string) : null;
  if (symbol !== null && !seen.has(symbol)) {
    seen.add(symbol);
    // The first appearance names the document (the importer takes it as the symbol).
    if (chunks.length === 1) return null;
  }
  // Beside a symbol met before, a short title is the running header.
  if (symbol !== null && seen.has(symbol)) {
    kinds.forEach((k, i) => {
      if (k === '' && (chunks[i] as string).length <= 150) kinds[i] = 'running header';
    });
  }
  if (kinds.some((k) => k === '')) return null;
  return [...new Set(kinds)].join(' and ');
};

/**
 * Drops page furniture from `lines`, with the blank lines right around each dropped run, and
 * returns the rest and a note per dropped line.
 */
export const dropFurniture = (lines: readonly SourceLine[]): { lines: SourceLine[]; notes: ImportNote[] } => {
  const seen = new Set<string>();
  const notes: ImportNote[] = [];
  const kinds: (string | null)[] = [];
  for (const l of lines) kinds.push(furnitureOf(l.text, seen, kinds.at(-1) ?? null));
  if (kinds.every((k) => k === null)) return { lines: [...lines], notes };
  const drop = new Array<boolean>(lines.length).fill(false);
  const blank = (i: number) => (lines[i]?.text.trim() ?? 'x') === '';
  for (let i = 0; i < lines.length; i++) {
    const kind = kinds[i];
    if (!kind) continue;
    const l = lines[i] as SourceLine;
    drop[i] = true;
    notes.push({
      line: l.line,
      kind: 'furniture',
      message: `dropped ${kind} "${l.text.trim().replace(/\s+/g, ' ')}"`,
    });
    for (let j = i - 1; j >= 0 && blank(j); j--) drop[j] = true;
    for (let j = i + 1; j < lines.length && blank(j); j++) drop[j] = true;
  }
  return { lines: lines.filter((_, i) => !drop[i]), notes };
};
