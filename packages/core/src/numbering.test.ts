import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BisInputError,
  compareLabels,
  concordance,
  createSuffixTable,
  inSeriesOf,
  labelForInsert,
  labelsForInserts,
  normalizeLabel,
  renumber,
} from './index';

// Inserts a paragraph at `index` and returns the new list of labels.
const insertAt = (labels: readonly string[], index: number): string[] => {
  const next = [...labels];
  next.splice(index, 0, labelForInsert(labels, index));
  return next;
};

const range = (n: number, prefix = ''): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

describe('labelForInsert', () => {
  it('labels an insertion after 77 as 77 bis', () => {
    expect(labelForInsert(['76', '77', '78'], 2)).toBe('77 bis');
  });

  it('labels an insertion after 77 bis as 77 ter', () => {
    expect(labelForInsert(['77', '77 bis', '78'], 2)).toBe('77 ter');
  });

  it('labels a second insertion after 77 as 77 ter when the first goes first', () => {
    expect(labelsForInserts(['77', '78'], 1, 2)).toEqual(['77 bis', '77 ter']);
  });

  it('labels rival insertions after 77 bis, ter, quater … in tabling order', () => {
    expect(labelsForInserts(['77', '78'], 1, 10)).toEqual([
      '77 bis',
      '77 ter',
      '77 quater',
      '77 quinquies',
      '77 sexies',
      '77 septies',
      '77 octies',
      '77 novies',
      '77 decies',
      '77 undecies',
    ]);
  });

  it('labels an insertion between 77 and an existing 77 bis as 77 bis A', () => {
    expect(labelForInsert(['77', '77 bis', '78'], 1)).toBe('77 bis A');
  });

  it('labels a further insertion after 77 bis A as 77 bis B', () => {
    expect(labelForInsert(['77', '77 bis A', '77 bis', '78'], 2)).toBe('77 bis B');
  });

  it('labels an insertion between 77 and 77 bis A as 77 bis AA', () => {
    expect(labelForInsert(['77', '77 bis A', '77 bis', '78'], 1)).toBe('77 bis AA');
  });

  it('labels an insertion between 77 bis and 77 ter as 77 ter A', () => {
    expect(labelForInsert(['77', '77 bis', '77 ter', '78'], 2)).toBe('77 ter A');
  });

  it('walks a round of insertions around 77 without renaming anything', () => {
    let labels = ['76', '77', '78'];
    labels = insertAt(labels, 2); // after 77
    labels = insertAt(labels, 3); // after 77 bis
    labels = insertAt(labels, 2); // between 77 and 77 bis
    labels = insertAt(labels, 0); // before 76
    labels = insertAt(labels, labels.length); // after 78
    expect(labels).toEqual(['0', '76', '77', '77 bis A', '77 bis', '77 ter', '78', '78 bis']);
  });

  it('labels an insertion after the last paragraph with a suffix, not a new number', () => {
    expect(labelForInsert(['1', '2', '3'], 3)).toBe('3 bis');
  });

  it('labels an insertion before the first paragraph 0', () => {
    expect(labelForInsert(['1', '2'], 0)).toBe('0');
  });

  it('labels an insertion before 0 as 0 A, and then before 0 A as 0 AA', () => {
    expect(labelForInsert(['0', '1'], 0)).toBe('0 A');
    expect(labelForInsert(['0 A', '0', '1'], 0)).toBe('0 AA');
  });

  it('keeps the series of a prefixed text: OP5 bis, PP0, OP0', () => {
    expect(labelForInsert(['OP4', 'OP5', 'OP6'], 2)).toBe('OP5 bis');
    expect(labelForInsert(['OP5', 'OP5 bis', 'OP6'], 2)).toBe('OP5 ter');
    expect(labelForInsert(['PP1', 'PP2', 'OP1'], 0)).toBe('PP0');
    expect(labelForInsert(['OP1', 'OP2'], 0)).toBe('OP0');
  });

  it('names an insertion at the boundary of two series after the paragraph before it', () => {
    expect(labelForInsert(['PP1', 'PP2', 'OP1'], 2)).toBe('PP2 bis');
  });

  it('puts the preamble before plain operative numbers, and labels an insertion in its anchor series', () => {
    // A resolution with an unnumbered (or lettered) preamble: PP labels, then 1, 2 …
    const text = ['PP1', 'PP2', '1', '2'];
    expect(labelForInsert(text, 2)).toBe('PP2 bis');
    expect(inSeriesOf(text, 'PP2')).toEqual(['PP1', 'PP2', '', '']);
    expect(inSeriesOf(text, '1')).toEqual(['', '', '1', '2']);
    // "Before 1" joins the operative part, "after PP2" the preamble.
    expect(labelForInsert(inSeriesOf(text, '1'), 2)).toBe('0');
    expect(labelForInsert(inSeriesOf(text, 'PP2'), 2)).toBe('PP2 bis');
    expect(inSeriesOf(text, 'not a label')).toEqual(text);
  });

  it('labels the first paragraph of an empty text 1', () => {
    expect(labelForInsert([], 0)).toBe('1');
  });

  it('accepts siblings written in any accepted spelling', () => {
    expect(labelForInsert(['77', '77bis', '78'], 2)).toBe('77 ter');
    expect(labelForInsert(['1quat', '2'], 1)).toBe('1 quinquies');
  });

  it('skips unnumbered paragraphs when naming', () => {
    expect(labelForInsert(['77', '', '78'], 2)).toBe('77 bis');
  });

  it('never gives a label named as taken (a deleted paragraph, a pending proposal)', () => {
    expect(labelForInsert(['77', '78'], 1, { taken: ['77 bis'] })).toBe('77 ter');
    expect(labelForInsert(['77', '77 bis', '78'], 2, { taken: ['77 ter'] })).toBe('77 quater');
    expect(labelForInsert(['77', '77 bis'], 1, { taken: ['77 bis A'] })).toBe('77 bis B');
    expect(labelForInsert([], 0, { taken: ['1'] })).toBe('1 bis');
    expect(labelForInsert(['1'], 0, { taken: ['0'] })).toBe('1 A');
  });

  it('goes one level down when the suffixes of one place run out', () => {
    const table = createSuffixTable(['bis', 'ter'], {});
    expect(labelsForInserts(['7', '8'], 1, 4, { suffixes: table })).toEqual(['7 bis', '7 ter', '8 A', '8 B']);
    expect(labelForInsert(['7', '7 Z', '7 ter'], 2, { suffixes: table })).toBe('7 ter A');
    expect(labelForInsert(['7 Z', '7'], 1, { suffixes: table })).toBe('7 Z bis');
  });

  it('stays unique, if not in order, in a document whose labels are out of order', () => {
    const labels = ['5', '3', '4'];
    const l = labelForInsert(labels, 1);
    expect(labels).not.toContain(l);
    expect(l).toBe('5 bis');
    // Between `5 bis` and `3` nothing sorts: the next free name after `5 bis` is taken instead.
    expect(labelForInsert(['5', '5 bis', '3', '5 ter'], 2)).toBe('5 quater');
  });

  it('refuses an index outside the list', () => {
    expect(() => labelForInsert(['1'], 2)).toThrow(BisInputError);
    expect(() => labelForInsert(['1'], -1)).toThrow(/insert index/);
    expect(() => labelForInsert(['1'], 0.5)).toThrow(BisInputError);
  });
});

