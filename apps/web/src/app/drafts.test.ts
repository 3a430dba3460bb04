import { type Proposal, paragraphId, proposalId } from '@bis/core';
import { describe, expect, it } from 'vitest';
import { tablingOffer } from './drafts';

const v = (number: number) => ({
  number,
  text: `v${number}`,
  rationale: '',
  tabledAt: '2026-01-01T00:00:00Z',
});
const tabled = (fields: Partial<Proposal>): Proposal => ({
  id: proposalId('x1'),
  party: 'Kenya',
  coSponsors: [],
  supporters: [],
  action: 'amend',
  targets: [{ paragraph: paragraphId('p12'), label: '12', point: null }],
  position: null,
  label: '12',
  text: 'v1',
  textMode: 'replace',
  rationale: '',
  summary: '',
  status: 'tabled',
  decision: null,
  decisionNote: '',
  relatedTo: null,
  links: [],
  versions: [v(1)],
  illustrative: false,
  source: null,
  ...fields,
});

describe('tablingOffer', () => {
  it('offers "Table" for a draft never tabled and "Table version n+1" for an open proposal', () => {
    expect(tablingOffer(undefined)).toEqual({ kind: 'table' });
    expect(tablingOffer(tabled({ versions: [v(1), v(2)] }))).toEqual({ kind: 'again', version: 3 });
    // Deferred is not final: the party may still table a new version.
    expect(tablingOffer(tabled({ decision: 'deferred' }))).toEqual({ kind: 'again', version: 2 });
  });

  it('offers nothing once the chairs decided or the party withdrew', () => {
    for (const decision of ['accepted', 'accepted-as-modified', 'merged', 'not-retained'] as const)
      expect(tablingOffer(tabled({ decision }))).toEqual({ kind: 'closed', reason: 'decided' });
    expect(tablingOffer(tabled({ status: 'withdrawn' }))).toEqual({ kind: 'closed', reason: 'withdrawn' });
  });
});
