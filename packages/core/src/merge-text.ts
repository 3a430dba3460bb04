/**
 * Three-way merge of one paragraph's wording, word by word: a proposal's changes (from the text
 * it was written against to its proposed text) applied to a later version of that text.
 *
 * Both sides are diffed against the common original as sequences of words and runs of white
 * space (a longest common subsequence after the shared start and end are set aside). Each side's
 * changes are hunks: a range of the original replaced by new tokens. The merge applies both
 * sides' hunks when no hunk of one side overlaps or touches a hunk of the other (an insertion at
 * the same place counts as touching: the order of the two would be a guess); a hunk both sides
 * made alike is applied once. Anything else is a conflict, and the merge gives null rather than
 * guess. Core depends on no diff library, so the (small) diff is written here.
 */

// Words and the white space between them, so that a merge keeps the spacing of each side.
const tokens = (s: string): string[] => s.match(/\s+|[^\s]+/g) ?? [];

// Beyond this many cells the table of the diff would be too large: the merge is refused.
const MAX_CELLS = 4_000_000;

interface Hunk {
  /** The replaced range of the original, [start, end). */
  readonly start: number;
  readonly end: number;
  readonly insert: readonly string[];
}

// The hunks turning `a` into `b` (null when the texts are too long to diff here).
const hunks = (a: readonly string[], b: readonly string[]): Hunk[] | null => {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf])
    suf++;
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  if (n === 0 && m === 0) return [];
  if (n * m > MAX_CELLS) return null;
  // lcs[i][j]: the length of the common subsequence of a[pre+i..] and b[pre+j..].
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[pre + i] === b[pre + j]
          ? (lcs[(i + 1) * width + j + 1] as number) + 1
          : Math.max(lcs[(i + 1) * width + j] as number, lcs[i * width + j + 1] as number);
    }
  }
  const out: Hunk[] = [];
  let i = 0;
  let j = 0;
  let start = -1;
  let ins: string[] = [];
  const flush = (at: number): void => {
    if (start >= 0 || ins.length) out.push({ start: start >= 0 ? start : at, end: at, insert: ins });
    start = -1;
    ins = [];
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[pre + i] === b[pre + j]) {
      flush(pre + i);
      i++;
      j++;
    } else if (
      j < m &&
      (i === n || (lcs[i * width + j + 1] as number) >= (lcs[(i + 1) * width + j] as number))
    ) {
      if (start < 0 && !ins.length) start = pre + i;
      ins.push(b[pre + j] as string);
      j++;
    } else {
      if (start < 0 && !ins.length) start = pre + i;
      i++;
    }
  }
  flush(pre + n);
  return out;
};

const same = (x: Hunk, y: Hunk): boolean =>
  x.start === y.start && x.end === y.end && x.insert.join('') === y.insert.join('');

/**
 * `original` changed into `mine` by one side and into `theirs` by the other: the text with both
 * sides' changes, or null when they touch the same words (or the texts are too long to diff).
 */
export const mergeText = (original: string, mine: string, theirs: string): string | null => {
  const o = tokens(original);
  const a = hunks(o, tokens(mine));
  const b = hunks(o, tokens(theirs));
  if (a === null || b === null) return null;
  const all: Hunk[] = [...a];
  for (const y of b) {
    if (a.some((x) => same(x, y))) continue;
    if (a.some((x) => x.start <= y.end && y.start <= x.end)) return null;
    all.push(y);
  }
  all.sort((x, y) => x.start - y.start || x.end - y.end);
  const out: string[] = [];
  let at = 0;
  for (const h of all) {
    out.push(...o.slice(at, h.start), ...h.insert);
    at = h.end;
  }
  out.push(...o.slice(at));
  return out.join('');
};
