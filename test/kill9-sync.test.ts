/**
 * kill -9 under load: real server process, stock y-websocket clients writing with acks, SIGKILL
 * at a random moment. Every acknowledged edit must be in the store when it is reopened, and after
 * a restart every replica must converge.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteDocStore } from '../apps/server/src/store/sqlite-doc-store';
import { type StockClient, stockClient, waitFor } from '../apps/server/src/sync/testing/clients';

const SCRIPT = resolve(import.meta.dirname, '../apps/server/src/sync/testing/serve-for-test.ts');
const DOC = 'p/crash/ws/p';
const WRITERS = 6;

const start = (dataDir: string, port?: number): Promise<{ child: ChildProcess; port: number }> =>
  new Promise((ok, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', SCRIPT, dataDir, ...(port ? [String(port)] : [])],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) ok({ child, port: Number(m[1]) });
    });
    child.once('exit', (code) => fail(new Error(`server exited with ${code} before listening`)));
  });

const keysOf = (doc: Y.Doc, i: number): Set<string> => new Set(doc.getMap(`w${i}`).keys());

describe('kill -9 of the sync server under load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bis-kill9-'));
  const clients: StockClient[] = [];
  let child: ChildProcess | null = null;
  afterAll(() => {
    for (const c of clients) c.destroy();
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses nothing it acknowledged, and replicas converge after restart', async () => {
    const first = await start(dir);
    child = first.child;
    const url = `ws://127.0.0.1:${first.port}/sync`;
    const latencies: number[] = [];
    let killed = false;
    const sentAt: Map<number, number>[] = [];
    for (let i = 0; i < WRITERS; i++) {
      const sent = new Map<number, number>();
      sentAt.push(sent);
      clients.push(
        stockClient(url, DOC, `w${i}`, {
          ack: true,
          onAck: (clock) => {
            const now = performance.now();
            if (killed) return;
            for (const [c, t] of sent) {
              if (c > clock) continue;
              latencies.push(now - t);
              sent.delete(c);
            }
          },
        }),
      );
    }
    await Promise.all(clients.map((c) => c.synced));

    // Each edit sets one key: one struct, so the client's clock after edit n is n + 1.
    const edits = clients.map(() => 0);
    const timers = clients.map((c, i) =>
      setInterval(() => {
        for (let k = 0; k < 2; k++) {
          const n = edits[i] as number;
          c.doc.getMap(`w${i}`).set(`k${n}`, n);
          edits[i] = n + 1;
          sentAt[i]?.set(Y.getState(c.doc.store, c.doc.clientID), performance.now());
        }
      }, 10),
    );
    const killAfter = 400 + Math.floor(Math.random() * 900);
    console.log(`kill -9 after ${killAfter} ms`);
    await new Promise((r) => setTimeout(r, killAfter));
    child.kill('SIGKILL');
    killed = true;
    const acked = clients.map((c) => c.ackedClock);
    for (const t of timers) clearInterval(t);
    await new Promise((r) => child?.once('exit', r));

    // The store alone, reopened after the crash, holds every acknowledged edit.
    const store = openSqliteDocStore(join(dir, 'docs.sqlite'));
    const stored = await store.load(DOC);
    await store.close();
    const onDisk = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(onDisk, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(onDisk, u);
    let totalAcked = 0;
    for (let i = 0; i < WRITERS; i++) {
      const ackedClock = acked[i] as number;
      const keys = keysOf(onDisk, i);
      const missing: number[] = [];
      for (let n = 0; n < ackedClock; n++) if (!keys.has(`k${n}`)) missing.push(n);
      expect(missing, `writer ${i} acked up to clock ${ackedClock}`).toEqual([]);
      totalAcked += ackedClock;
    }
    expect(totalAcked).toBeGreaterThan(0);
    const sorted = [...latencies].sort((a, b) => a - b);
    const pct = (p: number) => (sorted[Math.floor((sorted.length - 1) * p)] ?? 0).toFixed(1);
    console.log(
      `edits made ${edits.reduce((a, b) => a + b, 0)}, acknowledged ${totalAcked}; ack latency ms p50 ${pct(0.5)} p99 ${pct(0.99)} (n=${sorted.length})`,
    );

    // Restart on the same port: the clients reconnect by themselves and resend what was not saved.
    const second = await start(dir, first.port);
    child = second.child;
    const verifier = stockClient(url, DOC, 'w49');
    clients.push(verifier);
    await verifier.synced;
    const complete = (d: Y.Doc) => clients.slice(0, WRITERS).every((_, i) => keysOf(d, i).size === edits[i]);
    await waitFor(() => clients.every((c) => complete(c.doc)), 'every replica has every edit', 20_000);
    const state = Y.encodeStateVector(verifier.doc);
    for (const c of clients) expect(Y.encodeStateVector(c.doc)).toEqual(state);
    for (const c of clients) expect(c.doc.getMap('w0').toJSON()).toEqual(verifier.doc.getMap('w0').toJSON());
  }, 60_000);
});
