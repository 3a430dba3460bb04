/**
 * Puts classified lines together into draft blocks: headings, paragraphs with their points, and
 * the prose before the first block (the preamble). Text is still raw here (footnote markers in
 * it); `importText` resolves it. What a line is depends on where it stands:
 *
 * - `A. …` is a lettered preambular paragraph (`PP1`, lettered) when it reads as a sentence and no
 *   operative paragraph came before, or continues a lettered series; otherwise a section heading.
 * - `2. …` with a short title is a numbered section heading rather than paragraph 2 when the
 *   paragraph series is past 2 already, when the next numbered line is 2 again, when it continues
 *   a series of numbered headings, or when `2.1 …` follows it (see `series.ts`).
 * - After a chapeau (`The General Assembly,`) or a `Preamble` heading and before the first
 *   operative paragraph, a line that starts a paragraph — after a blank line or a heading, or
 *   opening with a word such as `Recalling` after a finished clause — is an unnumbered
 *   preambular paragraph (`PP1`, unnumbered).
 * - Other unnumbered text: before any block it is preamble prose; a short capitalised line
 *   without final punctuation, after a blank line or a finished sentence and right before a
 *   heading or paragraph, is an unnumbered heading; after a paragraph it continues the
 *   paragraph (or its last point); right after a heading, a line starting in lower case
 *   continues the heading's title; anything else is refused.
 *
 * Judgement calls (a numbered line read as a heading, a gap in the numbering) become notes.
 */

import { BisInputError, type LabelStyle, normalizeLabel, numberForLetter } from '@bis/core';
import {
  endsSentence,
  HeadingNumbering,
  type HeadingStyle,
  isHeadingLike,
  type LineKind,
  romanValue,
} from './blocks';
import { at, WrappedText } from './lines';
import type { ImportNote } from './notes';
import { assignLevels, numberedHeading } from './series';

/** A point being assembled. */
export interface DraftPoint {
  readonly label: string;
  readonly line: number;
  readonly raw: WrappedText;
}

/** A paragraph being assembled. */
export interface DraftParagraph {
  readonly kind: 'paragraph';
  readonly label: string;
  readonly line: number;
  readonly raw: WrappedText;
  readonly points: DraftPoint[];
  pointKind: 'letter' | 'roman' | null;
  readonly labelStyle?: LabelStyle;
}

/** A heading being assembled. */
export interface DraftHeading {
  readonly kind: 'heading';
  /** Null until `assignLevels` (plain text); set by Markdown. */
  level: number | null;
  readonly number: string | null;
  readonly line: number;
  readonly style: HeadingStyle;
  readonly role?: 'chapeau';
  title: string;
}

/** A draft block. */
export type DraftBlock = DraftHeading | DraftParagraph;

/** What `assemble` produces. */
export interface Assembled {
  readonly blocks: DraftBlock[];
  /** Preamble prose paragraphs, each a raw string with its first line number. */
  readonly preamble: { line: number; raw: WrappedText }[];
  /** A Markdown document's leading unnumbered `# Title`, if any. */
  readonly markdownTitle: string | null;
}

