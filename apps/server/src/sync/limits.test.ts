import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAwarenessEntries } from './awareness-stamp';
import type { SyncLimits } from './options';
import { CloseCode, encodeAwareness, encodeSync, SyncType } from './protocol';
import { rawClient, stockClient, waitFor } from './testing/clients';
import { startTestSyncServer, type TestSyncServer } from './testing/test-server';

const DOC = 'p/lim/ws/a';
const users = [
  { id: 'a', name: 'A', party: 'a', role: 'delegate' },
  { id: 'b', name: 'B', party: 'a', role: 'delegate' },
];

describe('sync limits, each answered with its close code', () => {
  let dir: string;
  let server: TestSyncServer;
  const start = async (limits: Partial<SyncLimits>) => {
    server = await startTestSyncServer({
      dataDir: dir,
      users,
      defaultAccess: { read: true, write: true },
      limits,
    });
    return server;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bis-limits-'));
  });
  afterEach(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('closes a connection that sends a message over maxMessageBytes with 4413', async () => {
    const s = await start({ maxMessageBytes: 1000 });
    const raw = rawClient(s.url, DOC, 'a');
    await raw.open;
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x'.repeat(2000));
    raw.send(encodeSync(SyncType.update, Y.encodeStateAsUpdate(doc)));
    expect((await raw.closed).code).toBe(CloseCode.tooLarge);
    // The close can come before the document finished loading (the store writes in a worker):
    // a client that synced proves the load, and with it the server's meta update, is committed.
    const reader = stockClient(s.url, DOC, 'b');
    await reader.synced;
    reader.destroy();
    expect(await s.store.history(DOC)).toHaveLength(1); // the server's meta only
  });

  it('limits the presence a client sends for itself, not the presence of others it echoes', async () => {
    const s = await start({ maxAwarenessBytes: 2000 });
    // The stock client echoes the server's aggregated presence: many states, none its own.
    const echo = encodeAwarenessEntries(
      Array.from({ length: 200 }, (_, i) => ({
        clientId: 1000 + i,
        clock: 1,
        state: { user: { name: `u${i}` } },
      })),
    );
    const echoing = rawClient(s.url, DOC, 'a');
    await echoing.open;
    echoing.send(encodeAwareness(echo));
    const big = rawClient(s.url, DOC, 'a');
    await big.open;
    big.send(
      encodeAwareness(
        encodeAwarenessEntries([{ clientId: 42, clock: 1, state: { note: 'x'.repeat(3000) } }]),
      ),
    );
    expect((await big.closed).code).toBe(CloseCode.tooLarge);
    expect(echoing.ws.readyState).toBe(echoing.ws.OPEN);
  });

  it('refuses an update that would grow the document past maxDocBytes with 4413', async () => {
    const s = await start({ maxDocBytes: 5000 });
    const c = stockClient(s.url, DOC, 'a');
    await c.synced;
    c.doc.getText('t').insert(0, 'y'.repeat(6000));
    await waitFor(() => c.closed !== null, 'closed');
    expect(c.closed?.code).toBe(CloseCode.tooLarge);
    expect(await s.sync.hub.read(DOC, (d) => d.getText('t').length)).toBe(0);
    c.destroy();
  });

  it('closes a connection that exceeds the message rate with 4529 (transient)', async () => {
    const s = await start({ messagesPerSecond: 1, messageBurst: 20 });
    const raw = rawClient(s.url, DOC, 'a');
    await raw.open;
    for (let i = 0; i < 40; i++) raw.send(new Uint8Array([3]));
    expect((await raw.closed).code).toBe(CloseCode.rateLimited);
  });

  it('drops a client that stops reading once its send buffer is over the cap (4508)', async () => {
    const s = await start({ maxBufferedBytes: 256 * 1024 });
    const raw = rawClient(s.url, DOC, 'b');
    await raw.open;
    await waitFor(() => raw.received.length > 0, 'first server message');
    raw.ws.pause();
    // Stop the kernel from draining our side too, so the server's buffer fills.
    let closed = false;
    void raw.closed.then(() => {
      closed = true;
    });
    const chunk = 'z'.repeat(256 * 1024);
    for (let i = 0; i < 200 && s.sync.hub.stats().connections > 0; i++) {
      await s.sync.hub.transact(DOC, (d) => d.getText('t').insert(0, chunk));
      await new Promise((r) => setImmediate(r));
    }
    expect(s.sync.hub.stats().connections).toBe(0);
    raw.ws.resume();
    await waitFor(() => closed, 'close seen by the client');
    expect((await raw.closed).code).toBe(CloseCode.slowConsumer);
  }, 60_000);
});
