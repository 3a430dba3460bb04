import { BisInputError } from './errors';

/** A paragraph as the concordance sees it: its stable id and its label in one revision. */
export interface LabelledEntry<Id extends string = string> {
  readonly id: Id;
  readonly label: string;
}

/** One row of a concordance: `Zero draft 77 bis → Rev.1 78`. */
export interface ConcordanceRow<Id extends string = string> {
  readonly id: Id;
  /** The label in the old revision, or null for a paragraph new in the new one. */
  readonly from: string | null;
  /** The label in the new revision, or null for a paragraph deleted from it. */
  readonly to: string | null;
}

const indexById = <Id extends string>(
  entries: readonly LabelledEntry<Id>[],
  name: string,
): Map<Id, number> => {
  const m = new Map<Id, number>();
  entries.forEach((e, i) => {
    if (m.has(e.id)) throw new BisInputError(`duplicate paragraph id ${e.id}`, `${name}[${i}].id`, e.id);
    m.set(e.id, i);
  });
  return m;
};

/**
 * The concordance between two revisions, matched by paragraph id: one row per paragraph of
 * either, in the new revision's order, with each deleted paragraph (`to: null`) placed after
 * the surviving paragraph that preceded it in the old one, and new paragraphs `from: null`.
 * Throws BisInputError when an id appears twice in one list.
 */
export const concordance = <Id extends string>(
  oldEntries: readonly LabelledEntry<Id>[],
  newEntries: readonly LabelledEntry<Id>[],
): ConcordanceRow<Id>[] => {
  indexById(oldEntries, 'oldEntries');
  const inNew = indexById(newEntries, 'newEntries');
  const oldLabel = new Map(oldEntries.map((e) => [e.id, e.label] as const));
  // Deleted paragraphs, grouped under the last surviving paragraph before them (or the start).
  const deletedAfter = new Map<Id | null, ConcordanceRow<Id>[]>();
  let anchor: Id | null = null;
  for (const e of oldEntries) {
    if (inNew.has(e.id)) {
      anchor = e.id;
      continue;
    }
    const group = deletedAfter.get(anchor) ?? [];
    group.push({ id: e.id, from: e.label, to: null });
    deletedAfter.set(anchor, group);
  }
  const rows: ConcordanceRow<Id>[] = [...(deletedAfter.get(null) ?? [])];
  for (const e of newEntries) {
    rows.push({ id: e.id, from: oldLabel.get(e.id) ?? null, to: e.label });
    rows.push(...(deletedAfter.get(e.id) ?? []));
  }
  return rows;
};
