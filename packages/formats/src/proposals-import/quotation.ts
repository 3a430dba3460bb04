/**
 * Proposed text as written proposals quote it: `“We affirm …”`, `Add: “...AI governance …”`,
 * straight `"…"` quotes, quotations running over several lines, a note after the closing quote.
 */

// Opening quote → the marks that close it.
const CLOSERS: Record<string, string> = { '“': '”', '"': '"', '„': '“”', '«': '»' };

// Words that may introduce a quotation, and whether they mean the words are appended.
const INTRODUCERS: Record<string, boolean> = {
  add: true,
  append: true,
  insert: false,
  replace: false,
  'replace with': false,
  text: false,
  'new text': false,
  'proposed text': false,
  read: false,
  'to read': false,
  'amend to read': false,
};
const START_RE = new RegExp(`^(?:(${Object.keys(INTRODUCERS).join('|')})\\s*:\\s*)?([“"„«])`, 'i');

/** The opening of a quotation found at the start of a line. */
export interface QuotationStart {
  /** The introducing word said the text is appended (`Add: “…”`). */
  readonly append: boolean;
  /** The marks that close this quotation. */
  readonly closers: string;
  /** The line after the opening quote. */
  readonly body: string;
}

/** Reads the opening of a quotation at the start of `s` (a line without its list bullet), or null. */
export const readQuotationStart = (s: string): QuotationStart | null => {
  const m = START_RE.exec(s);
  if (!m || m[2] === undefined) return null;
  return {
    append: m[1] !== undefined && INTRODUCERS[m[1].toLowerCase()] === true,
    closers: CLOSERS[m[2]] ?? m[2],
    body: s.slice(m[0].length),
  };
};

/** Where a quotation closes in `s`: the text before the last closing mark and what follows it, or null. */
export const closeQuotation = (s: string, closers: string): { text: string; after: string } | null => {
  let at = -1;
  for (const c of closers) at = Math.max(at, s.lastIndexOf(c));
  if (at < 0) return null;
  return { text: s.slice(0, at), after: s.slice(at + 1).trim() };
};

/** A quotation read from a line and, when it is not closed there, the lines after it. */
export interface TakenQuotation {
  /** The quoted text (all of it when the quotation is never closed). */
  readonly text: string;
  /** What follows the closing mark on its line. */
  readonly after: string;
  readonly closed: boolean;
  /** The index of the last row the quotation used. */
  readonly end: number;
  readonly append: boolean;
}

/**
 * Reads a quotation whose opening was found on `rows[start]` (`first`: the line after the
 * opening mark), running on over the next rows until it closes or a blank row ends it.
 */
export const takeQuotationRows = (
  rows: readonly string[],
  start: number,
  first: string,
  append: boolean,
  closers: string,
): TakenQuotation => {
  const parts = [first];
  let closed = closeQuotation(first, closers);
  let end = start;
  while (!closed && end + 1 < rows.length && (rows[end + 1] ?? '').trim() !== '') {
    end++;
    const next = (rows[end] ?? '').trim();
    parts.push(next);
    closed = closeQuotation(next, closers);
  }
  const joined = parts.join(' ');
  const c = closeQuotation(joined, closers);
  return { text: c ? c.text : joined, after: c ? c.after : '', closed: c !== null, end, append };
};
