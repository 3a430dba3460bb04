import { BisInputError } from './errors';
import { type OrderKey, orderKey } from './model';

/**
 * Order keys are base-62 fractions written as strings (`"V"`, `"V4"`, `"a0x"`), compared as
 * plain strings. Between any two keys there is always another, so a paragraph can be placed
 * anywhere without touching its neighbours. A key never ends in `"0"`, which keeps string
 * order and numeric order the same.
 *
 * Two people inserting at the same place at the same time would compute the same midpoint;
 * `keyBetween` therefore takes a `salt` unique to the inserting site (a client id, a counter)
 * and appends it, so concurrent inserts never collide.
 */
export const ORDER_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const digitOf = (c: string | undefined): number => (c === undefined ? 0 : ORDER_DIGITS.indexOf(c));

/** True when `s` is a well-formed order key. */
export const isOrderKey = (s: string): boolean => /^[0-9A-Za-z]*[1-9A-Za-z]$/.test(s);

// The shortest key strictly between `a` (or the start) and `b` (or the end).
const midpoint = (a: string, b: string | null): string => {
  if (b !== null) {
    let n = 0;
    while ((a[n] ?? '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const da = a ? digitOf(a[0]) : 0;
  const db = b !== null ? digitOf(b[0]) : ORDER_DIGITS.length;
  if (db - da > 1) return ORDER_DIGITS[Math.round((da + db) / 2)] as string;
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return (ORDER_DIGITS[da] as string) + midpoint(a.slice(1), null);
};

const check = (k: string | null, name: string): void => {
  if (k !== null && !isOrderKey(k)) throw new BisInputError('not an order key', name, k);
};

/**
 * A key strictly between `a` and `b` (null meaning the start or the end of the list).
 * `salt` (base-62 digits) makes keys computed concurrently by different sites distinct.
 */
export const keyBetween = (a: OrderKey | null, b: OrderKey | null, salt = ''): OrderKey => {
  check(a, 'a');
  check(b, 'b');
  if (salt !== '' && !/^[0-9A-Za-z]+$/.test(salt))
    throw new BisInputError('salt must be base-62 digits', 'salt', salt);
  if (a !== null && b !== null && a >= b)
    throw new BisInputError(`order key ${a} is not before ${b}`, 'a', a);
  const tail = salt.replace(/0+$/, '');
  let upper: string | null = b;
  for (;;) {
    const k = midpoint(a ?? '', upper);
    const candidate = k + tail;
    // Appending the salt can overshoot `b` when `k` is a prefix of it: then try closer to `a`.
    if (b === null || candidate < b) return orderKey(candidate);
    upper = k;
  }
};

/** `n` evenly spread keys, for a freshly imported document. */
export const evenKeys = (n: number): OrderKey[] => {
  const keys: OrderKey[] = [];
  // Fixed-width keys keep imported documents' keys short and evenly spaced.
  let width = 1;
  while (ORDER_DIGITS.length ** width <= n + 1) width++;
  const span = ORDER_DIGITS.length ** width;
  for (let i = 1; i <= n; i++) {
    let v = Math.floor((i * span) / (n + 1));
    let s = '';
    for (let w = 0; w < width; w++) {
      s = (ORDER_DIGITS[v % ORDER_DIGITS.length] as string) + s;
      v = Math.floor(v / ORDER_DIGITS.length);
    }
    const trimmed = s.replace(/0+$/, '');
    keys.push(orderKey(trimmed === '' ? '1' : trimmed));
  }
  return keys;
};
