/**
 * Footnotes in imported text. Word's plain-text export writes a reference as `[footnoteRef:N]`
 * and the note itself as `[N: …]`, usually at the end of the paragraph's line, sometimes running
 * over the next line; Markdown writes `[^N]` and a `[^N]: …` definition line. Both are turned into
 * a private-use marker in the raw text while the blocks are assembled, and `resolveFootnotes`
 * finally takes the markers out, leaving clean text and `Footnote`s with offsets into it.
 */

import { BisInputError, type Footnote } from '@bis/core';
import { at, type SourceLine, WrappedText } from './lines';

const REF_OPEN = '\uE000';
const SITE_OPEN = '\uE002';
const MARK_CLOSE = '\uE001';

/** The marker standing for a footnote reference in raw block text. */
export const refMarker = (mark: string): string => `${REF_OPEN}${mark}${MARK_CLOSE}`;
/** The marker left where a plain-text footnote definition stood (used if nothing references it). */
const siteMarker = (mark: string): string => `${SITE_OPEN}${mark}${MARK_CLOSE}`;

/** A footnote's text and the line it was defined on. */
export interface FootnoteDefinition {
  readonly text: string;
  readonly line: number;
}

/** All footnote definitions of a document, by mark. */
export type FootnoteDefinitions = Map<string, FootnoteDefinition>;

/** Records a definition, refusing a second one with the same mark. */
export const define = (
  defs: FootnoteDefinitions,
  mark: string,
  text: string,
  line: number,
  fileName: string | undefined,
): void => {
  const earlier = defs.get(mark);
  if (earlier) {
    throw new BisInputError(
      `footnote ${mark} is defined twice (lines ${earlier.line} and ${line})`,
      at(fileName, line),
      mark,
    );
  }
  defs.set(mark, { text: collapse(text), line });
};

const DEF_START = /^\[(\d+):/;

/**
 * Joins lines while a `[N: …` definition is still open, so that a note wrapped onto the next
 * line stays one piece. The joined line keeps the first line's number.
 */
export const joinOpenDefinitions = (
  lines: readonly SourceLine[],
  fileName: string | undefined,
): SourceLine[] => {
  const out: SourceLine[] = [];
  let open: { line: number; text: WrappedText } | null = null;
  let depth = 0;
  for (const { line, text } of lines) {
    if (open === null) {
      depth = bracketDepth(text, 0);
      if (depth === 0) out.push({ line, text });
      else open = { line, text: new WrappedText(text) };
    } else {
      depth = bracketDepth(text, depth);
      open.text.add(text);
      if (depth === 0) {
        out.push({ line: open.line, text: open.text.toString() });
        open = null;
      }
    }
  }
  if (open !== null) {
    throw new BisInputError(
      'a footnote text `[N: …` opened here is never closed with `]`',
      at(fileName, open.line),
    );
  }
  return out;
};

// Bracket depth after `text`, counting only from the opening of a `[N:` definition.
const bracketDepth = (text: string, depth: number): number => {
  // Most lines hold no bracket at all: skip them without walking their characters.
  if (depth === 0 && !text.includes('[')) return 0;
  let d = depth;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (d === 0) {
      if (c === 91 && DEF_START.test(text.slice(i, i + 12))) d = 1;
    } else if (c === 91) d++;
    else if (c === 93) d--;
  }
  return d;
};

const DEBRIS = /\[(?:bookmark|annotationRef|commentRef):?[^\]]*\]/g;

/**
 * Cleans one line of Word's plain-text export: drops bookmarks and comment anchors, records the
 * `[N: …]` definitions it holds (leaving a site marker) and turns `[footnoteRef:N]` into a
 * reference marker.
 */
export const takePlainFootnotes = (
  text: string,
  line: number,
  defs: FootnoteDefinitions,
  fileName: string | undefined,
): string => {
  let s = text.replace(DEBRIS, '');
  s = s.replace(/\[(?:footnoteRef|endnoteRef):\s*(\d+)\]/g, (_m, n: string) => refMarker(n));
  let out = '';
  let from = 0;
  const start = /\[(\d+):/g;
  for (let m = start.exec(s); m !== null; m = start.exec(s)) {
    let depth = 0;
    let j = m.index;
    for (; j < s.length; j++) {
      if (s[j] === '[') depth++;
      else if (s[j] === ']' && --depth === 0) break;
    }
    const mark = m[1] as string;
    define(defs, mark, s.slice(m.index + m[0].length, j), line, fileName);
    out += s.slice(from, m.index) + siteMarker(mark);
    from = j + 1;
    start.lastIndex = from;
  }
  out += s.slice(from);
  return out;
};

/** The marks referenced anywhere in these raw texts. */
export const referencedMarks = (raws: Iterable<string>): Set<string> => {
  const marks = new Set<string>();
  for (const raw of raws)
    for (const m of raw.matchAll(/\uE000([^\uE001]*)\uE001/g)) marks.add(m[1] as string);
  return marks;
};

/**
 * Takes the markers out of raw block text: whitespace collapses to single spaces, the text is
 * trimmed, and each reference becomes a `Footnote` whose offset is where the reference stood in
 * the clean text. A definition that nothing references becomes a footnote where it stood.
 */
export const resolveFootnotes = (
  raw: string,
  defs: FootnoteDefinitions,
  referenced: ReadonlySet<string>,
): { text: string; footnotes: Footnote[] } => {
  const footnotes: Footnote[] = [];
  let text = '';
  let space = false;
  // Odd parts are markers (kind character, then the mark); even parts are text.
  const parts = raw.split(/([\uE000\uE002][^\uE001]*)\uE001/);
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k] as string;
    if (k % 2 === 1) {
      const mark = part.slice(1);
      if (part[0] === REF_OPEN || !referenced.has(mark)) {
        footnotes.push({ mark, offset: text.length, text: defs.get(mark)?.text ?? '' });
      }
      continue;
    }
    const body = part.replace(/\s+/g, ' ').trim();
    if (body === '') {
      if (part !== '') space = true;
      continue;
    }
    if (text !== '' && (space || /^\s/.test(part))) text += ' ';
    text += body;
    space = /\s$/.test(part);
  }
  return { text, footnotes };
};

/** Plain text without markers (for headings and the preamble, which have no footnotes). */
export const withoutMarkers = (raw: string): string =>
  collapse(raw.replace(/[\uE000\uE002][^\uE001]*\uE001/g, ''));

/** Collapses runs of whitespace and trims. */
export const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();
