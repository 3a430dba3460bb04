import { BisInputError } from './errors';
import { DEFAULT_SUFFIXES, type SuffixTable, suffixName } from './suffixes';

/**
 * One step below a paragraph number in a label. A `suffix` (`bis` = 1, `ter` = 2 …) names a
 * paragraph placed AFTER its parent label; a `letter` (`A` = 1 … `Z` = 26) names one placed
 * BEFORE it, as in French drafting where article `4 bis A` comes before `4 bis`.
 * See docs/numbering.md for the ordering this gives.
 */
export type Mark =
  | { readonly kind: 'suffix'; readonly n: number }
  | { readonly kind: 'letter'; readonly n: number };

/**
 * A label taken apart: `OP5 ter (b) alt 2` is prefix `OP`, number 5, marks [ter], point `b`,
 * alt 2. Labels of paragraphs have no point and no alt; references and proposals may.
 */
export interface LabelParts {
  /** The series: `''` for plain numbers, `'PP'` (preambular) or `'OP'` (operative). */
  readonly prefix: string;
  /** The paragraph number, 0 or more. */
  readonly number: number;
  /** Suffixes and letters after the number, in reading order (usually none or one). */
  readonly marks: readonly Mark[];
  /** A lettered point (`"b"` for `69 (b)`), or null. */
  readonly point: string | null;
  /** For an alternative text: 1 for `77 alt`, 2 for `77 alt 2`; null otherwise. */
  readonly alt: number | null;
}

/** Options shared by the label functions. */
export interface LabelOptions {
  /** The suffix vocabulary (default: the Latin suffixes). */
  readonly suffixes?: SuffixTable;
}

// The preamble (`PP`) comes before the operative part, whether that is numbered `OP1 …` or
// plainly `1 …` (a resolution with an unnumbered or lettered preamble and numbered operative
// paragraphs), so that labels sort in reading order and an insertion after the last preambular
// paragraph stays in the preamble.
const PREFIX_RANK: Readonly<Record<string, number>> = { PP: 0, '': 1, OP: 2 };

/** The suffix number (0 for none) of a label's first mark when it is a suffix: 1 for `77 bis`. */
export const suffixOf = (parts: LabelParts): number => {
  const m = parts.marks[0];
  return m?.kind === 'suffix' ? m.n : 0;
};

/** A label with only a number and at most one suffix (`77`, `OP5 ter`): shorthand for tests and importers. */
export const simpleLabel = (prefix: string, number: number, suffix = 0): LabelParts => ({
  prefix,
  number,
  marks: suffix > 0 ? [{ kind: 'suffix', n: suffix }] : [],
  point: null,
  alt: null,
});

/** How `readLabel` reads (internal to the label modules). */
export interface ReadOptions {
  readonly table: SuffixTable;
  // In running text a capital after a label is usually a word ("§77 A new …"), and `99b`
  // means point (b); both only matter when reading references.
  readonly prose: boolean;
}

/** A label read from a string, and where it ended (internal). */
export interface Read {
  readonly parts: LabelParts;
  readonly end: number;
}

const isUpper = (w: string): boolean => /^[A-Z]+$/.test(w);
// Latin words are read in lower case, Capitalised or ALL CAPS; anything else is not a suffix.
const latinCase = (w: string): boolean => /^(?:[a-z]+|[A-Z][a-z]+|[A-Z]{2,})$/.test(w);

/** Reads a series prefix and number at `pos` (internal to the label modules). */
export const readHead = (s: string, pos: number): { prefix: string; number: number; end: number } | null => {
  // `pp.` is "pages" in footnotes, so only `PP`, `pp` without a dot, `OP`, `op.` start a series.
  const m = /^(?:(PP|Pp|pp(?!\.)|OP|Op|op)\.?\s*)?(\d{1,6})(?!\d)/.exec(s.slice(pos));
  if (!m) return null;
  return { prefix: (m[1] ?? '').toUpperCase(), number: Number(m[2]), end: pos + m[0].length };
};

