import { type BisDocument, type Paragraph, paragraphsOf } from '@bis/core';
import { type DiffRun, diffWords } from '@bis/diff';

/** How a paragraph changed between two versions of a text. */
export type ChangeKind = 'unchanged' | 'changed' | 'added' | 'removed';

/** One aligned pair of paragraphs (one side is null for an added or removed paragraph). */
export interface AlignedParagraph {
  readonly kind: ChangeKind;
  readonly old: Paragraph | null;
  readonly new: Paragraph | null;
  /** The changes from the old full text (with points) to the new. */
  readonly runs: readonly DiffRun[];
}

/** Two versions of a text, paragraph by paragraph. */
export interface DocumentComparison {
  readonly old: BisDocument;
  readonly new: BisDocument;
  /** `id` when the versions share paragraph ids (one derives from the other), else `text`. */
  readonly alignedBy: 'id' | 'text';
  /** In the new text's order, removed paragraphs at their old place. */
  readonly rows: readonly AlignedParagraph[];
}

/** A paragraph's full text: the chapeau, then each point on its own line. */
export const fullText = (p: Paragraph): string =>
  [p.text, ...p.points.map((pt) => `(${pt.label}) ${pt.text}`)].join('\n');

const normal = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

const words = (s: string): Set<string> =>
  new Set(
    normal(s)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );

// Share of words two paragraphs have in common (Jaccard); rewordings stay above one half.
const similarity = (a: string, b: string): number => {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 && wb.size === 0) return 1;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / (wa.size + wb.size - common);
};

type Pair = [number | null, number | null];

// Aligns by stable id: the new order, with removed paragraphs placed after their old predecessor.
const alignById = (olds: readonly Paragraph[], news: readonly Paragraph[]): Pair[] => {
  const newIndex = new Map(news.map((p, i) => [p.id as string, i]));
  const oldIndex = new Map(olds.map((p, i) => [p.id as string, i]));
  const pairs: Pair[] = [];
  let o = 0;
  for (let n = 0; n < news.length; n++) {
    const oi = oldIndex.get(news[n]?.id as string);
    if (oi !== undefined) {
      for (; o < oi; o++) if (!newIndex.has(olds[o]?.id as string)) pairs.push([o, null]);
      o = Math.max(o, oi + 1);
    }
    pairs.push([oi ?? null, n]);
  }
  for (; o < olds.length; o++) if (!newIndex.has(olds[o]?.id as string)) pairs.push([o, null]);
  return pairs;
};

// Aligns by text: the longest common subsequence of similar paragraphs (similarity > 0.5).
const alignByText = (olds: readonly Paragraph[], news: readonly Paragraph[]): Pair[] => {
  const a = olds.map(fullText);
  const b = news.map(fullText);
  const n = a.length;
  const m = b.length;
  const same = (i: number, j: number): boolean =>
    normal(a[i] as string) === normal(b[j] as string) || similarity(a[i] as string, b[j] as string) > 0.5;
  const table = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => table[i * (m + 1) + j] as number;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = same(i, j) ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const pairs: Pair[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(i, j) && at(i, j) === at(i + 1, j + 1) + 1) pairs.push([i++, j++]);
    else if (at(i + 1, j) >= at(i, j + 1)) pairs.push([i++, null]);
    else pairs.push([null, j++]);
  }
  for (; i < n; i++) pairs.push([i, null]);
  for (; j < m; j++) pairs.push([null, j]);
  return pairs;
};

/** Largest number of paragraphs on either side that text alignment accepts (its table is n × m). */
export const MAX_TEXT_ALIGNED_PARAGRAPHS = 5000;

/**
 * Aligns two versions of a text paragraph by paragraph and marks the changes. Versions that
 * share paragraph ids are aligned through the ids (labels may have been renumbered); others,
 * such as two imported files, through their text.
 */
export const compareDocuments = (oldDoc: BisDocument, newDoc: BisDocument): DocumentComparison => {
  const olds = paragraphsOf(oldDoc);
  const news = paragraphsOf(newDoc);
  const oldById = new Map(olds.map((p) => [p.id as string, p]));
  const shared = news.filter((p) => oldById.has(p.id)).length;
  // Imported files get counter ids (p1, p2 …) that say nothing about identity; only trust ids
  // when the shared ones also carry the same text often enough to be one lineage.
  const byId =
    shared > 0 &&
    news.filter((p) => {
      const o = oldById.get(p.id);
      return o !== undefined && similarity(fullText(o), fullText(p)) > 0.5;
    }).length >=
      shared / 2;
  if (!byId && Math.max(olds.length, news.length) > MAX_TEXT_ALIGNED_PARAGRAPHS) {
    throw new RangeError(
      `texts of ${olds.length} and ${news.length} paragraphs are too long to align by text (limit ${MAX_TEXT_ALIGNED_PARAGRAPHS}); compare versions that share paragraph ids`,
    );
  }
  const pairs = byId ? alignById(olds, news) : alignByText(olds, news);
  const rows = pairs.map(([oi, ni]): AlignedParagraph => {
    const o = oi === null ? null : (olds[oi] ?? null);
    const p = ni === null ? null : (news[ni] ?? null);
    const runs = diffWords(o ? fullText(o) : '', p ? fullText(p) : '');
    const kind: ChangeKind =
      o === null
        ? 'added'
        : p === null
          ? 'removed'
          : runs.every((r) => r.op === 'equal')
            ? 'unchanged'
            : 'changed';
    return { kind, old: o, new: p, runs };
  });
  return { old: oldDoc, new: newDoc, alignedBy: byId ? 'id' : 'text', rows };
};
