import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { collabValidator } from './collab-validator';
import { CloseCode, encodeSync, SyncType } from './protocol';
import { rawClient, type StockClient, stockClient, waitFor } from './testing/clients';
import { startTestSyncServer, type TestPrincipal, type TestSyncServer } from './testing/test-server';

const users: TestPrincipal[] = [
  { id: 'alice', name: 'Alice', party: 'ke', role: 'delegate' },
  { id: 'bob', name: 'Bob', party: 'ke', role: 'delegate' },
  { id: 'olga', name: 'Olga', party: 'obs', role: 'observer' },
  { id: 'mallory', name: 'Mallory', party: 'cso', role: 'delegate' },
];
const DOC = 'p/demo/ws/ke';
const RW = { read: true, write: true };
const RO = { read: true, write: false };

/** A hash of everything the store holds for a document. */
const storedHash = async (s: TestSyncServer, doc: string): Promise<string> => {
  const h = createHash('sha256');
  for (const row of await s.store.history(doc)) h.update(`${row.seq}:`).update(row.data);
  return h.digest('hex');
};

/** An update made by a doc that starts from `base` and applies `edit`, with an optional forced client id. */
const updateFrom = (base: Y.Doc, edit: (d: Y.Doc) => void, clientID?: number): Uint8Array => {
  const d = new Y.Doc();
  Y.applyUpdate(d, Y.encodeStateAsUpdate(base));
  // Set after loading: Yjs would pick a new id if a remote update touched its own.
  if (clientID !== undefined) d.clientID = clientID;
  const sv = Y.encodeStateVector(d);
  edit(d);
  const update = Y.encodeStateAsUpdate(d, sv);
  if (clientID !== undefined)
    expect(Y.parseUpdateMeta(update).to.has(clientID) || Y.parseUpdateMeta(update).to.size === 0).toBe(true);
  return update;
};