/** Reads one label starting at `pos`, as far as it goes; null if there is no number there (internal). */
export const readLabel = (s: string, pos: number, opts: ReadOptions): Read | null => {
  const head = readHead(s, pos);
  if (!head) return null;
  let i = head.end;
  const marks: Mark[] = [];
  let point: string | null = null;
  let alt: number | null = null;
  for (;;) {
    const rest = s.slice(i);
    const ws = /^\s*/.exec(rest)?.[0].length ?? 0;
    const after = rest.slice(ws);
    const word = /^[A-Za-z]+/.exec(after)?.[0];
    if (point === null && alt === null && word !== undefined) {
      // In prose a Capitalised word after a number is more likely a month (`5 Dec`) than a suffix.
      const cased = latinCase(word) && !(opts.prose && /^[A-Z][a-z]/.test(word));
      const n = cased ? opts.table.lookup.get(word.toLowerCase()) : undefined;
      const boundary = after.slice(word.length);
      if (n !== undefined && /^(?:[^A-Za-z0-9]|$)/.test(boundary)) {
        marks.push({ kind: 'suffix', n });
        // An abbreviation keeps its dot (`quinq.`); a full name leaves it to the sentence.
        const dot = boundary.startsWith('.') && opts.table.names[n - 1] !== word.toLowerCase();
        i += ws + word.length + (dot ? 1 : 0);
        continue;
      }
      if (isUpper(word) && word.toLowerCase() !== 'alt' && /^(?:[^A-Za-z0-9]|$)/.test(boundary)) {
        // In prose, `§77 A new paragraph` is a label followed by a sentence.
        if (opts.prose && /^\s+[a-z]/.test(boundary)) break;
        for (const c of word) marks.push({ kind: 'letter', n: c.charCodeAt(0) - 64 });
        i += ws + word.length;
        continue;
      }
      if (
        opts.prose &&
        ws === 0 &&
        marks.length === 0 &&
        /^[a-z]$/.test(word) &&
        !/^[A-Za-z0-9]/.test(boundary)
      ) {
        point = word;
        i += 1;
        continue;
      }
    }
    if (point === null && alt === null) {
      const pm = /^\((?:([a-z]{1,2}|[ivxlc]{1,6})|([A-Z])|(\d{1,3}))\)/.exec(after);
      if (pm) {
        point = (pm[1] ?? pm[2]?.toLowerCase() ?? pm[3]) as string;
        i += ws + pm[0].length;
        continue;
      }
    }
    if (alt === null) {
      const am = /^alt(?:ernative)?\.?(?:\s*(\d{1,3})(?!\d))?(?![A-Za-z])/i.exec(after);
      const n = am ? (am[1] === undefined ? 1 : Number(am[1])) : 0;
      if (am && n >= 1) {
        alt = n;
        i += ws + am[0].length;
        continue;
      }
    }
    break;
  }
  // A number glued to letters that are not a suffix (`77th`, `5G`) is not a label.
  if (i === head.end && /^[A-Za-z]/.test(s.slice(i))) return null;
  return { parts: { prefix: head.prefix, number: head.number, marks, point, alt }, end: i };
};

/** What may follow a whole label or reference: white space and punctuation (internal). */
export const TRAILING = /^[\s.,:;]*$/;

/**
 * Parses a paragraph label as written: `77`, `77 bis`, `77bis`, `1quat`, `PP3`, `PP 3`,
 * `OP5 ter`, `69 (b)`, `69(b)`, `77 alt`, `77 alt 2`, `77 bis A`; a trailing `.` or `:` is
 * ignored. Returns null when `s` is not a label. A bare point such as `(a)` has no paragraph
 * number and is read by `parsePoint` instead.
 */
export const parseLabel = (s: string, options: LabelOptions = {}): LabelParts | null => {
  const t = s.trim();
  const r = readLabel(t, 0, { table: options.suffixes ?? DEFAULT_SUFFIXES, prose: false });
  if (!r || !TRAILING.test(t.slice(r.end))) return null;
  return r.parts;
};

/** Parses a lettered point on its own, `(a)` or `(iv)`, to its letters (`"a"`); null otherwise. */
export const parsePoint = (s: string): string | null => {
  const m = /^\s*\(\s*([a-z]{1,2}|[ivxlc]{1,6}|\d{1,3})\s*\)\s*$/i.exec(s);
  return m ? (m[1] as string).toLowerCase() : null;
};

/** The written form of a point: `"b"` → `(b)`. */
export const formatPoint = (point: string): string => `(${point})`;

const letterChar = (n: number): string => {
  if (!Number.isInteger(n) || n < 1 || n > 26)
    throw new BisInputError('a letter mark is 1 (A) to 26 (Z)', 'marks', n);
  return String.fromCharCode(64 + n);
};

/**
 * The canonical written form of a label: `77`, `77 bis`, `PP3`, `OP5 ter`, `69 (b)`,
 * `77 alt 2`, `77 bis A`, `0 BA`. Throws BisInputError for a suffix the table does not have.
 */
export const formatLabel = (parts: LabelParts, options: LabelOptions = {}): string => {
  const table = options.suffixes ?? DEFAULT_SUFFIXES;
  let out = `${parts.prefix}${parts.number}`;
  let prev: Mark['kind'] | null = null;
  for (const m of parts.marks) {
    if (m.kind === 'suffix') {
      const name = suffixName(m.n, table);
      if (name === null) throw new BisInputError(`no suffix number ${m.n} in the suffix table`, 'marks', m.n);
      out += ` ${name}`;
    } else {
      out += (prev === 'letter' ? '' : ' ') + letterChar(m.n);
    }
    prev = m.kind;
  }
  if (parts.point !== null) out += ` (${parts.point})`;
  if (parts.alt !== null) out += parts.alt === 1 ? ' alt' : ` alt ${parts.alt}`;
  return out;
};

