/**
 * Links between the proposals of one file ("how this fits together": `§93 → §93 bis = …`).
 */
import type { Proposal, ProposalId, ProposalLink } from '@bis/core';
import type { BaseIndex } from './build';
import { type Reference, referenceLabel, showReference } from './reference';

/** A link line as read. */
export interface LinkLine {
  readonly line: number;
  readonly from: Reference;
  readonly to: Reference;
  readonly note: string;
}

/** What the links give: links per proposal, notes for proposals linked to a plain paragraph, line results. */
export interface ResolvedLinks {
  readonly links: ReadonlyMap<ProposalId, ProposalLink[]>;
  /** Rationale to add to a proposal whose link names a paragraph no proposal is on. */
  readonly notes: ReadonlyMap<ProposalId, string[]>;
  /** Per link line: the proposal it starts from, a remark, or an error. */
  readonly lines: ReadonlyMap<number, { proposal?: ProposalId; message?: string; error?: string }>;
}

/**
 * Attaches each link to the proposals it names. A label named by several proposals (the AU
 * file has two on §97 bis) resolves to the pair closest together in the file: links tie
 * neighbouring items of one section. When one side is a paragraph that no proposal of the file
 * is on (`§57 → §57 bis`, §57 unchanged), the link is kept as a note in the rationale of the
 * proposal on the other side; with a base, that paragraph must be in it.
 */
export const resolveLinks = (
  links: readonly LinkLine[],
  proposals: readonly Proposal[],
  base: BaseIndex | null,
): ResolvedLinks => {
  const out = new Map<ProposalId, ProposalLink[]>();
  const notes = new Map<ProposalId, string[]>();
  const lines = new Map<number, { proposal?: ProposalId; message?: string; error?: string }>();
  // Proposals by label, in file order (they are built in file order).
  const byLabel = new Map<string, Proposal[]>();
  for (const p of proposals) byLabel.set(p.label, [...(byLabel.get(p.label) ?? []), p]);
  const named = (ref: Reference) => byLabel.get(referenceLabel(ref)) ?? [];
  const lineOf = (p: Proposal) => p.source?.line ?? 0;
  const isParagraph = (ref: Reference) => base === null || base.byLabel.has(ref.from);
  for (const link of links) {
    const from = named(link.from);
    const to = named(link.to);
    if (from.length === 0 || to.length === 0) {
      const missing = [from.length === 0 ? link.from : null, to.length === 0 ? link.to : null].filter(
        (r): r is Reference => r !== null,
      );
      const shown = missing.map(showReference).join(' and ');
      const only = missing[0];
      const other = from.length > 0 ? from : to;
      if (missing.length === 1 && only && isParagraph(only) && other.length > 0) {
        // Keep the link where it can live: with the one proposal it names, closest in the file.
        const p = other.reduce((a, b) =>
          Math.abs(lineOf(b) - link.line) < Math.abs(lineOf(a) - link.line) ? b : a,
        );
        const text = `${showReference(link.from)} → ${showReference(link.to)}${link.note ? `: ${link.note}` : ''}`;
        notes.set(p.id, [...(notes.get(p.id) ?? []), text]);
        lines.set(link.line, {
          proposal: p.id,
          message: `${shown} has no proposal in this file; the link is kept in the rationale of the proposal on line ${lineOf(p)}`,
        });
        continue;
      }
      const where = base === null ? '' : ` (and it is not a paragraph of "${base.title}")`;
      lines.set(link.line, {
        error: `the link names ${shown}, which no proposal in this file is on${missing.length === 1 ? where : ''} (expected “§A → §B = note” between two proposals of the file)`,
      });
      continue;
    }
    const best = closestPair(from, to, lineOf);
    if (!best) {
      lines.set(link.line, { error: `a proposal cannot link to itself (${showReference(link.from)})` });
      continue;
    }
    const [a, b] = best;
    lines.set(link.line, {
      proposal: a.id,
      ...(from.length > 1 || to.length > 1
        ? {
            message: `several proposals carry these labels; linked line ${lineOf(a)} to line ${lineOf(b)}, the closest pair`,
          }
        : {}),
    });
    out.set(a.id, [...(out.get(a.id) ?? []), { to: b.id, note: link.note }]);
  }
  return { links: out, notes, lines };
};

/**
 * The pair (one of `as`, one of `bs`, not the same proposal) whose lines are closest; the
 * earliest such pair on a tie. Both lists are in line order, so one merge pass finds it.
 */
const closestPair = (
  as: readonly Proposal[],
  bs: readonly Proposal[],
  lineOf: (p: Proposal) => number,
): [Proposal, Proposal] | null => {
  let best: [Proposal, Proposal] | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  const consider = (a: Proposal, b: Proposal) => {
    const d = Math.abs(lineOf(a) - lineOf(b));
    if (a.id !== b.id && d < bestDistance) {
      best = [a, b];
      bestDistance = d;
    }
  };
  let j = 0;
  for (const a of as) {
    // Advance to the first b at or after a; the closest b to a is that one or the one before.
    while (j < bs.length && lineOf(bs[j] as Proposal) < lineOf(a)) j++;
    const before = bs[j - 1];
    if (before) consider(a, before);
    const at = bs[j];
    if (at) consider(a, at);
    const after = bs[j + 1];
    // `at` may be `a` itself (a link from a label to the same label): then look one further.
    if (after && at?.id === a.id) consider(a, after);
  }
  return best;
};
