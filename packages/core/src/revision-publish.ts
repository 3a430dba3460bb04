import { concordance } from './concordance';
import { BisInputError } from './errors';
import type { BisDocument, LabelStyle, Paragraph, ParagraphId, Proposal, ProposalId, Target } from './model';
import { paragraphsOf } from './model';
import { inSeriesOf, labelForInsert, renumber } from './numbering';
import { bracketedText, type ParagraphStatus, paragraphState, type WorkingState } from './revision-state';
import { ok, type Result, refused } from './workflow';

/**
 * Publishing the working text as Rev.N: renumber, print brackets into the text, and write the
 * concordance (old label → working label → new label, with the proposals that shaped each
 * paragraph); and carrying unapplied proposals over to the new revision through it.
 */

/** One row of a revision's concordance: `Zero draft 77 bis → Rev.1 78` (and who shaped it). */
export interface RevisionConcordanceRow {
  readonly id: ParagraphId;
  /** The label in the previous revision; null for a paragraph new in this one. */
  readonly from: string | null;
  /** The label in the working text (`77 bis` for an insertion); null for a deleted paragraph. */
  readonly working: string | null;
  /** The label in the new revision; null for a deleted paragraph. */
  readonly to: string | null;
  /** The proposals that shaped (or deleted) the paragraph, in the order they were applied. */
  readonly proposals: readonly ProposalId[];
  /** The paragraph's status when published; null for a deleted one. */
  readonly status: ParagraphStatus | null;
  /**
   * How the paragraph's labels are printed (`printedLabel`): a lettered `PP2 bis → PP3` reads
   * `B bis → C`; absent when they are printed as they are. From the new revision, or for a
   * deleted paragraph from the previous one.
   */
  readonly labelStyle?: LabelStyle;
}

/** What `publishRevision` produces. */
export interface Publication {
  /** The new revision's text: renumbered, brackets printed, named `name`. */
  readonly document: BisDocument;
  readonly concordance: readonly RevisionConcordanceRow[];
}

/**
 * Publishes `working` (the accepted view of the next revision) built from `previous` as the
 * revision `name`: every paragraph gets a plain number in order within its series (`renumber`:
 * `PP1 …` apart from `1 …`), keeping its label style and tags (a lettered `PP2 bis` becomes
 * `PP3`, printed `C`; an unnumbered one stays unnumbered), bracketed passages
 * are printed into the text (`bracketedText`), and the concordance is computed by paragraph id.
 * Refused when a paragraph has no id or shares one with another (an editor that has not yet
 * assigned one): publishing must never guess which paragraph is which.
 */
export const publishRevision = (
  previous: BisDocument,
  working: BisDocument,
  state: WorkingState,
  name: string,
): Result<Publication> => {
  if (name.trim() === '') throw new BisInputError('a revision needs a name', 'name', name);
  const paras = paragraphsOf(working);
  const seen = new Set<string>();
  for (const p of paras) {
    if (p.id === '')
      return refused(`A paragraph (labelled "${p.label}") has no id yet: save the text and retry.`);
    if (seen.has(p.id)) return refused(`Two paragraphs share the id ${p.id}: the working text is damaged.`);
    seen.add(p.id);
  }
  const labels = renumber(paras.map((p) => p.label));
  const newLabel = new Map(paras.map((p, i) => [p.id, labels[i] ?? p.label] as const));
  const print = (p: Paragraph): Paragraph => {
    const s = paragraphState(state, p.id);
    if (s.brackets.length === 0) return { ...p, label: newLabel.get(p.id) ?? p.label };
    // A bracket may sit in the chapeau or in a point; print it where it is.
    return {
      ...p,
      label: newLabel.get(p.id) ?? p.label,
      text: bracketedText(p.text, s.brackets),
      points: p.points.map((pt) => ({ ...pt, text: bracketedText(pt.text, s.brackets) })),
    };
  };
  const document: BisDocument = {
    ...working,
    revision: name,
    blocks: working.blocks.map((b) => (b.kind === 'paragraph' ? print(b) : b)),
  };
  const removedBy = new Map<ParagraphId, ProposalId[]>();
  for (const a of state.applied)
    for (const id of a.removed) removedBy.set(id, [...(removedBy.get(id) ?? []), a.proposal]);
  const workingLabel = new Map(paras.map((p) => [p.id, p.label] as const));
  const styleOf = new Map<ParagraphId, LabelStyle>();
  for (const p of [...paragraphsOf(previous), ...paras]) if (p.labelStyle) styleOf.set(p.id, p.labelStyle);
  const rows = concordance(
    paragraphsOf(previous).map((p) => ({ id: p.id, label: p.label })),
    paragraphsOf(document).map((p) => ({ id: p.id, label: p.label })),
  ).map(
    (r): RevisionConcordanceRow => ({
      id: r.id,
      from: r.from,
      working: workingLabel.get(r.id) ?? null,
      to: r.to,
      proposals: r.to === null ? (removedBy.get(r.id) ?? []) : paragraphState(state, r.id).proposals,
      status: r.to === null ? null : paragraphState(state, r.id).status,
      ...(styleOf.has(r.id) ? { labelStyle: styleOf.get(r.id) as LabelStyle } : {}),
    }),
  );
  return ok({ document, concordance: rows });
};