/** The canonical form of a written label (`77bis` → `77 bis`, `1quat` → `1 quater`), or null. */
export const normalizeLabel = (s: string, options: LabelOptions = {}): string | null => {
  const p = parseLabel(s, options);
  if (!p) return null;
  try {
    return formatLabel(p, options);
  } catch {
    return null;
  }
};

const ROMAN: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
const romanValue = (s: string): number | null => {
  if (!/^[ivxlc]+$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i] as string] as number;
    const next = ROMAN[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
};

// `(c)` comes before `(i)` in a lettered list; roman numbers only decide between longer ones.
const comparePoints = (a: string, b: string): number => {
  if (a === b) return 0;
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return Number(a) - Number(b);
  const ra = romanValue(a);
  const rb = romanValue(b);
  if (ra !== null && rb !== null && (a.length > 1 || b.length > 1)) return ra - rb;
  return a.length - b.length || (a < b ? -1 : 1);
};

const compareMarks = (a: readonly Mark[], b: readonly Mark[]): number => {
  for (let i = 0; ; i++) {
    const ma = a[i];
    const mb = b[i];
    if (ma === undefined && mb === undefined) return 0;
    // One label is the other's parent: letters come before their parent, suffixes after it.
    if (ma === undefined) return (mb as Mark).kind === 'letter' ? 1 : -1;
    if (mb === undefined) return ma.kind === 'letter' ? -1 : 1;
    if (ma.kind !== mb.kind) return ma.kind === 'letter' ? -1 : 1;
    if (ma.n !== mb.n) return ma.n - mb.n;
  }
};

/**
 * Compares two parsed labels in reading order: series (plain, PP, OP, then others), number,
 * marks (`77 A` < `77` < `77 bis A` < `77 bis` < `77 ter`), alternative (`69 (b)` < `69 alt`), point.
 */
export const compareParts = (a: LabelParts, b: LabelParts): number => {
  if (a.prefix !== b.prefix) {
    const ra = PREFIX_RANK[a.prefix] ?? 3;
    const rb = PREFIX_RANK[b.prefix] ?? 3;
    return ra - rb || (a.prefix < b.prefix ? -1 : 1);
  }
  if (a.number !== b.number) return a.number - b.number;
  const m = compareMarks(a.marks, b.marks);
  if (m !== 0) return m;
  // An alternative to paragraph 69 comes after all of 69, points included.
  if ((a.alt ?? 0) !== (b.alt ?? 0)) return (a.alt ?? 0) - (b.alt ?? 0);
  if (a.point !== b.point) {
    if (a.point === null) return -1;
    if (b.point === null) return 1;
    return comparePoints(a.point, b.point);
  }
  return 0;
};

/**
 * Compares two written labels in reading order (see `compareParts`); labels that do not parse
 * sort after all others, by their text. Usable as an `Array.prototype.sort` comparator.
 */
export const compareLabels = (a: string, b: string, options: LabelOptions = {}): number => {
  const pa = parseLabel(a, options);
  const pb = parseLabel(b, options);
  if (pa && pb) return compareParts(pa, pb);
  if (pa) return -1;
  if (pb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
};

/**
 * Where the numbering rules place a paragraph that was given `label` as an insertion: `93 bis`
 * goes after `93`, `93 ter` after `93 bis`, `93 bis A` before `93 bis`, `93 bis B` after
 * `93 bis A`, `0` (or `OP0`) before `1` (`OP1`). Null for a plain number other than 0, or for
 * a label that does not parse. Importers use it when written input says `New §93 ter` without
 * saying where.
 */
export const insertionAnchor = (
  label: string,
  options: LabelOptions = {},
): { readonly label: string; readonly position: 'after' | 'before' } | null => {
  const p = parseLabel(label, options);
  if (!p) return null;
  const base: LabelParts = { ...p, point: null, alt: null };
  const last = base.marks[base.marks.length - 1];
  const write = (x: LabelParts) => formatLabel(x, options);
  if (last === undefined) {
    return base.number === 0 ? { label: write({ ...base, number: 1 }), position: 'before' } : null;
  }
  const parent: LabelParts = { ...base, marks: base.marks.slice(0, -1) };
  if (last.n > 1)
    return {
      label: write({ ...parent, marks: [...parent.marks, { kind: last.kind, n: last.n - 1 }] }),
      position: 'after',
    };
  return { label: write(parent), position: last.kind === 'suffix' ? 'after' : 'before' };
};
