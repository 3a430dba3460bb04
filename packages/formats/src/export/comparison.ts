import {
  type Action,
  type BisDocument,
  compile,
  type Paragraph,
  type Proposal,
  paragraphsOf,
  proposedText,
  type ReanchorEntry,
  type Target,
} from '@bis/core';
import { type DiffRun, diffWords } from '@bis/diff';
import { linksByProposal, type RowLink, reasonOf } from './reasons';

/** One row of a comparison table: a proposal beside the text it changes. */
export interface ComparisonRow {
  readonly proposal: Proposal;
  /** The label the row is known by (`77`, `77 bis`, `92–93`, `69 (b)`). */
  readonly label: string;
  /** How the action reads in a table (`Amend`, `Insert after 77`, `Delete`). */
  readonly actionLabel: string;
  /** The current text, or null when the target is not in the base text (or for an insertion). */
  readonly current: string | null;
  /** The full proposed text ('' for a deletion). */
  readonly proposed: string;
  /** The changes from current to proposed. */
  readonly runs: readonly DiffRun[];
  /** The proponent followed by co-sponsors. */
  readonly proponent: string;
  /** Why a row could not be shown against the base text, or ''. */
  readonly note: string;
  /** Why the proponent proposes it: the rationale, or the summary when there is no rationale. */
  readonly reason: string;
  /** Links to and from other proposals (`§93 → §93 bis`), shown beside the reason. */
  readonly links: readonly RowLink[];
  /**
   * For a proposal written against another text: what re-anchoring it on this one did
   * (`Kenya, §2: … changed from “Rev.1” …`), or ''. Shown in every format.
   */
  readonly baseNote: string;
}

/** Options of the comparison view. */
export interface ComparisonOptions {
  /** Keep only proposals of these parties. */
  readonly parties?: readonly string[];
  /** Keep only these actions. */
  readonly actions?: readonly Action[];
  /** Keep only these statuses (default: every status but `withdrawn`). */
  readonly statuses?: readonly Proposal['status'][];
  /**
   * The report of `reanchorProposals` for proposals written against another text: each row
   * shows its entry, and the JSON exports carry the whole report.
   */
  readonly reanchored?: readonly ReanchorEntry[];
}

/** A comparison table: the base document's identity and its rows in text order. */
export interface Comparison {
  readonly title: string;
  readonly symbol: string | null;
  readonly revision: string | null;
  readonly rows: readonly ComparisonRow[];
  /** What re-anchoring did to proposals written against another text (empty when none were). */
  readonly reanchored: readonly ReanchorEntry[];
}

const ACTION_WORDS: Record<Action, string> = {
  amend: 'Amend',
  insert: 'Insert',
  delete: 'Delete',
  move: 'Move',
  retain: 'Retain',
  alternative: 'Alternative',
};

/** How an action reads in a table heading cell (`Insert after 77`). */
export const actionLabel = (p: Proposal): string => {
  const anchor = p.action === 'move' ? p.targets[1] : p.targets[0];
  if ((p.action === 'insert' || p.action === 'move') && anchor) {
    return `${ACTION_WORDS[p.action]} ${p.position ?? 'after'} ${anchor.label}`;
  }
  return ACTION_WORDS[p.action];
};

/** The proponent and co-sponsors as one line (`African Union, on behalf of …; co-sponsors: Kenya`). */
export const proponentOf = (p: Proposal): string =>
  p.coSponsors.length > 0 ? `${p.party} (co-sponsors: ${p.coSponsors.join(', ')})` : p.party;

const targetText = (t: Target, byId: ReadonlyMap<string, Paragraph>): string | null => {
  if (t.paragraph === null) return null;
  const para = byId.get(t.paragraph);
  if (!para) return null;
  if (t.point === null) return para.text;
  return para.points.find((pt) => pt.label === t.point)?.text ?? null;
};

