import type { BisDocument, ParagraphId } from './model';
import { paragraphsOf } from './model';
import { fullParagraphText } from './revision-state';

/**
 * Which paragraphs changed between two revisions, aligned by stable id (never by label): the
 * structural half of a comparison. The word-level half (tracked changes inside a paragraph) is
 * `compareDocuments` in @bis/formats.
 */

/** The paragraph-level differences between two revisions. */
export interface RevisionChanges {
  /** In both, with different text or points. */
  readonly changed: readonly ParagraphId[];
  /** Only in the new revision. */
  readonly inserted: readonly ParagraphId[];
  /** Only in the old revision. */
  readonly deleted: readonly ParagraphId[];
  /**
   * In both, but no longer in the same order relative to the other surviving paragraphs: the
   * fewest paragraphs whose moving explains the new order (the complement of a longest
   * increasing run).
   */
  readonly moved: readonly ParagraphId[];
}

// Indices (into `xs`) of one longest strictly increasing subsequence, in O(n log n).
const longestIncreasing = (xs: readonly number[]): Set<number> => {
  const tails: number[] = [];
  const prev: number[] = new Array<number>(xs.length).fill(-1);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((xs[tails[mid] as number] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1] as number;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = prev[i] as number) keep.add(i);
  return keep;
};

/** The paragraphs changed, inserted, deleted and moved from `old` to `next`, matched by id. */
export const revisionChanges = (old: BisDocument, next: BisDocument): RevisionChanges => {
  const oldParas = paragraphsOf(old);
  const oldIndex = new Map(oldParas.map((p, i) => [p.id, i] as const));
  const oldText = new Map(oldParas.map((p) => [p.id, fullParagraphText(p)] as const));
  const newParas = paragraphsOf(next);
  const newIds = new Set(newParas.map((p) => p.id));
  const survivors = newParas.filter((p) => oldIndex.has(p.id));
  const keep = longestIncreasing(survivors.map((p) => oldIndex.get(p.id) as number));
  return {
    changed: survivors.filter((p) => oldText.get(p.id) !== fullParagraphText(p)).map((p) => p.id),
    inserted: newParas.filter((p) => !oldIndex.has(p.id)).map((p) => p.id),
    deleted: oldParas.filter((p) => !newIds.has(p.id)).map((p) => p.id),
    moved: survivors.filter((_, i) => !keep.has(i)).map((p) => p.id),
  };
};
