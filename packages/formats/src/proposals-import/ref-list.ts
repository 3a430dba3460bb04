/**
 * Lists of paragraph references as people write them in sentences and headings:
 * `preambular paragraphs 2, 4 and 7`, `OP 40 to 52`, `paras 18, 61 and 99`, `§§18, 61 & 99`,
 * `PP2, PP4 and PP7`. Each item is read by core's `matchReference` (labels, suffixes, ranges);
 * this file reads what joins them and which series (`PP`, `OP`) they belong to.
 */
import { matchReference } from '@bis/core';
import type { Reference } from './reference';

/** A list of references found in a line, and where it is. */
export interface FoundList {
  readonly refs: readonly Reference[];
  /** Offset of the list's introducer (`paragraphs`, `§`, `OP`). */
  readonly index: number;
  /** Offset just after the last item. */
  readonly end: number;
}

// What introduces a list: an optional series word, then `§`, `paragraph(s)`, `para(s)`, or `PP`/`OP`.
const INTRO =
  /(?:\b(preambular|preamble|operative)\s+)?(?:(§§?|¶¶?)\s*|\b(?:paragraphs?|paras?\.?|pars?\.)\s*|\b(?=(?:PP|OP|pp|op)\.?\s*\d))/gi;
// What joins two items: `,`, `, and`, `and`, `&`, `as well as`.
const JOIN = /^\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+as well as\s+)/;
// An item may repeat the introducer: `PP2, PP4`, `§18 and §61`, `paras 2 and para 4`.
const ITEM_INTRO = /^(?:§§?|¶)\s*|^(?:paragraphs?|paras?\.?)\s+/i;
// A reference to a paragraph of another document: `paragraph 12 of resolution 70/125`.
const EXTERNAL = /^\s*of\s+(?:the\s+)?(?:[A-Z]|resolution|decision|document|annex|report|agenda|declaration)/;

const seriesOf = (word: string | undefined): string =>
  word === undefined ? '' : /^pre/i.test(word) ? 'PP' : 'OP';

// `2` in the series `PP` → `PP2`; a label with its own series keeps it.
const inSeries = (label: string, series: string): string =>
  series === '' || /^(?:PP|OP)/.test(label) ? label : `${series}${label}`;

const withSeries = (ref: Reference, series: string): Reference => ({
  from: inSeries(ref.from, series),
  to: ref.to === null ? null : inSeries(ref.to, series),
  point: ref.point,
});

/** Reads one list starting at `intro` (the match of INTRO at its index), or null. */
const readListAt = (s: string, index: number, introLength: number, seriesWord?: string): FoundList | null => {
  let pos = index + introLength;
  const refs: Reference[] = [];
  let series = seriesOf(seriesWord);
  for (;;) {
    const first = matchReference(s.slice(pos));
    if (!first) break;
    const ref = first.reference;
    // The first item fixes the series for the ones that do not repeat it (`OP 40, 41` → OP41).
    const own = /^(PP|OP)/.exec(ref.from)?.[1];
    if (refs.length === 0 && own) series = own;
    refs.push(withSeries(ref, series));
    pos += first.length;
    const join = JOIN.exec(s.slice(pos));
    if (!join) break;
    const after = s.slice(pos + join[0].length);
    const again = ITEM_INTRO.exec(after)?.[0].length ?? 0;
    if (!/^(?:(?:PP|OP|pp|op)\.?\s*)?\d/.test(after.slice(again))) break;
    pos += join[0].length + again;
  }
  if (refs.length === 0) return null;
  if (EXTERNAL.test(s.slice(pos))) return null;
  return { refs, index, end: pos };
};

/**
 * Finds the lists of paragraph references in `s`, in order. A bare number is never taken for a
 * paragraph: a list needs `§`, `paragraph(s)`, `para(s)`, `PP` or `OP` before it. References to
 * another document (`paragraph 12 of resolution 70/125`) are skipped.
 */
export const findReferenceLists = (s: string): FoundList[] => {
  const out: FoundList[] = [];
  INTRO.lastIndex = 0;
  for (let m = INTRO.exec(s); m !== null; m = INTRO.exec(s)) {
    if (m[0] === '' && INTRO.lastIndex === m.index) INTRO.lastIndex++;
    const list = readListAt(s, m.index, m[0].length, m[1]);
    if (!list) continue;
    out.push(list);
    INTRO.lastIndex = Math.max(INTRO.lastIndex, list.end);
  }
  return out;
};

/**
 * Reads a list of references at the very start of `s` (`§§18, 61 and 99 (on x)`, `New §5 bis`),
 * with the rest of `s`; null when `s` does not start with one.
 */
export const readLeadingList = (s: string): { refs: readonly Reference[]; rest: string } | null => {
  const t = s.trim();
  const first = findReferenceLists(t.slice(0, 400))[0];
  if (first?.index !== 0) return null;
  return { refs: first.refs, rest: t.slice(first.end).trim() };
};
