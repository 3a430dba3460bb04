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
  // Operative paragraphs are printed as plain numbers (`40`) but often cited as `OP40`, and the
  // other way round: each label is also found under the other spelling when no paragraph has it.
  const aliases: [string, number][] = [];
  for (const [key, i] of byLabel) {
    if (/^\d/.test(key)) aliases.push([`OP${key}`, i]);
    else if (/^OP\d/.test(key)) aliases.push([key.slice(2), i]);
  }
  for (const [key, i] of aliases) if (!byLabel.has(key)) byLabel.set(key, i);
  return { title: base.title, paragraphs, byLabel };
};

/** An insertion proposed in the same file, that later (or earlier) proposals may name. */
export interface FileInsertion {
  readonly id: ProposalId;
  /** Its anchor as written (or implied from its label); null when it has none. */
  readonly anchor: string | null;
  readonly position: 'after' | 'before' | null;
  readonly line: number | null;
}

/**
 * What one file proposes, for proposals of the same file that name it: a retain of `§97 bis`
 * that the file inserts, or `New §1 ter` after `§1 bis` of the same file. Keys are labels.
 */
export interface FileContext {
  readonly inserted: ReadonlyMap<string, FileInsertion>;
}

const NO_FILE: FileContext = { inserted: new Map() };

/** The result of building one proposal: the proposal, the problems found, and remarks on choices made. */
export interface Built {
  readonly proposal: Proposal;
  readonly problems: readonly string[];
  /** What the build decided that a reviewer should know (a target found among the file's insertions). */
  readonly notes: readonly string[];
}

const unresolved = (label: string, point: string | null = null): Target => ({
  paragraph: null,
  label,
  point,
});

// A single paragraph found in the base is known by the base's label (`OP14` written, `14` printed).
const shownLabel = (ref: Reference, targets: readonly Target[]): string => {
  const only = targets[0];
  return ref.to === null && targets.length === 1 && only?.paragraph !== null && only !== undefined
    ? only.label
    : referenceLabel(ref);
};

/**
 * Builds a proposal from a spec. Without `base`, targets keep their labels (`paragraph: null`).
 * With `base`, every target (and an insertion's anchor) must be a paragraph of it; each one that
 * is not gives a problem such as `§77 is not a paragraph of "Title"`, and that target stays
 * unresolved. The new label of an insertion need not exist.
 *
 * With `file`, a label that another proposal of the same file inserts is not a problem: the
 * target stays unresolved (the paragraph does not exist yet) and `relatedTo` names that
 * proposal; an insertion anchored on such a label follows it (`1 ter` after `1 bis` after `1`)
 * and is anchored where that insertion is.
 */
export const buildProposal = (
  spec: ProposalSpec,
  base: BaseIndex | null,
  file: FileContext = NO_FILE,
): Built => {
  const problems: string[] = [];
  const notes: string[] = [];
  let relatedTo: ProposalId | null = null;
  const notIn = (what: string) => `${what} is not a paragraph of "${base?.title ?? ''}"`;
  const inBase = (label: string) => base?.byLabel.has(label) === true;
  const proposedHere = (label: string): FileInsertion | null => {
    const ins = file.inserted.get(label);
    return ins && ins.id !== spec.id && !inBase(label) ? ins : null;
  };
  const lineOf = (ins: FileInsertion) => (ins.line === null ? '' : ` (line ${ins.line})`);

  const lookup = (label: string, point: string | null, role = ''): Target => {
    const own = proposedHere(label);
    if (own) {
      relatedTo ??= own.id;
      notes.push(`§${label} is the paragraph this file proposes to insert${lineOf(own)}`);
      return unresolved(label, point);
    }
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
    let anchor = spec.anchor ?? (spec.action === 'insert' ? impliedAnchor(spec.ref.from) : null);
    position = spec.position ?? 'after';
    // A chain of insertions in one file: `1 ter` after `1 bis`, which goes after `1`.
    for (let hops = 0, own = anchor === null ? null : proposedHere(anchor); own && hops < 100; hops++) {
      const next = own.anchor ?? impliedAnchor(anchor ?? '');
      if (next === null || next === anchor) break;
      relatedTo ??= own.id;
      notes.push(
        `§${anchor} is inserted by this file${lineOf(own)}: placed ${own.position ?? 'after'} §${next} with it`,
      );
      anchor = next;
      position = own.position ?? position;
      own = proposedHere(anchor);
    }
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
  } else if (spec.action === 'alternative') {
    // `5 alt 2` names the paragraph 5 and the number of the alternative.
    const alt = /^(.*?)\s+alt(?:\s+(\d+))?$/.exec(spec.ref.from);
    const ref = alt ? { ...spec.ref, from: alt[1] ?? spec.ref.from } : spec.ref;
    targets = run(ref);
    label = `${shownLabel(ref, targets)} alt${alt?.[2] === undefined ? '' : ` ${alt[2]}`}`;
  } else {
    targets = run(spec.ref);
    label = shownLabel(spec.ref, targets);
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
    relatedTo,
    links: [],
    versions: [],
    illustrative: false,
    source: spec.source,
  };
  return { proposal, problems, notes };
};

/**
 * Numbers the alternatives of a set that share a target: two alternatives to §5 become
 * `5 alt 1` and `5 alt 2` (in set order; a number the input gave is kept and not reused). A lone
 * alternative stays `5 alt`.
 */
export const numberAlternatives = (proposals: readonly Proposal[]): Proposal[] => {
  const stem = (p: Proposal) => /^(.*?) alt(?: (\d+))?$/.exec(p.label);
  const groups = new Map<string, Proposal[]>();
  for (const p of proposals) {
    const m = p.action === 'alternative' ? stem(p) : null;
    if (m) groups.set(m[1] ?? '', [...(groups.get(m[1] ?? '') ?? []), p]);
  }
  const relabel = new Map<ProposalId, string>();
  for (const [label, group] of groups) {
    if (group.length < 2) continue;
    const used = new Set(group.map((p) => Number(stem(p)?.[2] ?? 0)).filter((n) => n > 0));
    let next = 1;
    for (const p of group) {
      if (stem(p)?.[2] !== undefined) continue;
      while (used.has(next)) next++;
      used.add(next);
      relabel.set(p.id, `${label} alt ${next}`);
    }
  }
  return proposals.map((p) => {
    const label = relabel.get(p.id);
    return label === undefined ? p : { ...p, label };
  });
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
