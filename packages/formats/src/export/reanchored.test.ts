import { type BisDocument, baseRefOf, paragraphId, reanchorProposals } from '@bis/core';
import { docOf, para, prop, tgt } from '@bis/core/testing';
import { describe, expect, it } from 'vitest';
import { docxPart } from '../docx/docx.test-util';
import { textOf } from '../docx/xml';
import { exportView } from '../index';

const rev1: BisDocument = {
  ...docOf(
    para('1', 'Member States shall promote open standards.'),
    para('2', 'The Secretary-General is requested to report at the eighty-second session.'),
  ),
  revision: 'Rev.1',
};
const rev2: BisDocument = {
  ...rev1,
  revision: 'Rev.2',
  blocks: [
    {
      ...para('0', 'Member States note the contribution of the Internet Governance Forum.'),
      label: '1',
      id: paragraphId('new'),
    },
    { ...para('1', 'Member States shall actively promote open standards.'), label: '2' },
  ],
};

const proposals = [
  prop({
    id: 'k1',
    party: 'Kenya',
    action: 'amend',
    targets: [tgt('1')],
    text: 'Member States shall promote open and interoperable standards.',
    base: baseRefOf(rev1),
  }),
  prop({ id: 'k2', party: 'Kenya', action: 'delete', targets: [tgt('2')], base: baseRefOf(rev1) }),
];

const placed = (() => {
  const r = reanchorProposals(proposals, rev2, [rev1]);
  if (!r.ok) throw new Error(r.reason);
  return r;
})();

const REBASED =
  "Rev.1 §1 → Rev.2 §2: §2 was reworded in Rev.2; the proposal's own changes are applied to the new wording";
const UNPLACED = 'Rev.1 §2 not placed in Rev.2: the text of its §2 is not in Rev.2';

const exported = async (
  view: 'comparison' | 'compilation',
  format: 'html' | 'md' | 'csv' | 'json' | 'docx',
) => {
  const file = await exportView(view, format, {
    document: rev2,
    proposals: placed.proposals,
    reanchored: placed.entries,
  });
  return format === 'docx'
    ? textOf(docxPart(file.data as Uint8Array, 'word/document.xml'))
    : String(file.data);
};

describe('exports of re-anchored proposals', () => {
  for (const view of ['comparison', 'compilation'] as const) {
    for (const format of ['html', 'md', 'csv', 'json', 'docx'] as const) {
      it(`${view} ${format}: says what re-anchoring did to each proposal, and shows only the proponent's change`, async () => {
        const out = await exported(view, format);
        const plain = format === 'html' ? out.replace(/&#39;/g, "'") : out;
        expect(plain).toContain(REBASED);
        expect(plain).toContain(UNPLACED);
        expect(out).toContain('actively');
        expect(out).not.toMatch(/~~actively~~|<del>actively|\[-actively/);
      });
    }
  }

  it('carries the whole report in JSON', async () => {
    const json = JSON.parse(await exported('comparison', 'json'));
    expect(json.reanchored.map((e: { outcome: string }) => e.outcome)).toEqual(['rebased', 'unplaced']);
    expect(json.rows.map((r: { label: string; baseNote: string }) => [r.label, r.baseNote])).toEqual([
      ['2', REBASED],
      ['2', UNPLACED],
    ]);
  });
});
