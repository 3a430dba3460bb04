/**
 * Alignment of two sequences of paragraph texts by content, for `compareDocuments` when the
 * versions share no paragraph ids (two separately imported files).
 *
 * It never builds an n × m table over whole texts:
 *
 * 1. paragraphs equal at both ends are paired;
 * 2. texts that occur exactly once on each side are anchors; the longest run of anchors in the
 *    same order on both sides (patience diff: a longest increasing subsequence) is paired, and
 *    the stretches between anchors are aligned the same way, recursively;
 * 3. a stretch with no anchors left is aligned by word similarity: a small table over that
 *    stretch only (at most `LOCAL_TABLE_CELLS` cells), which also finds two paragraphs merged
 *    into one and one split into two; a larger stretch is first cut by pairs found through
 *    words that are rare in it;
 * 4. what is left removed on one side and added on the other is paired as a move when the text
 *    is the same or nearly so (found by hash, then by rare shared words).
 *
 * The cost is about linear in the size of the texts when the versions are related, and bounded
 * by the rare-word candidate lists when they are not.
 */

/** One row of an alignment: old and new indices (one side empty for a removal or an addition). */
export interface AlignedGroup {
  readonly olds: readonly number[];
  readonly news: readonly number[];
  /** Set when the pair stands in another order on the two sides (a moved paragraph). */
  readonly moved: boolean;
}

/** Cells above which a stretch between anchors is cut by rare-word pairs before the table. */
export const LOCAL_TABLE_CELLS = 40_000;

/** Similarity (share of distinct words in common) above which two paragraphs are one, reworded. */
export const SAME_PARAGRAPH = 0.5;

/** Similarity above which a paragraph removed here and added there is taken for a moved one. */
export const MOVED_PARAGRAPH = 0.6;

// How many paragraphs of a stretch a word may occur in and still propose a pair.
const RARE = 8;

/** Paragraph texts prepared for alignment: normalised keys and distinct words (see `textsFor`). */
export interface Side {
  readonly keys: readonly string[];
  readonly words: readonly (readonly string[])[];
  readonly sets: readonly ReadonlySet<string>[];
}

const normal = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

const LETTER = /[\p{L}\p{N}\p{M}]/u;

/**
 * The distinct words of a lower-cased text (runs of letters, digits and marks, in any script).
 * A loop over the characters: a Unicode-class split of every paragraph costs several times more.
 */
export const wordsOf = (text: string): string[] => {
  const out = new Set<string>();
  let start = -1;
  for (let k = 0; k <= text.length; k++) {
    const c = k < text.length ? text.charCodeAt(k) : 32;
    const letter =
      c < 128
        ? (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)
        : LETTER.test(text[k] as string) || (c >= 0xd800 && c <= 0xdfff);
    if (letter) {
      if (start < 0) start = k;
    } else if (start >= 0) {
      out.add(text.slice(start, k));
      start = -1;
    }
  }
  return [...out];
};

/** Prepares paragraph texts for `alignTexts` and `similarityOf` (one pass over the words). */
export const textsFor = (texts: readonly string[]): Side => {
  const keys = texts.map(normal);
  const words = keys.map(wordsOf);
  return { keys, words, sets: words.map((w) => new Set(w)) };
};

const shared = (a: readonly string[], b: ReadonlySet<string>): number => {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
};

/** The share of distinct words paragraph `i` of `a` and paragraph `j` of `b` have in common (1 when equal). */
export const similarityOf = (a: Side, i: number, b: Side, j: number): number =>
  a.keys[i] === b.keys[j] ? 1 : jaccard(a.words[i] ?? [], b.sets[j] ?? new Set());

/** Jaccard similarity of two word sets (1 for two empty texts). */
const jaccard = (a: readonly string[], b: ReadonlySet<string>): number => {
  if (a.length === 0 && b.size === 0) return 1;
  const common = shared(a, b);
  return common / (a.length + b.size - common);
};

