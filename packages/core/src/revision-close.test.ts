import { describe, expect, it } from 'vitest';
import { docOf, para, pid, tabled, tgt } from './builders.test-util';
import {
  applyDecided,
  baseRefOf,
  closeCycle,
  emptyWorkingState,
  type Proposal,
  paragraphsOf,
  proposedText,
  publishRevision,
} from './index';

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const ids = () => {
  let n = 0;
  return () => `n${++n}`;
};

// The zero draft: §11–§15; Rev.1 amends §12, deletes §13 and inserts a paragraph before it.
const zero = docOf(
  ...Array.from({ length: 10 }, (_, i) => para(`${i + 1}`, `Paragraph ${i + 1} of the zero draft.`)),
  para('11', 'Member States shall cooperate.'),
  para('12', 'We recognize the digital divide.'),
  para('13', 'We note the work of the Forum.'),
  para('14', 'We call for capacity building in developing countries.'),
  para('15', 'We decide to review progress in 2030.'),
);
const base = baseRefOf(zero);
const amend12 = {
  ...tabled({
    id: 'amend12',
    action: 'amend',
    targets: [tgt('12')],
    label: '12',
    text: 'We recognize the digital divide between and within countries.',
  }),
  decision: 'accepted',
  base,
} as Proposal;
const delete13 = {
  ...tabled({ id: 'delete13', action: 'delete', targets: [tgt('13')], label: '13' }),
  decision: 'accepted',
  base,
} as Proposal;
const insert = {
  ...tabled({
    id: 'insert',
    action: 'insert',
    targets: [tgt('13')],
    position: 'before',
    label: '12 bis',
    text: 'We welcome the Global Digital Compact.',
  }),
  decision: 'accepted',
  base,
} as Proposal;
const undecided = {
  ...tabled({
    id: 'undecided',
    action: 'amend',
    targets: [tgt('14')],
    label: '14',
    text: 'We call for capacity building in all developing countries.',
  }),
  base,
} as Proposal;
const rejected = {
  ...tabled({
    id: 'rejected',
    action: 'amend',
    targets: [tgt('15')],
    label: '15',
    text: 'We decide to review progress in 2028.',
  }),
  decision: 'not-retained',
  base,
} as Proposal;
const lost = {
  ...tabled({
    id: 'lost',
    action: 'amend',
    targets: [tgt('13')],
    label: '13',
    text: 'We note the work of the Forum with appreciation.',
  }),
  base,
} as Proposal;

const cycle = () => {
  const all = [amend12, delete13, insert, undecided, rejected, lost];
  const r = applyDecided(zero, emptyWorkingState(0), [amend12, delete13, insert], { newId: ids() });
  expect(r.conflicts).toEqual([]);
  const pub = unwrap(publishRevision(zero, r.document, r.state, 'Rev.1'));
  return {
    all,
    pub,
    state: r.state,
    closed: unwrap(closeCycle(all, r.state, zero, pub.document, { name: 'Rev.1', number: 1 })),
  };
};

describe('closeCycle', () => {
  it('marks the applied proposals "applied in Rev.1" with the passages they shaped', () => {
    const { pub, closed } = cycle();
    expect(
      paragraphsOf(pub.document)
        .slice(10)
        .map((p) => `${p.label} ${p.text}`),
    ).toEqual([
      '11 Member States shall cooperate.',
      '12 We recognize the digital divide between and within countries.',
      '13 We welcome the Global Digital Compact.',
      '14 We call for capacity building in developing countries.',
      '15 We decide to review progress in 2030.',
    ]);
    const byId = new Map(closed.applied.map((p) => [p.id as string, p]));
    expect([...byId.keys()].sort()).toEqual(['amend12', 'delete13', 'insert']);
    for (const p of closed.applied) expect(p.status).toBe('applied');
    expect(byId.get('amend12')?.appliedIn).toEqual({
      revision: 'Rev.1',
      number: 1,
      passages: [
        {
          paragraph: pid('12'),
          label: '12',
          text: 'We recognize the digital divide between and within countries.',
        },
      ],
    });
    expect(byId.get('delete13')?.appliedIn?.passages).toEqual([
      { paragraph: pid('13'), label: '13', text: null },
    ]);
    expect(byId.get('insert')?.appliedIn?.passages).toEqual([
      { paragraph: expect.any(String), label: '13', text: 'We welcome the Global Digital Compact.' },
    ]);
  });

  it('carries the others over onto the Rev.1 paragraph with the same words, each with its own change only', () => {
    const { pub, closed } = cycle();
    const carried = new Map(closed.carried.map((p) => [p.id as string, p]));
    expect([...carried.keys()].sort()).toEqual(['rejected', 'undecided']);
    const u = carried.get('undecided') as Proposal;
    // Zero draft §14 is Rev.1 §14 (the insertion before §13 and the deletion of §13 cancel out).
    expect(u.targets).toEqual([{ paragraph: pid('14'), label: '14', point: null }]);
    expect(u.label).toBe('14');
    expect(u.base?.hash).toBe(baseRefOf(pub.document).hash);
    expect(u.decision).toBeNull();
    expect(u.status).toBe('tabled');
    const onRev1 = paragraphsOf(pub.document).find((p) => p.id === pid('14'));
    expect(onRev1 && proposedText(u, onRev1.text)).toBe(
      'We call for capacity building in all developing countries.',
    );
    expect(carried.get('rejected')?.decision).toBe('not-retained');
    expect(carried.get('rejected')?.targets[0]?.label).toBe('15');
  });

  it('reports a proposal whose paragraph is gone and leaves it unchanged on the previous revision', () => {
    const { closed } = cycle();
    expect(closed.unplaced).toEqual([lost]);
    const entry = closed.report.find((e) => e.proposal === lost.id);
    expect(entry?.outcome).toBe('unplaced');
    expect(entry?.message).toMatch(/Zero draft §13 not placed in Rev\.1/);
    expect(closed.report.map((e) => e.proposal).sort()).toEqual(['lost', 'rejected', 'undecided']);
  });

  it('leaves withdrawn proposals out and refuses a base it does not have', () => {
    const { state, pub } = cycle();
    const withdrawn: Proposal = { ...undecided, status: 'withdrawn' };
    const none = unwrap(closeCycle([withdrawn], state, zero, pub.document, { name: 'Rev.1', number: 1 }));
    expect(none).toEqual({ applied: [], carried: [], unplaced: [], report: [] });
    const foreign: Proposal = {
      ...undecided,
      base: { ...base, hash: 'f'.repeat(64), title: 'Another text' },
    };
    const r = closeCycle([foreign], state, zero, pub.document, { name: 'Rev.1', number: 1 });
    expect(r.ok).toBe(false);
  });
});
