import { BisInputError } from './errors';
import { compareParts, formatLabel, type LabelParts, type Mark, parseLabel } from './labels';
import { DEFAULT_SUFFIXES, type SuffixTable } from './suffixes';

/**
 * The numbering rules (written out with examples in docs/numbering.md):
 *
 * 1. A label, once given in a revision, never changes within it; only `renumber`, when the
 *    next revision is published, gives new labels (and a concordance).
 * 2. A new paragraph is named after the one BEFORE it: after `77` → `77 bis`; after `77 bis` →
 *    `77 ter`; after `OP5` → `OP5 bis`; after `77 bis A` → `77 bis B`.
 * 3. When that name is taken or would sort past the next paragraph (inserting between `77` and
 *    an existing `77 bis`), it is named BEFORE the next one with a capital letter: `77 bis A`,
 *    which sorts after `77` and before `77 bis` (French drafting: article `4 bis A`).
 * 4. Before the very first paragraph: `0` (`PP0`, `OP0`), then `0 A`, `0 B` … before that.
 * 5. Rival insertions at the same place are placed in the order they were tabled and labelled
 *    one after the other: the second "after 77" is `77 ter` (see `labelsForInserts`).
 *
 * So labels are always unique, always sort in document order under `compareLabels` (in a
 * document whose labels were sorted to begin with), and never rename an existing paragraph.
 */

/** Options for `labelForInsert` and `labelsForInserts`. */
export interface InsertLabelOptions {
  /** The suffix vocabulary (default: the Latin suffixes). */
  readonly suffixes?: SuffixTable;
  /**
   * Labels that must not be given although no sibling bears them: a paragraph deleted in this
   * revision, an insertion still only proposed.
   */
  readonly taken?: Iterable<string>;
}

const bare = (p: LabelParts): LabelParts => ({ ...p, point: null, alt: null });

const withMarks = (p: LabelParts, marks: readonly Mark[]): LabelParts => ({
  prefix: p.prefix,
  number: p.number,
  marks,
  point: null,
  alt: null,
});

// The next name at the same level: `77` → `77 bis`, `77 bis` → `77 ter`, `77 A` → `77 B`.
const nextAfter = (p: LabelParts): LabelParts => {
  const last = p.marks[p.marks.length - 1];
  if (last === undefined) return withMarks(p, [{ kind: 'suffix', n: 1 }]);
  return withMarks(p, [...p.marks.slice(0, -1), { kind: last.kind, n: last.n + 1 }]);
};

const LETTERS = 26;

const ONE: LabelParts = { prefix: '', number: 1, marks: [], point: null, alt: null };

// The names to try, best first. The first that is free and sorts between wins; the later ones
// only matter when earlier names are taken by deleted paragraphs or pending proposals.
function* candidates(
  prev: LabelParts | null,
  next: LabelParts | null,
  suffixes: number,
  depth = 2,
): Generator<LabelParts> {
  const tried: LabelParts[] = [];
  function* own(): Generator<LabelParts> {
    if (prev) {
      // After `prev` at its own level: 77 → 77 bis, ter …; 77 bis → 77 ter, quater …
      let c = nextAfter(prev);
      const max = c.marks[c.marks.length - 1]?.kind === 'letter' ? LETTERS : suffixes;
      for (let k = 0; k < max && (next === null || compareParts(c, next) < 0); k++, c = nextAfter(c)) yield c;
    } else if (next) {
      yield withMarks({ ...next, number: 0 }, []);
    } else {
      // An empty text: 1, or (when 1 was deleted in this revision) 1 bis …
      yield ONE;
      for (let n = 1; n <= suffixes; n++) yield withMarks(ONE, [{ kind: 'suffix', n }]);
    }
    // Before `next`: 78 A, 78 B …
    if (next)
      for (let n = 1; n <= LETTERS; n++) yield withMarks(next, [...next.marks, { kind: 'letter', n }]);
    // One level below `prev`: 77 Z bis, 77 Z ter …
    if (prev)
      for (let n = 1; n <= suffixes; n++) yield withMarks(prev, [...prev.marks, { kind: 'suffix', n }]);
  }
  for (const c of own()) {
    if ((!prev || compareParts(prev, c) < 0) && (!next || compareParts(c, next) < 0)) tried.push(c);
    yield c;
  }
  // All taken: look between each taken name and `next` (a narrower gap, so still in order).
  if (depth > 0) for (const c of tried) yield* candidates(c, next, suffixes, depth - 1);
}

/**
 * The label for a new paragraph placed at `index` (0 … n) among siblings labelled
 * `siblingLabels` (the document's paragraph labels, in document order). Labels that do not
 * parse (an unnumbered paragraph) are skipped over. Throws BisInputError for a bad index, or
 * when no label is left (more than the suffix table allows at one place).
 */