// Indices of a longest strictly increasing subsequence of `values` (patience sorting).
const lis = (values: readonly number[]): number[] => {
  const tails: number[] = [];
  const prev = new Int32Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[tails[mid] as number] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1] as number;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let k = tails.length ? (tails[tails.length - 1] as number) : -1; k >= 0; k = prev[k] as number)
    out.push(k);
  return out.reverse();
};

type Pair = { olds: number[]; news: number[] };

class Aligner {
  readonly out: Pair[] = [];
  constructor(
    private readonly a: Side,
    private readonly b: Side,
  ) {}

  /** Aligns a[i0, i1) with b[j0, j1), appending rows in order. */
  range(i0: number, i1: number, j0: number, j1: number): void {
    const { a, b } = this;
    // Equal ends.
    const head: Pair[] = [];
    while (i0 < i1 && j0 < j1 && a.keys[i0] === b.keys[j0]) head.push({ olds: [i0++], news: [j0++] });
    const tail: Pair[] = [];
    while (i0 < i1 && j0 < j1 && a.keys[i1 - 1] === b.keys[j1 - 1]) tail.push({ olds: [--i1], news: [--j1] });
    this.out.push(...head);
    if (i0 < i1 && j0 < j1) this.middle(i0, i1, j0, j1);
    else this.rest(i0, i1, j0, j1);
    this.out.push(...tail.reverse());
  }

  private rest(i0: number, i1: number, j0: number, j1: number): void {
    for (let i = i0; i < i1; i++) this.out.push({ olds: [i], news: [] });
    for (let j = j0; j < j1; j++) this.out.push({ olds: [], news: [j] });
  }

  private middle(i0: number, i1: number, j0: number, j1: number): void {
    const { a, b } = this;
    // Texts unique on both sides of the stretch.
    const count = new Map<string, [number, number, number]>();
    for (let i = i0; i < i1; i++) {
      const c = count.get(a.keys[i] as string);
      if (c) c[0]++;
      else count.set(a.keys[i] as string, [1, 0, i]);
    }
    const anchors: [number, number][] = [];
    const seen = new Map<string, number>();
    for (let j = j0; j < j1; j++) {
      const k = b.keys[j] as string;
      const c = count.get(k);
      if (!c) continue;
      c[1]++;
      seen.set(k, j);
    }
    for (const [k, c] of count) if (c[0] === 1 && c[1] === 1) anchors.push([c[2], seen.get(k) as number]);
    if (anchors.length > 0) {
      anchors.sort((x, y) => x[0] - y[0]);
      const keep = lis(anchors.map((x) => x[1])).map((k) => anchors[k] as [number, number]);
      let pi = i0;
      let pj = j0;
      for (const [i, j] of keep) {
        this.range(pi, i, pj, j);
        this.out.push({ olds: [i], news: [j] });
        pi = i + 1;
        pj = j + 1;
      }
      this.range(pi, i1, pj, j1);
      return;
    }
    this.gap(i0, i1, j0, j1);
  }

  /** A stretch without anchors: a similarity table when small, else cut by rare-word pairs. */
  private gap(i0: number, i1: number, j0: number, j1: number): void {
    if (i0 >= i1 || j0 >= j1) {
      this.rest(i0, i1, j0, j1);
      return;
    }
    if ((i1 - i0) * (j1 - j0) <= LOCAL_TABLE_CELLS) {
      this.table(i0, i1, j0, j1);
      return;
    }
    const pairs = this.rarePairs(i0, i1, j0, j1, SAME_PARAGRAPH);
    if (pairs.length === 0) {
      this.rest(i0, i1, j0, j1);
      return;
    }
    const keep = lis(pairs.map((x) => x[1])).map((k) => pairs[k] as [number, number]);
    let pi = i0;
    let pj = j0;
    for (const [i, j] of keep) {
      this.gap(pi, i, pj, j);
      this.out.push({ olds: [i], news: [j] });
      pi = i + 1;
      pj = j + 1;
    }
    this.gap(pi, i1, pj, j1);
  }

