/**
 * Load attacks on the sync endpoint, each answered cheaply or with a clear close code: repeated
 * sync requests (amplification), too many connections per user and per address, a user writing
 * through many connections at once. Real server on port 0, real SQLite, raw WebSocket clients.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SyncLimits } from './options';
import { CloseCode, encodeSync, SyncType } from './protocol';
import { type RawClient, rawClient, waitFor } from './testing/clients';
import { startTestSyncServer, type TestSyncServer } from './testing/test-server';

const DOC = 'p/load/compilation';
const users = ['alice', 'bob', 'carol', 'olga'].map((id) => ({ id, name: id, party: 'p', role: 'delegate' }));

const bytesOf = (c: RawClient): number => c.received.reduce((n, m) => n + m.byteLength, 0);

/** A sync step 1 with an empty state vector: "send me everything" (4 bytes). */
const FULL_REQUEST = encodeSync(SyncType.step1, new Uint8Array([0]));

describe('load attacks', () => {
  let dir: string;
  let server: TestSyncServer;
  const open: RawClient[] = [];
  const start = async (limits: Partial<SyncLimits> = {}) => {
    server = await startTestSyncServer({
      dataDir: dir,
      users,
      defaultAccess: { read: true, write: false },
      limits,
    });
    server.grant('alice', DOC, { read: true, write: true });
    // A document of about 80 kB: the paragraphs of a long negotiation text.
    await server.sync.hub.transact(DOC, (d) => {
      const t = d.getText('t');
      for (let i = 0; i < 1000; i++)
        t.insert(
          t.length,
          `${i + 1}. Encourages open access to standards and to the processes that make them. `,
        );
    });
  };
  const client = (token: string): RawClient => {
    const c = rawClient(server.url, DOC, token);
    open.push(c);
    return c;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bis-load-'));
  });
  afterEach(async () => {
    for (const c of open.splice(0)) c.ws.terminate();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers repeated sync requests of a reader with a few bytes, not the document', async () => {
    await start();
    const reader = client('olga');
    await reader.open;
    reader.send(FULL_REQUEST);
    await waitFor(() => bytesOf(reader) > 50_000, 'the first full answer');
    await new Promise((r) => setTimeout(r, 100));
    const first = bytesOf(reader);
    const before = reader.received.length;
    for (let i = 0; i < 100; i++) reader.send(FULL_REQUEST);
    await waitFor(() => reader.received.length >= before + 100, '100 answers');
    const repeated = bytesOf(reader) - first;
    console.log(`first answer ${first} bytes; 100 repeated requests answered with ${repeated} bytes`);
    expect(repeated).toBeLessThan(100 * 16);
    // The current state vector (nothing moved) is answered the same way.
    const sv = Y.encodeStateVector(await server.sync.hub.read(DOC, (d) => d));
    reader.send(encodeSync(SyncType.step1, sv));
    await waitFor(() => reader.received.length >= before + 101, 'answer');
    expect(bytesOf(reader) - first - repeated).toBeLessThan(16);
    expect(reader.ws.readyState).toBe(reader.ws.OPEN);
  });

  it('budgets a state vector that keeps going backwards, and closes the connection (4529)', async () => {
    await start({ answerBurstBytes: 1024 * 1024, answerBytesPerSecond: 1024 });
    const reader = client('olga');
    await reader.open;
    const other = new Y.Doc();
    other.getText('x').insert(0, 'x');
    const svs = [new Uint8Array([0]), Y.encodeStateVector(other)];
    let isClosed = false;
    void reader.closed.then(() => {
      isClosed = true;
    });
    await waitFor(() => reader.received.length > 0, 'joined');
    // One request at a time, each state vector other than the one before: every answer is
    // the difference again (pipelined, a request equal to the last one answered gets 5 bytes).
    for (let i = 0; i < 40 && !isClosed; i++) {
      const seen = reader.received.length;
      reader.send(encodeSync(SyncType.step1, svs[i % 2] as Uint8Array));
      await waitFor(() => isClosed || reader.received.length > seen, 'an answer');
    }
    const closed = await reader.closed;
    expect(closed.code).toBe(CloseCode.rateLimited);
    expect(closed.reason).toMatch(/too much data requested/);
    // About the burst, not 40 documents.
    expect(bytesOf(reader)).toBeLessThan(2 * 1024 * 1024);
    // Forty request/answer round trips in sequence: on a loaded 2-core machine that alone passed
    // the default 5 s. The limit checked here is bytes and the close code, not time.
  }, 30_000);

  it('caps connections per user (4530), and lets a new one in when another closes', async () => {
    await start({ maxConnectionsPerUser: 3 });
    const first = [client('bob'), client('bob'), client('bob')];
    await Promise.all(first.map((c) => c.open));
    await waitFor(() => first.every((c) => c.received.length > 0), 'three joined');
    const fourth = client('bob');
    const closed = await fourth.closed;
    expect(closed.code).toBe(CloseCode.tooManyConnections);
    expect(closed.reason).toMatch(/too many connections for your account \(at most 3\)/);
    // Another user is not affected.
    const carol = client('carol');
    await waitFor(() => carol.received.length > 0, 'carol joined');
    first[0]?.ws.close();
    await first[0]?.closed;
    const again = client('bob');
    await waitFor(() => again.received.length > 0, 'bob joined again');
    expect(again.ws.readyState).toBe(again.ws.OPEN);
  });

  it('caps connections per address, signed in or not (4530)', async () => {
    await start({ maxConnectionsPerAddress: 4 });
    const four = [client('bob'), client('carol'), client('olga'), client('alice')];
    await Promise.all(four.map((c) => c.open));
    await waitFor(() => four.every((c) => c.received.length > 0), 'four joined');
    const fifth = client('bob');
    const closed = await fifth.closed;
    expect(closed.code).toBe(CloseCode.tooManyConnections);
    expect(closed.reason).toMatch(/too many connections from your address \(at most 4\)/);
  });

  it('limits the messages of one user over all their connections, not only per connection (4529)', async () => {
    await start({
      messagesPerSecond: 1000,
      messageBurst: 1000,
      userMessagesPerSecond: 20,
      userMessageBurst: 40,
    });
    const conns = Array.from({ length: 5 }, () => client('bob'));
    await Promise.all(conns.map((c) => c.open));
    await waitFor(() => conns.every((c) => c.received.length > 0), 'joined');
    const codes: { code: number; reason: string }[] = [];
    for (const c of conns) void c.closed.then((e) => codes.push(e));
    // 5 × 12 = 60 presence queries: each connection stays far under its own limit.
    for (let i = 0; i < 12; i++) for (const c of conns) c.send(new Uint8Array([3]));
    await waitFor(() => codes.length > 0, 'a connection closed');
    expect(codes[0]?.code).toBe(CloseCode.rateLimited);
    expect(codes[0]?.reason).toMatch(/too many messages from your account/);
    // Another user still gets through.
    const carol = client('carol');
    await waitFor(() => carol.received.length > 0, 'carol joined');
    carol.send(new Uint8Array([3]));
    await new Promise((r) => setTimeout(r, 100));
    expect(carol.ws.readyState).toBe(carol.ws.OPEN);
  });
});
