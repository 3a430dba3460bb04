import type { Proposal, ProposalId } from '@bis/core';

/**
 * A proposal's reason as the exports show it: its rationale, or, when it has none, the summary
 * the proponent headed it with (`§48 → Delete (the estimate is superseded …)` gives a summary
 * and no rationale). Empty when it has neither.
 */
export const reasonOf = (p: Proposal): string => (p.rationale.trim() ? p.rationale : p.summary);

/** One link of a row to another proposal, as the comparison table shows it. */
export interface RowLink {
  /** `to`: this proposal links to the other; `from`: the other links to this one. */
  readonly direction: 'to' | 'from';
  /** The other proposal. */
  readonly id: ProposalId;
  /** The other proposal's label (`93 bis`), or its id when it is not among the exported ones. */
  readonly label: string;
  /** Why they are linked, in the proponent's words (may be empty). */
  readonly note: string;
}

/**
 * The links of each proposal to the others, both ways (`§93 → §93 bis` is shown on §93's row as
 * a link to 93 bis and on 93 bis's row as a link from 93), labelled from `all`.
 */
export const linksByProposal = (all: readonly Proposal[]): ReadonlyMap<string, readonly RowLink[]> => {
  const labels = new Map(all.map((p) => [p.id as string, p.label]));
  const out = new Map<string, RowLink[]>();
  const add = (id: string, link: RowLink): void => {
    const list = out.get(id) ?? [];
    if (!list.some((l) => l.direction === link.direction && l.id === link.id)) list.push(link);
    out.set(id, list);
  };
  for (const p of all) {
    for (const l of p.links) {
      add(p.id, { direction: 'to', id: l.to, label: labels.get(l.to) ?? l.to, note: l.note });
      if (labels.has(l.to)) add(l.to, { direction: 'from', id: p.id, label: p.label, note: l.note });
    }
  }
  return out;
};

/** One link as a line of text: `→ §93 bis: builds on 93` or `← §93`. */
export const linkLine = (l: RowLink): string =>
  `${l.direction === 'to' ? '→' : '←'} §${l.label}${l.note.trim() ? `: ${l.note.trim()}` : ''}`;

/** A row's links as text, one per line (empty when it has none). */
export const linksText = (links: readonly RowLink[]): string => links.map(linkLine).join('\n');
