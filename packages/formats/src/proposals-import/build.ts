/**
 * Turns what an importer read (a `ProposalSpec`) into a `Proposal`, resolving paragraph labels
 * to paragraph ids when a base text is given. Shared by the written and the structured import.
 */
import type {
  Action,
  BisDocument,
  Paragraph,
  Proposal,
  ProposalId,
  SourceRef,
  Target,
  TextMode,
} from '@bis/core';
import { paragraphsOf } from '@bis/core';
import { impliedAnchor, labelsOfRun, type Reference, referenceLabel, showReference } from './reference';

/** Everything an importer knows about one proposal before it becomes a `Proposal`. */
export interface ProposalSpec {
  readonly id: ProposalId;
  readonly party: string;
  readonly action: Action;
  /** The paragraph(s) acted on; for `insert`, the new paragraph's label. */
  readonly ref: Reference;
  /** For `insert` and `move`: the anchor's label, or null to derive it (`93 bis` → `93`). */
  readonly anchor: string | null;
  readonly position: 'after' | 'before' | null;
  readonly text: string;
  readonly textMode: TextMode;
  readonly summary: string;
  readonly rationale: string;
  readonly coSponsors: readonly string[];
  readonly supporters: readonly string[];
  readonly source: SourceRef | null;
}

/** A base text's paragraphs, indexed by label for resolution. */
export interface BaseIndex {
  readonly title: string;
  readonly paragraphs: readonly Paragraph[];
  readonly byLabel: ReadonlyMap<string, number>;
}

/** Indexes a base text's paragraphs by label (`normalize` makes `77bis` find `77 bis`). */
export const indexBase = (base: BisDocument, normalize: (label: string) => string): BaseIndex => {
  const paragraphs = paragraphsOf(base);
  const byLabel = new Map<string, number>();
  paragraphs.forEach((p, i) => {
    const key = normalize(p.label);
    // A duplicated label resolves to its first paragraph; the base import reports duplicates.
    if (!byLabel.has(key)) byLabel.set(key, i);
  });
  return { title: base.title, paragraphs, byLabel };
};

/** The result of building one proposal: the proposal and the problems found (empty when none). */
export interface Built {
  readonly proposal: Proposal;
  readonly problems: readonly string[];
}

const unresolved = (label: string, point: string | null = null): Target => ({
  paragraph: null,
  label,
  point,
});

/**
 * Builds a proposal from a spec. Without `base`, targets keep their labels (`paragraph: null`).
 * With `base`, every target (and an insertion's anchor) must be a paragraph of it; each one that
 * is not gives a problem such as `§77 is not a paragraph of "Title"`, and that target stays
 * unresolved. The new label of an insertion need not exist.
 */
export const buildProposal = (spec: ProposalSpec, base: BaseIndex | null): Built => {
  const problems: string[] = [];
  const notIn = (what: string) => `${what} is not a paragraph of "${base?.title ?? ''}"`;

  const lookup = (label: string, point: string | null, role = ''): Target => {
    if (!base) return unresolved(label, point);
    const i = base.byLabel.get(label);
    const p = i === undefined ? undefined : base.paragraphs[i];
    if (!p) {
      problems.push(notIn(`§${label}${role}`));
      return unresolved(label, point);
    }
    if (point !== null && !p.points.some((q) => q.label.toLowerCase() === point)) {
      problems.push(`§${label} (${point}) is not a point of §${label} in "${base.title}"`);
    }
    return { paragraph: p.id, label: p.label, point };
  };

  const run = (ref: Reference): Target[] => {
    if (ref.to === null) return [lookup(ref.from, ref.point)];
    if (ref.point !== null)
      problems.push(`a point cannot be given for a run of paragraphs (${showReference(ref)})`);
    if (!base) return labelsOfRun(ref.from, ref.to).map((l) => unresolved(l));
    const from = base.byLabel.get(ref.from);
    const to = base.byLabel.get(ref.to);
    if (from === undefined || to === undefined) {
      if (from === undefined) problems.push(notIn(`§${ref.from}`));
      if (to === undefined) problems.push(notIn(`§${ref.to}`));
      return labelsOfRun(ref.from, ref.to).map((l) =>
        base.byLabel.has(l) ? lookup(l, null) : unresolved(l),
      );
    }
    if (to < from) {
      problems.push(`${showReference(ref)} runs backwards in "${base.title}"`);
      return [lookup(ref.from, null), lookup(ref.to, null)];
    }
    // With a base, a run covers every paragraph between its ends, `92 bis` included.
    return base.paragraphs.slice(from, to + 1).map((p) => ({ paragraph: p.id, label: p.label, point: null }));
  };

  let targets: Target[];
  let label = referenceLabel(spec.ref);
  let position: 'after' | 'before' | null = null;

  if (spec.action === 'insert' || spec.action === 'move') {
    if (spec.ref.to !== null)
      problems.push(`an ${spec.action} names one paragraph, not a run (${showReference(spec.ref)})`);
    const anchor = spec.anchor ?? (spec.action === 'insert' ? impliedAnchor(spec.ref.from) : null);
    position = spec.position ?? 'after';
    if (anchor === null) {
      problems.push(
        spec.action === 'insert'
          ? `say where §${spec.ref.from} goes: “New §${spec.ref.from} (after §N)”`
          : `say where §${spec.ref.from} moves: “after §N” or “before §N”`,
      );
      targets = spec.action === 'move' ? [lookup(spec.ref.from, null)] : [];
    } else {
      const role = ` (${position} which §${spec.ref.from} is to ${spec.action === 'insert' ? 'be inserted' : 'move'})`;
      targets =
        spec.action === 'insert'
          ? [lookup(anchor, null, role)]
          : [lookup(spec.ref.from, null), lookup(anchor, null, role)];
    }
    label = spec.ref.from;
  } else {
    targets = run(spec.ref);
    if (spec.action === 'alternative') label = `${label} alt`;
  }

  const needsText = spec.action === 'amend' || spec.action === 'insert' || spec.action === 'alternative';
  if (needsText && spec.text.trim() === '')
    problems.push(`${spec.action} of ${showReference(spec.ref)} has no proposed text`);
  if (spec.action === 'delete' && spec.text.trim() !== '')
    problems.push(`a deletion takes no text (${showReference(spec.ref)})`);

  const proposal: Proposal = {
    id: spec.id,
    party: spec.party,
    coSponsors: spec.coSponsors,
    supporters: spec.supporters,
    action: spec.action,
    targets,
    position,
    label,
    text: spec.text,
    textMode: spec.textMode,
    rationale: spec.rationale,
    summary: spec.summary,
    status: 'draft',
    decision: null,
    decisionNote: '',
    relatedTo: null,
    links: [],
    versions: [],
    illustrative: false,
    source: spec.source,
  };
  return { proposal, problems };
};

/** Reads an ellipsis that opens proposed text: `“...We strengthen”` means words appended. */
export const splitLeadingEllipsis = (text: string): { text: string; appended: boolean } => {
  const m = /^(?:\.{3}|…)\s*/.exec(text);
  return m ? { text: text.slice(m[0].length), appended: true } : { text, appended: false };
};

/** A party id derived from its name: `African Union` → `african-union`. */
export const slug = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '') || 'party';
