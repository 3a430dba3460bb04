/**
 * A whole fuzzing run: the server in its own process (test/fuzz/serve.ts), restarted if it dies
 * (each death is a crash), a witness stock client, the campaign, then two stock clients that must
 * still sync and converge. Used by `npm run fuzz` (1,000,000 messages) and by the CI test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as Y from 'yjs';
import { stockClient, waitFor } from '../../apps/server/src/sync/testing/clients';
import { type CampaignResult, percentile, runCampaign } from './campaign';

const SERVE = resolve(import.meta.dirname, 'serve.ts');
const DOC = 'p/fuzz/ws/a';

/** The server's last `stats` line. */
export interface ServerStats {
  readonly messages: number;
  readonly connections: number;
  readonly rss: number;
  readonly peakRss: number;
  readonly heapUsed: number;
  readonly hangs: number;
  readonly worstStallMs: number;
  readonly loopDelayP99Ms: number;
  readonly errors: number;
}

/** Options of `fuzzRun`. */
export interface FuzzRunOptions {
  readonly messages: number;
  readonly connections: number;
  readonly seed: number;
  /** No shape validator: every update goes to Yjs. */
  readonly raw?: boolean;
  /** Stop sending after this many minutes even if fewer messages were sent. */
  readonly minutes?: number;
  readonly log?: (line: string) => void;
}

/** The outcome of a run. */
export interface FuzzReport {
  readonly seed: number;
  readonly campaign: CampaignResult;
  /** Server processes that died (each restarted). */
  readonly crashes: number;
  /** Server-side stalls of the event loop over 250 ms, summed over processes. */
  readonly serverHangs: number;
  readonly worstStallMs: number;
  /** Messages the server received, summed over processes. */
  readonly serverMessages: number;
  readonly peakRssBytes: number;
  readonly rssStartBytes: number;
  readonly rssEndBytes: number;
  /** Errors the hub caught and reported (each a bug to look at). */
  readonly serverErrors: number;
  /** Whether two stock clients still synced and converged afterwards. */
  readonly converged: boolean;
  readonly elapsedMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

interface Proc {
  child: ChildProcess;
  port: number;
  last: ServerStats | null;
}

const startServer = (dataDir: string, raw: boolean, port?: number): Promise<Proc> =>
  new Promise((ok, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', SERVE, dataDir, ...(port ? [String(port)] : []), ...(raw ? ['--raw'] : [])],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const proc: Proc = { child, port: port ?? 0, last: null };
    let buf = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      let nl = buf.indexOf('\n');
      while (nl >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const listening = /^listening (\d+)/.exec(line);
        if (listening) {
          proc.port = Number(listening[1]);
          ok(proc);
        } else if (line.startsWith('stats ')) proc.last = JSON.parse(line.slice(6)) as ServerStats;
        nl = buf.indexOf('\n');
      }
    });
    child.once('exit', (code) => fail(new Error(`fuzz server exited with ${code} before listening`)));
  });

/** The server's next stats line. */
const nextStats = (proc: Proc): Promise<ServerStats> =>
  new Promise((ok) => {
    const before = proc.last;
    const poll = setInterval(() => {
      if (proc.last && proc.last !== before) {
        clearInterval(poll);
        ok(proc.last);
      }
    }, 50);
  });

