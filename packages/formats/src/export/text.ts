/**
 * A document as plain text, the way it is circulated and the way `importText` reads it: title,
 * symbol, preamble prose, then one block per paragraph of the file — headings as printed,
 * paragraphs with their printed labels (none for unnumbered ones), points on lines of their own,
 * status tags in brackets after the last words, footnotes as Word's plain-text export writes them
 * (`[footnoteRef:3]` at the reference, `[3: text]` at the end of the line). Importing the result
 * gives the same document back (ids, labels, texts, points, footnotes, tags, label styles).
 */

import type { BisDocument, Footnote, Paragraph } from '@bis/core';
import { headingLine, paragraphParts, printedMark } from './block-text';

// Footnote marks that the plain-text form can carry (`[footnoteRef:N]` takes digits).
const numericMark = (f: Footnote): boolean => /^\d+$/.test(f.mark);

/** `text` with its footnote references put back at their offsets and the notes after it. */
const withFootnotes = (text: string, notes: readonly Footnote[]): string => {
  if (notes.length === 0) return text;
  let out = '';
  let from = 0;
  const sorted = [...notes].sort((a, b) => a.offset - b.offset);
  for (const n of sorted) {
    const at = Math.min(Math.max(n.offset, from), text.length);
    out += text.slice(from, at) + (numericMark(n) ? `[footnoteRef:${n.mark}]` : '');
    from = at;
  }
  out += text.slice(from);
  const defs = sorted.filter(numericMark).map((n) => `[${n.mark}: ${n.text}]`);
  return defs.length ? `${out} ${defs.join(' ')}` : out;
};

const paragraphLines = (p: Paragraph): string[] => {
  const { text, points } = paragraphParts(p);
  const mark = printedMark(p);
  const body = withFootnotes(text, p.footnotes);
  const out = [mark ? `${mark} ${body}` : body];
  points.forEach(([label, t], k) => {
    out.push(`(${label}) ${withFootnotes(t, p.points[k]?.footnotes ?? [])}`);
  });
  return out;
};

/** Writes a document as plain text (see the module comment). */
export const documentToText = (doc: BisDocument): string => {
  const out: string[] = [doc.title, ''];
  if (doc.symbol) out.push(doc.symbol, '');
  for (const p of doc.preamble.split(/\n{2,}/)) if (p.trim()) out.push(p.trim(), '');
  for (const b of doc.blocks) {
    if (b.kind === 'heading') out.push(headingLine(b), '');
    else out.push(...paragraphLines(b), '');
  }
  return out.join('\n');
};
