// Structurally valid but hostile updates: well-formed v1 bytes whose references (origins,
// parents, keys) point anywhere. validateUpdate must never throw, and whatever it accepts
// against a document must apply to that document without throwing and still project.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rng, sampleDocument } from './builders.test-util';
import { initMeta, readDocument, validateUpdate, writeDocument } from './index';

// A minimal v1 update writer (lib0's varUint and varString).
class Writer {
  readonly bytes: number[] = [];
  u(n: number): this {
    let v = n;
    while (v > 127) {
      this.bytes.push((v & 127) | 128);
      v = Math.floor(v / 128);
    }
    this.bytes.push(v);
    return this;
  }
  s(str: string): this {
    const e = new TextEncoder().encode(str);
    this.u(e.length);
    this.bytes.push(...e);
    return this;
  }
  b(x: number): this {
    this.bytes.push(x);
    return this;
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

type Id = [number, number];

describe('validateUpdate on hostile but well-formed updates', () => {
  it('refuses origin and parent cycles across clients', () => {
    // Client 1's item after client 2's, and client 2's after client 1's.
    const cycle = new Writer().u(2);
    cycle.u(1).u(1).u(0).b(0x84).u(2).u(0).s('a');
    cycle.u(1).u(2).u(0).b(0x84).u(1).u(0).s('b');
    const r = validateUpdate('next', cycle.u(0).done());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/cycle/);
    // Two elements, each the parent of the other (parent info 0 = parent by id).
    const parents = new Writer().u(2);
    parents.u(1).u(1).u(0).b(0x07).u(0).u(2).u(0).u(3).s('body');
    parents.u(1).u(2).u(0).b(0x07).u(0).u(1).u(0).u(3).s('body');
    const p = validateUpdate('next', parents.u(0).done());
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.reason).toMatch(/cycle/);
  });

  it('refuses, with the document, a parent that is not a type', () => {
    const base = new Y.Doc();
    base.clientID = 7;
    base.getMap('meta').set('title', 'x'); // item 7:0 holds a string, not a type
    const w = new Writer().u(1).u(1).u(9).u(0).b(0x04).u(0).u(7).u(0).s('text');
    const r = validateUpdate('next', w.u(0).done(), {}, base);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/not a type/);
  });

  it('never throws, and what it accepts applies (seeded random references)', () => {
    const seed = Number(process.env.BIS_SEED ?? 4242);
    const { int, pick } = rng(seed);

    const base = new Y.Doc();
    base.clientID = 1;
    initMeta(base, { generation: 'g' });
    writeDocument(base, sampleDocument());
    const baseUpdate = Y.encodeStateAsUpdate(base);
    const pool: Id[] = [];
    for (const [client, structs] of base.store.clients) {
      for (const st of structs) pool.push([client, st.id.clock + int(st.length)]);
    }
    let accepted = 0;
    const n = Number(process.env.BIS_FUZZ_N ?? 1500);
    for (let i = 0; i < n; i++) {
      const own: Id[] = [];
      const w = new Writer();
      const clients = 1 + int(2);
      w.u(clients);
      for (let c = 0; c < clients; c++) {
        const client = 100 + c;
        const count = 1 + int(4);
        w.u(count).u(client).u(0);
        let clock = 0;
        for (let k = 0; k < count; k++) {
          const ref = (): Id => (own.length > 0 && int(2) === 0 ? pick(own) : pick(pool));
          const origin = int(3) === 0 ? ref() : null;
          const right = int(4) === 0 ? ref() : null;
          const content = int(7);
          const refNo = [4, 8, 7, 7, 6, 1, 7][content] as number;
          let info = refNo | (origin ? 0x80 : 0) | (right ? 0x40 : 0);
          const sub =
            !origin && !right && int(2) === 0 ? pick(['id', 'label', 'title', 'mark', 'schema']) : null;
          if (sub !== null) info |= 0x20;
          w.b(info);
          if (origin) w.u(origin[0]).u(origin[1]);
          if (right) w.u(right[0]).u(right[1]);
          if (!origin && !right) {
            if (int(2) === 0) w.u(1).s(pick(['meta', 'text', 'text', 'evil']));
            else {
              const [pc, pk] = ref();
              w.u(0).u(pc).u(pk);
            }
            if (sub !== null) w.s(sub);
          }
          let len = 1;
          switch (content) {
            case 0:
              w.s('ab');
              len = 2;
              break;
            case 1:
              w.u(1).b(119).s('v');
              break;
            case 2:
              w.u(3).s(pick(['paragraph', 'body', 'point', 'footnote', 'heading']));
              break;
            case 3:
              w.u(6);
              break;
            case 4:
              w.s(pick(['em', 'del'])).s(pick(['{}', 'null', '{"by":"x"}']));
              break;
            case 5:
              len = 1 + int(3);
              w.u(len);
              break;
            default:
              w.u(4); // an XmlFragment: never allowed in next documents
          }
          for (let q = 0; q < len; q++) own.push([client, clock + q]);
          clock += len;
        }
      }
      const ranges = int(3);
      w.u(ranges > 0 ? 1 : 0);
      if (ranges > 0) {
        const [dc, dk] = pick(pool);
        w.u(dc)
          .u(1)
          .u(dk)
          .u(1 + int(3));
      }
      const update = w.done();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, baseUpdate);
      let r: ReturnType<typeof validateUpdate>;
      try {
        r = validateUpdate('next', update, {}, doc);
      } catch (e) {
        throw new Error(`validateUpdate threw on case ${i} (seed ${seed}): ${String(e)}`);
      }
      if (!r.ok) continue;
      accepted++;
      try {
        Y.applyUpdate(doc, update);
        readDocument(doc);
      } catch (e) {
        throw new Error(
          `accepted update broke the document on case ${i} (seed ${seed}): ${String(e)} ${JSON.stringify([...update])}`,
        );
      }
    }
    if (process.env.BIS_FUZZ_N) console.log(`structural fuzz: ${accepted} of ${n} accepted (seed ${seed})`);
    expect(accepted).toBeGreaterThan(0);
  }, 600_000);
});
