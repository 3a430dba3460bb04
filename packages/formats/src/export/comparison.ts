import {
  type Action,
  type BisDocument,
  type Paragraph,
  type Proposal,
  paragraphsOf,
  proposedText,
  type Target,
} from '@bis/core';
import { type DiffRun, diffWords } from '@bis/diff';

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
}

/** Options of the comparison view. */
export interface ComparisonOptions {
  /** Keep only proposals of these parties. */
  readonly parties?: readonly string[];
  /** Keep only these actions. */
  readonly actions?: readonly Action[];
  /** Keep only these statuses (default: every status but `withdrawn`). */
  readonly statuses?: readonly Proposal['status'][];
}

/** A comparison table: the base document's identity and its rows in text order. */
export interface Comparison {
  readonly title: string;
  readonly symbol: string | null;
  readonly revision: string | null;
  readonly rows: readonly ComparisonRow[];
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

/** Builds the comparison rows of `proposals` against `doc`, in the order of the text. */
export const buildComparison = (
  doc: BisDocument,
  proposals: readonly Proposal[],
  options: ComparisonOptions = {},
): Comparison => {
  const paragraphs = paragraphsOf(doc);
  const byId = new Map(paragraphs.map((p) => [p.id as string, p]));
  const position = new Map(paragraphs.map((p, i) => [p.id as string, i]));
  const statuses = options.statuses ?? ['draft', 'tabled'];
  const kept = proposals.filter(
    (p) =>
      statuses.includes(p.status) &&
      (!options.parties || options.parties.includes(p.party)) &&
      (!options.actions || options.actions.includes(p.action)),
  );
  // Rows follow the text: by the first target's place (unresolved ones last, in input order);
  // on one paragraph, changes to it come before insertions after it.
  const rank = (p: Proposal): [number, number] => {
    const t = p.targets[0];
    const at = t?.paragraph ? position.get(t.paragraph) : undefined;
    return [at ?? Number.MAX_SAFE_INTEGER, p.action === 'insert' && p.position !== 'before' ? 1 : 0];
  };
  const ordered = kept
    .map((p, i) => ({ p, i, r: rank(p) }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.i - b.i)
    .map((x) => x.p);
  const rows = ordered.map((p): ComparisonRow => {
    const { text: current, note } = currentOf(p, byId);
    const proposed = p.action === 'move' ? (current ?? p.text) : proposedText(p, current ?? '');
    const runs = current === null ? diffWords('', proposed) : diffWords(current, proposed);
    return {
      proposal: p,
      label: p.label,
      actionLabel: actionLabel(p),
      current,
      proposed,
      runs,
      proponent: proponentOf(p),
      note,
    };
  });
  return { title: doc.title, symbol: doc.symbol, revision: doc.revision, rows };
};
