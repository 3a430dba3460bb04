import { baseRefOf } from './document-hash';
import type {
  AppliedIn,
  AppliedPassage,
  BaseRef,
  BisDocument,
  Paragraph,
  ParagraphId,
  Proposal,
} from './model';
import { paragraphsOf } from './model';
import { type ReanchorEntry, reanchorProposals } from './reanchor';
import { fullParagraphText, type WorkingState } from './revision-state';
import { ok, type Result, refused } from './workflow';

/**
 * Closing a revision cycle at publication: the proposals applied to the new revision become
 * `applied` (with the passages they shaped) and leave the working compilation; the other tabled
 * ones are carried over to the new revision, re-anchored by content, with a report of what moved,
 * was merged into new wording or could not be placed.
 */

/** What publication does to the proposals tabled against the previous revision. */
export interface ClosedCycle {
  /** Proposals applied to the new revision: status `applied`, with `appliedIn`. */
  readonly applied: readonly Proposal[];
  /** Proposals placed on the new revision (targets and label there, `base` the new revision). */
  readonly carried: readonly Proposal[];
  /**
   * Proposals that could not be placed on the new revision, unchanged (they stay attached to the
   * previous revision, for their party to carry over by hand).
   */
  readonly unplaced: readonly Proposal[];
  /** One entry per carried or unplaced proposal, in the order given (see `reanchorProposals`). */
  readonly report: readonly ReanchorEntry[];
}

/**
 * Closes the cycle from `previous` to `published` (named `revision`, number `number`) for
 * `proposals` (those tabled against `previous`): each proposal `state` records as applied and
 * still `tabled` becomes `applied` with the passages it shaped (their labels and text in
 * `published`; a removed paragraph with its label in `previous` and no text); every other
 * `tabled` one is re-anchored on `published` by content. Withdrawn proposals and drafts are left
 * out. A proposal without a recorded base is taken to be written against `previous`, or against
 * `previousRef` when given (the base the server records for that revision).
 * Refused when a proposal names a base that is neither text (nothing is changed then).
 */
export const closeCycle = (
  proposals: readonly Proposal[],
  state: WorkingState,
  previous: BisDocument,
  published: BisDocument,
  revision: { readonly name: string; readonly number: number },
  previousRef: BaseRef = baseRefOf(previous),
): Result<ClosedCycle> => {
  const records = new Map(state.applied.map((a) => [a.proposal as string, a] as const));
  const now = new Map(paragraphsOf(published).map((p) => [p.id as string, p] as const));
  const before = new Map(paragraphsOf(previous).map((p) => [p.id as string, p] as const));
  const passage = (id: ParagraphId, removed: boolean): AppliedPassage | null => {
    const p: Paragraph | undefined = removed ? undefined : now.get(id);
    if (p) return { paragraph: id, label: p.label, text: fullParagraphText(p) };
    // Removed by it (or later by another proposal): named as it was before.
    const old = before.get(id);
    return old ? { paragraph: id, label: old.label, text: null } : null;
  };
  const applied: Proposal[] = [];
  const rest: Proposal[] = [];
  for (const p of proposals) {
    if (p.status !== 'tabled') continue;
    const a = records.get(p.id);
    if (!a) {
      rest.push(p.base ? p : { ...p, base: previousRef });
      continue;
    }
    const seen = new Set<string>();
    const passages: AppliedPassage[] = [];
    const add = (id: ParagraphId, removed: boolean) => {
      if (seen.has(id)) return;
      seen.add(id);
      const x = passage(id, removed);
      if (x) passages.push(x);
    };
    for (const id of [...a.changed, ...a.inserted, ...(a.moved ? [a.moved] : [])]) add(id, false);
    for (const id of a.removed) add(id, true);
    const appliedIn: AppliedIn = { revision: revision.name, number: revision.number, passages };
    applied.push({ ...p, status: 'applied', appliedIn });
  }
  const placed = reanchorProposals(rest, published, [previous]);
  if (!placed.ok) return refused(placed.reason);
  const unplacedIds = new Set(placed.entries.filter((e) => e.outcome === 'unplaced').map((e) => e.proposal));
  const carried: Proposal[] = [];
  const unplaced: Proposal[] = [];
  placed.proposals.forEach((p, i) => {
    const original = rest[i] as Proposal;
    if (unplacedIds.has(p.id)) unplaced.push(original);
    else carried.push(p);
  });
  return ok({ applied, carried, unplaced, report: placed.entries });
};
