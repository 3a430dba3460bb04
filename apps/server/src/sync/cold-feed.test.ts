// First sync from storage (cold-feed.ts): a fresh client opening a document that is not loaded
// gets the stored bytes before the server has loaded it, and is not sent the document twice;
// returning clients, other generations and readers without access are never fed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isFreshStep1, MAX_FED_LOG } from './cold-feed';
import { CloseCode, encodeSync, MessageType, SyncType } from './protocol';
import { rawClient, stockClient, waitFor } from './testing/clients';
import { startTestSyncServer, type TestSyncServer } from './testing/test-server';

const DOC = 'p/demo/ws/cold';
const users = [
  { id: 'alice', name: 'Alice', party: 'ke', role: 'delegate' },
  { id: 'olga', name: 'Olga', party: 'obs', role: 'observer' },
];

/** Sync sub-type and payload of each sync message in `received`, in order. */
const syncMessages = (received: Uint8Array[]) =>
  received.flatMap((m) => {
    const d = decoding.createDecoder(m);
    if (decoding.readVarUint(d) !== MessageType.sync) return [];
    return [{ type: decoding.readVarUint(d), payload: decoding.readVarUint8Array(d) }];
  });

const FRESH_STEP1 = encodeSync(SyncType.step1, Y.encodeStateVector(new Y.Doc()));

describe('first sync from storage for fresh clients on a cold document', () => {
  let dir: string;
  let server: TestSyncServer;
  const content = new Y.Doc();
  content.getText('t').insert(0, 'Stored text. '.repeat(2000));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bis-cold-'));
    server = await startTestSyncServer({ dataDir: dir, users, limits: { unloadDelayMs: 50 } });
    server.grant('alice', DOC, { read: true, write: true });
    await server.store.append(DOC, Y.encodeStateAsUpdate(content), { principal: 'alice' });
    await server.store.compact(DOC);
    const extra = new Y.Doc();
    Y.applyUpdate(extra, Y.encodeStateAsUpdate(content));
    const sv = Y.encodeStateVector(extra);
    extra.getText('t').insert(0, 'Logged. ');
    await server.store.append(DOC, Y.encodeStateAsUpdate(extra, sv), { principal: 'alice' });
  });
  afterEach(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('recognises only a step 1 with an empty state vector as fresh', () => {
    expect(isFreshStep1(FRESH_STEP1)).toBe(true);
    expect(isFreshStep1(encodeSync(SyncType.step1, Y.encodeStateVector(content)))).toBe(false);
    expect(isFreshStep1(encodeSync(SyncType.step2, Y.encodeStateVector(new Y.Doc())))).toBe(false);
    expect(isFreshStep1(new Uint8Array([0, 0, 5]))).toBe(false);
    expect(MAX_FED_LOG).toBeGreaterThan(0);
  });

  it('sends the snapshot and log before its own step 1, then only what is missing', async () => {
    const stored = await server.store.load(DOC);
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates.length).toBe(1);
    const c = rawClient(server.url, DOC, 'alice');
    await c.open;
    c.send(FRESH_STEP1);
    // The server's step 1 comes after the load; the answer to ours after that.
    await waitFor(
      () => syncMessages(c.received).filter((m) => m.type === SyncType.step2).length >= 2,
      'answers',
    );
    const msgs = syncMessages(c.received);
    expect(msgs[0]?.type).toBe(SyncType.step2);
    expect(msgs[1]?.type).toBe(SyncType.update);
    expect(msgs.findIndex((m) => m.type === SyncType.step1)).toBeGreaterThan(1);
    const doc = new Y.Doc();
    for (const m of msgs) if (m.type !== SyncType.step1) Y.applyUpdate(doc, m.payload);
    expect(doc.getText('t').toString()).toBe(`Logged. ${'Stored text. '.repeat(2000)}`);
    // The document was sent once, not twice.
    const total = msgs.reduce((n, m) => n + m.payload.byteLength, 0);
    expect(total).toBeLessThan(stored.bytes * 1.5);
    c.ws.close();
  });

  it('lets a fed stock client write and converge with a second client', async () => {
    const a = stockClient(server.url, DOC, 'alice');
    await a.synced;
    await waitFor(() => a.doc.getText('t').toString().startsWith('Logged. Stored'), 'fed content');
    const b = stockClient(server.url, DOC, 'alice');
    await b.synced;
    a.doc.getText('t').insert(0, 'A. ');
    await waitFor(() => b.doc.getText('t').toString().startsWith('A. Logged.'), 'convergence');
    expect(b.doc.getText('t').toString()).toBe(a.doc.getText('t').toString());
    a.destroy();
    b.destroy();
  });

  it('does not feed a returning client, another generation, or a reader without access', async () => {
    const returning = rawClient(server.url, DOC, 'alice');
    await returning.open;
    returning.send(encodeSync(SyncType.step1, Y.encodeStateVector(content)));
    await waitFor(() => syncMessages(returning.received).length >= 2, 'answers');
    expect(syncMessages(returning.received)[0]?.type).toBe(SyncType.step1);
    returning.ws.close();
    await waitFor(() => server.sync.hub.stats().documents === 0, 'unload');

    const stale = rawClient(server.url, DOC, 'alice&gen=another');
    await stale.open;
    stale.send(FRESH_STEP1);
    expect((await stale.closed).code).toBe(CloseCode.generationMismatch);
    expect(syncMessages(stale.received)).toEqual([]);

    const outsider = rawClient(server.url, DOC, 'olga');
    await outsider.open.catch(() => {});
    outsider.send(FRESH_STEP1);
    expect((await outsider.closed).code).toBe(CloseCode.forbidden);
    expect(syncMessages(outsider.received)).toEqual([]);
  });
});
