import { describe, expect, it } from 'vitest';
import { prop, tgt } from './builders.test-util';
import {
  BisInputError,
  decideProposal,
  editProposal,
  hasUntabledChanges,
  latestVersion,
  type Proposal,
  proposalId,
  type Result,
  type RevisionInfo,
  STATUS_TRANSITIONS,
  type Status,
  supportProposal,
  tableProposal,
  withdrawProposal,
} from './index';

const draft = () =>
  prop({ id: 'au-77', action: 'amend', targets: [tgt('77')], text: 'New 77.', rationale: 'Dignity.' });

const T1 = new Date('2025-06-01T10:00:00Z');
const T2 = new Date('2025-06-02T10:00:00Z');

const revision = (patch: Partial<RevisionInfo> = {}): RevisionInfo => ({
  name: 'Zero draft',
  number: 0,
  state: 'published',
  publishedAt: '2025-05-01T00:00:00Z',
  deadline: '2025-06-01T17:00:00Z',
  ...patch,
});

// Unwraps a result the test expects to succeed.
const value = (r: Result<Proposal>): Proposal => {
  if (!r.ok) throw new Error(`unexpected refusal: ${r.reason}`);
  return r.value;
};

const reason = (r: Result<Proposal>): string => {
  if (r.ok) throw new Error('expected a refusal');
  return r.reason;
};

describe('tabling', () => {
  it('tables a draft as version 1 with the text, rationale and time frozen', () => {
    const p = value(tableProposal(draft(), { now: T1 }));
    expect(p.status).toBe('tabled');
    expect(p.versions).toEqual([
      { number: 1, text: 'New 77.', rationale: 'Dignity.', tabledAt: '2025-06-01T10:00:00.000Z' },
    ]);
  });

  it('re-tables an edited proposal as version 2 and keeps version 1', () => {
    const v1 = value(tableProposal(draft(), { now: T1 }));
    const edited = value(editProposal(v1, { text: 'Newer 77.' }));
    expect(hasUntabledChanges(edited)).toBe(true);
    expect(latestVersion(edited)?.text).toBe('New 77.');
    const v2 = value(tableProposal(edited, { now: T2 }));
    expect(v2.versions.map((v) => [v.number, v.text])).toEqual([
      [1, 'New 77.'],
      [2, 'Newer 77.'],
    ]);
    expect(hasUntabledChanges(v2)).toBe(false);
  });

  it('refuses to table again when nothing changed', () => {
    const v1 = value(tableProposal(draft(), { now: T1 }));
    expect(reason(tableProposal(v1, { now: T2 }))).toContain('nothing changed since version 1');
  });

  it('refuses tabling after the revision deadline, and allows it before', () => {
    expect(tableProposal(draft(), { now: T1, revision: revision() }).ok).toBe(true);
    expect(reason(tableProposal(draft(), { now: T2, revision: revision() }))).toContain('deadline');
  });

  it('allows tabling at any time when the revision has no deadline', () => {
    expect(tableProposal(draft(), { now: T2, revision: revision({ deadline: null }) }).ok).toBe(true);
  });

  it('refuses tabling against a frozen revision', () => {
    const r = tableProposal(draft(), { now: T1, revision: revision({ state: 'frozen', name: 'Rev.1' }) });
    expect(reason(r)).toBe('Rev.1 is frozen: tabling is closed.');
  });

  it('refuses to table an amendment without text', () => {
    expect(reason(tableProposal({ ...draft(), text: ' ' }, { now: T1 }))).toContain(
      'needs its proposed text',
    );
    const del = prop({ action: 'delete', targets: [tgt('80')] });
    expect(tableProposal(del, { now: T1 }).ok).toBe(true);
  });

  it('throws on an invalid clock, which is bad input rather than a refusal', () => {
    expect(() => tableProposal(draft(), { now: new Date('nope') })).toThrow(BisInputError);
  });
});