/** A proposal carried over to a new revision, ready to be re-tabled by its party. */
export interface CarriedProposal {
  /** The proposal as a fresh draft against the new revision (same text, targets relabelled). */
  readonly draft: Proposal;
  /** The proposal it comes from (which stays attached to the old revision). */
  readonly from: ProposalId;
  /** Labels of targets that are gone from the new revision (deleted there). */
  readonly lost: readonly string[];
}

const rangeLabel = (targets: readonly Target[]): string => {
  const first = targets[0];
  const last = targets[targets.length - 1];
  if (!first || !last) return '';
  const pt = (t: Target) => (t.point === null ? '' : ` (${t.point})`);
  return targets.length === 1 ? `${first.label}${pt(first)}` : `${first.label}–${last.label}`;
};

/**
 * Carries `proposals` (tabled against the old revision, not applied) over to the new one: each
 * target keeps its paragraph id and takes the paragraph's new label from the concordance; the
 * proposal's own label is recomputed (an insertion's from the new text's numbering). The draft
 * is untabled, undecided and unversioned; its id is `newId(from)`. Targets deleted in the new
 * revision are listed in `lost` (and kept, unresolved, so the party sees what they aimed at).
 */
export const carryOver = (
  proposals: readonly Proposal[],
  rows: readonly RevisionConcordanceRow[],
  next: BisDocument,
  newId: (from: ProposalId) => ProposalId,
): CarriedProposal[] => {
  const to = new Map(rows.map((r) => [r.id, r.to] as const));
  const labels = paragraphsOf(next).map((p) => p.label);
  const index = new Map(paragraphsOf(next).map((p, i) => [p.id, i] as const));
  return proposals.map((p) => {
    const lost: string[] = [];
    const targets = p.targets.map((t): Target => {
      if (t.paragraph === null) return t;
      const label = to.get(t.paragraph);
      if (label === undefined || label === null) {
        lost.push(t.label);
        return { ...t, paragraph: null };
      }
      return { ...t, label };
    });
    let label = rangeLabel(targets);
    const anchor = targets[0]?.paragraph ?? null;
    if (p.action === 'insert' && anchor !== null && targets[0]?.point === null) {
      const at = index.get(anchor);
      if (at !== undefined)
        label = labelForInsert(inSeriesOf(labels, labels[at] ?? ''), p.position === 'before' ? at : at + 1);
    } else if (p.action === 'alternative') label = `${label} alt`;
    else if (p.action === 'move') label = targets[0]?.label ?? label;
    return {
      from: p.id,
      lost,
      draft: {
        ...p,
        id: newId(p.id),
        targets,
        label,
        status: 'draft',
        decision: null,
        decisionNote: '',
        versions: [],
        supporters: [],
      },
    };
  });
};
