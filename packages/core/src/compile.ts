import { compareLabels, normalizeLabel } from './labels';
import {
  type Action,
  type BisDocument,
  type Heading,
  type Paragraph,
  type ParagraphId,
  type Proposal,
  paragraphsOf,
  type Status,
} from './model';

/**
 * The compilation: a revision's text paragraph by paragraph, each with its proposals, and the
 * proposed new paragraphs shown where they would go. Proposals that cannot be placed (their
 * target is only a label, or not in this text) are listed apart, never dropped.
 */

/** Which proposals a compilation shows; each given filter must match (all shown by default). */
export interface CompileOptions {
  /** Proposals by this party (or one of these), as proponent or co-sponsor. */
  readonly party?: string | readonly string[];
  readonly action?: Action | readonly Action[];
  readonly status?: Status | readonly Status[];
}

/** A heading of the text, in place. */
export interface HeadingRow {
  readonly kind: 'heading';
  readonly heading: Heading;
}

/** A paragraph of the text with the proposals acting on it (amend, alternative, delete, retain, move). */
export interface ParagraphRow {
  readonly kind: 'paragraph';
  readonly paragraph: Paragraph;
  readonly proposals: readonly Proposal[];
}

/**
 * A proposed new paragraph, shown at its place: after its anchor (between 77 and 78 for
 * `77 bis`), or before it. Rival insertions under the same label share one row.
 */
export interface InsertionRow {
  readonly kind: 'insertion';
  /** The proposed label (`77 bis`), normalised when it parses. */
  readonly label: string;
  readonly anchor: Paragraph;
  readonly position: 'after' | 'before';
  readonly proposals: readonly Proposal[];
}

/** A row of a compilation. */
export type CompilationRow = HeadingRow | ParagraphRow | InsertionRow;

/** A proposal the compilation could not place, and why. */
export interface UnplacedProposal {
  readonly proposal: Proposal;
  readonly reason: string;
}

/** The compiled view of a document and its proposals. */
export interface Compilation {
  /** Headings, paragraphs and proposed insertions in reading order. */
  readonly rows: readonly CompilationRow[];
  /** Proposals whose target is unresolved or not in the document, by label. */
  readonly unplaced: readonly UnplacedProposal[];
}

/** The order of actions within a paragraph's proposals: changes to the text first, insertions last. */
export const ACTION_ORDER: readonly Action[] = ['amend', 'alternative', 'delete', 'retain', 'move', 'insert'];

// Drafts have no tabling time and sort after tabled ones.
const tabledAt = (p: Proposal): number => {
  const at = p.versions[0]?.tabledAt;
  const t = at === undefined ? Number.NaN : Date.parse(at);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
};

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// Two proposals read from the same file: the earlier line first (the order the proponent wrote
// them in, as "77 bis" then "77 ter"); otherwise no order.
const bySourceLine = (a: Proposal, b: Proposal): number => {
  if (a.source === null || b.source === null || a.source.file !== b.source.file) return 0;
  return a.source.line - b.source.line;
};

/**
 * Compares ids in natural order: runs of digits as numbers, so that `x-87` comes before
 * `x-142` (as a string, `x-142` would come first); ties fall back to plain string order.
 */
export const compareIdsNaturally = (a: string, b: string): number => {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const nx = x.replace(/^0+(?=\d)/, '');
      const ny = y.replace(/^0+(?=\d)/, '');
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return cmp(nx, ny);
      continue;
    }
    return cmp(x, y);
  }
  return pa.length - pb.length || cmp(a, b);
};

/**
 * The stable order of proposals: by action (`ACTION_ORDER`), then first tabling time (drafts
 * last), then party name, then — for proposals of one file — the line they were written on,
 * then id in natural order (`x-87` before `x-142`). Usable as an `Array.prototype.sort`
 * comparator. Rival insertions at one place are labelled in this order (`77 bis`, `77 ter`).
 */