// The text the proposal acts on: every target for amend/delete/retain/alternative (a run of
// paragraphs is shown as one passage), the moved paragraph for move, nothing for an insertion.
const currentOf = (
  p: Proposal,
  byId: ReadonlyMap<string, Paragraph>,
): { text: string | null; note: string } => {
  if (p.action === 'insert') {
    const anchor = p.targets[0];
    if (anchor && anchor.paragraph === null)
      return { text: null, note: `§${anchor.label} is not resolved against the base text` };
    if (anchor && !byId.has(anchor.paragraph as string))
      return { text: null, note: `§${anchor.label} is not in the base text` };
    return { text: '', note: '' };
  }
  const targets = p.action === 'move' ? p.targets.slice(0, 1) : p.targets;
  const texts: string[] = [];
  for (const t of targets) {
    const text = targetText(t, byId);
    if (text === null) {
      const where = t.point ? `§${t.label} (${t.point})` : `§${t.label}`;
      const why = t.paragraph === null ? 'is not resolved against the base text' : 'is not in the base text';
      return { text: null, note: `${where} ${why}` };
    }
    texts.push(text);
  }
  return { text: texts.join('\n'), note: '' };
};

/** The message of each re-anchored proposal, by proposal id. */
export const baseNotesOf = (entries: readonly ReanchorEntry[] = []): ReadonlyMap<string, string> =>
  new Map(entries.map((e) => [e.proposal as string, e.message]));

/** Builds one comparison row: the proposal beside the text it changes, with its links. */
export const comparisonRow = (
  p: Proposal,
  byId: ReadonlyMap<string, Paragraph>,
  links: ReadonlyMap<string, readonly RowLink[]> = new Map(),
  baseNotes: ReadonlyMap<string, string> = new Map(),
): ComparisonRow => {
  const baseNote = baseNotes.get(p.id) ?? '';
  const found = currentOf(p, byId);
  const current = found.text;
  // A proposal that could not be re-anchored says why, rather than "not resolved".
  const note = current === null && baseNote ? baseNote : found.note;
  const proposed = p.action === 'move' ? (current ?? p.text) : proposedText(p, current ?? '');
  // Without the current text there is nothing to mark against: the proposal is shown as written.
  const runs: DiffRun[] =
    current === null
      ? [{ op: 'equal', text: p.textMode === 'append' && proposed ? `… ${proposed}` : proposed }]
      : diffWords(current, proposed);
  return {
    proposal: p,
    label: p.label,
    actionLabel: actionLabel(p),
    current,
    proposed,
    runs,
    proponent: proponentOf(p),
    note,
    reason: reasonOf(p),
    links: links.get(p.id) ?? [],
    baseNote,
  };
};

/**
 * Builds the comparison rows of `proposals` against `doc` in the compilation's order: by the
 * text, changes to a paragraph before insertions after it, and proposals that cannot be placed
 * last, in label order.
 */
export const buildComparison = (
  doc: BisDocument,
  proposals: readonly Proposal[],
  options: ComparisonOptions = {},
): Comparison => {
  const byId = new Map(paragraphsOf(doc).map((p) => [p.id as string, p]));
  const compiled = compile(doc, proposals, {
    status: options.statuses ?? ['draft', 'tabled'],
    ...(options.parties ? { party: options.parties } : {}),
    ...(options.actions ? { action: options.actions } : {}),
  });
  const ordered = [
    ...compiled.rows.flatMap((r) => (r.kind === 'heading' ? [] : r.proposals)),
    ...compiled.unplaced.map((u) => u.proposal),
  ];
  // Links are labelled from every proposal given, also those the filters leave out.
  const links = linksByProposal(proposals);
  const notes = baseNotesOf(options.reanchored);
  const rows = ordered.map((p) => comparisonRow(p, byId, links, notes));
  return {
    title: doc.title,
    symbol: doc.symbol,
    revision: doc.revision,
    rows,
    reanchored: options.reanchored ?? [],
  };
};
