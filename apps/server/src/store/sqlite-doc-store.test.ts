import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteDocStore } from './sqlite-doc-store';

const rebuild = (stored: { snapshot: Uint8Array | null; updates: readonly Uint8Array[] }): Y.Doc => {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
};

/** Records every update a doc emits, one per transaction. */
const recorder = (doc: Y.Doc): Uint8Array[] => {
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  return out;
};

describe('openSqliteDocStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bis-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('returns appended updates in order after reopening the file', async () => {
    const file = join(dir, 'docs.sqlite');
    const store = openSqliteDocStore(file);
    const doc = new Y.Doc();
    const log = recorder(doc);
    const text = doc.getText('t');
    for (let i = 0; i < 20; i++) text.insert(text.length, `w${i} `);
    const seqs: number[] = [];
    for (const u of log) seqs.push(await store.append('a', u, { principal: 'u1' }));
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    const gen = (await store.load('a')).generation;
    await store.close();

    const again = openSqliteDocStore(file);
    const stored = await again.load('a');
    expect(stored.generation).toBe(gen);
    expect(stored.updates.length).toBe(20);
    expect(stored.lastSeq).toBe(seqs.at(-1));
    expect(rebuild(stored).getText('t').toString()).toBe(text.toString());
    expect(stored.owners.get(doc.clientID)).toBe('u1');
    await again.close();
  });

  it('gives an unknown document an empty state and a stable generation', async () => {
    const store = openSqliteDocStore(join(dir, 'docs.sqlite'));
    const first = await store.load('nothing');
    expect(first.snapshot).toBeNull();
    expect(first.updates).toEqual([]);
    expect((await store.load('nothing')).generation).toBe(first.generation);
    await store.close();
  });

  it('compacts the log into a snapshot in batches and keeps every update in the archive', async () => {
    const store = openSqliteDocStore(join(dir, 'docs.sqlite'));
    const doc = new Y.Doc();
    const log = recorder(doc);
    const arr = doc.getArray<number>('a');
    for (let i = 0; i < 95; i++) arr.push([i]);
    arr.delete(10, 5);
    for (const u of log) await store.append('d', u, { principal: i18(u) });
    const before = await store.history('d');

    const result = await store.compact('d', { batch: 10 });
    expect(result.merged).toBe(96);
    expect(await store.logLength('d')).toBe(0);
    const stored = await store.load('d');
    expect(stored.updates).toEqual([]);
    expect(rebuild(stored).getArray('a').toJSON()).toEqual(arr.toJSON());
    // The audit trail is intact: same rows, same authors, same bytes.
    expect(await store.history('d')).toEqual(before);

    // Appends after compaction land after the snapshot.
    arr.push([1000]);
    await store.append('d', log.at(-1) as Uint8Array, { principal: 'late' });
    expect(
      rebuild(await store.load('d'))
        .getArray('a')
        .toJSON(),
    ).toEqual(arr.toJSON());
    await store.close();
  });

  it('replaces the history under a new generation on reset, archiving the old log', async () => {
    const store = openSqliteDocStore(join(dir, 'docs.sqlite'));
    const doc = new Y.Doc();
    const log = recorder(doc);
    doc.getText('t').insert(0, 'old');
    for (const u of log) await store.append('r', u, { principal: 'u1' });
    const oldGen = (await store.load('r')).generation;

    const fresh = new Y.Doc();
    fresh.getText('t').insert(0, 'restored');
    const gen = await store.reset('r', Y.encodeStateAsUpdate(fresh), { principal: null });
    expect(gen).not.toBe(oldGen);
    const stored = await store.load('r');
    expect(stored.generation).toBe(gen);
    expect(rebuild(stored).getText('t').toString()).toBe('restored');
    expect((await store.history('r')).length).toBe(2);
    expect(stored.owners.size).toBe(0);
    await store.close();
  });

  it('commits concurrent appends to several documents durably and in order per document', async () => {
    const file = join(dir, 'docs.sqlite');
    const store = openSqliteDocStore(file);
    const docs = ['a', 'b', 'c', 'd'].map((name) => {
      const doc = new Y.Doc();
      const log = recorder(doc);
      const text = doc.getText('t');
      for (let i = 0; i < 30; i++) text.insert(text.length, `${name}${i} `);
      return { name, doc, log };
    });
    // Every append is issued before any is awaited, interleaving the documents, so the writer
    // groups them; single appends and batches are mixed.
    const pending: Promise<number[]>[] = [];
    for (let i = 0; i < 30; i += 3) {
      for (const d of docs) {
        const [u0, u1, u2] = d.log.slice(i, i + 3) as [Uint8Array, Uint8Array, Uint8Array];
        pending.push(store.append(d.name, u0, { principal: d.name }).then((s) => [s]));
        pending.push(
          store.appendMany(d.name, [
            { update: u1, meta: { principal: d.name } },
            { update: u2, meta: { principal: d.name } },
          ]),
        );
      }
    }
    const seqs = (await Promise.all(pending)).flat();
    expect(new Set(seqs).size).toBe(seqs.length);
    // A load right after the appends resolved sees them (the main thread's reading connection).
    expect((await store.load('c')).updates.length).toBe(30);
    await store.close();

    const again = openSqliteDocStore(file);
    for (const d of docs) {
      const stored = await again.load(d.name);
      // Stored in the order appended, byte for byte.
      expect(stored.updates).toEqual(d.log);
      expect(rebuild(stored).getText('t').toString()).toBe(d.doc.getText('t').toString());
      expect(stored.owners.get(d.doc.clientID)).toBe(d.name);
    }
    const seqsOfA = (await again.history('a')).map((h) => h.seq);
    expect(seqsOfA).toEqual([...seqsOfA].sort((x, y) => x - y));
    await again.close();
  });

  it('rejects an append that fails, storing none of its batch, while other appends commit', async () => {
    const file = join(dir, 'docs.sqlite');
    const store = openSqliteDocStore(file);
    const doc = new Y.Doc();
    const log = recorder(doc);
    doc.getText('t').insert(0, 'kept');
    doc.getText('t').insert(4, ' too');
    const [good, other] = log as [Uint8Array, Uint8Array];
    // Not a Yjs update: reading its client ids fails inside the transaction.
    const garbage = new Uint8Array([200, 1, 2, 3]);
    const before = store.append('ok', good, { principal: 'u1' });
    const bad = store.appendMany('bad', [
      { update: good, meta: { principal: 'u1' } },
      { update: garbage, meta: { principal: 'u1' } },
    ]);
    const after = store.append('ok', other, { principal: 'u1' });
    await expect(bad).rejects.toThrow(/store write failed/);
    await expect(before).resolves.toBeTypeOf('number');
    await expect(after).resolves.toBeTypeOf('number');
    await store.close();
    await expect(store.append('ok', good, { principal: 'u1' })).rejects.toThrow();

    const again = openSqliteDocStore(file);
    expect((await again.load('ok')).updates).toEqual([good, other]);
    expect((await again.load('bad')).updates).toEqual([]);
    await again.close();
  });
});

/** A principal name derived from the update's size, so rows differ. */
const i18 = (u: Uint8Array): string => `user-${u.byteLength % 3}`;