describe('withdrawing', () => {
  it('withdraws a tabled proposal', () => {
    const p = value(withdrawProposal(value(tableProposal(draft(), { now: T1 }))));
    expect(p.status).toBe('withdrawn');
  });

  it('refuses to withdraw a draft, or twice', () => {
    expect(reason(withdrawProposal(draft()))).toContain('draft');
    const w = value(withdrawProposal(value(tableProposal(draft(), { now: T1 }))));
    expect(reason(withdrawProposal(w))).toContain('already withdrawn');
  });

  it('never tables, edits or decides a withdrawn proposal', () => {
    const w = value(withdrawProposal(value(tableProposal(draft(), { now: T1 }))));
    expect(tableProposal(w, { now: T2 }).ok).toBe(false);
    expect(editProposal(w, { text: 'x' }).ok).toBe(false);
    expect(decideProposal(w, 'accepted').ok).toBe(false);
  });
});

describe('deciding', () => {
  const tabledOne = () => value(tableProposal(draft(), { now: T1 }));

  it('records a decision with its note on a tabled proposal', () => {
    const p = value(decideProposal(tabledOne(), 'accepted-as-modified', { note: 'shortened' }));
    expect(p.decision).toBe('accepted-as-modified');
    expect(p.decisionNote).toBe('shortened');
  });

  it('refuses a decision on a draft', () => {
    expect(reason(decideProposal(draft(), 'accepted'))).toContain('draft');
  });

  it('needs the proposal merged into, and not itself', () => {
    expect(reason(decideProposal(tabledOne(), 'merged'))).toContain('merged into');
    expect(decideProposal(tabledOne(), 'merged', { into: proposalId('au-77') }).ok).toBe(false);
    const p = value(decideProposal(tabledOne(), 'merged', { into: proposalId('eu-77') }));
    expect(p.relatedTo).toBe('eu-77');
  });

  it('lets the chairs revise a decision or clear it', () => {
    const deferred = value(decideProposal(tabledOne(), 'deferred'));
    const accepted = value(decideProposal(deferred, 'accepted'));
    expect(accepted.decision).toBe('accepted');
    expect(value(decideProposal(accepted, null)).decision).toBeNull();
  });

  it('freezes a finally decided proposal but not a deferred one', () => {
    const accepted = value(decideProposal(tabledOne(), 'accepted'));
    expect(reason(editProposal(accepted, { text: 'x' }))).toContain('decided');
    expect(withdrawProposal(accepted).ok).toBe(false);
    const deferred = value(decideProposal(tabledOne(), 'deferred'));
    const edited = value(editProposal(deferred, { text: 'Revised.' }));
    expect(value(tableProposal(edited, { now: T2 })).versions).toHaveLength(2);
  });
});

describe('supporting', () => {
  it('adds a supporter to a tabled proposal once', () => {
    const p = value(supportProposal(value(tableProposal(draft(), { now: T1 })), 'Brazil'));
    expect(p.supporters).toEqual(['Brazil']);
    expect(reason(supportProposal(p, 'Brazil'))).toContain('already supports');
    expect(reason(supportProposal(p, 'African Union'))).toContain('proponent');
  });

  it('refuses support for a draft', () => {
    expect(supportProposal(draft(), 'Brazil').ok).toBe(false);
  });
});

describe('STATUS_TRANSITIONS', () => {
  it('lists exactly the status changes that tabling and withdrawing allow', () => {
    const t1 = value(tableProposal(draft(), { now: T1 }));
    const inStatus: Record<Status, Proposal> = {
      draft: draft(),
      // An edited tabled proposal, so that re-tabling is possible.
      tabled: value(editProposal(t1, { text: 'Edited.' })),
      withdrawn: value(withdrawProposal(t1)),
      applied: { ...value(decideProposal(t1, 'accepted')), status: 'applied' },
    };
    for (const [from, p] of Object.entries(inStatus) as [Status, Proposal][]) {
      const reachable = [tableProposal(p, { now: T2 }), withdrawProposal(p)].flatMap((r) =>
        r.ok ? [r.value.status] : [],
      );
      expect([...reachable].sort()).toEqual([...STATUS_TRANSITIONS[from]].sort());
    }
  });
});
