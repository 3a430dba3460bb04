/**
 * Shapes of single lines that the line reader (`lines.ts`) tells apart: a numbered paragraph
 * (`5. text`, `PP3 Recalling …`), a section heading naming paragraphs, and how lists and runs
 * become one proposal per paragraph.
 */
import { expandRange, formatLabel, parseLabel } from '@bis/core';
import { verbOf } from './actions';
import type { BaseIndex } from './build';
import { isHeadingLike } from './reason';
import { normalizeLabel, type Reference } from './reference';

// `5. text`, `12bis. text`, `OP 5) text`, `§5: text`, `PP3<tab>text`, `PP3 Recalling …`.
const NUMBER = /^(?:§\s*|para(?:graph)?\.?\s+)?((?:PP|OP)\s*\d{1,4}|\d{1,4})/i;
/** Reads a line that opens with a paragraph number (`5. text`), or null. */
export const numberedLine = (s: string): { ref: Reference; body: string } | null => {
  const m = NUMBER.exec(s);
  if (!m) return null;
  const number = m[1] ?? '';
  let rest = s.slice(m[0].length);
  let label = normalizeLabel(number);
  // A suffix (`12bis.`, `12 ter.`) belongs to the label only when it is one.
  const suffix = /^\s*([a-z]{3,12})(?![a-z])/i.exec(rest);
  if (suffix) {
    const withSuffix = normalizeLabel(`${number} ${suffix[1]}`);
    const parts = parseLabel(withSuffix);
    if (parts && parts.marks.length > 0 && parts.point === null) {
      label = withSuffix;
      rest = rest.slice(suffix[0].length);
    }
  }
  const sep =
    /^\s*(?:[.):]|\t)\s*(\S.*)$/.exec(rest) ?? (/^(?:PP|OP)/i.test(number) ? /^\s+(\S.*)$/.exec(rest) : null);
  const parts = parseLabel(label);
  if (!sep || !parts || parts.point !== null || parts.alt !== null) return null;
  return { ref: { from: label, to: null, point: null }, body: sep[1] ?? '' };
};

/** The label for a new paragraph after `anchor` that neither the base nor the file has yet: `30 bis`, `30 ter` … */
export const newLabelAfter = (anchor: string, taken: (label: string) => boolean): string => {
  const parts = parseLabel(anchor);
  const mark = parts?.marks[0];
  if (!parts || parts.marks.length > 1 || mark?.kind === 'letter') return `${anchor} bis`;
  for (let n = (mark?.n ?? 0) + 1; n < 200; n++) {
    const label = formatLabel({ ...parts, marks: [{ kind: 'suffix', n }] });
    if (!taken(label)) return label;
  }
  return `${anchor} bis`;
};

/**
 * The paragraphs of a run, one reference each (`OP 40 to 52` → 40, 41 … 52), for actions that
 * take one proposal per paragraph (retain, delete). With a base, every paragraph between the
 * ends (`40 bis` too); without one, plain numbers only, else the run is kept whole.
 */
export const eachParagraph = (ref: Reference, base: BaseIndex | null): Reference[] => {
  if (ref.to === null) return [ref];
  const one = (from: string): Reference => ({ from, to: null, point: null });
  if (base) {
    const a = base.byLabel.get(ref.from);
    const b = base.byLabel.get(ref.to);
    if (a !== undefined && b !== undefined && a <= b)
      return base.paragraphs.slice(a, b + 1).map((p) => one(normalizeLabel(p.label)));
  }
  const labels = expandRange(ref.from, ref.to);
  return labels ? labels.map(one) : [ref];
};

/** Whether an action phrase takes one proposal per paragraph of a list or run (retain, delete). */
export const perParagraph = (phrase: string): boolean => {
  const v = verbOf(phrase);
  return (v === 'keep' && !/strengthen|expand|add|amend|improve|complement/i.test(phrase)) || v === 'delete';
};

/**
 * A section heading that names paragraphs (`Human Rights (Zero Draft §§77–93)`, `## I. Vision
 * (§§1–12)`): a Markdown heading, or a short line without a closing full stop.
 */
export const isSectionHeading = (line: string, plain: string): boolean => {
  if (/^#{1,6}\s/.test(line)) return true;
  const t = plain.replace(/^(?:[IVXLC]+|[A-Z]|\d{1,2})\.\s+/, '');
  return isHeadingLike(t) && !/[.;!?]$/.test(t);
};
