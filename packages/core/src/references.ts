import {
  compareParts,
  formatLabel,
  type LabelOptions,
  type LabelParts,
  normalizeLabel,
  parseLabel,
  readHead,
  readLabel,
  TRAILING,
} from './labels';
import { DEFAULT_SUFFIXES, type SuffixTable } from './suffixes';

/**
 * References to paragraphs as proposals and reports write them (`§77 bis`, `paras 18-22`,
 * `op. 66`, `§§77–93`), read into canonical labels; see docs/numbering.md.
 */

/** A reference to a paragraph, a point of one, or a run of paragraphs, with canonical labels. */
export interface LabelReference {
  /** The first (or only) paragraph: `"77"`, `"77 bis"`, `"OP66"`. */
  readonly from: string;
  /** The last paragraph of a range (`"93"` for `§§77–93`), or null for a single paragraph. */
  readonly to: string | null;
  /** The point, when the reference names one (`"b"` for `§69 (b)`). */
  readonly point: string | null;
}

// What may introduce a reference: `§`, `§§`, `para.`, `paras`, `paragraph(s)`, `¶`.
const REF_WORD = /^(?:§§?|¶|[Pp]aragraphs?|[Pp]aras?\.?)\s*/;
const RANGE_SEP = /^\s*(?:-|–|—|‒|−|to|through)\s*/;

interface ReadRef {
  readonly ref: LabelReference;
  readonly end: number;
}

const readReference = (s: string, pos: number, table: SuffixTable, requireWord: boolean): ReadRef | null => {
  const word = REF_WORD.exec(s.slice(pos));
  const hasPrefix = /^(?:PP|OP|op\.|pp\b)/i.test(s.slice(pos));
  if (requireWord && !word && !hasPrefix) return null;
  const start = pos + (word?.[0].length ?? 0);
  const first = readLabel(s, start, { table, prose: true });
  if (!first) return null;
  let end = first.end;
  let to: LabelParts | null = null;
  const sep = RANGE_SEP.exec(s.slice(end));
  if (sep && first.parts.point === null && first.parts.alt === null) {
    let p = end + sep[0].length;
    p += /^(?:§§?|¶)\s*/.exec(s.slice(p))?.[0].length ?? 0;
    const second = readLabel(s, p, { table, prose: true });
    if (second && second.parts.point === null && second.parts.alt === null) {
      // `OP5-7`: the end of a range inherits the series of its start.
      const explicit = readHead(s, p);
      const prefix = explicit && explicit.prefix !== '' ? explicit.prefix : first.parts.prefix;
      to = { ...second.parts, prefix };
      end = second.end;
    }
  }
  const { point, ...rest } = first.parts;
  const fromParts: LabelParts = { ...rest, point: null };
  if (to && compareParts(to, fromParts) <= 0) {
    if (compareParts(to, fromParts) < 0) return null;
    to = null;
  }
  try {
    return {
      ref: {
        from: formatLabel(fromParts, { suffixes: table }),
        to: to ? formatLabel(to, { suffixes: table }) : null,
        point,
      },
      end,
    };
  } catch {
    return null;
  }
};

/**
 * Parses a reference as proposals write it: `§77`, `§ 77`, `§77 bis`, `para. 77`, `op. 66`,
 * `OP 66`, `§69 (b)`, `para 99b`, and ranges `§§77–93`, `paras 77-78`, `92-93`, `§92–93`,
 * `77 to 79`, `OP5-7` (hyphen, en or em dash, or "to"). The whole string must be the
 * reference (trailing punctuation aside). Returns null otherwise, or for a reversed range.
 */
export const parseReference = (s: string, options: LabelOptions = {}): LabelReference | null => {
  const t = s.trim();
  const r = readReference(t, 0, options.suffixes ?? DEFAULT_SUFFIXES, false);
  if (!r || !TRAILING.test(t.slice(r.end))) return null;
  return r.ref;
};

/**
 * Reads a reference at the start of `s` (after any white space) and says how many characters
 * it took, for importers that read `§77 (Recognition …) → Amend`: null when `s` does not start
 * with one. Unlike `parseReference`, text may follow.
 */
export const matchReference = (
  s: string,
  options: LabelOptions = {},
): { readonly reference: LabelReference; readonly length: number } | null => {
  const lead = /^\s*/.exec(s)?.[0].length ?? 0;
  const r = readReference(s, lead, options.suffixes ?? DEFAULT_SUFFIXES, false);
  return r ? { reference: r.ref, length: r.end } : null;
};

/** A reference found in running text, with where it is. */
export interface FoundReference {
  readonly reference: LabelReference;
  /** Offset of its first character in the text. */
  readonly index: number;
  /** Its length in the text. */
  readonly length: number;
}

/**
 * Finds the references in running text that are introduced by `§`, `para.`, `paras`,
 * `paragraph`, `OP` or `op.` (a bare number in prose is not taken for a paragraph):
 * `"see §93 bis and paras 18-22"` gives `93 bis` and `18–22`.
 */
export const findReferences = (text: string, options: LabelOptions = {}): FoundReference[] => {
  const table = options.suffixes ?? DEFAULT_SUFFIXES;
  const found: FoundReference[] = [];
  const starts = /§|¶|\b(?:[Pp]aras?|[Pp]aragraphs?|PP|OP|op\.)/g;
  for (let m = starts.exec(text); m !== null; m = starts.exec(text)) {
    const r = readReference(text, m.index, table, true);
    if (!r) continue;
    found.push({ reference: r.ref, index: m.index, length: r.end - m.index });
    starts.lastIndex = r.end;
  }
  return found;
};

/**
 * The labels a range covers, in document order. With `existing` (the document's labels in
 * order), every label from `from` to `to` inclusive, so `92–93` also covers `92 bis`; null when
 * either end is missing or they are reversed. Without it, only plain ranges of one series can
 * be expanded (`92`–`95` → `92, 93, 94, 95`, at most 1000), else null.
 */
export const expandRange = (
  from: string,
  to: string,
  existing?: readonly string[],
  options: LabelOptions = {},
): string[] | null => {
  const a = normalizeLabel(from, options);
  const b = normalizeLabel(to, options);
  if (a === null || b === null) return null;
  if (existing) {
    const norm = existing.map((l) => normalizeLabel(l, options) ?? l);
    const i = norm.indexOf(a);
    const j = norm.indexOf(b);
    if (i < 0 || j < 0 || j < i) return null;
    return existing.slice(i, j + 1).map((l, k) => norm[i + k] ?? l);
  }
  const pa = parseLabel(a, options) as LabelParts;
  const pb = parseLabel(b, options) as LabelParts;
  const plain = (p: LabelParts) => p.marks.length === 0 && p.point === null && p.alt === null;
  if (!plain(pa) || !plain(pb) || pa.prefix !== pb.prefix) return null;
  if (pb.number < pa.number || pb.number - pa.number >= 1000) return null;
  const out: string[] = [];
  for (let n = pa.number; n <= pb.number; n++) out.push(`${pa.prefix}${n}`);
  return out;
};
