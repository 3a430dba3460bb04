import { LATIN_SUFFIXES, normalizeLabel, SUFFIX_VARIANTS } from '@bis/core';

/**
 * What one line of an imported text starts: a section heading (`II. Title`, `A. Title`), a
 * numbered paragraph (`1.`, `1)`, `PP3`, `OP 5 ter.`, `77 bis`), a lettered or roman point
 * (`(a)`, `a)`, `(iv)`), or plain text that continues whatever came before.
 *
 * Decimal numbers (`12.1`) are not paragraph labels: Bis labels are a number with an optional
 * Latin suffix and an optional `PP`/`OP` prefix, so a line starting `12.1` is text.
 */

/** A classified line. `text` is the rest of the line after the number or label. */
export type LineKind =
  | { readonly kind: 'blank'; readonly line: number }
  | {
      readonly kind: 'heading';
      readonly line: number;
      /** Set by Markdown (`#` count); null when the numbering decides (plain text). */
      readonly level: number | null;
      readonly number: string | null;
      readonly title: string;
    }
  | { readonly kind: 'paragraph'; readonly line: number; readonly label: string; readonly text: string }
  | { readonly kind: 'point'; readonly line: number; readonly label: string; readonly text: string }
  | { readonly kind: 'text'; readonly line: number; readonly text: string };

// The Latin suffixes and their abbreviations are core's (`quat` → `quater`), longest first so
// that `quater` is not read as `qua…`.
const SUFFIX = `(?:${[...LATIN_SUFFIXES, ...Object.keys(SUFFIX_VARIANTS)]
  .sort((x, y) => y.length - x.length)
  .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|')})`;
// `PP3`, `OP 5 ter.`, `77 bis`, `77bis.` — the punctuation after them is optional.
const PREFIXED_OR_SUFFIXED = new RegExp(
  `^(?:(PP|OP)\\s?(\\d{1,4})(?:\\s?(${SUFFIX}))?|(\\d{1,4})\\s?(${SUFFIX}))\\b[.)]?(?=\\s|$)`,
  'i',
);
// `1.` or `1)`: a bare number needs its punctuation and some text after it, or every line
// starting with a year (or a wrapped sentence ending in `2024.`) would do.
const BARE_NUMBER = /^(\d{1,4})[.)]\s+(?=\S)/;
const POINT = /^(?:\(([a-z]{1,2}|[ivxlc]{1,6})\)|([a-z])\)(?=\s|$))/;
const HEADING = /^([IVXLCDM]{1,7}|[A-Z])\.\s+(\S.*)$/;
const ROMAN = /^(?=[IVXLCDM])M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/i;

/** Formats a paragraph label as Bis writes it (`PP3`, `OP5 ter`, `77 bis`), through core. */
const formatLabel = (prefix: string | undefined, n: string, suffix: string | undefined): string => {
  const written = `${prefix ?? ''}${Number(n)}${suffix ? ` ${suffix}` : ''}`;
  return normalizeLabel(written) ?? written;
};

/** The label a line starts with and the text after it, or null. */
export const paragraphStart = (s: string): { label: string; text: string } | null => {
  const m = PREFIXED_OR_SUFFIXED.exec(s);
  if (m) {
    const label = m[1]
      ? formatLabel(m[1], m[2] as string, m[3])
      : formatLabel(undefined, m[4] as string, m[5]);
    return { label, text: s.slice(m[0].length) };
  }
  const b = BARE_NUMBER.exec(s);
  if (b) return { label: formatLabel(undefined, b[1] as string, undefined), text: s.slice(b[0].length) };
  return null;
};

/** The point label (`a`, `iv`) a line starts with and the text after it, or null. */
export const pointStart = (s: string): { label: string; text: string } | null => {
  const m = POINT.exec(s);
  if (!m) return null;
  return { label: (m[1] ?? m[2]) as string, text: s.slice(m[0].length) };
};

/** The heading number (`II`, `A`) and title a line starts with, or null. */
export const headingStart = (s: string): { number: string; title: string } | null => {
  const m = HEADING.exec(s);
  if (!m) return null;
  const title = (m[2] as string).trim();
  // A heading is a title, not a sentence: long lines starting `A. ` are prose.
  if (title.length > 200) return null;
  return { number: m[1] as string, title };
};

/** Classifies one line of plain text (already cleaned of footnote definitions and debris). */
export const classifyPlain = (text: string, line: number): LineKind => {
  const s = text.trim();
  if (s === '') return { kind: 'blank', line };
  const h = headingStart(s);
  if (h) return { kind: 'heading', line, level: null, number: h.number, title: h.title };
  const p = paragraphStart(s);
  if (p) return { kind: 'paragraph', line, label: p.label, text: p.text };
  const pt = pointStart(s);
  if (pt) return { kind: 'point', line, label: pt.label, text: pt.text };
  return { kind: 'text', line, text: s };
};

/** The value of a roman numeral, or null if `s` is not one. */
export const romanValue = (s: string): number | null => {
  if (!ROMAN.test(s)) return null;
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  const t = s.toLowerCase();
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const cur = v[t[i] as string] as number;
    const next = v[t[i + 1] as string] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
};

/**
 * Decides chapter (level 1, roman) or section (level 2, letter) for plain-text headings. A single
 * letter that is also a roman numeral (`I`, `V`, `X`, `C` …) is a section when it is the next
 * letter expected, a chapter when it is the next chapter number, and a section otherwise.
 */
export class HeadingNumbering {
  private chapter = 0;
  private letter: string | null = null;

  /** The level for a heading numbered `number`, updating what comes next. */
  levelOf(number: string): number {
    const roman = romanValue(number);
    const nextLetter = this.letter === null ? 'A' : String.fromCharCode(this.letter.charCodeAt(0) + 1);
    const single = number.length === 1;
    if (roman !== null && (!single || (number !== nextLetter && roman === this.chapter + 1))) {
      this.chapter = roman;
      this.letter = null;
      return 1;
    }
    this.letter = number;
    return 2;
  }
}

/** A line that reads like a short unnumbered title: capitalised, no final punctuation. */
export const isHeadingLike = (s: string): boolean => {
  const t = s.trim();
  return (
    t.length > 0 &&
    t.length <= 120 &&
    /^\p{Lu}/u.test(t) &&
    !/[.,;:!?]$/.test(t) &&
    t.split(/\s+/).length <= 15 &&
    !/[\uE000\uE002]/.test(t)
  );
};

/** Whether a line of text ends a sentence (so that what follows it starts something new). */
export const endsSentence = (s: string): boolean => /[.;:!?)\]"”’\uE001]\s*$/.test(s);
