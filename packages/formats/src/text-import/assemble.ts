/**
 * Puts classified lines together into draft blocks: headings, paragraphs with their points, and
 * the prose before the first block (the preamble). Text is still raw here (footnote markers in
 * it); `importText` resolves it.
 *
 * The rules, in the order they apply to a line that starts nothing (`text`):
 * 1. before any heading or paragraph it is preamble prose (a blank line starts a new prose
 *    paragraph);
 * 2. in plain text, a short capitalised line without final punctuation, after a blank line or a
 *    finished sentence and right before a heading or paragraph, is an unnumbered heading one
 *    level below the last numbered one (`Human rights due diligence` under `A.`);
 * 3. after a paragraph it continues the paragraph, or its last point, joined with one space,
 *    blank lines or not;
 * 4. right after a heading, a line starting in lower case continues the heading's title;
 * 5. anything else after a heading is an error: Bis has no unnumbered paragraphs.
 */

import { BisInputError } from '@bis/core';
import { endsSentence, HeadingNumbering, isHeadingLike, type LineKind, romanValue } from './blocks';
import { at, WrappedText } from './lines';

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
}

/** A heading being assembled. */
export interface DraftHeading {
  readonly kind: 'heading';
  readonly level: number;
  readonly number: string | null;
  readonly line: number;
  title: string;
}

/** What `assemble` produces. */
export interface Assembled {
  readonly blocks: (DraftHeading | DraftParagraph)[];
  /** Preamble prose paragraphs, each a raw string with its first line number. */
  readonly preamble: { line: number; raw: WrappedText }[];
  /** A Markdown document's leading unnumbered `# Title`, if any. */
  readonly markdownTitle: string | null;
}

/** Assembles classified lines into draft blocks; see the module comment for the rules. */
export const assemble = (
  lines: readonly LineKind[],
  format: 'text' | 'markdown',
  fileName: string | undefined,
): Assembled => {
  const blocks: (DraftHeading | DraftParagraph)[] = [];
  const preamble: { line: number; raw: WrappedText }[] = [];
  const labels = new Map<string, number>();
  const numbering = new HeadingNumbering();
  let markdownTitle: string | null = null;
  let numberedLevel = 0;
  let blank = true;
  let ended = true;

  const nextStartsBlock = (i: number): boolean => {
    for (let j = i + 1; j < lines.length; j++) {
      const k = (lines[j] as LineKind).kind;
      if (k !== 'blank') return k === 'heading' || k === 'paragraph';
    }
    return false;
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as LineKind;
    const last = blocks.at(-1);
    switch (l.kind) {
      case 'blank':
        blank = true;
        continue;
      case 'heading': {
        if (l.level === 1 && l.number === null && !last && !preamble.length && markdownTitle === null) {
          markdownTitle = l.title;
          break;
        }
        let level: number;
        if (l.level !== null) level = l.level;
        else if (l.number !== null) level = numbering.levelOf(l.number);
        else level = numberedLevel + 1;
        if (l.number !== null) numberedLevel = level;
        blocks.push({ kind: 'heading', level, number: l.number, line: l.line, title: l.title });
        ended = true;
        blank = false;
        continue;
      }
      case 'paragraph': {
        const earlier = labels.get(l.label);
        if (earlier !== undefined) {
          throw new BisInputError(
            `paragraph ${l.label} appears twice (lines ${earlier} and ${l.line})`,
            at(fileName, l.line),
            l.label,
          );
        }
        labels.set(l.label, l.line);
        blocks.push({
          kind: 'paragraph',
          label: l.label,
          line: l.line,
          raw: new WrappedText(l.text),
          points: [],
          pointKind: null,
        });
        break;
      }
      case 'point': {
        if (!last) {
          addPreamble(preamble, l.line, `(${l.label}) ${l.text}`, blank);
          break;
        }
        if (last.kind !== 'paragraph') {
          throw new BisInputError(
            `point (${l.label}) follows a heading, not a numbered paragraph`,
            at(fileName, l.line),
            l.label,
          );
        }
        addPoint(last, l.label, l.text, l.line, fileName);
        break;
      }
      case 'text': {
        if (!last) {
          addPreamble(preamble, l.line, l.text, blank);
        } else if (format === 'text' && isHeadingLike(l.text) && (blank || ended) && nextStartsBlock(i)) {
          blocks.push({
            kind: 'heading',
            level: numberedLevel + 1,
            number: null,
            line: l.line,
            title: l.text.trim(),
          });
          ended = true;
          blank = false;
          continue;
        } else if (last.kind === 'paragraph') {
          const point = last.points.at(-1);
          (point ?? last).raw.add(l.text);
        } else if (!blank && /^\p{Ll}/u.test(l.text) && !endsSentence(last.title)) {
          last.title = `${last.title} ${l.text.trim()}`;
        } else {
          throw new BisInputError(
            `unnumbered text after the heading "${last.title}" (line ${last.line}); ` +
              'every paragraph needs a number such as `12.`, `PP3` or `12 bis`',
            at(fileName, l.line),
            l.text,
          );
        }
        break;
      }
    }
    ended = l.kind === 'heading' || endsSentence(l.text);
    blank = false;
  }
  return { blocks, preamble, markdownTitle };
};

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
