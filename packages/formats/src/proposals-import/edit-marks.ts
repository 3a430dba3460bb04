/**
 * Edits marked inline in a paragraph's text, as delegations mark them when they cannot send
 * track changes:
 *
 * - `[WORDS ADDED: human-centred]`, `[ADDED: …]`, `[INSERT: …]`, `[NEW: …]` and
 *   `[WORDS DELETED: the]`, `[DELETED: …]`, `[DELETE: …]`, `[STRUCK: …]` (the keyword in capitals,
 *   or followed by a colon, so that bracketed negotiating text such as `[the ultimate]` is left alone);
 * - Markdown: `**inserted**`, `++inserted++` and `~~deleted~~`;
 * - HTML: `<ins>`/`<u>` and `<del>`/`<s>`/`<strike>`;
 * - word-diff output: `{+inserted+}` and `[-deleted-]`.
 *
 * The new text keeps the inserted words and drops the deleted ones; the old text is the reverse,
 * and can be checked against the base paragraph.
 */

/** A text with its inline edits applied both ways. */
export interface MarkedText {
  /** The text as proposed: insertions kept, deletions dropped, marks removed. */
  readonly newText: string;
  /** The text as it was: deletions kept, insertions dropped. */
  readonly oldText: string;
  /** Whether any edit mark (other than bold, which may be emphasis) was found. */
  readonly hasEditMarks: boolean;
  /** Whether bold (`**…**`) was found. */
  readonly hasBold: boolean;
}

type Part = { readonly kind: 'equal' | 'insert' | 'delete'; readonly text: string };

const ADD_WORDS = 'ADDED|ADD|INSERTED|INSERT|NEW';
const DEL_WORDS = 'DELETED|DELETE|STRUCK|STRIKE|REMOVED|REMOVE';
// `[WORDS ADDED: x]`: a capitalised keyword with or without colon, or any case with a colon.
const BRACKET = new RegExp(
  `\\[\\s*(?:(?:WORDS?\\s+)?(${ADD_WORDS}|${DEL_WORDS})\\s*:?|(?:words?\\s+)?(${ADD_WORDS}|${DEL_WORDS})\\s*:)\\s*([^\\]]*)\\]`,
  'gi',
);
// Every other mark: [regex, kind]. Bold last: it is also emphasis.
const PAIRS: readonly (readonly [RegExp, 'insert' | 'delete'])[] = [
  [/~~(.+?)~~/g, 'delete'],
  [/\+\+(.+?)\+\+/g, 'insert'],
  [/<(ins|u)>(.*?)<\/\1>/gi, 'insert'],
  [/<(del|s|strike)>(.*?)<\/\1>/gi, 'delete'],
  [/\{\+(.*?)\+\}/g, 'insert'],
  [/\[-(.*?)-\]/g, 'delete'],
];
const BOLD = /\*\*(.+?)\*\*/g;

const isAdd = (word: string): boolean => new RegExp(`^(?:${ADD_WORDS})$`, 'i').test(word);

interface Hit {
  readonly start: number;
  readonly end: number;
  readonly kind: 'insert' | 'delete';
  readonly text: string;
}

const hitsOf = (s: string, withBold: boolean): Hit[] => {
  const hits: Hit[] = [];
  BRACKET.lastIndex = 0;
  for (let m = BRACKET.exec(s); m !== null; m = BRACKET.exec(s)) {
    const word = m[1] ?? m[2] ?? '';
    // A capitalised keyword is required without a colon: `[Add …]` is bracketed text, not a mark.
    if (m[1] !== undefined && !/:/.test(m[0]) && word !== word.toUpperCase()) continue;
    hits.push({
      start: m.index,
      end: m.index + m[0].length,
      kind: isAdd(word) ? 'insert' : 'delete',
      text: m[3] ?? '',
    });
  }
  for (const [re, kind] of PAIRS) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m !== null; m = re.exec(s))
      hits.push({ start: m.index, end: m.index + m[0].length, kind, text: m[m.length - 1] ?? '' });
  }
  if (withBold) {
    BOLD.lastIndex = 0;
    for (let m = BOLD.exec(s); m !== null; m = BOLD.exec(s))
      hits.push({ start: m.index, end: m.index + m[0].length, kind: 'insert', text: m[1] ?? '' });
  }
  // Overlapping marks: the first one found wins (brackets, then pairs, then bold).
  hits.sort((a, b) => a.start - b.start);
  const kept: Hit[] = [];
  let end = -1;
  for (const h of hits)
    if (h.start >= end) {
      kept.push(h);
      end = h.end;
    }
  return kept;
};

const partsOf = (s: string, hits: readonly Hit[]): Part[] => {
  const parts: Part[] = [];
  let at = 0;
  for (const h of hits) {
    if (h.start > at) parts.push({ kind: 'equal', text: s.slice(at, h.start) });
    parts.push({ kind: h.kind, text: h.text });
    at = h.end;
  }
  if (at < s.length) parts.push({ kind: 'equal', text: s.slice(at) });
  return parts;
};

// Joins parts, and tidies the space and punctuation left where words were taken out.
const join = (parts: readonly Part[], keep: 'insert' | 'delete'): string =>
  parts
    .filter((p) => p.kind === 'equal' || p.kind === keep)
    .map((p) => p.text)
    .join('')
    .replace(/\s{2,}/g, ' ')
    // Not before an ellipsis: `central ... Digital` elides current text.
    .replace(/\s+([,;:)]|\.(?!\.))/g, '$1')
    .replace(/\(\s+/g, '(')
    // `Society, **grounded in …**.` without the insertion: `Society.`
    .replace(/[,;](?=[.;,])/g, '')
    .trim();

/** Quick test: does `s` carry an edit mark (bold aside)? */
export const hasEditMarks = (s: string): boolean => hitsOf(s, false).length > 0;

/**
 * Applies the inline edits of `s` (see the file comment). Bold counts as an insertion only when
 * `boldInserts` is set: in a paragraph marked up with edits it is the inserted words; in a
 * quotation it may be emphasis, and either way its words are kept.
 */
export const applyEditMarks = (s: string, boldInserts = true): MarkedText => {
  // Most text carries no mark at all: no need to run every pattern on it.
  if (!/[~+<{[*]/.test(s))
    return { newText: s.trim(), oldText: s.trim(), hasEditMarks: false, hasBold: false };
  const marks = hitsOf(s, false);
  const bold = BOLD.test(s);
  BOLD.lastIndex = 0;
  const hits = boldInserts && bold ? hitsOf(s, true) : marks;
  if (hits.length === 0) return { newText: s.trim(), oldText: s.trim(), hasEditMarks: false, hasBold: bold };
  const parts = partsOf(s, hits);
  return {
    newText: join(parts, 'insert'),
    oldText: join(parts, 'delete'),
    hasEditMarks: marks.length > 0,
    hasBold: bold,
  };
};
