/**
 * How a block reads in an export, the way negotiators write it: a paragraph's printed label (`12.`,
 * `B.` for a lettered one, nothing for an unnumbered one), its text with brackets and options as
 * they stand, and its status tags in brackets after its last words (`… the annex; [agreed]`);
 * a heading's number and title (`II. Title`, `2.1 Financing`, `Chapter C`), with its tags.
 */

import { type Heading, type Paragraph, printedLabel, withTags } from '@bis/core';

/** The label as the text prints it, with its point (`12.`, `B bis.`), or `''` for an unnumbered paragraph. */
export const printedMark = (p: Pick<Paragraph, 'label' | 'labelStyle'>): string => {
  const printed = printedLabel(p.label, p.labelStyle);
  return printed === '' ? '' : `${printed}.`;
};

/**
 * The reference label to show beside a paragraph in views where proposals point at it
 * (compilation): the printed mark, or for an unnumbered paragraph its reference label (`PP3`).
 */
export const referenceMark = (p: Pick<Paragraph, 'label' | 'labelStyle'>): string =>
  p.labelStyle === 'unnumbered' ? p.label : printedMark(p);

/**
 * A paragraph's text and points as strings, the status tags after the last of them:
 * `text` is the paragraph's own text, `points` each `[label, text]`.
 */
export const paragraphParts = (
  p: Pick<Paragraph, 'text' | 'points' | 'tags'>,
): { text: string; points: [string, string][] } => {
  const points: [string, string][] = p.points.map((pt) => [pt.label, pt.text]);
  const last = points.at(-1);
  if (last) {
    last[1] = withTags(last[1], p.tags);
    return { text: p.text, points };
  }
  return { text: withTags(p.text, p.tags), points };
};

/** A heading as printed: `II. Title`, `2.1 Financing`, `Chapter C: Title`, a chapeau as written; tags after. */
export const headingLine = (h: Pick<Heading, 'number' | 'title' | 'tags'>): string => {
  let line: string;
  if (h.number === null) line = h.title;
  else if (/^[A-Za-z]+\s/.test(h.number)) line = h.title ? `${h.number}: ${h.title}` : h.number;
  else if (h.number.includes('.')) line = `${h.number} ${h.title}`;
  else line = `${h.number}. ${h.title}`;
  return withTags(line, h.tags);
};
