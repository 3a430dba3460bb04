/**
 * Nothing acknowledged is lost and nothing uncommitted is served: a server write that throws
 * midway, a teammate writing under a member's client id while the member edits offline, an
 * update the server could not store whole. Real server on port 0, real SQLite, stock clients.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, encodeSync, MessageType, SyncType } from './protocol';
import { rawClient, type StockClient, stockClient, waitFor } from './testing/clients';
import { startTestSyncServer, type TestSyncServer } from './testing/test-server';

const DOC = 'p/loss/ws/ke';
const users = [
  { id: 'alice', name: 'Alice', party: 'ke', role: 'delegate' },
  { id: 'bob', name: 'Bob', party: 'ke', role: 'delegate' },
];

/** Everything the store holds for the document, rebuilt into a fresh Y.Doc. */
const stored = async (s: TestSyncServer): Promise<Y.Doc> => {
  const doc = new Y.Doc();
  for (const row of await s.store.history(DOC)) Y.applyUpdate(doc, row.data);
  return doc;
};

describe('durability of what the server says and serves', () => {
  let dir: string;
  let server: TestSyncServer;
  const clients: StockClient[] = [];
  const connect = (token: string, ack = false): StockClient => {
    const c = stockClient(server.url, DOC, token, { ack });
    clients.push(c);
    return c;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bis-loss-'));
    server = await startTestSyncServer({
      dataDir: dir,
      users,
      defaultAccess: { read: true, write: true },
      limits: { unloadDelayMs: 50 },
    });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves nothing of a server write that threw midway, to joiners or readers', async () => {
    const a = connect('alice');
    await a.synced;
    await server.sync.hub.transact(DOC, (d) => d.getText('t').insert(0, 'Committed. '));
    await waitFor(() => a.doc.getText('t').toString() === 'Committed. ', 'first write');
    await expect(
      server.sync.hub.transact(DOC, (d) => {
        d.getText('t').insert(11, 'Half of a write');
        throw new Error('the command failed midway');
      }),
    ).rejects.toThrow(/midway/);
    const joiner = connect('bob');
    await joiner.synced;
    expect(joiner.doc.getText('t').toString()).toBe('Committed. ');
    expect(await server.sync.hub.read(DOC, (d) => d.getText('t').toString())).toBe('Committed. ');
    expect((await stored(server)).getText('t').toString()).toBe('Committed. ');
    // The clients that were connected come back (transient close) and keep working.
    await waitFor(() => a.provider.wsconnected && a.provider.synced, 'alice reconnected');
    expect(a.doc.getText('t').toString()).toBe('Committed. ');
    await server.sync.hub.transact(DOC, (d) => d.getText('t').insert(11, 'Next.'));
    await waitFor(
      () =>
        a.doc.getText('t').toString() === 'Committed. Next.' &&
        joiner.doc.getText('t').toString() === 'Committed. Next.',
      'write after the failure',
    );
  });

  it("keeps a member's offline edit when a teammate writes under the member's client id", async () => {
    const a = connect('alice', true);
    const b = connect('bob');
    await Promise.all([a.synced, b.synced]);
    const alicesId = a.doc.clientID;
    a.provider.awareness.setLocalStateField('cursor', { anchor: 0 });
    // Bob learns Alice's client id from her presence, before she has written anything.
    await waitFor(() => b.provider.awareness.getStates().has(alicesId), "alice's presence");
    a.provider.disconnect();
    await waitFor(() => server.sync.hub.stats().connections === 1, 'alice offline');
    a.doc.getText('t').insert(0, 'Alice drafted this offline.');
    // Bob writes under Alice's client id from a raw socket.
    const forger = new Y.Doc();
    forger.clientID = alicesId;
    forger.getText('t').insert(0, 'Bob wrote this as Alice.');
    const raw = rawClient(server.url, DOC, 'bob');
    await raw.open;
    raw.send(encodeSync(SyncType.update, Y.encodeStateAsUpdate(forger)));
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.forbidden);
    expect(closed.reason).toMatch(/belongs to another user/);
    // Alice comes back: her edit is stored, acknowledged, and reaches Bob.
    a.provider.connect();
    await waitFor(() => a.ackedClock === Y.getState(a.doc.store, alicesId), "ack of alice's edit");
    await waitFor(() => b.doc.getText('t').toString() === 'Alice drafted this offline.', 'bob sees it');
    expect((await stored(server)).getText('t').toString()).toBe('Alice drafted this offline.');
  });

  it('does not acknowledge an update it could not store whole, and asks for the rest', async () => {
    const raw = rawClient(server.url, DOC, 'alice&ack=1');
    await raw.open;
    const d = new Y.Doc();
    d.clientID = 4242;
    const updates: Uint8Array[] = [];
    d.on('update', (u: Uint8Array) => updates.push(u));
    d.getText('t').insert(0, 'first ');
    d.getText('t').insert(6, 'second');
    await waitFor(() => raw.received.length >= 1, 'server step 1');
    const seen = raw.received.length;
    // The second update depends on the first, which the server has not seen.
    raw.send(encodeSync(SyncType.update, updates[1] as Uint8Array));
    await waitFor(() => raw.received.length > seen, 'an answer');
    await new Promise((r) => setTimeout(r, 200));
    const kinds = raw.received.slice(seen).map((m) => {
      const dec = decoding.createDecoder(m);
      const type = decoding.readVarUint(dec);
      return type === MessageType.sync ? `sync${decoding.readVarUint(dec)}` : `type${type}`;
    });
    expect(kinds).not.toContain(`type${MessageType.ack}`);
    expect(kinds).toContain(`sync${SyncType.step1}`);
    // With its dependency, it is stored and acknowledged.
    raw.send(encodeSync(SyncType.update, Y.mergeUpdates(updates)));
    await waitFor(() => raw.received.some((m) => m[0] === MessageType.ack), 'ack of the complete update');
    expect((await stored(server)).getText('t').toString()).toBe('first second');
    raw.ws.close();
  });
});
