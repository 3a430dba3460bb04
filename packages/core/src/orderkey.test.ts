import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evenKeys, isOrderKey, keyBetween, type OrderKey } from './index';

describe('order keys', () => {
  it('spreads evenly spaced keys in order', () => {
    for (const n of [0, 1, 2, 61, 62, 500, 5000]) {
      const keys = evenKeys(n);
      expect(keys).toHaveLength(n);
      expect([...keys].sort()).toEqual(keys);
      expect(new Set(keys).size).toBe(n);
      for (const k of keys) expect(isOrderKey(k)).toBe(true);
    }
  });

  it('finds a key between any two, at the ends, and refuses reversed bounds', () => {
    const [a, b] = evenKeys(2) as [OrderKey, OrderKey];
    const m = keyBetween(a, b);
    expect(a < m && m < b).toBe(true);
    expect(keyBetween(null, a) < a).toBe(true);
    expect(keyBetween(b, null) > b).toBe(true);
    expect(() => keyBetween(b, a)).toThrow(RangeError);
  });

  it('gives concurrent inserts at the same place distinct keys with distinct salts', () => {
    const [a, b] = evenKeys(2) as [OrderKey, OrderKey];
    const x = keyBetween(a, b, 'x1');
    const y = keyBetween(a, b, 'y2');
    expect(x).not.toBe(y);
    for (const k of [x, y]) expect(a < k && k < b).toBe(true);
  });

  it('keeps order under random insert sequences (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.stringMatching(/^[0-9A-Za-z]{0,3}$/)), { maxLength: 200 }),
        (ops) => {
          const keys: OrderKey[] = [];
          for (const [at, salt] of ops) {
            const i = keys.length === 0 ? 0 : at % (keys.length + 1);
            const k = keyBetween(keys[i - 1] ?? null, keys[i] ?? null, salt);
            keys.splice(i, 0, k);
          }
          for (let i = 1; i < keys.length; i++)
            expect((keys[i - 1] as string) < (keys[i] as string)).toBe(true);
          for (const k of keys) expect(isOrderKey(k)).toBe(true);
        },
      ),
    );
  });
});