  /**
   * For each old paragraph of a stretch, the new one it is most like (above `threshold`), found
   * through words that occur in few new paragraphs of the stretch; sorted by old index.
   */
  rarePairs(i0: number, i1: number, j0: number, j1: number, threshold: number): [number, number][] {
    return rarePairs(this.a, this.b, range(i0, i1), range(j0, j1), threshold);
  }

  /**
   * The best alignment of a small stretch: a table over it scoring 1:1 pairs by similarity and
   * 2:1 (merge) and 1:2 (split) steps by how well the joined text matches.
   */
  private table(i0: number, i1: number, j0: number, j1: number): void {
    const { a, b } = this;
    const n = i1 - i0;
    const m = j1 - j0;
    const w = m + 1;
    const best = new Float64Array((n + 1) * w);
    const step = new Uint8Array((n + 1) * w); // 0 skip old, 1 skip new, 2 pair, 3 merge, 4 split
    const s11 = (i: number, j: number): number => {
      if (a.keys[i] === b.keys[j]) return 1;
      const s = jaccard(a.words[i] as string[], b.sets[j] as Set<string>);
      return s > SAME_PARAGRAPH ? s : -1;
    };
    for (let i = n; i >= 0; i--) {
      for (let j = m; j >= 0; j--) {
        if (i === n && j === m) continue;
        let v = -1;
        let s = 0;
        if (i < n) {
          v = best[(i + 1) * w + j] as number;
          s = 0;
        }
        if (j < m && (best[i * w + j + 1] as number) > v) {
          v = best[i * w + j + 1] as number;
          s = 1;
        }
        if (i < n && j < m) {
          const p = s11(i0 + i, j0 + j);
          if (p > 0 && p + (best[(i + 1) * w + j + 1] as number) > v + 1e-9) {
            v = p + (best[(i + 1) * w + j + 1] as number);
            s = 2;
          }
          if (i + 1 < n) {
            const q = joined(a, [i0 + i, i0 + i + 1], b, j0 + j);
            if (q > 0 && q + (best[(i + 2) * w + j + 1] as number) > v + 1e-9) {
              v = q + (best[(i + 2) * w + j + 1] as number);
              s = 3;
            }
          }
          if (j + 1 < m) {
            const q = joined(b, [j0 + j, j0 + j + 1], a, i0 + i);
            if (q > 0 && q + (best[(i + 1) * w + j + 2] as number) > v + 1e-9) {
              v = q + (best[(i + 1) * w + j + 2] as number);
              s = 4;
            }
          }
        }
        best[i * w + j] = v;
        step[i * w + j] = s;
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      switch (step[i * w + j]) {
        case 0:
          this.out.push({ olds: [i0 + i++], news: [] });
          break;
        case 1:
          this.out.push({ olds: [], news: [j0 + j++] });
          break;
        case 2:
          this.out.push({ olds: [i0 + i++], news: [j0 + j++] });
          break;
        case 3:
          this.out.push({ olds: [i0 + i, i0 + i + 1], news: [j0 + j++] });
          i += 2;
          break;
        default:
          this.out.push({ olds: [i0 + i++], news: [j0 + j, j0 + j + 1] });
          j += 2;
      }
    }
  }
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, k) => from + k);

/**
 * The score of several paragraphs of one side (`parts`, consecutive) joined into one paragraph
 * of the other (`whole`), or -1 when they are not: the joined text must be like the whole, and
 * each part must be mostly found in it. The score is the similarity of the joined text plus the
 * least covered part's share, less one, so that a short unrelated neighbour never outweighs a
 * plain 1:1 pair.
 */
const joined = (parts: Side, ids: readonly number[], whole: Side, w: number): number => {
  const target = whole.sets[w] as Set<string>;
  let least = 1;
  for (const id of ids) {
    const words = parts.words[id] as string[];
    if (words.length === 0) return -1;
    least = Math.min(least, shared(words, target) / words.length);
  }
  if (least < 0.5) return -1;
  const union = new Set<string>();
  for (const id of ids) for (const x of parts.words[id] as string[]) union.add(x);
  const s = jaccard([...union], target);
  return s > SAME_PARAGRAPH ? s + least - 1 : -1;
};

