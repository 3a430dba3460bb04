/**
 * Formatting read as changes: a copy of the base text in which a delegation marked the words it
 * adds in bold or underlined and the words it deletes struck through, without Word's track
 * changes — the form of many printed amendment lists. `markedAsChanges` turns such paragraphs
 * into the inserted and deleted pieces of a track-changed copy, so that the same grouping
 * (`findTrackedProposals`) makes the proposals.
 */

import type { DocxParagraph, Segment } from './read';

// A label in bold before the text (`12.`, `12 bis.`, `PP3`, `(a)`) is layout, not an insertion.
const LABEL_ONLY = /^\s*(?:\(?[a-z]\)|(?:PP|OP)?\s*\d+[a-z]?(?:\s*(?:bis|ter|quater|[a-z]+ies))?\.?)\s*$/i;

const plainText = (p: DocxParagraph): string => p.segments.map((s) => s.text).join('');

// A new paragraph is typed with a Latin-suffix label (`7 bis.`, `12ter.`, `PP3 quater`).
const NEW_LABEL = /^\s*(?:PP|OP)?\s*\d+\s*(?:bis|ter|quater|quat|[a-z]+ies)\b/i;

// A line wholly in bold is a heading or emphasis, unless it is a new paragraph (`7 bis. …`).
const boldLine = (p: DocxParagraph): boolean => {
  const visible = p.segments.filter((s) => s.text.trim() !== '');
  if (visible.length === 0 || !visible.every((s) => s.bold && !s.strike && !s.underline)) return false;
  return p.headingLevel !== null || !NEW_LABEL.test(plainText(p));
};

const opOf = (s: Segment, index: number, p: DocxParagraph): Segment['op'] => {
  if (s.strike) return 'delete';
  if (s.underline) return 'insert';
  if (!s.bold) return 'equal';
  const before = p.segments
    .slice(0, index)
    .map((x) => x.text)
    .join('');
  return before.trim() === '' && LABEL_ONLY.test(s.text) ? 'equal' : 'insert';
};

/**
 * The body paragraphs with bold or underlined pieces read as insertions and struck-through
 * pieces as deletions, or null when the document marks nothing that way (no struck-through or
 * underlined piece, and bold only on headings and labels).
 */
export const markedAsChanges = (paragraphs: readonly DocxParagraph[]): DocxParagraph[] | null => {
  let marked = false;
  const out = paragraphs.map((p): DocxParagraph => {
    if (p.headingLevel !== null || boldLine(p)) return p;
    const segments = p.segments.map((s, i): Segment => {
      const op = s.footnote !== undefined ? 'equal' : opOf(s, i, p);
      if (op !== 'equal' && s.text.trim() !== '') marked = true;
      return { ...s, op };
    });
    return { ...p, segments };
  });
  return marked ? out : null;
};