describe('sync server with stock y-websocket clients', () => {
  let dir: string;
  let server: TestSyncServer;
  const clients: StockClient[] = [];
  const connect = (token: string, opts: { ack?: boolean } = {}): StockClient => {
    const c = stockClient(server.url, DOC, token, opts);
    clients.push(c);
    return c;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bis-sync-'));
    server = await startTestSyncServer({ dataDir: dir, users, limits: { unloadDelayMs: 50 } });
    server.grant('alice', DOC, RW);
    server.grant('bob', DOC, RW);
    server.grant('olga', DOC, RO);
    server.grant('mallory', DOC, RW);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets two writers converge and a reader follow without writing', async () => {
    const a = connect('alice', { ack: true });
    const b = connect('bob');
    const o = connect('olga');
    await Promise.all([a.synced, b.synced, o.synced]);
    a.doc.getText('t').insert(0, 'Alice was here. ');
    b.doc.getText('t').insert(0, 'Bob too. ');
    const same = () =>
      a.doc.getText('t').toString() === b.doc.getText('t').toString() &&
      o.doc.getText('t').toString() === a.doc.getText('t').toString() &&
      a.doc.getText('t').length === 'Alice was here. Bob too. '.length;
    await waitFor(same, 'convergence');
    await waitFor(() => a.ackedClock === Y.getState(a.doc.store, a.doc.clientID), 'ack of alice');
    // The reader synced (its sync step 2 brought nothing) and is still connected.
    expect(o.closed).toBeNull();
    expect(o.provider.wsconnected).toBe(true);
    // The server stamped generation and schema.
    expect(typeof a.doc.getMap('meta').get('generation')).toBe('string');
    expect(a.doc.getMap('meta').get('schema')).toBe(1);
  });

  it('stamps awareness identity and ignores states for client ids the connection does not own', async () => {
    const a = connect('alice');
    const m = connect('mallory');
    await Promise.all([a.synced, m.synced]);
    m.provider.awareness.setLocalState({ user: { name: 'Co-facilitator', role: 'chair' }, cursor: 1 });
    await waitFor(() => a.provider.awareness.getStates().has(m.doc.clientID), 'mallory presence');
    expect(a.provider.awareness.getStates().get(m.doc.clientID)?.user).toEqual({
      name: 'Mallory',
      party: 'cso',
      role: 'delegate',
      color: '#333',
    });
    a.provider.awareness.setLocalState({ cursor: 2 });
    await waitFor(() => m.provider.awareness.getStates().has(a.doc.clientID), 'alice presence');
    // Mallory claims Alice's client id on a raw socket: dropped.
    const raw = rawClient(server.url, DOC, 'mallory');
    await raw.open;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, a.doc.clientID);
    encoding.writeVarUint(inner, 999);
    encoding.writeVarString(inner, JSON.stringify({ user: { name: 'Alice' }, cursor: 666 }));
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    raw.send(encoding.toUint8Array(e));
    // A later legit change from Mallory arrives; Alice's own state was never overwritten.
    m.provider.awareness.setLocalStateField('cursor', 3);
    await waitFor(() => a.provider.awareness.getStates().get(m.doc.clientID)?.cursor === 3, 'mallory cursor');
    expect(m.provider.awareness.getStates().get(a.doc.clientID)?.cursor).toBe(2);
    raw.ws.close();
  });

  it('refuses every kind of write from a reader, stores and broadcasts nothing', async () => {
    const a = connect('alice');
    const b = connect('bob');
    await Promise.all([a.synced, b.synced]);
    a.doc.getText('t').insert(0, 'Operative paragraph 1.');
    await waitFor(() => b.doc.getText('t').length === 22, 'base text');
    await waitFor(() => server.sync.hub.stats().connections === 2, 'connections');
    let bobUpdates = 0;
    b.doc.on('update', () => bobUpdates++);
    const hash = await storedHash(server, DOC);

    const attempts: [string, (base: Y.Doc) => Uint8Array, number][] = [
      ['update', (base) => updateFrom(base, (d) => d.getText('t').insert(0, 'X')), SyncType.update],
      ['sync step 2', (base) => updateFrom(base, (d) => d.getText('t').insert(0, 'Y')), SyncType.step2],
      [
        'delete-only update',
        (base) => updateFrom(base, (d) => d.getText('t').delete(0, 10)),
        SyncType.update,
      ],
      [
        'forged client id',
        (base) => updateFrom(base, (d) => d.getText('t').insert(0, 'Z'), a.doc.clientID),
        SyncType.update,
      ],
    ];
    for (const [what, make, type] of attempts) {
      const raw = rawClient(server.url, DOC, 'olga');
      await raw.open;
      const update = make(a.doc);
      if (what === 'delete-only update') expect(Y.parseUpdateMeta(update).to.size).toBe(0);
      raw.send(encodeSync(type, update));
      const closed = await raw.closed;
      expect(closed.code, what).toBe(CloseCode.forbidden);
      expect(closed.reason, what).toMatch(/read-only/);
    }
    // The stock reader editing locally is closed for good (no reconnect loop).
    const o = connect('olga');
    await o.synced;
    o.doc.getText('t').insert(0, 'observer edit');
    await waitFor(() => o.closed !== null, 'reader closed');
    expect(o.closed?.code).toBe(CloseCode.forbidden);
    expect(o.provider.shouldConnect).toBe(false);

    // A sentinel write from Alice reaches Bob, and nothing from the reader came before it.
    a.doc.getText('t').insert(22, '!');
    await waitFor(() => b.doc.getText('t').toString() === 'Operative paragraph 1.!', 'sentinel');
    expect(bobUpdates).toBe(1);
    expect(a.doc.getText('t').toString()).toBe('Operative paragraph 1.!');
    const rebuilt = new Y.Doc();
    for (const row of await server.store.history(DOC)) Y.applyUpdate(rebuilt, row.data);
    expect(rebuilt.getText('t').toString()).toBe('Operative paragraph 1.!');
    // Everything stored before the sentinel is unchanged.
    const rows = await server.store.history(DOC);
    const h = createHash('sha256');
    for (const row of rows.slice(0, -1)) h.update(`${row.seq}:`).update(row.data);
    expect(h.digest('hex')).toBe(hash);
  });

  it("refuses a writer that writes with another user's client id", async () => {
    const a = connect('alice');
    await a.synced;
    a.doc.getText('t').insert(0, 'mine');
    await waitFor(() => server.sync.hub.stats().documents === 1, 'doc loaded');
    await waitFor(
      async () => (await server.sync.hub.read(DOC, (d) => d.getText('t').toString())) === 'mine',
      'stored',
    );
    const hash = await storedHash(server, DOC);
    const raw = rawClient(server.url, DOC, 'mallory');
    await raw.open;
    raw.send(
      encodeSync(
        SyncType.update,
        updateFrom(a.doc, (d) => d.getText('t').insert(4, '!'), a.doc.clientID),
      ),
    );
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.forbidden);
    expect(closed.reason).toMatch(/belongs to another user/);
    expect(await storedHash(server, DOC)).toBe(hash);
  });

  it('takes write access away on the next message after a revocation', async () => {
    const a = connect('alice', { ack: true });
    const b = connect('bob');
    await Promise.all([a.synced, b.synced]);
    a.doc.getText('t').insert(0, 'before');
    await waitFor(() => b.doc.getText('t').toString() === 'before', 'first edit');
    await waitFor(() => a.acks > 0, 'ack');
    const hash = await storedHash(server, DOC);
    server.grant('alice', DOC, RO);
    a.doc.getText('t').insert(0, 'after ');
    await waitFor(() => a.closed !== null, 'alice closed');
    expect(a.closed?.code).toBe(CloseCode.forbidden);
    expect(b.doc.getText('t').toString()).toBe('before');
    expect(await storedHash(server, DOC)).toBe(hash);
    // Removing read access too closes the next connection at once.
    server.grant('alice', DOC, { read: false, write: false });
    const raw = rawClient(server.url, DOC, 'alice');
    expect((await raw.closed).code).toBe(CloseCode.forbidden);
  });

  it('refuses updates that do not fit the scope schema, and unauthenticated or foreign-origin clients', async () => {
    await server.stop();
    server = await startTestSyncServer({
      dataDir: dir,
      users,
      validate: collabValidator,
      allowedOrigins: ['https://bis.example'],
    });
    server.grant('alice', DOC, RW);
    const raw = rawClient(server.url, DOC, 'alice');
    await raw.open;
    const bad = new Y.Doc();
    bad.getMap('evil').set('x', 1);
    raw.send(encodeSync(SyncType.update, Y.encodeStateAsUpdate(bad)));
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.invalidUpdate);
    expect(await server.store.history(DOC)).toHaveLength(1); // only the server's meta

    const anon = rawClient(server.url, DOC, null);
    expect((await anon.closed).code).toBe(CloseCode.unauthenticated);
    const badName = rawClient(server.url, '..%2F..%2Fetc', 'alice');
    expect((await badName.closed).code).toBe(CloseCode.notFound);
    const foreign = rawClient(server.url, DOC, 'alice', { Origin: 'https://evil.example' });
    await expect(foreign.open).rejects.toThrow(/403/);
    const good = rawClient(server.url, DOC, 'alice', { Origin: 'https://bis.example' });
    await good.open;
    good.ws.close();
  });

  it('unloads a document once its last client leaves and reloads it from the store', async () => {
    const a = connect('alice', { ack: true });
    await a.synced;
    a.doc.getText('t').insert(0, 'kept');
    await waitFor(() => a.acks > 0, 'ack');
    a.destroy();
    clients.splice(0);
    await waitFor(() => server.sync.hub.stats().documents === 0, 'unload');
    const b = connect('bob');
    await b.synced;
    expect(b.doc.getText('t').toString()).toBe('kept');
  });

  it('tells a client holding another generation to reset (4409), and accepts the current one', async () => {
    const a = connect('alice');
    await a.synced;
    const generation = a.doc.getMap('meta').get('generation') as string;
    const stale = rawClient(server.url, DOC, 'alice&gen=old-generation');
    expect((await stale.closed).code).toBe(CloseCode.generationMismatch);
    const current = rawClient(server.url, DOC, `alice&gen=${generation}&schema=1`);
    await current.open;
    await waitFor(() => current.received.length > 0, 'server step 1');
    current.ws.close();
    const otherSchema = rawClient(server.url, DOC, 'alice&schema=99');
    expect((await otherSchema.closed).code).toBe(CloseCode.schemaMismatch);
  });

  it('writes from the server side are stored, then sent to clients', async () => {
    const a = connect('alice');
    await a.synced;
    const seq = await server.sync.hub.transact(DOC, (doc) => doc.getText('t').insert(0, 'from server'), null);
    expect(seq).toBeGreaterThan(0);
    await waitFor(() => a.doc.getText('t').toString() === 'from server', 'server write');
    expect(await server.sync.hub.read(DOC, (doc) => doc.getText('t').toString())).toBe('from server');
  });
});
