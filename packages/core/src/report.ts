import type { Action, BisDocument, Decision, ParagraphId, Proposal, ProposalId } from './model';
import { paragraphsOf } from './model';
import type { RevisionConcordanceRow } from './revision-publish';
import { fullParagraphText, type WorkingState } from './revision-state';

/**
 * The input report: for each tabled proposal, the chairs' decision and where it landed in the
 * new revision — the account of "how each input was handled" that civil society asked for in
 * the WSIS+20 process.
 */

/** What became of one proposal. */
export type Outcome =
  /** Applied to the new revision as tabled: its words are there as it left them. */
  | 'applied'
  /**
   * Applied, then edited by the chairs: a paragraph it changed, created or moved reads
   * differently at publication from how the proposal left it (whatever the decision said).
   */
  | 'applied-as-modified'
  /** Applied by the chairs by hand (merged with other wording when two clashed). */
  | 'applied-by-hand'
  /** Merged into another proposal: landed where that one landed. */
  | 'merged'
  /** Accepted, but not (yet) applied when the revision was published. */
  | 'accepted-not-applied'
  | 'not-retained'
  | 'deferred'
  | 'withdrawn'
  /** No decision was taken. */
  | 'undecided';

/** One line of the input report. */
export interface InputReportRow {
  readonly proposal: ProposalId;
  readonly party: string;
  readonly action: Action;
  /** The label it was tabled under (`77 bis`, `92–93`). */
  readonly label: string;
  readonly summary: string;
  readonly decision: Decision | null;
  readonly decisionNote: string;
  readonly outcome: Outcome;
  /**
   * Where it landed: the new labels of the paragraphs it changed, created or moved, and
   * `deleted (was 12)` for paragraphs it removed; empty when it did not land.
   */
  readonly landed: readonly string[];
}

/**
 * The input report of a publication: one row per proposal of `proposals` (those tabled against
 * the previous revision, withdrawn ones included), in the order given, from the working state at
 * publication, the concordance, and the working text as published (before renumbering). A
 * proposal is reported `applied-as-modified` exactly when the chairs' text of a paragraph it
 * shaped differs from the text the proposals left there, never from its decision alone.
 */
export const inputReport = (
  proposals: readonly Proposal[],
  state: WorkingState,
  rows: readonly RevisionConcordanceRow[],
  working: BisDocument,
): InputReportRow[] => {
  const byId = new Map(rows.map((r) => [r.id, r] as const));
  const records = new Map(state.applied.map((a) => [a.proposal, a] as const));
  const text = new Map(paragraphsOf(working).map((p) => [p.id, fullParagraphText(p)] as const));
  const edited = (id: ParagraphId): boolean => {
    const left = state.paragraphs[id]?.applied ?? null;
    const now = text.get(id);
    return left !== null && now !== undefined && now !== left;
  };
  const landedOf = (id: ProposalId): string[] => {
    const a = records.get(id);
    if (!a) return [];
    const out: string[] = [];
    const ids = [...a.changed, ...a.inserted, ...(a.moved ? [a.moved] : [])];
    for (const pid of ids) {
      const to = byId.get(pid)?.to;
      if (to) out.push(to);
    }
    for (const pid of a.removed) {
      const from = byId.get(pid)?.from ?? byId.get(pid)?.working;
      out.push(from ? `deleted (was ${from})` : 'deleted');
    }
    return [...new Set(out)];
  };
  const outcomeOf = (p: Proposal): Outcome => {
    const a = records.get(p.id);
    if (a) {
      if (a.byHand) return 'applied-by-hand';
      const shaped = [...a.changed, ...a.inserted, ...(a.moved ? [a.moved] : [])];
      return shaped.some(edited) ? 'applied-as-modified' : 'applied';
    }
    if (p.status === 'withdrawn') return 'withdrawn';
    switch (p.decision) {
      case 'accepted':
      case 'accepted-as-modified':
        return 'accepted-not-applied';
      case 'merged':
        return 'merged';
      case 'not-retained':
        return 'not-retained';
      case 'deferred':
        return 'deferred';
      default:
        return 'undecided';
    }
  };
  return proposals.map((p) => {
    const outcome = outcomeOf(p);
    const landed = outcome === 'merged' && p.relatedTo !== null ? landedOf(p.relatedTo) : landedOf(p.id);
    return {
      proposal: p.id,
      party: p.party,
      action: p.action,
      label: p.label,
      summary: p.summary,
      decision: p.decision,
      decisionNote: p.decisionNote,
      outcome,
      landed,
    };
  });
};
