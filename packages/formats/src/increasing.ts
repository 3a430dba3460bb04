/**
 * `increasing`: a longest increasing subsequence, the core of patience alignment.
 */

/** Indices (into `values`) of a longest strictly increasing subsequence, in O(n log n). */
export const increasing = (values: readonly number[]): Set<number> => {
  const tails: number[] = [];
  const prev = new Int32Array(values.length).fill(-1);
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[tails[mid] as number] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1] as number;
    tails[lo] = i;
  });
  const out = new Set<number>();
  for (let k = tails.length ? (tails[tails.length - 1] as number) : -1; k >= 0; k = prev[k] as number)
    out.add(k);
  return out;
};
