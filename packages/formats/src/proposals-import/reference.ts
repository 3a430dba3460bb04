/**
 * Paragraph references as written proposals spell them: `§77`, `§77 bis`, `New §93 bis`,
 * `§92–93`, `§§77–93`, `para. 77`, `§69 (b)`.
 *
 * Labels themselves (normalising `77bis`, the Latin suffixes, what precedes `77 ter`) belong to
 * `@bis/core`; everything this importer needs from that logic goes through the three functions
 * below, so that switching to core's `parseReference`/`normalizeLabel` touches only this file.
 */

/** A reference to one paragraph, a run of paragraphs, or a point of one paragraph. */
export interface Reference {
  /** The (first) paragraph's label, normalised: `"77 bis"`. */
  readonly start: string;
  /** The last paragraph of a run (`§92–93` → `"93"`), or null. */
  readonly end: string | null;
  /** A point letter (`§69 (b)` → `"b"`), or null. */
  readonly point: string | null;
}

// Until core's label module lands, the suffix list is repeated here (and only here).
const SUFFIXES = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'];
const ABBREVIATIONS: Record<string, string> = { quat: 'quater' };
const SUFFIX_RE = `(?:${[...SUFFIXES, ...Object.keys(ABBREVIATIONS)].join('|')})`;
const LABEL_RE = `(?:(?:PP|OP)\\s*)?\\d+(?:\\s*${SUFFIX_RE}(?![a-z]))?`;
const PREFIX_RE = '(?:§§?|paras?\\.|paragraphs?|op\\.|pp\\.)?';
const REFERENCE_RE = new RegExp(
  `^${PREFIX_RE}\\s*(${LABEL_RE})(?:\\s*[–—-]\\s*(?:§\\s*)?(${LABEL_RE}))?(?:\\s*\\(([a-z]{1,2}|[ivx]{1,5})\\))?`,
  'i',
);

/** Normalises a label: `77bis` → `77 bis`, `op5 Ter` → `OP5 ter`, `1quat` → `1 quater`. */
export const normalizeLabel = (label: string): string => {
  const m = /^((?:PP|OP)\s*)?(\d+)\s*([a-z]*)$/i.exec(label.trim());
  if (!m) return label.trim().replace(/\s+/g, ' ');
  const prefix = (m[1] ?? '').replace(/\s+/g, '').toUpperCase();
  const suffix = (m[3] ?? '').toLowerCase();
  const full = ABBREVIATIONS[suffix] ?? suffix;
  return full ? `${prefix}${m[2]} ${full}` : `${prefix}${m[2]}`;
};

/**
 * Reads a reference at the start of `s`; returns it with the rest of `s`, or null when `s`
 * does not start with one.
 */
export const readReference = (s: string): { ref: Reference; rest: string } | null => {
  const m = REFERENCE_RE.exec(s.trim());
  if (!m || m[1] === undefined) return null;
  return {
    ref: {
      start: normalizeLabel(m[1]),
      end: m[2] === undefined ? null : normalizeLabel(m[2]),
      point: m[3] === undefined ? null : m[3].toLowerCase(),
    },
    rest: s.trim().slice(m[0].length).trim(),
  };
};

/**
 * The paragraph an insertion labelled `label` follows when the proponent did not say:
 * `93 bis` → `93`, `93 ter` → `93 bis`. Null for a label without a Latin suffix.
 */
export const impliedAnchor = (label: string): string | null => {
  const m = /^(.*\d)\s+([a-z]+)$/.exec(label);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const i = SUFFIXES.indexOf(m[2]);
  if (i < 0) return null;
  const previous = SUFFIXES[i - 1];
  return previous === undefined ? m[1] : `${m[1]} ${previous}`;
};

/**
 * The labels of a run without a base text to look them up in: `92–93` → `92, 93`. Only plain
 * numbers can be counted; a run such as `77 bis–78` keeps its two ends.
 */
export const labelsOfRun = (start: string, end: string): string[] => {
  const a = /^((?:PP|OP)?)(\d+)$/.exec(start);
  const b = /^((?:PP|OP)?)(\d+)$/.exec(end);
  if (!a || !b || a[1] !== b[1]) return [start, end];
  const from = Number(a[2]);
  const to = Number(b[2]);
  // A backwards or implausibly long run is reported by the caller; keep its ends as written.
  if (to < from || to - from > 500) return [start, end];
  return Array.from({ length: to - from + 1 }, (_, i) => `${a[1]}${from + i}`);
};

/** How a reference is shown to people: `§77 bis`, `§92–93`, `§69 (b)`. */
export const showReference = (ref: Reference): string =>
  `§${referenceLabel(ref)}${ref.point ? ` (${ref.point})` : ''}`;

/** The label a proposal on `ref` is known by: `77 bis`, `92–93` (an en dash, as printed). */
export const referenceLabel = (ref: Reference): string => (ref.end ? `${ref.start}–${ref.end}` : ref.start);
