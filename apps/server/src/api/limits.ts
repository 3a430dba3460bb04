/**
 * A fixed-window request counter per principal (session, API token, or address for anonymous
 * callers). Memory stays bounded: windows older than the current one are dropped on the fly.
 */

/** Counts requests per key and says when a key is over its budget. */
export class RateLimiter {
  private window = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records one request for `key`; returns the seconds to wait when over the limit, else 0. */
  hit(key: string): number {
    const t = this.now();
    const w = Math.floor(t / this.windowMs);
    if (w !== this.window) {
      this.window = w;
      this.counts = new Map();
    }
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    if (n <= this.max) return 0;
    return Math.max(1, Math.ceil(((w + 1) * this.windowMs - t) / 1000));
  }
}
