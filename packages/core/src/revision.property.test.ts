import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docOf, tabled, tgt } from './builders.test-util';
import {
  applyDecided,
  type BisDocument,
  emptyWorkingState,
  type Proposal,
  paragraphsOf,
  publishRevision,
  revisionChanges,
  type WorkingState,
} from './index';

// One random session: a base text 1 … n and, per paragraph, at most one change (amend, delete
// or move) plus possibly an insertion after it; every proposal accepted and applied one command
// at a time in a random order.
type Role = 'none' | 'amend' | 'delete' | 'move';
const session = fc.integer({ min: 2, max: 30 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    roles: fc.array(fc.constantFrom<Role>('none', 'none', 'amend', 'delete', 'move'), {
      minLength: n,
      maxLength: n,
    }),
    inserts: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    anchors: fc.array(fc.nat(), { minLength: n, maxLength: n }),
    order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3 * n, maxLength: 3 * n }),
  }),
);

const sample = (x: { n: number; roles: Role[]; inserts: boolean[]; anchors: number[]; order: number[] }) => {
  const labels = Array.from({ length: x.n }, (_, i) => String(i + 1));
  const base = docOf(...labels);
  const proposals: Proposal[] = [];
  const moved = new Set<string>();
  labels.forEach((l, i) => {
    const role = x.roles[i];
    if (role === 'amend')
      proposals.push({
        ...tabled({ id: `a${l}`, action: 'amend', targets: [tgt(l)], text: `Amended ${l}.` }),
        decision: 'accepted',
      });
    if (role === 'delete')
      proposals.push({
        ...tabled({ id: `d${l}`, action: 'delete', targets: [tgt(l)] }),
        decision: 'accepted',
      });
    if (role === 'move') moved.add(l);
  });
  // A moved paragraph goes after an unmoved one, and no insertion is anchored on a moved
  // paragraph (that is the anchor-moved conflict, tested in revision.test.ts).
  // Nothing is anchored on a deleted paragraph either (that is the target-deleted conflict).
  const anchorsFree = labels.filter((l, i) => !moved.has(l) && x.roles[i] !== 'delete');
  labels.forEach((l, i) => {
    if (x.inserts[i] && anchorsFree.includes(l))
      proposals.push({
        ...tabled({
          id: `i${l}`,
          action: 'insert',
          targets: [tgt(l)],
          text: `Inserted after ${l}.`,
          label: `${l} bis`,
        }),
        decision: 'accepted',
      });
  });
  let k = 0;
  for (const l of moved) {
    const anchor = anchorsFree[(x.anchors[k++] ?? 0) % Math.max(anchorsFree.length, 1)];
    if (anchor === undefined) continue;
    proposals.push({
      ...tabled({ id: `m${l}`, action: 'move', targets: [tgt(l), tgt(anchor)] }),
      decision: 'accepted',
    });
  }
  const keyed = proposals.map((p, i) => ({ p, key: x.order[i] ?? 0 }));
  keyed.sort((a, b) => a.key - b.key);
  return { base, proposals: keyed.map((e) => e.p) };
};

const run = (base: BisDocument, proposals: readonly Proposal[]) => {
  let n = 0;
  const newId = () => `new${++n}`;
  let doc = base;
  let state: WorkingState = emptyWorkingState(0);
  for (const p of proposals) {
    const r = applyDecided(doc, state, [p], { newId });
    expect(r.conflicts).toEqual([]);
    doc = r.document;
    state = r.state;
  }
  return { doc, state };
};

describe('revision properties', () => {
  it('applying then comparing recovers exactly the applied proposals', () => {
    fc.assert(
      fc.property(session, (x) => {
        const { base, proposals } = sample(x);
        const { doc, state } = run(base, proposals);
        const ch = revisionChanges(base, doc);
        const of = (a: string) => proposals.filter((p) => p.action === a);
        expect(new Set(ch.changed)).toEqual(new Set(of('amend').map((p) => p.targets[0]?.paragraph)));
        expect(new Set(ch.deleted)).toEqual(new Set(of('delete').map((p) => p.targets[0]?.paragraph)));
        const inserted = paragraphsOf(doc).filter((p) => ch.inserted.includes(p.id));
        expect(inserted.map((p) => p.text).sort()).toEqual(
          of('insert')
            .map((p) => p.text)
            .sort(),
        );
        // Moves: the paragraphs not moved keep their relative order.
        const movedIds = new Set(of('move').map((p) => p.targets[0]?.paragraph));
        expect(ch.moved.length).toBeLessThanOrEqual(movedIds.size);
        const still = (d: BisDocument) =>
          paragraphsOf(d)
            .map((p) => p.id)
            .filter(
              (id) =>
                !movedIds.has(id) &&
                paragraphsOf(base).some((b) => b.id === id) &&
                paragraphsOf(doc).some((b) => b.id === id),
            );
        expect(still(doc)).toEqual(still(base));
        // Provenance: every changed or inserted paragraph names exactly the proposal behind it.
        for (const p of of('amend'))
          expect(state.paragraphs[p.targets[0]?.paragraph ?? '']?.proposals).toEqual([p.id]);
        for (const p of paragraphsOf(doc).filter((q) => ch.inserted.includes(q.id))) {
          const by = state.paragraphs[p.id]?.proposals ?? [];
          expect(by).toHaveLength(1);
          expect(proposals.find((q) => q.id === by[0])?.text).toBe(p.text);
        }
        expect(state.applied.map((a) => a.proposal)).toEqual(proposals.map((p) => p.id));
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('renumbering at publication is a bijection on the surviving paragraphs that keeps their order', () => {
    fc.assert(
      fc.property(session, (x) => {
        const { base, proposals } = sample(x);
        const { doc, state } = run(base, proposals);
        const pub = publishRevision(base, doc, state, 'Rev.1');
        if (!pub.ok) throw new Error(pub.reason);
        const paras = paragraphsOf(pub.value.document);
        expect(paras.map((p) => p.label)).toEqual(paras.map((_, i) => String(i + 1)));
        const rows = pub.value.concordance;
        const survivors = rows.filter((r) => r.to !== null);
        expect(survivors.map((r) => r.id)).toEqual(paragraphsOf(doc).map((p) => p.id));
        expect(new Set(survivors.map((r) => r.to)).size).toBe(survivors.length);
        // Every paragraph of either revision appears exactly once.
        const all = new Set([...paragraphsOf(base), ...paragraphsOf(doc)].map((p) => p.id));
        expect(rows.map((r) => r.id).sort()).toEqual([...all].sort());
        for (const r of rows) {
          if (r.from !== null) expect(paragraphsOf(base).find((p) => p.id === r.id)?.label).toBe(r.from);
          if (r.to === null) expect(r.proposals.length).toBe(1);
        }
      }),
      { numRuns: 60 },
    );
  }, 30_000);
});
