/**
 * Paragraph references as written proposals spell them: `§77`, `§77 bis`, `New §93 bis`,
 * `§92–93`, `§§77–93`, `para. 77`, `§69 (b)`. The label logic itself (suffixes, ranges,
 * normalising `77bis`) is core's; this file adapts it to what the importers need.
 */
import {
  expandRange,
  findReferences,
  formatLabel,
  type LabelReference,
  normalizeLabel as normalizeCoreLabel,
  parseLabel,
  parseReference,
} from '@bis/core';

/** A reference to one paragraph (`from`), a run (`from`–`to`) or a point of one paragraph. */
export type Reference = LabelReference;

/** Normalises a label (`77bis` → `77 bis`); a string that is no label is kept, trimmed. */
export const normalizeLabel = (label: string): string =>
  normalizeCoreLabel(label) ?? label.trim().replace(/\s+/g, ' ');

// A reference at the start of a line is short; `findReferences` scans all the text it is given.
const LEADING_CHARS = 48;

/**
 * Reads a reference introduced by `§`, `para.` … at the start of `s` (`§77 (current text …)`),
 * and returns it with the rest of `s`; null when `s` does not start with one.
 */
export const readReference = (s: string): { ref: Reference; rest: string } | null => {
  const t = s.trim();
  let found = findReferences(t.slice(0, LEADING_CHARS))[0];
  // The cut may fall inside the reference (it then reaches the cut, or fails to read, e.g. as a
  // reversed range): read the whole text then.
  if (t.length > LEADING_CHARS && (found?.index !== 0 || found.length >= LEADING_CHARS - 1))
    found = findReferences(t)[0];
  if (found?.index !== 0) return null;
  return { ref: found.reference, rest: t.slice(found.length).trim() };
};

/** Reads `s` as one whole reference, with or without `§` (`77 bis`, `§92–93`, `69 (b)`), or null. */
export const readWholeReference = (s: string): Reference | null => parseReference(s.trim());

/**
 * The paragraph an insertion labelled `label` follows when the proponent did not say:
 * `93 bis` → `93`, `93 ter` → `93 bis`. Null for a label without a single Latin suffix.
 */
export const impliedAnchor = (label: string): string | null => {
  const parts = parseLabel(label);
  const mark = parts?.marks[0];
  if (parts?.marks.length !== 1 || mark?.kind !== 'suffix') return null;
  return formatLabel({ ...parts, marks: mark.n > 1 ? [{ kind: 'suffix', n: mark.n - 1 }] : [] });
};

/**
 * The labels of a run without a base text to look them up in: `92–93` → `92, 93`. Only plain
 * numbers can be counted; a run such as `77 bis–78` keeps its two ends.
 */
export const labelsOfRun = (from: string, to: string): string[] => expandRange(from, to) ?? [from, to];

/** The label a proposal on `ref` is known by: `77 bis`, `92–93` (an en dash, as printed). */
export const referenceLabel = (ref: Reference): string => (ref.to ? `${ref.from}–${ref.to}` : ref.from);

/** How a reference is shown to people: `§77 bis`, `§92–93`, `§69 (b)`. */
export const showReference = (ref: Reference): string =>
  `§${referenceLabel(ref)}${ref.point ? ` (${ref.point})` : ''}`;
