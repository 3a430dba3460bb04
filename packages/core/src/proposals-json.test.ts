import { describe, expect, it } from 'vitest';
import { prop, tabled, tgt } from './builders.test-util';
import { BisInputError, partyId, proposalId, proposalsFromJSON, proposalsToJSON } from './index';

const minimalProposal = () => ({
  id: 'au-77',
  party: 'African Union',
  action: 'amend',
  targets: [{ label: '77' }],
  label: '77',
  text: 'We reaffirm that human rights are central.',
  rationale: 'Digital dignity.',
});

const minimal = (...proposals: Record<string, unknown>[]) => ({
  format: 'bis.proposals/1',
  proposals: proposals.length ? proposals : [minimalProposal()],
});

const rejection = (value: unknown): { path: string; message: string } => {
  try {
    proposalsFromJSON(value);
  } catch (e) {
    expect(e).toBeInstanceOf(BisInputError);
    const err = e as BisInputError;
    return { path: err.path, message: err.message };
  }
  throw new Error('expected proposalsFromJSON to throw');
};

const withProposal = (patch: Record<string, unknown>) => minimal({ ...minimalProposal(), ...patch });

const rev1 = {
  symbol: 'A/80/L.41',
  revision: 'Rev.1',
  title: 'WSIS+20 outcome document',
  hash: `sha256:${'ab'.repeat(32)}`,
};

describe('bis.proposals/2', () => {
  it('writes its format name and each proposal’s base', () => {
    const json = proposalsToJSON({
      base: null,
      parties: [],
      proposals: [
        prop({ id: 'a', action: 'delete', targets: [tgt('5')], base: rev1 }),
        prop({ id: 'b', action: 'delete', targets: [tgt('6')] }),
      ],
    });
    expect(json.format).toBe('bis.proposals/2');
    expect(json.proposals.map((p) => p.base)).toEqual([rev1, null]);
  });

  it('reads a base back, and refuses one without a well-formed hash', () => {
    expect(
      proposalsFromJSON({ ...withProposal({ base: rev1 }), format: 'bis.proposals/2' }).proposals[0]?.base,
    ).toEqual(rev1);
    const bad = rejection({
      ...withProposal({ base: { ...rev1, hash: 'md5:1234' } }),
      format: 'bis.proposals/2',
    });
    expect(bad.path).toBe('proposals[0].base.hash');
    expect(bad.message).toContain('sha256');
    expect(
      rejection({ ...withProposal({ base: { ...rev1, extra: 1 } }), format: 'bis.proposals/2' }).path,
    ).toBe('proposals[0].base.extra');
  });

  it('still reads bis.proposals/1, which has no base field', () => {
    expect(proposalsFromJSON(minimal()).proposals[0]?.base).toBeUndefined();
    expect(rejection(withProposal({ base: rev1 })).path).toBe('proposals[0].base');
  });
});

