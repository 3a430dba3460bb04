/** Percentiles and the median/min/max summaries of the tables. */

/** The `p`-th percentile (0–100) of `values` (nearest rank); NaN when empty. */
export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
};

/** p50/p95/p99/max of latency samples in ms. */
export const latencySummary = (
  ms: readonly number[],
): { p50: number; p95: number; p99: number; max: number; n: number } => {
  if (ms.length === 0) return { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN, n: 0 };
  const sorted = Float64Array.from(ms).sort();
  const at = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
  return {
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: sorted[sorted.length - 1] as number,
    n: sorted.length,
  };
};

/** Median, min and max of repetitions (NaN values are left out). */
export const summarise = (
  values: readonly number[],
): { median: number; min: number; max: number; n: number } => {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 };
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 === 1 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
  return { median, min: v[0] as number, max: v[v.length - 1] as number, n: v.length };
};
