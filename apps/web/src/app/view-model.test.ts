import {
  type BisDocument,
  orderKey,
  type Paragraph,
  type Proposal,
  paragraphId,
  proposalId,
} from '@bis/core';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS, visibleRows } from './view-model';

const para = (label: string, text: string): Paragraph => ({
  kind: 'paragraph',
  id: paragraphId(`p${label}`),
  order: orderKey(`V${label}`),
  label,
  text,
  points: [],
  footnotes: [],
});
const rev1: BisDocument = {
  title: 'Outcome document',
  symbol: null,
  revision: 'Rev.1',
  preamble: '',
  blocks: [
    para(
      '12',
      'We recognize that digital divides persist between and within countries, and between women and men.',
    ),
    para('13', 'We call upon all stakeholders to support capacity-building in developing countries.'),
  ],
};
const proposal = (id: string, label: string, fields: Partial<Proposal>): Proposal => ({
  id: proposalId(id),
  party: 'Kenya',
  coSponsors: [],
  supporters: [],
  action: 'amend',
  targets: [{ paragraph: paragraphId(`p${label}`), label, point: null }],
  position: null,
  label,
  text: '',
  textMode: 'replace',
  rationale: '',
  summary: '',
  status: 'tabled',
  decision: null,
  decisionNote: '',
  relatedTo: null,
  links: [],
  versions: [],
  illustrative: false,
  source: null,
  ...fields,
});

describe('visibleRows', () => {
  it('leaves proposals applied in the published revision out of the working compilation', () => {
    const applied = proposal('amend12', '12', {
      status: 'applied',
      decision: 'accepted',
      text: 'We recognize that digital divides persist between and within countries, and between women and men.',
      appliedIn: {
        revision: 'Rev.1',
        number: 1,
        passages: [{ paragraph: paragraphId('p12'), label: '12', text: 'We recognize … women and men.' }],
      },
    });
    const open = proposal('amend13', '13', {
      text: 'We call upon all stakeholders to support capacity-building in developing countries, in particular least developed countries.',
    });
    const { rows } = visibleRows(rev1, [applied, open], NO_FILTERS, () => undefined, '');
    const shown = rows.flatMap((r) => (r.kind === 'heading' ? [] : r.proposals.map((p) => p.id)));
    expect(shown).toEqual(['amend13']);
  });
});
