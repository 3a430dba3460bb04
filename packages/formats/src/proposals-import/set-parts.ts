/**
 * The last step of the line reader: the parties of the set and the proposals with their links.
 */
import { type Party, type Proposal, partyId, type StakeholderGroup } from '@bis/core';
import type { Head } from './line-head';
import type { ResolvedLinks } from './links';
import { sentences } from './reason';
import type { WrittenImportOptions } from './written-types';

/** Each proposal with the links that start from it, and link notes kept in its rationale. */
export const withLinks = (proposals: readonly Proposal[], linked: ResolvedLinks): Proposal[] =>
  proposals.map((p) => {
    const extra = linked.links.get(p.id);
    const more = linked.notes.get(p.id);
    return {
      ...p,
      ...(extra ? { links: extra } : {}),
      ...(more ? { rationale: sentences([p.rationale, ...more]) } : {}),
    };
  });

/** The parties of the set: every proponent named, with its group; the importing party when none is. */
export const partiesOf = (
  heads: readonly Head[],
  party: string,
  options: WrittenImportOptions,
  slugOf: (name: string) => string,
): Party[] => {
  const groups = new Map<string, StakeholderGroup>();
  for (const h of heads)
    if (!groups.has(h.party)) groups.set(h.party, h.group ?? options.group ?? 'member-state');
  if (groups.size === 0) groups.set(party, options.group ?? 'member-state');
  return [...groups].map(([name, group]) => ({
    id: partyId(slugOf(name)),
    name,
    group,
    region: name === party ? (options.region ?? null) : null,
  }));
};
