/**
 * A fuzzing campaign against a running sync server: several raw WebSocket connections send
 * mutated messages, one at a time, each followed by a sync request (a step 1 with an empty state
 * vector, which the server always answers: the first time with the document, then with an empty
 * step 2 at once) whose answer, or the connection's close, marks the message as handled, so every
 * message reaches the server's decoder while its connection is open and its round trip is timed.
 * A connection the server closes is replaced.
 */
import WebSocket from 'ws';
import { mutate, prng, seeds } from './mutations';

/** What to run. */
export interface CampaignOptions {
  /** `ws://host:port/sync`. */
  readonly url: string;
  readonly doc: string;
  /** Appended to the URL as `?token=`. */
  readonly token: string;
  /** Mutated messages to send in all. */
  readonly messages: number;
  /** Connections open at once. */
  readonly connections: number;
  readonly seed: number;
  /** Stop sending at this time (ms since the epoch) even if fewer messages were sent. */
  readonly deadline?: number;
  /** A message whose answer takes longer than this counts as a hang (ms). */
  readonly hangMs?: number;
  /** Called about every 10,000 messages. */
  readonly onProgress?: (sent: number, result: CampaignResult) => void;
}

/** What happened. */
export interface CampaignResult {
  /** Mutated messages sent on open connections. */
  sent: number;
  /** Messages the server answered (the sync request after them) while the connection stayed open. */
  answered: number;
  connections: number;
  /** Close codes the server used, with counts. */
  readonly closeCodes: Map<number, number>;
  /** Closes without a close frame (1006): the server dropped the socket, e.g. it crashed. */
  abnormal: number;
  /** Upgrades that failed (HTTP error or refused connection). */
  failedUpgrades: number;
  /** Round trips (message + query → answer or close) over `hangMs`. */
  hangs: number;
  /** The slowest round trip, in ms. */
  slowestMs: number;
  /** Round-trip times, in ms, for percentiles. */
  readonly times: number[];
}

/** Runs the campaign; resolves when `messages` were sent. */
export const runCampaign = async (o: CampaignOptions): Promise<CampaignResult> => {
  const rand = prng(o.seed);
  const pool = seeds();
  const hangMs = o.hangMs ?? 250;
  const result: CampaignResult = {
    sent: 0,
    answered: 0,
    connections: 0,
    closeCodes: new Map(),
    abnormal: 0,
    failedUpgrades: 0,
    hangs: 0,
    slowestMs: 0,
    times: [],
  };
  let nextProgress = 10_000;
  // A sync step 1 with an empty state vector.
  const QUERY = new Uint8Array([0, 0, 1, 0]);
  const deadline = o.deadline ?? Number.POSITIVE_INFINITY;
  const more = () => result.sent < o.messages && Date.now() < deadline;

  const connection = async (): Promise<void> => {
    const ws = new WebSocket(`${o.url}/${o.doc}?token=${o.token}`, { perMessageDeflate: false });
    result.connections++;
    let closed = false;
    let wake: (() => void) | null = null;
    let inbox = 0;
    ws.on('message', () => {
      inbox++;
      wake?.();
    });
    ws.on('error', () => {});
    const closing = new Promise<void>((resolve) => {
      ws.once('close', (code) => {
        closed = true;
        if (code === 1006) result.abnormal++;
        else result.closeCodes.set(code, (result.closeCodes.get(code) ?? 0) + 1);
        wake?.();
        resolve();
      });
    });
    const opened = await new Promise<boolean>((resolve) => {
      ws.once('open', () => resolve(true));
      ws.once('unexpected-response', () => resolve(false));
      ws.once('close', () => resolve(false));
    });
    if (!opened) {
      result.failedUpgrades++;
      ws.terminate();
      await new Promise((r) => setTimeout(r, 20));
      return;
    }
    const next = (): Promise<void> =>
      new Promise((resolve) => {
        wake = () => {
          wake = null;
          resolve();
        };
      });
    // Joined once the server's sync step 1 arrived; the first sync request gets the document.
    while (!closed && inbox === 0) await next();
    const joined = inbox;
    ws.send(QUERY);
    while (!closed && inbox === joined) await next();
    while (!closed && more()) {
      const msg = mutate(rand, pool);
      const seen = inbox;
      const t0 = performance.now();
      ws.send(msg);
      ws.send(QUERY);
      result.sent++;
      // The answer to the query, or the close; other messages (broadcasts) may come first.
      while (!closed && inbox === seen) await next();
      const ms = performance.now() - t0;
      result.times.push(ms);
      if (ms > result.slowestMs) result.slowestMs = ms;
      if (ms > hangMs) result.hangs++;
      if (!closed) result.answered++;
      if (result.sent >= nextProgress) {
        nextProgress += 10_000;
        o.onProgress?.(result.sent, result);
      }
    }
    if (!closed) ws.close();
    await closing;
  };

  const worker = async (): Promise<void> => {
    while (more()) await connection();
  };
  await Promise.all(Array.from({ length: o.connections }, worker));
  return result;
};

/** The p-th percentile (0–100) of `values`. */
export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};