describe('bis.proposals/1 and /2', () => {
  it('round-trips a proposal set with every field through JSON text unchanged', () => {
    const set = {
      base: 'WSIS+20 zero draft',
      parties: [
        { id: partyId('au'), name: 'African Union', group: 'group-of-states' as const, region: 'Africa' },
      ],
      proposals: [
        {
          ...tabled({
            id: 'p1',
            action: 'amend',
            targets: [tgt('77', 'b')],
            text: 'New wording.',
            rationale: 'Why.',
          }),
          coSponsors: ['Kenya'],
          supporters: ['Brazil'],
          decision: 'merged' as const,
          relatedTo: proposalId('p2'),
          links: [{ to: proposalId('p2'), note: 'reflows into 77 bis' }],
          source: { file: 'au.txt', line: 85 },
          illustrative: true,
          base: rev1,
        },
        prop({ id: 'p2', action: 'insert', targets: [tgt('77')], label: '77 bis', position: 'before' }),
        prop({ id: 'p3', action: 'move', targets: [tgt('80'), tgt('90')], textMode: 'append' }),
      ],
    };
    const text = JSON.stringify(proposalsToJSON(set));
    expect(proposalsFromJSON(JSON.parse(text))).toEqual(set);
  });

  it('reads the documented minimum and fills in defaults', () => {
    const set = proposalsFromJSON(minimal());
    expect(set.base).toBeNull();
    expect(set.parties).toEqual([]);
    expect(set.proposals[0]).toEqual({
      ...minimalProposal(),
      targets: [{ paragraph: null, label: '77', point: null }],
      coSponsors: [],
      supporters: [],
      position: null,
      textMode: 'replace',
      summary: '',
      status: 'draft',
      decision: null,
      decisionNote: '',
      relatedTo: null,
      links: [],
      versions: [],
      illustrative: false,
      source: null,
    });
  });

  it('accepts a bare label as a target', () => {
    const set = proposalsFromJSON(withProposal({ targets: ['92', '93'] }));
    expect(set.proposals[0]?.targets).toEqual([
      { paragraph: null, label: '92', point: null },
      { paragraph: null, label: '93', point: null },
    ]);
  });

  it('places an insertion after its anchor unless told otherwise', () => {
    const set = proposalsFromJSON(withProposal({ action: 'insert', label: '77 bis' }));
    expect(set.proposals[0]?.position).toBe('after');
  });

  it('rejects an unknown action, status or decision, naming the field', () => {
    const a = rejection(withProposal({ action: 'ammend' }));
    expect(a.path).toBe('proposals[0].action');
    expect(a.message).toContain('"ammend"');
    expect(rejection(withProposal({ status: 'published' })).path).toBe('proposals[0].status');
    expect(rejection(withProposal({ status: 'tabled', decision: 'rejected' })).path).toBe(
      'proposals[0].decision',
    );
  });

  it('rejects each missing minimum field by name', () => {
    for (const key of ['id', 'party', 'action', 'targets', 'label', 'text', 'rationale']) {
      const p: Record<string, unknown> = minimalProposal();
      delete p[key];
      expect(rejection(minimal(p)).path).toBe(`proposals[0].${key}`);
    }
  });

  it('rejects wrong types deep inside a proposal', () => {
    expect(rejection(withProposal({ targets: [{ label: 77 }] })).path).toBe('proposals[0].targets[0].label');
    expect(rejection(withProposal({ coSponsors: ['Kenya', 3] })).path).toBe('proposals[0].coSponsors[1]');
    expect(rejection(withProposal({ illustrative: 'yes' })).path).toBe('proposals[0].illustrative');
    expect(
      rejection(withProposal({ versions: [{ number: 1, text: '', rationale: '', tabledAt: 'yesterday' }] }))
        .path,
    ).toBe('proposals[0].versions[0].tabledAt');
  });

  it('rejects versions that are not numbered 1, 2, …', () => {
    const v = { text: '', rationale: '', tabledAt: '2025-06-01T10:00:00Z' };
    const r = rejection(
      withProposal({
        versions: [
          { ...v, number: 1 },
          { ...v, number: 3 },
        ],
      }),
    );
    expect(r.path).toBe('proposals[0].versions[1].number');
  });

  it('rejects duplicate proposal ids and duplicate parties', () => {
    expect(rejection(minimal(minimalProposal(), minimalProposal())).message).toContain(
      'duplicate proposal id "au-77"',
    );
    const party = { id: 'au', name: 'African Union', group: 'group-of-states' };
    expect(rejection({ ...minimal(), parties: [party, { ...party, name: 'AU' }] }).path).toBe(
      'parties[1].id',
    );
  });

  it('rejects an unknown stakeholder group', () => {
    const r = rejection({ ...minimal(), parties: [{ id: 'au', name: 'AU', group: 'region' }] });
    expect(r.path).toBe('parties[0].group');
  });

  it('rejects the wrong number of targets for insert and move', () => {
    expect(rejection(withProposal({ action: 'insert', targets: ['77', '78'] })).path).toBe(
      'proposals[0].targets',
    );
    expect(rejection(withProposal({ action: 'move', targets: ['77'] })).path).toBe('proposals[0].targets');
    expect(rejection(withProposal({ targets: [] })).path).toBe('proposals[0].targets');
  });

  it('rejects a decision on a proposal that is not tabled, and merged without relatedTo', () => {
    expect(rejection(withProposal({ decision: 'accepted' })).message).toContain('only taken on a tabled');
    expect(rejection(withProposal({ status: 'tabled', decision: 'merged' })).path).toBe(
      'proposals[0].relatedTo',
    );
  });

  it('rejects a position on an action that takes none', () => {
    expect(rejection(withProposal({ position: 'after' })).path).toBe('proposals[0].position');
  });

  it('rejects another format or version', () => {
    expect(rejection({ ...minimal(), format: 'bis.document/1' }).message).toContain('unknown format');
    expect(rejection({ ...minimal(), format: 'bis.proposals/7' }).message).toContain('unsupported version 7');
  });

  it('rejects unknown fields', () => {
    expect(rejection(withProposal({ rationle: 'x' })).path).toBe('proposals[0].rationle');
    expect(rejection({ ...minimal(), extra: 1 }).path).toBe('extra');
  });
});
