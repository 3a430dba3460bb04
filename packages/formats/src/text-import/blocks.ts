import { LATIN_SUFFIXES, normalizeLabel, SUFFIX_VARIANTS } from '@bis/core';

/**
 * What one line of an imported text starts, read from the line alone. Where the line alone
 * cannot tell — `A. …` may be a section heading or a lettered preambular paragraph, `2. …` may be
 * paragraph 2 or the second numbered section — the line is classified as a candidate (`marked`,
 * or a `paragraph` with its `bare` number) and `assemble` decides from the numbering series and
 * the context. Only forms that are unambiguous on their own (`2.1 Financing`, `Chapter C`,
 * `The General Assembly,`) are headings here.
 */

/** How a heading is numbered; decides its level (see `assemble`). */
export type HeadingStyle = 'caps' | 'word' | 'roman' | 'letter' | 'number' | `decimal${number}` | null;

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
      readonly style: HeadingStyle;
      readonly role?: 'chapeau';
      /** A `Preamble` heading: unnumbered paragraphs may follow it. */
      readonly preamble?: boolean;
    }
  | {
      /** `A. …`, `II. …`, `B bis. …`: a section heading or a lettered paragraph. */
      readonly kind: 'marked';
      readonly line: number;
      /** The mark without its point: `A`, `II`, `B bis`. */
      readonly mark: string;
      readonly text: string;
      /** Brackets written before the mark (`[A. …`), kept for the text. */
      readonly lead: string;
    }
  | {
      readonly kind: 'paragraph';
      readonly line: number;
      readonly label: string;
      readonly text: string;
      /** The number when the label is a bare number (`12.`), which may also be a heading's. */
      readonly bare: number | null;
    }
  | { readonly kind: 'point'; readonly line: number; readonly label: string; readonly text: string }
  | { readonly kind: 'text'; readonly line: number; readonly text: string };

// The Latin suffixes and their abbreviations are core's (`quat` → `quater`), longest first so
// that `quater` is not read as `qua…`.
// Written in lower case, Capitalised or in capitals (the pattern is case-sensitive, so that a
// capital letter after a label can be told from a word).
const SUFFIX = `(?:${[...LATIN_SUFFIXES, ...Object.keys(SUFFIX_VARIANTS)]
  .sort((x, y) => y.length - x.length)
  .flatMap((w) => [w, w[0]?.toUpperCase() + w.slice(1), w.toUpperCase()])
  .join('|')})`;
