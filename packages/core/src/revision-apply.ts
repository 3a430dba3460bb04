import { type ApplyConflict, apply } from './apply';
import { compareProposals } from './compile';
import type { BisDocument, Paragraph, ParagraphId, Proposal, ProposalId } from './model';
import { paragraphsOf } from './model';
import {
  type AppliedRecord,
  fullParagraphText,
  isApplied,
  paragraphState,
  type WorkingState,
} from './revision-state';

/**
 * Applying decided proposals to the working text of the next revision, one command at a time,
 * on top of what was applied before. Conflicts are shown, never resolved silently: besides
 * `apply`'s own (two proposals of one batch on one paragraph, a missing target), a proposal is
 * refused when an earlier one already changed its paragraph, when its target was deleted by an
 * earlier one, or when it inserts after (or before) a paragraph that an applied proposal moved.
 * The chairs then either force it (`force`: applied on top) or edit the text and record it as
 * applied by hand (`markAppliedByHand`).
 */

/** Why a decided proposal was not applied to the working text. */
export type RevisionConflict =
  | ApplyConflict
  | {
      /** An earlier applied proposal (or several) already changed this paragraph. */
      readonly kind: 'already-changed';
      readonly proposal: ProposalId;
      readonly paragraph: ParagraphId;
      readonly label: string;
      readonly by: readonly ProposalId[];
    }
  | {
      /** The target paragraph was deleted from the working text (by `by`, or by the chairs). */
      readonly kind: 'target-deleted';
      readonly proposal: ProposalId;
      readonly paragraph: ParagraphId;
      readonly label: string;
      readonly by: ProposalId | null;
    }
  | {
      /** An insertion anchored on a paragraph that an applied proposal (`by`) moved elsewhere. */
      readonly kind: 'anchor-moved';
      readonly proposal: ProposalId;
      readonly paragraph: ParagraphId;
      readonly label: string;
      readonly by: ProposalId;
    }
  | {
      /** Only tabled proposals accepted (or accepted as modified) are applied. */
      readonly kind: 'not-accepted';
      readonly proposal: ProposalId;
      readonly label: string;
      readonly reason: string;
    }
  | { readonly kind: 'already-applied'; readonly proposal: ProposalId; readonly label: string };

/** How `applyDecided` works. */
export interface ApplyDecidedOptions {
  /** Gives the id of each new paragraph (see `ApplyOptions.newId`). */
  readonly newId: () => string;
  /**
   * Apply on top of earlier changes: `already-changed` and `anchor-moved` no longer refuse (the
   * chairs have seen the conflict and chosen this proposal's wording or place).
   */
  readonly force?: boolean;
}

/** The outcome of `applyDecided`. */
export interface ApplyDecidedResult {
  readonly document: BisDocument;
  readonly state: WorkingState;
  /** What each applied proposal did, in application order. */
  readonly applied: readonly AppliedRecord[];
  readonly conflicts: readonly RevisionConflict[];
}

const isAccepted = (p: Proposal): boolean =>
  p.decision === 'accepted' || p.decision === 'accepted-as-modified';

// What an applied proposal claims as "its change" on a paragraph: retentions change nothing.
const changes = (p: Proposal): boolean => p.action !== 'retain';

/**
 * Applies accepted tabled proposals to `document` (the working text) and records what they did
 * in `state`. Pure; new paragraph ids come from `options.newId`. Proposals in conflict are left
 * out and reported; the others are applied together.
 */
