/**
 * Fuzzing the sync endpoint: thousands of malformed and mutated y-websocket messages (truncated,
 * bit-flipped, huge varint length prefixes, unknown types, text frames, trailing garbage) from
 * raw clients. The server must stay up and answer, and stock clients must still sync.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { collabValidator } from '../apps/server/src/sync/collab-validator';
import { encodeSync, SyncType } from '../apps/server/src/sync/protocol';
import { rawClient, stockClient, waitFor } from '../apps/server/src/sync/testing/clients';
import { startTestSyncServer, type TestSyncServer } from '../apps/server/src/sync/testing/test-server';

/** mulberry32: a small seeded PRNG, so a failing run can be replayed from its seed. */
const prng = (seed: number) => () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const DOC = 'p/fuzz/ws/a';
const users = [
  { id: 'f', name: 'Fuzzer', party: 'a', role: 'delegate' },
  { id: 'a', name: 'A', party: 'a', role: 'delegate' },
  { id: 'b', name: 'B', party: 'a', role: 'delegate' },
];

/** Valid messages to mutate. */
const seeds = (): Uint8Array[] => {
  const doc = new Y.Doc();
  const drafts = doc.getMap('drafts');
  const draft = new Y.Map<unknown>();
  drafts.set('d1', draft);
  draft.set('label', 'PP3 bis');
  const text = new Y.XmlFragment();
  draft.set('text', text);
  const para = new Y.XmlElement('paragraph');
  text.insert(0, [para]);
  para.insert(0, [new Y.XmlText('Recalling its resolution 78/213')]);
  const full = Y.encodeStateAsUpdate(doc);
  const sv = Y.encodeStateVector(doc);
  doc.getText('t').insert(0, 'x');
  const awareness = encoding.createEncoder();
  encoding.writeVarUint(awareness, 1);
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, 12345);
  encoding.writeVarUint(inner, 1);
  encoding.writeVarString(inner, JSON.stringify({ user: { name: 'x' }, cursor: { anchor: 1 } }));
  encoding.writeVarUint8Array(awareness, encoding.toUint8Array(inner));
  return [
    encodeSync(SyncType.step1, sv),
    encodeSync(SyncType.step1, new Uint8Array([0])),
    encodeSync(SyncType.step2, full),
    encodeSync(SyncType.update, full),
    encodeSync(SyncType.update, Y.encodeStateAsUpdate(doc, sv)),
    encoding.toUint8Array(awareness),
    new Uint8Array([3]),
    new Uint8Array([2, 0, 4, 116, 101, 115, 116]),
    new Uint8Array([]),
  ];
};

const HUGE_VARINT = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f];

/** One mutated message (or a text frame). */
const mutate = (rand: () => number, pool: readonly Uint8Array[]): Uint8Array | string => {
  const base = pool[Math.floor(rand() * pool.length)] as Uint8Array;
  const m = Array.from(base);
  const kind = Math.floor(rand() * 9);
  const at = () => Math.floor(rand() * (m.length + 1));
  switch (kind) {
    case 0: // truncate
      return new Uint8Array(m.slice(0, at()));
    case 1: // flip bits
      for (let i = 0, n = 1 + Math.floor(rand() * 8); i < n && m.length > 0; i++) {
        const j = Math.floor(rand() * m.length);
        m[j] = (m[j] ?? 0) ^ (1 << Math.floor(rand() * 8));
      }
      return new Uint8Array(m);
    case 2: // huge varint length prefix after the type bytes
      return new Uint8Array([...m.slice(0, Math.min(2, m.length)), ...HUGE_VARINT, ...m.slice(2)]);
    case 3: // unknown message type
      return new Uint8Array([4 + Math.floor(rand() * 250), ...m.slice(1)]);
    case 4: // random bytes
      return new Uint8Array(Array.from({ length: Math.floor(rand() * 64) }, () => Math.floor(rand() * 256)));
    case 5: // trailing garbage
      return new Uint8Array([
        ...m,
        ...Array.from({ length: 1 + Math.floor(rand() * 16) }, () => Math.floor(rand() * 256)),
      ]);
    case 6: // text frame (y-websocket #82, #95)
      return rand() < 0.5 ? '!!!' : '9999999999999999999999999';
    case 7: // overwrite a byte with 0xff runs
      return new Uint8Array([
        ...m.slice(0, at()),
        ...HUGE_VARINT.slice(0, 1 + Math.floor(rand() * 9)),
        ...m.slice(at()),
      ]);
    default: // insert a random byte
      m.splice(at(), 0, Math.floor(rand() * 256));
      return new Uint8Array(m);
  }
};

describe('fuzzing the sync endpoint', () => {
  let dir: string;
  let server: TestSyncServer | null = null;
  afterEach(async () => {
    await server?.stop();
    server = null;
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [label, validate] of [
    ['with the collab validator', collabValidator],
    ['with no validator (raw Yjs apply)', null],
  ] as const) {
    it(`survives thousands of mutated messages ${label}, and stock clients still sync`, async () => {
      dir = mkdtempSync(join(tmpdir(), 'bis-fuzz-'));
      const s = await startTestSyncServer({
        dataDir: dir,
        users,
        defaultAccess: { read: true, write: true },
        validate,
        limits: { messagesPerSecond: 100_000, messageBurst: 100_000 },
      });
      server = s;
      const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
      console.log(`fuzz seed ${seed} (${label})`);
      const rand = prng(seed);
      const pool = seeds();
      const TOTAL = 1500;
      let sent = 0;
      let connections = 0;
      let survived = 0;
      const codes = new Map<number, number>();
      const worker = async () => {
        while (sent < TOTAL) {
          const raw = rawClient(s.url, DOC, 'f');
          connections++;
          await raw.open;
          let open = true;
          void raw.closed.then(({ code }) => {
            open = false;
            codes.set(code, (codes.get(code) ?? 0) + 1);
          });
          // One message at a time: wait until the server closes the socket or a moment passes,
          // so that each message is really processed (a closed connection's later messages are not).
          while (sent < TOTAL && open) {
            raw.send(mutate(rand, pool));
            sent++;
            await Promise.race([raw.closed, new Promise((r) => setTimeout(r, 15))]);
            if (open) survived++;
          }
          raw.ws.close();
          await raw.closed;
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      console.log(
        `sent ${sent} messages on ${connections} connections (${survived} left the connection open); close codes ${JSON.stringify([...codes])}`,
      );
      expect(sent).toBeGreaterThanOrEqual(TOTAL);

      // The server is alive, and two stock clients still converge.
      const a = stockClient(s.url, DOC, 'a');
      const b = stockClient(s.url, DOC, 'b');
      try {
        await Promise.all([a.synced, b.synced]);
        const draft = (label: string) => {
          const m = new Y.Map<unknown>();
          m.set('label', label);
          return m;
        };
        a.doc.getMap('drafts').set('after-fuzz', draft('a'));
        b.doc.getMap('drafts').set('after-fuzz-b', draft('b'));
        await waitFor(
          () => a.doc.getMap('drafts').has('after-fuzz-b') && b.doc.getMap('drafts').has('after-fuzz'),
          'convergence after fuzzing',
        );
        expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
      } finally {
        a.destroy();
        b.destroy();
      }
    }, 120_000);
  }
});
