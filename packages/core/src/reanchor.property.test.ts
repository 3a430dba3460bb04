import { describe, expect, it } from 'vitest';
import { docOf, para, prop, tgt } from './builders.test-util';
import { baseRefOf } from './document-hash';
import { type BisDocument, type Paragraph, paragraphId, paragraphsOf } from './model';
import { reanchorProposals } from './reanchor';

// Seeded random revisions: paragraphs inserted, deleted and reworded, the rest renumbered; every
// proposal must land on the paragraph with its text, or be reported as not placed when that
// paragraph is gone. Printed seed on failure.
const rng = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const VOCAB =
  'states shall promote open standards rights online offline forum review digital divide gender skills data privacy'.split(
    ' ',
  );

describe('reanchorProposals on random revisions', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    for (const sameIds of [true, false]) {
      it(`seed ${seed}, ${sameIds ? 'ids kept (a built revision)' : 'new ids (a separate import)'}`, () => {
        const r = rng(seed);
        const sentence = (n: number) =>
          `${Array.from({ length: 12 }, () => VOCAB[Math.floor(r() * VOCAB.length)]).join(' ')} ${n}.`;
        const n = 20 + Math.floor(r() * 40);
        const old: BisDocument = {
          ...docOf(...Array.from({ length: n }, (_, i) => para(String(i + 1), sentence(i)))),
          revision: 'Rev.1',
        };
        const kept: { from: Paragraph; to: Paragraph | null }[] = [];
        const next: Paragraph[] = [];
        let fresh = 0;
        for (const p of paragraphsOf(old)) {
          if (r() < 0.15)
            next.push({
              ...para('x', `Inserted ${sentence(1000 + fresh)}`),
              id: paragraphId(`new${fresh++}`),
            });
          if (r() < 0.15) {
            kept.push({ from: p, to: null });
            continue;
          }
          const q = sameIds ? p : { ...p, id: paragraphId(`imported-${p.id}`) };
          next.push(q);
          kept.push({ from: p, to: q });
        }
        const rev2: BisDocument = {
          ...docOf(...next.map((p, i) => ({ ...p, label: String(i + 1) }))),
          revision: 'Rev.2',
        };
        const labelOf = new Map(paragraphsOf(rev2).map((p) => [p.id as string, p.label]));
        const proposals = kept.map(({ from }) =>
          prop({ id: `r${from.label}`, action: 'retain', targets: [tgt(from.label)], base: baseRefOf(old) }),
        );
        const result = reanchorProposals(proposals, rev2, [old]);
        if (!result.ok) throw new Error(result.reason);
        kept.forEach(({ to }, i) => {
          const entry = result.entries[i];
          const target = result.proposals[i]?.targets[0];
          const context = `seed ${seed}, §${kept[i]?.from.label}`;
          if (to === null) {
            expect(entry?.outcome, context).toBe('unplaced');
            expect(target?.paragraph, context).toBeNull();
          } else {
            expect(target, context).toEqual({ paragraph: to.id, label: labelOf.get(to.id), point: null });
            expect(entry?.outcome, context).toBe(
              target?.label === kept[i]?.from.label && sameIds ? 'kept' : 'moved',
            );
          }
        });
      });
    }
  }
});
