/**
 * The inputs of the sync fuzzer: valid y-websocket messages of every kind (the seeds), the public
 * crashers of peer servers and of Yjs, and a seeded mutator (truncation, bit flips, huge varint
 * length prefixes, unknown types, random bytes, trailing garbage, text frames, 0xff runs).
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { encodeSync, SyncType } from '../../apps/server/src/sync/protocol';

/** mulberry32: a small seeded PRNG, so that a failing run can be replayed from its seed. */
export const prng = (seed: number): (() => number) => {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const awareness = (entries: readonly { id: number; clock: number; state: string }[]): Uint8Array => {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(inner, e.id);
    encoding.writeVarUint(inner, e.clock);
    encoding.writeVarString(inner, e.state);
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
};

/** Valid messages to mutate: what a workspace client sends, plus known crashers. */
export const seeds = (): Uint8Array[] => {
  const doc = new Y.Doc();
  const drafts = doc.getMap('drafts');
  const draft = new Y.Map<unknown>();
  drafts.set('d1', draft);
  draft.set('label', 'PP3 bis');
  const text = new Y.XmlFragment();
  draft.set('text', text);
  const para = new Y.XmlElement('paragraph');
  text.insert(0, [para]);
  para.insert(0, [new Y.XmlText('Recalling its resolution 78/213 of 22 December 2023')]);
  const full = Y.encodeStateAsUpdate(doc);
  const sv = Y.encodeStateVector(doc);
  doc.getText('t').insert(0, 'x');
  const increment = Y.encodeStateAsUpdate(doc, sv);
  (para.get(0) as Y.XmlText).delete(0, 9);
  const withDeletes = Y.encodeStateAsUpdate(doc);
  const v2 = Y.encodeStateAsUpdateV2(doc);
  return [
    encodeSync(SyncType.step1, sv),
    encodeSync(SyncType.step1, new Uint8Array([0])),
    encodeSync(SyncType.step2, full),
    encodeSync(SyncType.update, full),
    encodeSync(SyncType.update, increment),
    encodeSync(SyncType.update, withDeletes),
    // A V2 update where V1 is expected.
    encodeSync(SyncType.update, v2),
    // yjs #498: an empty update; yjs #479 / limits: absurd struct and client counts.
    encodeSync(SyncType.update, new Uint8Array([])),
    encodeSync(SyncType.update, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 0, 0])),
    encodeSync(SyncType.update, new Uint8Array([1, 0xff, 0xff, 0xff, 0xff, 0x0f, 5, 0])),
    awareness([
      { id: 12345, clock: 1, state: JSON.stringify({ user: { name: 'x' }, cursor: { anchor: 1 } }) },
    ]),
    awareness([
      { id: 1, clock: 99, state: 'null' },
      { id: 2, clock: 1, state: JSON.stringify({ user: { name: 'Co-facilitator', role: 'chair' } }) },
    ]),
    new Uint8Array([3]),
    new Uint8Array([2, 0, 4, 116, 101, 115, 116]),
    new Uint8Array([]),
  ];
};

const HUGE_VARINT = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f];

/** One mutated message (a string is sent as a text frame: y-websocket #82, #95). */
export const mutate = (rand: () => number, pool: readonly Uint8Array[]): Uint8Array | string => {
  const base = pool[Math.floor(rand() * pool.length)] as Uint8Array;
  const m = Array.from(base);
  const at = () => Math.floor(rand() * (m.length + 1));
  switch (Math.floor(rand() * 10)) {
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
    case 6: // text frame
      return rand() < 0.5 ? '!!!' : '9999999999999999999999999';
    case 7: // a run of 0xff bytes
      return new Uint8Array([
        ...m.slice(0, at()),
        ...HUGE_VARINT.slice(0, 1 + Math.floor(rand() * 9)),
        ...m.slice(at()),
      ]);
    case 8: // the seed itself, unchanged (reaches the paths behind a valid frame)
      return new Uint8Array(m);
    default: // insert a random byte
      m.splice(at(), 0, Math.floor(rand() * 256));
      return new Uint8Array(m);
  }
};