export const labelForInsert = (
  siblingLabels: readonly string[],
  index: number,
  options: InsertLabelOptions = {},
): string => {
  if (!Number.isInteger(index) || index < 0 || index > siblingLabels.length)
    throw new BisInputError(`insert index must be 0 … ${siblingLabels.length}`, 'index', index);
  const table = options.suffixes ?? DEFAULT_SUFFIXES;
  const parsed = siblingLabels.map((l) => {
    const p = parseLabel(l, { suffixes: table });
    return p ? bare(p) : null;
  });
  const taken = new Set<string>();
  const take = (p: LabelParts | null) => {
    if (!p) return;
    try {
      taken.add(formatLabel(p, { suffixes: table }));
    } catch {
      // A label beyond this table cannot be produced by it either.
    }
  };
  for (const p of parsed) take(p);
  for (const l of options.taken ?? []) {
    const p = parseLabel(l, { suffixes: table });
    take(p ? bare(p) : null);
  }
  let prev: LabelParts | null = null;
  for (let i = index - 1; i >= 0 && !prev; i--) prev = parsed[i] ?? null;
  let next: LabelParts | null = null;
  for (let i = index; i < parsed.length && !next; i++) next = parsed[i] ?? null;

  // A candidate is good if it can be written and read back, is free, and sorts between.
  const fits = (c: LabelParts, ordered: boolean): string | null => {
    let s: string;
    try {
      s = formatLabel(c, { suffixes: table });
    } catch {
      return null;
    }
    const back = parseLabel(s, { suffixes: table });
    // Letter runs that spell a suffix (`BIS`) would read back as that suffix: skip them.
    if (!back || compareParts(back, c) !== 0 || back.marks.length !== c.marks.length) return null;
    if (taken.has(s)) return null;
    if (ordered && prev && compareParts(prev, c) >= 0) return null;
    if (ordered && next && compareParts(c, next) >= 0) return null;
    return s;
  };

  for (const c of candidates(prev, next, table.names.length)) {
    const s = fits(c, true);
    if (s !== null) return s;
  }
  // Only a document whose labels were out of order gets here: stay unique, give up on order.
  for (const c of candidates(prev ?? next, null, table.names.length, 0)) {
    const s = fits(c, false);
    if (s !== null) return s;
  }
  throw new BisInputError('no free label left at this place: renumber the text', 'index', index);
};

/**
 * `labels` with those outside the series of `anchor` (`PP`, plain numbers, `OP`) blanked to `''`,
 * which `labelForInsert` skips: a new paragraph joins its anchor's series, so one placed before
 * `1` right after the preamble is `0`, and one after `PP5` is `PP5 bis`. An anchor whose label
 * does not parse leaves `labels` as they are.
 */
export const inSeriesOf = (
  labels: readonly string[],
  anchor: string,
  options: { readonly suffixes?: SuffixTable } = {},
): string[] => {
  const opts = options.suffixes ? { suffixes: options.suffixes } : {};
  const series = parseLabel(anchor, opts)?.prefix;
  if (series === undefined) return [...labels];
  return labels.map((l) => (parseLabel(l, opts)?.prefix === series ? l : ''));
};

/**
 * Labels for `count` new paragraphs inserted one after another at `index`, in that order: the
 * rule for rival insertions at one place, which are placed in tabling order. After `77`
 * (followed by `78`), three rival insertions get `77 bis`, `77 ter`, `77 quater`.
 */
export const labelsForInserts = (
  siblingLabels: readonly string[],
  index: number,
  count: number,
  options: InsertLabelOptions = {},
): string[] => {
  if (!Number.isInteger(count) || count < 0)
    throw new BisInputError('count must be 0 or more', 'count', count);
  const labels = [...siblingLabels];
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const l = labelForInsert(labels, index + k, options);
    labels.splice(index + k, 0, l);
    out.push(l);
  }
  return out;
};

/** Options for `renumber`. */
export interface RenumberOptions {
  /** The first number of each series (default 1). */
  readonly start?: number;
  /** The suffix vocabulary used to read the labels (default: the Latin suffixes). */
  readonly suffixes?: SuffixTable;
}

/**
 * The labels of the next revision for paragraphs currently labelled `labels` (in document
 * order): each series numbered from 1 in order (`1, 2, 3 …`; `PP1 …` and `OP1 …` apart),
 * every suffix and letter gone. A label that does not parse (an unnumbered paragraph) is kept
 * as it is and takes no number.
 */
export const renumber = (labels: readonly string[], options: RenumberOptions = {}): string[] => {
  const start = options.start ?? 1;
  if (!Number.isInteger(start) || start < 0)
    throw new BisInputError('start must be 0 or more', 'start', start);
  const counters = new Map<string, number>();
  return labels.map((l) => {
    const p = parseLabel(l, options.suffixes ? { suffixes: options.suffixes } : {});
    if (!p) return l;
    const n = counters.get(p.prefix) ?? start;
    counters.set(p.prefix, n + 1);
    return `${p.prefix}${n}`;
  });
};