describe('renumber', () => {
  it('numbers every paragraph 1 … n, suffixes gone', () => {
    expect(renumber(['0', '1', '1 bis', '2', '2 bis A', '2 bis', '2 ter', '3'])).toEqual(range(8));
  });

  it('numbers each series apart', () => {
    expect(renumber(['PP0', 'PP1', 'PP1 bis', 'OP1', 'OP1 bis', 'OP2'])).toEqual([
      'PP1',
      'PP2',
      'PP3',
      'OP1',
      'OP2',
      'OP3',
    ]);
  });

  it('keeps unnumbered paragraphs unnumbered and can start elsewhere', () => {
    expect(renumber(['5', '', '5 bis'], { start: 10 })).toEqual(['10', '', '11']);
  });
});

// A random editing session: inserts at random places and deletions, over a numbered text.
type Op = { kind: 'insert'; at: number } | { kind: 'delete'; at: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
);
const startText = fc.oneof(
  fc.integer({ min: 0, max: 12 }).map((n) => range(n)),
  fc
    .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 8 }))
    .map(([p, o]) => [...range(p, 'PP'), ...range(o, 'OP')]),
);

interface Para {
  readonly id: number;
  readonly label: string;
}

const session = (start: string[], ops: Op[], tableSize?: number) => {
  const suffixes =
    tableSize === undefined ? undefined : createSuffixTable(['bis', 'ter', 'quater'].slice(0, tableSize), {});
  const opts = suffixes ? { suffixes } : {};
  let paras: Para[] = start.map((label, id) => ({ id, label }));
  const first = new Map(paras.map((p) => [p.id, p.label]));
  const deleted: string[] = [];
  let nextId = paras.length;
  for (const o of ops) {
    if (o.kind === 'insert') {
      const at = o.at % (paras.length + 1);
      const label = labelForInsert(
        paras.map((p) => p.label),
        at,
        { ...opts, taken: deleted },
      );
      paras = [...paras.slice(0, at), { id: nextId++, label }, ...paras.slice(at)];
      first.set(nextId - 1, label);
    } else if (paras.length > 0) {
      const at = o.at % paras.length;
      deleted.push((paras[at] as Para).label);
      paras = paras.filter((_, i) => i !== at);
    }
  }
  return { paras, first, deleted, opts };
};