/** Runs a fuzzing campaign against a fresh server and reports. */
export const fuzzRun = async (o: FuzzRunOptions): Promise<FuzzReport> => {
  const log = o.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'bis-fuzz-'));
  const started = Date.now();
  let proc = await startServer(dir, o.raw ?? false);
  const url = `ws://127.0.0.1:${proc.port}/sync`;
  const rssStart = (await nextStats(proc)).rss;
  let crashes = 0;
  const totals = { hangs: 0, messages: 0, errors: 0, peakRss: 0, worstStallMs: 0 };
  const fold = (s: ServerStats | null) => {
    if (!s) return;
    totals.hangs += s.hangs;
    totals.messages += s.messages;
    totals.errors += s.errors;
    totals.peakRss = Math.max(totals.peakRss, s.peakRss);
    totals.worstStallMs = Math.max(totals.worstStallMs, s.worstStallMs);
  };
  let stopping = false;
  const watch = (p: Proc) => {
    p.child.once('exit', () => {
      if (stopping) return;
      crashes++;
      fold(p.last);
      log(`server died (crash ${crashes}); restarting on port ${p.port}`);
      void startServer(dir, o.raw ?? false, p.port).then((next) => {
        proc = next;
        watch(next);
      });
    });
  };
  watch(proc);
  // A witness keeps a presence state in the document, so that presence queries are answered too.
  const witness = stockClient(url, DOC, 'a');
  await witness.synced;
  witness.provider.awareness.setLocalStateField('cursor', { anchor: 0 });
  let campaign: CampaignResult;
  try {
    campaign = await runCampaign({
      url,
      doc: DOC,
      token: 'f',
      messages: o.messages,
      connections: o.connections,
      seed: o.seed,
      ...(o.minutes ? { deadline: started + o.minutes * 60_000 } : {}),
      onProgress: (_sent, r) => {
        log(
          `${r.sent} sent, ${r.connections} connections, ${r.hangs} slow answers, slowest ${r.slowestMs.toFixed(0)} ms, server rss ${((proc.last?.rss ?? 0) / 1e6).toFixed(0)} MB`,
        );
      },
    });
  } finally {
    witness.destroy();
  }
  // Still alive: two stock clients sync, write and converge.
  let converged = false;
  const a = stockClient(url, DOC, 'a');
  const b = stockClient(url, DOC, 'b');
  try {
    await Promise.all([a.synced, b.synced]);
    const draft = (label: string) => {
      const m = new Y.Map<unknown>();
      m.set('label', label);
      return m;
    };
    a.doc.getMap('drafts').set('after-fuzz-a', draft('1 bis'));
    b.doc.getMap('drafts').set('after-fuzz-b', draft('1 ter'));
    await waitFor(
      () => a.doc.getMap('drafts').has('after-fuzz-b') && b.doc.getMap('drafts').has('after-fuzz-a'),
      'convergence after fuzzing',
      20_000,
    );
    converged =
      Buffer.compare(Buffer.from(Y.encodeStateVector(a.doc)), Buffer.from(Y.encodeStateVector(b.doc))) === 0;
  } catch (error) {
    log(`stock clients did not converge: ${String(error)}`);
  } finally {
    a.destroy();
    b.destroy();
  }
  const end = await nextStats(proc);
  fold(end);
  stopping = true;
  proc.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  return {
    seed: o.seed,
    campaign,
    crashes,
    serverHangs: totals.hangs,
    worstStallMs: totals.worstStallMs,
    serverMessages: totals.messages,
    peakRssBytes: totals.peakRss,
    rssStartBytes: rssStart,
    rssEndBytes: end.rss,
    serverErrors: totals.errors,
    converged,
    elapsedMs: Date.now() - started,
    p50Ms: percentile(campaign.times, 50),
    p99Ms: percentile(campaign.times, 99),
  };
};

/** A report as a few lines of text. */
export const describeReport = (r: FuzzReport): string =>
  [
    `seed ${r.seed}: ${r.campaign.sent} mutated messages on ${r.campaign.connections} connections in ${(r.elapsedMs / 1000).toFixed(0)} s; the server received ${r.serverMessages} messages (with the sync requests after each)`,
    `answered with the connection open: ${r.campaign.answered}; close codes ${JSON.stringify(Object.fromEntries([...r.campaign.closeCodes].sort((x, y) => y[1] - x[1])))}; abnormal closes ${r.campaign.abnormal}; failed upgrades ${r.campaign.failedUpgrades}`,
    `crashes ${r.crashes}; hung answers over 250 ms ${r.campaign.hangs} (slowest ${r.campaign.slowestMs.toFixed(0)} ms, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms); server loop stalls over 250 ms ${r.serverHangs} (worst ${r.worstStallMs} ms); errors the hub reported ${r.serverErrors}`,
    `server memory: rss ${(r.rssStartBytes / 1e6).toFixed(0)} MB at start, peak ${(r.peakRssBytes / 1e6).toFixed(0)} MB, ${(r.rssEndBytes / 1e6).toFixed(0)} MB at the end; stock clients converged afterwards: ${r.converged}`,
  ].join('\n');