// Words that open a preambular paragraph: `Recalling`, `Deeply concerned`, `Mindful`, `Having …`.
const OPENER =
  /^\[*\s*(?:\p{Lu}\p{Ll}+ing|Concerned|Convinced|Mindful|Aware|Deeply|Gravely|Seriously|Conscious|Cognizant|Desirous|Determined|Alarmed|Encouraged|Guided|Committed|Resolved|Further|Also|Noting|Bearing|Having|Taking|Expressing|Stressing|Recognizing|Recognising|Welcoming|Reaffirming|Recalling|Acknowledging|Emphasizing|Emphasising|Underlining|Affirming|Considering|Appreciating|Regretting|Reiterating|Determined|We)\b/u;

/** Assembles classified lines into draft blocks; see the module comment for the rules. */
export const assemble = (
  lines: readonly LineKind[],
  format: 'text' | 'markdown',
  fileName: string | undefined,
  notes: ImportNote[],
): Assembled => {
  const blocks: DraftBlock[] = [];
  const preamble: { line: number; raw: WrappedText }[] = [];
  const labels = new Map<string, number>();
  const numbering = new HeadingNumbering();
  let markdownTitle: string | null = null;
  let blank = true;
  let ended = true;
  let endChar = '';
  // Whether an operative (not `PP`) paragraph has been read; whether unnumbered preambular
  // paragraphs may follow (after a chapeau or a `Preamble` heading, before the operative part).
  let operative = false;
  let unnumbered = false;
  let lastNumber = 0;
  let lastHeadingNumber = 0;
  let lettered = 0;
  let ppNext = 1;

  const nextStartsBlock = (i: number): boolean => {
    for (let j = i + 1; j < lines.length; j++) {
      const k = (lines[j] as LineKind).kind;
      if (k !== 'blank') return k === 'heading' || k === 'paragraph' || k === 'marked';
    }
    return false;
  };

  const addParagraph = (label: string, text: string, line: number, labelStyle?: LabelStyle): void => {
    const earlier = labels.get(label);
    if (earlier !== undefined) {
      throw new BisInputError(
        `paragraph ${label} appears twice (lines ${earlier} and ${line})`,
        at(fileName, line),
        label,
      );
    }
    labels.set(label, line);
    const pp = /^PP\d/.test(label);
    if (pp) {
      const n = Number(/^PP(\d+)/.exec(label)?.[1]);
      if (n >= ppNext) ppNext = n + 1;
    } else {
      operative = true;
      unnumbered = false;
    }
    blocks.push({
      kind: 'paragraph',
      label,
      line,
      raw: new WrappedText(text),
      points: [],
      pointKind: null,
      ...(labelStyle ? { labelStyle } : {}),
    });
  };

  // Whether the line being read became a heading (a heading ends what came before it).
  let headed = false;
  const addHeading = (h: Omit<DraftHeading, 'kind'>): void => {
    blocks.push({ kind: 'heading', ...h });
    headed = true;
  };

  // Text that starts nothing: prose, an unnumbered paragraph, a sub-heading, or continuation.
  const addText = (i: number, line: number, text: string): void => {
    const last = blocks.at(-1);
    if (!last) {
      addPreamble(preamble, line, text, blank);
      return;
    }
    // `Chapter A` on its own line, then its title.
    if (last.kind === 'heading' && last.style === 'word' && last.title === '' && isHeadingLike(text)) {
      last.title = text.trim();
      return;
    }
    if (format === 'text' && isHeadingLike(text) && (blank || ended) && nextStartsBlock(i)) {
      addHeading({ level: null, number: null, line, title: text.trim(), style: null });
      return;
    }
    const opensClause = /[,;:.]$/.test(endChar) && OPENER.test(text);
    // The title of what a chapeau adopts (`Outcome document of …`) is no clause: no opening
    // word, no final punctuation.
    if (unnumbered && last.kind === 'heading' && !/[,;:.]\s*$/.test(text) && !OPENER.test(text)) {
      addHeading({ level: null, number: null, line, title: text.trim(), style: null });
      return;
    }
    // `Option 2: …` after `[Option 1: …` is the same bracket of the same paragraph, blank line or not.
    const nextOption =
      last.kind === 'paragraph' &&
      /^\[*\s*(?:Option|Alternative|Alt\.?)\s*(?:[2-9]|\d{2}|[B-Z])\s*:/.test(text);
    if (unnumbered && !operative && !nextOption && (last.kind === 'heading' || blank || opensClause)) {
      addParagraph(`PP${ppNext}`, text, line, 'unnumbered');
      return;
    }
    if (last.kind === 'paragraph') {
      const decimal = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+\p{Lu}/u.exec(text);
      if (decimal && (blank || ended)) {
        notes.push({
          line,
          kind: 'structure',
          message: `"${clip(text)}" starts with the decimal number ${decimal[1]} but reads as a sentence, not a heading: kept as text of paragraph ${last.label}`,
        });
      }
      const point = last.points.at(-1);
      (point ?? last).raw.add(text);
    } else if (!blank && /^\p{Ll}/u.test(text) && !endsSentence(last.title)) {
      last.title = `${last.title} ${text.trim()}`;
    } else {
      throw new BisInputError(
        `unnumbered text after the heading "${last.title}" (line ${last.line}); ` +
          'every paragraph needs a number such as `12.`, `PP3` or `12 bis` (unnumbered preambular ' +
          'paragraphs are read only after a chapeau such as `The General Assembly,` or a `Preamble` heading)',
        at(fileName, line),
        text,
      );
    }
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as LineKind;
    let text = '';
    headed = false;
    switch (l.kind) {
      case 'blank':
        blank = true;
        continue;
      case 'heading': {
        text = l.title;
        const last = blocks.at(-1);
        if (l.level !== null) {
          if (l.level === 1 && l.number === null && !last && !preamble.length && markdownTitle === null) {
            markdownTitle = l.title;
            break;
          }
          addHeading({
            level: l.level,
            number: l.number,
            line: l.line,
            title: l.title,
            style: l.style,
            ...(l.role ? { role: l.role } : {}),
          });
          if ((l.role === 'chapeau' || l.preamble) && !operative) unnumbered = true;
          break;
        }
        // A chapeau, a capitals line or a decimal number in the middle of a sentence is text.
        const midSentence = last?.kind === 'paragraph' && !blank && !ended;
        if (midSentence && l.style !== 'word') {
          addText(i, l.line, l.number ? `${l.number} ${l.title}` : l.title);
          break;
        }
        addHeading({
          level: null,
          number: l.number,
          line: l.line,
          title: l.title,
          style: l.style,
          ...(l.role ? { role: l.role } : {}),
        });
        if ((l.role === 'chapeau' || l.preamble) && !operative) unnumbered = true;
        break;
      }
      case 'marked': {
        text = l.text;
        const sentence = !isHeadingLike(l.text);
        const [letter, suffix] = l.mark.split(' ') as [string, string | undefined];
        const n = numberForLetter(letter);
        const nextLettered = n !== null && n === lettered + 1;
        const letterLike =
          n !== null &&
          letter.length === 1 &&
          (romanValue(letter) === null || nextLettered || suffix !== undefined);
        if (
          !operative &&
          letterLike &&
          (sentence || (lettered > 0 && (nextLettered || suffix !== undefined)))
        ) {
          if (suffix === undefined && !nextLettered) {
            notes.push({
              line: l.line,
              kind: 'numbering',
              message: `lettered paragraph ${letter}. follows ${lettered === 0 ? 'no other' : `${String.fromCharCode(64 + lettered)}.`}`,
            });
          }
          const label = normalizeLabel(`PP${n}${suffix ? ` ${suffix}` : ''}`) ?? `PP${n}`;
          addParagraph(label, l.lead + l.text, l.line, 'lettered');
          if (suffix === undefined) lettered = n;
          break;
        }
        if (format === 'markdown' || (sentence && l.text.length > 200)) {
          // A long sentence after `A.` is prose (Markdown headings need `#`).
          addText(i, l.line, `${l.lead}${l.mark}. ${l.text}`);
          break;
        }
        const style = numbering.styleOf(letter);
        if (sentence) {
          notes.push({
            line: l.line,
            kind: 'structure',
            message: `"${l.mark}. ${clip(l.text)}" reads like a sentence but is taken as a section heading`,
          });
        }
        addHeading({ level: null, number: l.mark, line: l.line, title: l.lead + l.text, style });
        break;
      }
      case 'paragraph': {
        text = l.text;
        if (l.bare !== null && format === 'text') {
          const why = numberedHeading(lines, i, l.bare, l.text, { lastNumber, lastHeadingNumber });
          if (why !== null) {
            notes.push({
              line: l.line,
              kind: 'structure',
              message: `"${l.bare}. ${clip(l.text)}" read as a numbered section heading, not a paragraph (${why})`,
            });
            addHeading({
              level: null,
              number: String(l.bare),
              line: l.line,
              title: l.text.trim(),
              style: 'number',
            });
            lastHeadingNumber = l.bare;
            break;
          }
        }
        if (l.bare !== null) {
          if (lastNumber > 0 && l.bare !== lastNumber + 1 && !labels.has(l.label)) {
            notes.push({
              line: l.line,
              kind: 'numbering',
              message:
                l.bare > lastNumber
                  ? `paragraph ${l.bare} follows paragraph ${lastNumber} (${l.bare === lastNumber + 2 ? `${lastNumber + 1} is` : `${lastNumber + 1}–${l.bare - 1} are`} missing)`
                  : `paragraph ${l.bare} comes after paragraph ${lastNumber}, out of order`,
            });
          }
          if (!labels.has(l.label)) lastNumber = Math.max(lastNumber, l.bare);
        }
        addParagraph(l.label, l.text, l.line);
        break;
      }
      case 'point': {
        text = l.text;
        const last = blocks.at(-1);
        if (!last) {
          addPreamble(preamble, l.line, `(${l.label}) ${l.text}`, blank);
          break;
        }
        if (last.kind !== 'paragraph') {
          throw new BisInputError(
            `point (${l.label}) follows a heading, not a paragraph`,
            at(fileName, l.line),
            l.label,
          );
        }
        addPoint(last, l.label, l.text, l.line, fileName);
        break;
      }
      case 'text':
        text = l.text;
        addText(i, l.line, l.text);
        break;
    }
    ended = headed || endsSentence(text);
    endChar = text.trim().slice(-1);
    blank = false;
  }
  assignLevels(blocks);
  return { blocks, preamble, markdownTitle };
};

const clip = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

const addPreamble = (
  preamble: { line: number; raw: WrappedText }[],
  line: number,
  text: string,
  blank: boolean,
) => {
  const cur = preamble.at(-1);
  if (cur && !blank) cur.raw.add(text);
  else preamble.push({ line, raw: new WrappedText(text) });
};

const nextLetter = (label: string): string | null =>
  /^[a-y]$/.test(label) ? String.fromCharCode(label.charCodeAt(0) + 1) : label === 'z' ? 'aa' : null;

/**
 * Adds a point to a paragraph. Letters run a, b, c …; a list may instead be roman from its first
 * point (`(i)`, `(ii)` …). A roman point inside a lettered list that is not the next letter
 * (`(i)` after `(a)`) is a sub-point: it stays in the text of the point it belongs to.
 */
const addPoint = (
  para: DraftParagraph,
  label: string,
  text: string,
  line: number,
  fileName: string | undefined,
): void => {
  const last = para.points.at(-1);
  const expected = last ? nextLetter(last.label) : 'a';
  const roman = romanValue(label) !== null;
  if (label !== expected && roman && last && para.pointKind === 'letter') {
    last.raw.add(`(${label}) ${text}`);
    return;
  }
  const same = para.points.find((p) => p.label === label);
  if (same) {
    throw new BisInputError(
      `point (${label}) of paragraph ${para.label} appears twice (lines ${same.line} and ${line})`,
      at(fileName, line),
      label,
    );
  }
  if (para.pointKind === null) para.pointKind = label !== 'a' && roman ? 'roman' : 'letter';
  para.points.push({ label, line, raw: new WrappedText(text) });
};