describe('numbering properties over random insertion sequences', () => {
  for (const tableSize of [undefined, 1, 3]) {
    const name = tableSize === undefined ? 'the Latin suffixes' : `${tableSize} suffix(es)`;

    it(`keeps labels unique, in document order and stable, with ${name}`, () => {
      fc.assert(
        fc.property(startText, fc.array(op, { maxLength: 80 }), (start, ops) => {
          const { paras, first, opts } = session(start, ops, tableSize);
          const labels = paras.map((p) => p.label);
          expect(new Set(labels).size).toBe(labels.length);
          for (let i = 1; i < labels.length; i++) {
            expect(compareLabels(labels[i - 1] as string, labels[i] as string, opts)).toBeLessThan(0);
          }
          // Stable: a paragraph keeps the label it was given, and every label is canonical.
          for (const p of paras) {
            expect(p.label).toBe(first.get(p.id));
            expect(normalizeLabel(p.label, opts)).toBe(p.label);
          }
          // No label is ever given twice in the session, a deleted paragraph's included.
          expect(new Set(first.values()).size).toBe(first.size);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('renumbers surviving paragraphs one to one, in order, without suffixes', () => {
    fc.assert(
      fc.property(startText, fc.array(op, { maxLength: 80 }), (start, ops) => {
        const { paras } = session(start, ops);
        const labels = paras.map((p) => p.label);
        const renumbered = renumber(labels);
        expect(renumbered).toHaveLength(labels.length);
        expect(new Set(renumbered).size).toBe(renumbered.length);
        for (let i = 1; i < renumbered.length; i++) {
          expect(compareLabels(renumbered[i - 1] as string, renumbered[i] as string)).toBeLessThan(0);
        }
        for (const l of renumbered) expect(l).toMatch(/^(?:PP|OP)?[1-9]\d*$/);
        const rows = concordance(
          paras.map((p) => ({ id: String(p.id), label: p.label })),
          paras.map((p, i) => ({ id: String(p.id), label: renumbered[i] as string })),
        );
        expect(rows.map((r) => r.from)).toEqual(labels);
        expect(rows.map((r) => r.to)).toEqual(renumbered);
      }),
      { numRuns: 300 },
    );
  });

  it('gives a concordance that accounts for every paragraph of either revision exactly once', () => {
    fc.assert(
      fc.property(startText, fc.array(op, { maxLength: 60 }), (start, ops) => {
        const old = start.map((label, id) => ({ id: String(id), label }));
        const { paras } = session(start, ops);
        const renumbered = renumber(paras.map((p) => p.label));
        const next = paras.map((p, i) => ({ id: String(p.id), label: renumbered[i] as string }));
        const rows = concordance(old, next);
        const ids = rows.map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(new Set([...old, ...next].map((e) => e.id)));
        // Surviving rows keep the new order; deleted rows have no new label, new rows no old one.
        expect(rows.filter((r) => r.to !== null).map((r) => r.to)).toEqual(renumbered);
        for (const r of rows) {
          const wasOld = old.some((e) => e.id === r.id);
          const isNew = next.some((e) => e.id === r.id);
          expect(r.from === null).toBe(!wasOld);
          expect(r.to === null).toBe(!isNew);
        }
      }),
      { numRuns: 200 },
    );
  });
});
