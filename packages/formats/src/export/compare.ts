import { type BisDocument, type Paragraph, paragraphsOf } from '@bis/core';
import { type DiffRun, diffWords } from '@bis/diff';
import { increasing } from '../increasing';
import { type AlignedGroup, alignTexts, SAME_PARAGRAPH, similarityOf, textsFor } from './align';

/** How a paragraph's words changed between two versions of a text. */
export type ChangeKind = 'unchanged' | 'changed' | 'added' | 'removed';

/**
 * How a paragraph's place or shape changed, beyond its words: `moved` (it stands elsewhere
 * among the paragraphs that kept their order), `merged` (two or more old paragraphs became one),
 * `split` (one old paragraph became two or more), or null.
 */
export type StructureChange = 'moved' | 'merged' | 'split' | null;

/** One row of a comparison: the old and new paragraphs it aligns (one side empty for an added or removed paragraph). */
export interface AlignedParagraph {
  readonly kind: ChangeKind;
  /** The first of `olds`, or null. */
  readonly old: Paragraph | null;
  /** The first of `news`, or null. */
  readonly new: Paragraph | null;
  /** Every old paragraph of the row: two or more when they were merged into one. */
  readonly olds: readonly Paragraph[];
  /** Every new paragraph of the row: two or more when one was split. */
  readonly news: readonly Paragraph[];
  readonly structure: StructureChange;
  /** Set when one old paragraph became one new one under another label (`46` → `45`). */
  readonly renumbered: boolean;
  /** The changes from the old full text (with points) to the new; merged or split paragraphs are joined by line breaks. */
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

// The word diff, without diffing where one side is empty or both are the same (most rows).
const runsOf = (a: string, b: string): DiffRun[] => {
  if (a === b) return a ? [{ op: 'equal', text: a }] : [];
  if (a === '') return [{ op: 'insert', text: b }];
  if (b === '') return [{ op: 'delete', text: a }];
  return diffWords(a, b);
};

/**
 * Aligns by stable id: the new order, with removed paragraphs placed after their old
 * predecessor. A shared paragraph outside the longest run kept in the same order is moved.
 */
const alignById = (olds: readonly Paragraph[], news: readonly Paragraph[]): AlignedGroup[] => {
  const newIds = new Set(news.map((p) => p.id as string));
  const oldIndex = new Map(olds.map((p, i) => [p.id as string, i]));
  const kept = news.flatMap((p, n) => {
    const o = oldIndex.get(p.id);
    return o === undefined ? [] : [[n, o] as const];
  });
  const inOrder = increasing(kept.map(([, o]) => o));
  const moved = new Set(kept.filter((_, k) => !inOrder.has(k)).map(([n]) => n));
  const rows: AlignedGroup[] = [];
  let o = 0;
  const removedUpTo = (end: number) => {
    for (; o < end; o++)
      if (!newIds.has(olds[o]?.id as string)) rows.push({ olds: [o], news: [], moved: false });
  };
  news.forEach((p, n) => {
    const oi = oldIndex.get(p.id);
    if (oi !== undefined && !moved.has(n)) {
      removedUpTo(oi);
      o = Math.max(o, oi + 1);
    }
    rows.push({ olds: oi === undefined ? [] : [oi], news: [n], moved: moved.has(n) });
  });
  removedUpTo(olds.length);
  return rows;
};

/**
 * Aligns two versions of a text paragraph by paragraph and marks the changes. Versions that
 * share paragraph ids are aligned through the ids (labels may have been renumbered); others,
 * such as two imported files, by their content (see `alignTexts`): an inserted paragraph leaves
 * the others paired with their own, and moves, merges and splits are found as such.
 */
export const compareDocuments = (oldDoc: BisDocument, newDoc: BisDocument): DocumentComparison => {
  const olds = paragraphsOf(oldDoc);
  const news = paragraphsOf(newDoc);
  const oldTexts = olds.map(fullText);
  const newTexts = news.map(fullText);
  const oldIds = new Set(olds.map((p) => p.id as string));
  const shared = news.filter((p) => oldIds.has(p.id)).length;
  const a = textsFor(oldTexts);
  const b = textsFor(newTexts);
  let byId = false;
  let groups: AlignedGroup[];
  if (shared === 0) groups = alignTexts(a, b);
  else {
    // Imported files get counter ids (p1, p2 …) that say nothing about identity: one inserted
    // paragraph shifts every later id. Ids are trusted when they pair at least as many
    // paragraphs with their own text as the content does.
    const idGroups = alignById(olds, news);
    const byContent = alignTexts(a, b);
    const paired = (gs: AlignedGroup[]) =>
      gs.filter(
        (g) =>
          g.olds.length > 0 &&
          g.news.length > 0 &&
          similarityOf(a, g.olds[0] as number, b, g.news[0] as number) > SAME_PARAGRAPH,
      ).length;
    const viaIds = paired(idGroups);
    byId = viaIds > 0 && viaIds >= paired(byContent);
    groups = byId ? idGroups : byContent;
  }
  const rows = groups.map((g): AlignedParagraph => {
    const os = g.olds.map((i) => olds[i] as Paragraph);
    const ns = g.news.map((i) => news[i] as Paragraph);
    const o = os[0] ?? null;
    const p = ns[0] ?? null;
    const runs = runsOf(g.olds.map((i) => oldTexts[i]).join('\n'), g.news.map((i) => newTexts[i]).join('\n'));
    const kind: ChangeKind =
      o === null
        ? 'added'
        : p === null
          ? 'removed'
          : runs.every((r) => r.op === 'equal')
            ? 'unchanged'
            : 'changed';
    const structure: StructureChange = g.moved
      ? 'moved'
      : os.length > 1
        ? 'merged'
        : ns.length > 1
          ? 'split'
          : null;
    const renumbered = os.length === 1 && ns.length === 1 && o?.label !== p?.label;
    return { kind, old: o, new: p, olds: os, news: ns, structure, renumbered, runs };
  });
  return { old: oldDoc, new: newDoc, alignedBy: byId ? 'id' : 'text', rows };
};