/**
 * For each of `olds`, the paragraph of `news` it is most like (similarity above `threshold`),
 * found through words shared with few of `news`; each new paragraph is used once. Sorted by
 * old index.
 */
const rarePairs = (
  a: Side,
  b: Side,
  olds: readonly number[],
  news: readonly number[],
  threshold: number,
): [number, number][] => {
  const index = new Map<string, number[]>();
  for (const j of news)
    for (const x of b.words[j] as string[]) {
      const l = index.get(x);
      if (l) l.push(j);
      else index.set(x, [j]);
    }
  const candidates: [number, number, number][] = [];
  for (const i of olds) {
    const votes = new Map<number, number>();
    for (const x of a.words[i] as string[]) {
      const l = index.get(x);
      if (!l || l.length > RARE) continue;
      for (const j of l) votes.set(j, (votes.get(j) ?? 0) + 1);
    }
    let bestJ = -1;
    let bestS = threshold;
    // The three paragraphs with most rare words in common are the only ones measured.
    const top = [...votes].sort((x, y) => y[1] - x[1]).slice(0, 3);
    for (const [j] of top) {
      const s = a.keys[i] === b.keys[j] ? 1 : jaccard(a.words[i] as string[], b.sets[j] as Set<string>);
      if (s > bestS) {
        bestS = s;
        bestJ = j;
      }
    }
    if (bestJ >= 0) candidates.push([i, bestJ, bestS]);
  }
  // Best pairs first; a new paragraph goes to the old one most like it.
  candidates.sort((x, y) => y[2] - x[2]);
  const used = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [i, j] of candidates) {
    if (used.has(j)) continue;
    used.add(j);
    pairs.push([i, j]);
  }
  return pairs.sort((x, y) => x[0] - y[0]);
};

const isSide = (x: readonly string[] | Side): x is Side => !Array.isArray(x);

/**
 * Aligns two sequences of paragraph texts by content (see the file comment). Rows come in the
 * new order, removed paragraphs at their old place; a moved paragraph is one row at its new
 * place. Every index of both sides is in exactly one row.
 */
export const alignTexts = (
  oldTexts: readonly string[] | Side,
  newTexts: readonly string[] | Side,
): AlignedGroup[] => {
  const a: Side = isSide(oldTexts) ? oldTexts : textsFor(oldTexts);
  const b: Side = isSide(newTexts) ? newTexts : textsFor(newTexts);
  const aligner = new Aligner(a, b);
  aligner.range(0, a.keys.length, 0, b.keys.length);
  const rows = aligner.out;

  // Moves: a paragraph removed here and added there with the same (or nearly the same) text.
  const removed = rows.filter((r) => r.news.length === 0).map((r) => r.olds[0] as number);
  const added = rows.filter((r) => r.olds.length === 0).map((r) => r.news[0] as number);
  const moves = new Map<number, number>(); // new index → old index
  if (removed.length > 0 && added.length > 0) {
    const byKey = new Map<string, number[]>();
    for (const i of removed) {
      const l = byKey.get(a.keys[i] as string);
      if (l) l.push(i);
      else byKey.set(a.keys[i] as string, [i]);
    }
    const taken = new Set<number>();
    for (const j of added) {
      const i = byKey.get(b.keys[j] as string)?.shift();
      if (i === undefined) continue;
      moves.set(j, i);
      taken.add(i);
    }
    const left = removed.filter((i) => !taken.has(i));
    const free = added.filter((j) => !moves.has(j));
    for (const [i, j] of rarePairs(a, b, left, free, MOVED_PARAGRAPH)) moves.set(j, i);
  }
  const movedOld = new Set(moves.values());
  const out: AlignedGroup[] = [];
  for (const r of rows) {
    if (r.news.length === 0 && movedOld.has(r.olds[0] as number)) continue;
    const from = r.olds.length === 0 ? moves.get(r.news[0] as number) : undefined;
    out.push(
      from === undefined
        ? { olds: r.olds, news: r.news, moved: false }
        : { olds: [from], news: r.news, moved: true },
    );
  }
  return out;
};