export const compareProposals = (a: Proposal, b: Proposal): number => {
  const byAction = ACTION_ORDER.indexOf(a.action) - ACTION_ORDER.indexOf(b.action);
  if (byAction !== 0) return byAction;
  const ta = tabledAt(a);
  const tb = tabledAt(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return cmp(a.party, b.party) || bySourceLine(a, b) || compareIdsNaturally(a.id, b.id);
};

const asList = <T>(v: T | readonly T[] | undefined): readonly T[] | null =>
  v === undefined ? null : Array.isArray(v) ? (v as readonly T[]) : [v as T];

/** True when `p` passes the filters of `options`. */
export const matchesFilter = (p: Proposal, options: CompileOptions): boolean => {
  const parties = asList(options.party);
  const actions = asList(options.action);
  const statuses = asList(options.status);
  if (parties && !parties.includes(p.party) && !p.coSponsors.some((c) => parties.includes(c))) return false;
  if (actions && !actions.includes(p.action)) return false;
  if (statuses && !statuses.includes(p.status)) return false;
  return true;
};

/**
 * Finds the paragraphs a proposal's targets name in `doc`: all of them, or the reason one is
 * missing (unresolved label, paragraph not in the text, point not in the paragraph).
 */
export const resolveTargets = (
  byId: ReadonlyMap<ParagraphId, Paragraph>,
  p: Proposal,
):
  | { readonly ok: true; readonly paragraphs: readonly Paragraph[] }
  | { readonly ok: false; readonly reason: string } => {
  const found: Paragraph[] = [];
  for (const t of p.targets) {
    if (t.paragraph === null)
      return { ok: false, reason: `§${t.label} is not resolved to a paragraph of the text` };
    const para = byId.get(t.paragraph);
    if (para === undefined) return { ok: false, reason: `§${t.label} (${t.paragraph}) is not in this text` };
    if (t.point !== null && !para.points.some((pt) => pt.label === t.point))
      return { ok: false, reason: `§${para.label} has no point (${t.point})` };
    found.push(para);
  }
  return { ok: true, paragraphs: found };
};

const labelKey = (label: string): string => normalizeLabel(label) ?? label.trim();

/**
 * Compiles `proposals` against `doc`: every heading and paragraph in order; under each
 * paragraph, the proposals acting on it (a run like `§92–93` under its first paragraph, a move
 * under the paragraph moved) in `compareProposals` order; each proposed insertion as its own
 * row after (or before) its anchor, rival insertions with the same label in one row and
 * different labels in label order. Proposals that cannot be placed go to `unplaced`.
 */
export const compile = (
  doc: BisDocument,
  proposals: readonly Proposal[],
  options: CompileOptions = {},
): Compilation => {
  const byId = new Map(paragraphsOf(doc).map((p) => [p.id, p] as const));
  const acting = new Map<ParagraphId, Proposal[]>();
  // Insertions by anchor and side, then by label.
  const inserts = new Map<string, Map<string, Proposal[]>>();
  const unplaced: UnplacedProposal[] = [];
  const sorted = proposals.filter((p) => matchesFilter(p, options)).sort(compareProposals);
  for (const p of sorted) {
    const r = resolveTargets(byId, p);
    if (!r.ok) {
      unplaced.push({ proposal: p, reason: r.reason });
      continue;
    }
    const first = r.paragraphs[0];
    if (first === undefined) {
      unplaced.push({ proposal: p, reason: 'it has no target' });
      continue;
    }
    if (p.action === 'insert') {
      const side = `${first.id}\u0000${p.position ?? 'after'}`;
      const byLabel = inserts.get(side) ?? new Map<string, Proposal[]>();
      inserts.set(side, byLabel);
      const key = labelKey(p.label);
      byLabel.set(key, [...(byLabel.get(key) ?? []), p]);
    } else {
      acting.set(first.id, [...(acting.get(first.id) ?? []), p]);
    }
  }
  const insertionRows = (anchor: Paragraph, position: 'after' | 'before'): InsertionRow[] => {
    const byLabel = inserts.get(`${anchor.id}\u0000${position}`);
    if (byLabel === undefined) return [];
    return [...byLabel.entries()]
      .sort(([a], [b]) => compareLabels(a, b))
      .map(([label, ps]) => ({ kind: 'insertion', label, anchor, position, proposals: ps }));
  };
  const rows: CompilationRow[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'heading') {
      rows.push({ kind: 'heading', heading: b });
      continue;
    }
    rows.push(...insertionRows(b, 'before'));
    rows.push({ kind: 'paragraph', paragraph: b, proposals: acting.get(b.id) ?? [] });
    rows.push(...insertionRows(b, 'after'));
  }
  // Unplaced proposals read best in the order of the labels they name.
  unplaced.sort(
    (a, b) => compareLabels(a.proposal.label, b.proposal.label) || compareProposals(a.proposal, b.proposal),
  );
  return { rows, unplaced };
};