// A capital letter after a suffix (`77 bis A`) is part of the label only when something shows it
// ends there: a point, a bracket, a tab, two spaces, or a capitalised word (`77 bis A Calls …`),
// not in `77 bis A new paragraph`.
const LETTER = `(?:\\s([A-Z])(?=[.)]|\\t|\\s{2}|\\s+[\\p{Lu}"“‘'([]|$))`;
const ALT = `(?:\\s?([Aa]lt(?:ernative)?|ALT)\\.?(?:\\s?(\\d{1,2}))?)`;
// `PP3`, `OP 5 ter.`, `77 bis`, `77bis.`, `77 bis A`, `5 alt`, `5 alt 2` — the punctuation after
// them is optional.
const PREFIXED_OR_SUFFIXED = new RegExp(
  `^(?:([Pp][Pp]|[Oo][Pp])\\s?(\\d{1,4})(?:\\s?(${SUFFIX})${LETTER}?)?${ALT}?|(\\d{1,4})(?:(?:\\s?(${SUFFIX})${LETTER}?${ALT}?)|${ALT}))\\b[.)]?(?=\\s|$)`,
  'u',
);
// `1.` or `1)`: a bare number needs its punctuation and some text after it, or every line
// starting with a year (or a wrapped sentence ending in `2024.`) would do. PDF copies drop the
// space (`1.Recalling`): a point followed at once by a capital or a quotation mark counts too.
const BARE_NUMBER = /^(\d{1,4})(?:[.)]\s+(?=\S)|\.(?=[\p{Lu}"“‘[]))/u;
const POINT = /^(?:\(([a-z]{1,2}|[ivxlc]{1,6})\)|([a-z])\)(?=\s|$))/;
// `II. Title`, `A. Title`, `B bis. Title` (a lettered paragraph inserted after B).
const MARKED = new RegExp(`^([IVXLCDM]{1,7}|[A-Z](?:\\s(?:${SUFFIX}))?)\\.\\s+(\\S.*)$`, 'u');
// `2.1 Financing`, `2.1. Financing`, `3.2.1 Data`: a decimal heading (the title checked apart).
const DECIMAL = /^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(\S.*)$/;
// `Chapter C`, `Part II: Title`, `Section 3 – Title`, `Annex I`.
const WORDED =
  /^((?:Chapter|Part|Section|Annex|Appendix)\s+(?:[IVXLC]{1,6}|[A-Z]|\d{1,3}))(?:\s*[.:–—-]\s*|\s+(?=\p{Lu})|$)(.*)$/u;
const ROMAN = /^(?=[IVXLCDM])M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/i;
const UNNUMBERED_PARTS =
  /^(?:preamble|operative part|operative paragraphs|preambular part|preambular paragraphs)$/i;
// The organ a resolution or decision speaks for: `The General Assembly,`.
const ORGAN =
  /^The\s+(?:[\p{Lu}][\p{L}'’-]*\s+(?:(?:of|on|for|and|to)\s+(?:the\s+)?)?){0,8}(?:Assembly|Council|Conference|Commission|Committee|Meeting|Parties|Board|Summit|Forum|Session|Body|Group)(?:\s+[\p{L}'’-]+){0,12},$/u;
// A line that adopts what follows: `Adopts the following outcome document:`.
const ADOPTS =
  /^(?:Adopts|Approves|Endorses|Decides to adopt|Proclaims|Declares)\s+the\s+following\b.{0,300}:$/u;

/** Formats a paragraph label as Bis writes it (`PP3`, `OP5 ter`, `77 bis A`, `5 alt`), through core. */
const formatLabel = (written: string): string => normalizeLabel(written) ?? written;

/** The label a line starts with, the text after it, and the number when it is bare; or null. */
export const paragraphStart = (s: string): { label: string; text: string; bare: number | null } | null => {
  const m = PREFIXED_OR_SUFFIXED.exec(s);
  if (m) {
    const alt = (a: string | undefined, n: string | undefined) => (a ? ` alt${n ? ` ${n}` : ''}` : '');
    const suffix = (x: string | undefined, letter: string | undefined) =>
      x ? ` ${x}${letter ? ` ${letter}` : ''}` : '';
    const written = m[2]
      ? `${m[1]}${Number(m[2])}${suffix(m[3], m[4])}${alt(m[5], m[6])}`
      : `${Number(m[7])}${suffix(m[8], m[9])}${alt(m[10] ?? m[12], m[11] ?? m[13])}`;
    return { label: formatLabel(written), text: s.slice(m[0].length), bare: null };
  }
  const b = BARE_NUMBER.exec(s);
  if (b) {
    const n = Number(b[1]);
    return { label: String(n), text: s.slice(b[0].length), bare: n };
  }
  return null;
};

/** The point label (`a`, `iv`) a line starts with and the text after it, or null. */
export const pointStart = (s: string): { label: string; text: string } | null => {
  const m = POINT.exec(s);
  if (!m) return null;
  return { label: (m[1] ?? m[2]) as string, text: s.slice(m[0].length) };
};

/** The mark (`II`, `A`, `B bis`) and title a line starts with, or null. */
export const headingStart = (s: string): { number: string; title: string } | null => {
  const m = MARKED.exec(s);
  if (!m) return null;
  return { number: (m[1] as string).replace(/\s+/g, ' '), title: (m[2] as string).trim() };
};

/** The line without brackets round it, for judging what it looks like: `[[Preamble]` → `Preamble`. */
export const unbracketed = (s: string): string => {
  // A loop, not /[\]\s]+$/: that pattern is quadratic on a long line with many spaces.
  const edge = (c: string | undefined, b: string) => c === b || c === ' ' || c === '\t';
  let from = 0;
  let to = s.length;
  while (from < to && edge(s[from], '[')) from++;
  while (to > from && edge(s[to - 1], ']')) to--;
  return s.slice(from, to).trim();
};

/** A chapeau: `The General Assembly,`, `Adopts the following declaration:`. */
export const isChapeau = (s: string): boolean => {
  const t = unbracketed(s).replace(/\s+/g, ' ');
  return (ORGAN.test(t) && t.split(' ').length <= 16) || ADOPTS.test(t);
};

/** A line in capitals only (`OPERATIVE PART`, `PREAMBLE`): a heading when it stands alone. */
export const isAllCaps = (s: string): boolean => {
  const t = unbracketed(s);
  return (
    /^[\p{Lu}\d][\p{Lu}\d\s,;:'’&()–—-]*$/u.test(t) &&
    (t.match(/\p{Lu}/gu)?.length ?? 0) >= 4 &&
    t.length <= 100
  );
};

/** Classifies one line of plain text (already cleaned of footnote definitions and debris). */
export const classifyPlain = (text: string, line: number): LineKind => {
  const s = text.trim();
  if (s === '') return { kind: 'blank', line };
  // Brackets before a label (`[12. Parties …`, `[A. We …`) belong to the text after it.
  const lead = /^\[+\s*/.exec(s)?.[0] ?? '';
  const body = s.slice(lead.length);
  const core = unbracketed(s);
  if (isChapeau(s))
    return { kind: 'heading', line, level: null, number: null, title: s, style: null, role: 'chapeau' };
  if (UNNUMBERED_PARTS.test(core))
    return {
      kind: 'heading',
      line,
      level: null,
      number: null,
      title: s,
      style: null,
      preamble: /^pre/i.test(core),
    };
  const w = WORDED.exec(body);
  if (w && (w[2] === '' || isHeadingLike(w[2] as string)))
    return {
      kind: 'heading',
      line,
      level: null,
      number: (w[1] as string).replace(/\s+/g, ' '),
      title: lead + (w[2] as string).trim(),
      style: 'word',
    };
  const h = headingStart(body);
  if (h) return { kind: 'marked', line, mark: h.number, text: h.title, lead };
  const d = DECIMAL.exec(body);
  if (d && isHeadingLike(d[2] as string)) {
    const number = d[1] as string;
    return {
      kind: 'heading',
      line,
      level: null,
      number,
      title: lead + (d[2] as string).trim(),
      style: `decimal${number.split('.').length}`,
    };
  }
  const p = paragraphStart(body);
  if (p) return { kind: 'paragraph', line, label: p.label, text: lead + p.text, bare: p.bare };
  const pt = pointStart(s);
  if (pt) return { kind: 'point', line, label: pt.label, text: pt.text };
  if (isAllCaps(s)) return { kind: 'heading', line, level: null, number: null, title: s, style: 'caps' };
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
 * Decides chapter (roman) or section (letter) for plain-text headings. A single letter that is
 * also a roman numeral (`I`, `V`, `X`, `C` …) is a section when it is the next letter expected, a
 * chapter when it is the next chapter number, and a section otherwise.
 */
export class HeadingNumbering {
  private chapter = 0;
  private letter: string | null = null;

  /** The style of a heading numbered `number`, updating what comes next. */
  styleOf(number: string): 'roman' | 'letter' {
    const roman = romanValue(number);
    const single = number.length === 1;
    if (roman !== null && (!single || (number !== this.nextLetter() && roman === this.chapter + 1))) {
      this.chapter = roman;
      this.letter = null;
      return 'roman';
    }
    this.letter = number;
    return 'letter';
  }

  /** The letter a section heading would have next (`A` after a chapter). */
  nextLetter(): string {
    return this.letter === null ? 'A' : String.fromCharCode(this.letter.charCodeAt(0) + 1);
  }
}

/** A line that reads like a short title: capitalised, no final punctuation (brackets looked through). */
export const isHeadingLike = (s: string): boolean => {
  const t = unbracketed(s);
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
