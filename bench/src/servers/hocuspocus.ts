/**
 * Baseline B: @hocuspocus/server 3.4.4 with default settings (debounce 2 s, maxDebounce 10 s) and
 * a persistence extension in the shape of the official @hocuspocus/extension-database (not
 * installed here): `onLoadDocument` applies the stored bytes, `onStoreDocument` stores
 * `encodeStateAsUpdate` of the whole document — in SQLite (better-sqlite3, WAL, synchronous FULL,
 * the same settings as Bis's store).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Server } from '@hocuspocus/server';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { env, startSampling } from './sampler';

const db = new Database(join(env('DATA_DIR'), 'hocuspocus.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL)');
const get = db.prepare<[string], { data: Buffer }>('SELECT data FROM documents WHERE name = ?');
const put = db.prepare<[string, Buffer]>(
  'INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data',
);
const seedFile = process.env.SEED_FILE;
if (seedFile) {
  const update = readFileSync(seedFile);
  // SEED_DOCS (comma-separated names, W2) seeds many documents with the same update.
  const docs = [...(process.env.SEED_DOCS?.split(',') ?? []), process.env.SEED_DOC ?? ''];
  db.transaction(() => {
    for (const doc of docs) if (doc !== '') put.run(doc, update);
  })();
}

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: '127.0.0.1',
  quiet: true,
  extensions: [
    {
      async onLoadDocument({ documentName, document }) {
        const row = get.get(documentName);
        if (row) Y.applyUpdate(document, new Uint8Array(row.data));
        return document;
      },
      async onStoreDocument({ documentName, document }) {
        put.run(documentName, Buffer.from(Y.encodeStateAsUpdate(document)));
      },
    },
  ],
});
await server.listen();
startSampling(server.address.port);