export const applyDecided = (
  document: BisDocument,
  state: WorkingState,
  proposals: readonly Proposal[],
  options: ApplyDecidedOptions,
): ApplyDecidedResult => {
  const force = options.force === true;
  const byId = new Map(paragraphsOf(document).map((p) => [p.id, p] as const));
  const conflicts: RevisionConflict[] = [];
  const removedBy = new Map<ParagraphId, ProposalId>();
  const movedBy = new Map<ParagraphId, ProposalId>();
  for (const a of state.applied) {
    for (const id of a.removed) removedBy.set(id, a.proposal);
    if (a.moved !== null) movedBy.set(a.moved, a.proposal);
  }
  // Moves in this same batch make their paragraph a moved anchor too.
  for (const p of proposals)
    if (p.action === 'move' && p.targets[0]?.paragraph && isAccepted(p))
      movedBy.set(p.targets[0].paragraph, p.id);

  const ready: Proposal[] = [];
  for (const p of [...proposals].sort(compareProposals)) {
    if (isApplied(state, p.id)) {
      conflicts.push({ kind: 'already-applied', proposal: p.id, label: p.label });
      continue;
    }
    if (p.status !== 'tabled' || !isAccepted(p)) {
      const reason =
        p.status !== 'tabled'
          ? `it is ${p.status}, not tabled`
          : `the chairs' decision is ${p.decision ?? 'not taken yet'}`;
      conflicts.push({ kind: 'not-accepted', proposal: p.id, label: p.label, reason });
      continue;
    }
    let refusedHere = false;
    const acted = p.action === 'insert' ? [] : p.action === 'move' ? p.targets.slice(0, 1) : p.targets;
    for (const t of p.targets) {
      if (t.paragraph === null || byId.has(t.paragraph)) continue;
      const by = removedBy.get(t.paragraph) ?? null;
      conflicts.push({ kind: 'target-deleted', proposal: p.id, paragraph: t.paragraph, label: t.label, by });
      refusedHere = true;
    }
    if (!refusedHere && !force && changes(p)) {
      for (const t of acted) {
        if (t.paragraph === null) continue;
        const earlier = paragraphState(state, t.paragraph).proposals.filter((q) => q !== p.id);
        if (earlier.length === 0) continue;
        const label = byId.get(t.paragraph)?.label ?? t.label;
        conflicts.push({
          kind: 'already-changed',
          proposal: p.id,
          paragraph: t.paragraph,
          label,
          by: earlier,
        });
        refusedHere = true;
      }
    }
    if (!refusedHere && !force && p.action === 'insert') {
      const anchor = p.targets[0]?.paragraph ?? null;
      const by = anchor === null ? undefined : movedBy.get(anchor);
      if (anchor !== null && by !== undefined && by !== p.id) {
        const label = byId.get(anchor)?.label ?? p.targets[0]?.label ?? '';
        conflicts.push({ kind: 'anchor-moved', proposal: p.id, paragraph: anchor, label, by });
        refusedHere = true;
      }
    }
    if (!refusedHere) ready.push(p);
  }

  const result = apply(document, ready, { newId: options.newId, chosen: () => true });
  conflicts.push(...result.conflicts);
  const after = new Map(paragraphsOf(result.document).map((p) => [p.id, p] as const));
  const proposalsById = new Map(ready.map((p) => [p.id, p] as const));
  const records: AppliedRecord[] = [];
  let paragraphs: Record<string, (typeof state.paragraphs)[string]> = { ...state.paragraphs };
  const touch = (id: ParagraphId, p: Proposal, para: Paragraph | undefined) => {
    const s = paragraphs[id] ?? paragraphState(state, id);
    paragraphs = {
      ...paragraphs,
      [id]: {
        ...s,
        // A changed paragraph is open again: its earlier agreement was on other words.
        status: 'pending',
        proposals: s.proposals.includes(p.id) ? s.proposals : [...s.proposals, p.id],
        applied: para ? fullParagraphText(para) : s.applied,
        editing: s.editing || p.decision === 'accepted-as-modified',
      },
    };
  };

  for (const id of result.applied) {
    const p = proposalsById.get(id);
    if (!p) continue;
    const changed: ParagraphId[] = [];
    const removed: ParagraphId[] = [];
    const inserted: ParagraphId[] = [];
    let moved: ParagraphId | null = null;
    if (p.action === 'insert') {
      for (const ins of result.inserted.filter((x) => x.proposal === id))
        (ins.point === null ? inserted : changed).push(ins.paragraph);
    } else if (p.action === 'move') {
      moved = p.targets[0]?.paragraph ?? null;
    } else {
      for (const t of p.targets) {
        if (t.paragraph === null) continue;
        if (after.has(t.paragraph)) changed.push(t.paragraph);
        else removed.push(t.paragraph);
      }
    }
    for (const pid of [...changed, ...inserted, ...(moved ? [moved] : [])]) touch(pid, p, after.get(pid));
    // A removed paragraph keeps no state: nothing of it is left to agree on.
    for (const pid of removed) {
      const { [pid]: _gone, ...rest } = paragraphs;
      paragraphs = rest;
    }
    records.push({
      proposal: id,
      action: p.action,
      modified: p.decision === 'accepted-as-modified',
      byHand: false,
      changed: [...new Set(changed)],
      inserted,
      removed,
      moved,
      note: '',
    });
  }
  return {
    document: result.document,
    state: { ...state, applied: [...state.applied, ...records], paragraphs },
    applied: records,
    conflicts,
  };
};
