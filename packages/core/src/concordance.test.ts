import { describe, expect, it } from 'vitest';
import { concordance } from './index';

describe('concordance', () => {
  it('maps old labels to new ones, deleted ones to null, new ones from null', () => {
    const old = [
      { id: 'a', label: '76' },
      { id: 'b', label: '77' },
      { id: 'c', label: '77 bis' },
      { id: 'd', label: '78' },
    ];
    const next = [
      { id: 'a', label: '76' },
      { id: 'c', label: '77' },
      { id: 'e', label: '78' },
      { id: 'd', label: '79' },
    ];
    expect(concordance(old, next)).toEqual([
      { id: 'a', from: '76', to: '76' },
      { id: 'b', from: '77', to: null },
      { id: 'c', from: '77 bis', to: '77' },
      { id: 'e', from: null, to: '78' },
      { id: 'd', from: '78', to: '79' },
    ]);
  });

  it('puts paragraphs deleted at the start first', () => {
    expect(
      concordance(
        [
          { id: 'x', label: '1' },
          { id: 'y', label: '2' },
        ],
        [{ id: 'y', label: '1' }],
      ),
    ).toEqual([
      { id: 'x', from: '1', to: null },
      { id: 'y', from: '2', to: '1' },
    ]);
  });

  it('refuses an id listed twice', () => {
    expect(() =>
      concordance(
        [
          { id: 'a', label: '1' },
          { id: 'a', label: '2' },
        ],
        [],
      ),
    ).toThrow(/oldEntries\[1\]\.id/);
  });
});

describe('concordance with ids of a branded type', () => {
  it('keeps the id type', () => {
    const rows = concordance([{ id: 'p1' as const, label: '1' }], [{ id: 'p1' as const, label: '1' }]);
    const id: 'p1' = rows[0]?.id ?? 'p1';
    expect(id).toBe('p1');
  });
});
