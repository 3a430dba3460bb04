/**
 * The Bis server as `bis serve` runs it (apps/server `serve()`: auth, SQLite stores, sync with
 * collab validation, acks for clients that ask), with the administrator's API token from
 * BIS_ADMIN_TOKEN. Seeding creates the process `bench` through the REST API, then replaces the
 * history of its `next` document with the generated update through the server's own DocStore.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { env, startSampling } from './sampler';

// apps/server exports no public API yet; the entry loads its modules by path (types declared here).
interface Serving {
  readonly url: string;
  readonly server: { readonly port: number };
  close(): Promise<void>;
}
interface ServeModule {
  serve(options: {
    port?: number;
    dataDir?: string;
    host?: string;
    log?: (line: string) => void;
  }): Promise<Serving>;
}
interface StoreModule {
  openSqliteDocStore(
    file: string,
    options?: { synchronous?: 'full' | 'normal' },
  ): {
    reset(docName: string, snapshot: Uint8Array, meta: { principal: string | null }): Promise<string>;
    close(): Promise<void>;
  };
}

const root = new URL('../../../apps/server/src/', import.meta.url);
const { serve } = (await import(new URL('cli/serve.ts', root).href)) as ServeModule;
const { openSqliteDocStore } = (await import(new URL('store/index.ts', root).href)) as StoreModule;

const dataDir = env('DATA_DIR');
const token = env('BIS_ADMIN_TOKEN');
const quiet = (): void => {};
const seedFile = process.env.SEED_FILE;

// SEED_DOCS (comma-separated names, W2) seeds many documents with the same update; SEED_DOC one.
const seedDocs = seedFile ? [...(process.env.SEED_DOCS?.split(',') ?? []), process.env.SEED_DOC ?? ''] : [];
if (seedFile) {
  const docNames = seedDocs.filter((d) => d !== '');
  // Seeding 1,000 processes (W2) must not meet the API's rate limit; the served instance keeps it.
  const limit = process.env.BIS_RATE_LIMIT_MAX;
  process.env.BIS_RATE_LIMIT_MAX = String(docNames.length + 100);
  const boot = await serve({ port: 0, host: '127.0.0.1', dataDir, log: quiet });
  if (limit === undefined) delete process.env.BIS_RATE_LIMIT_MAX;
  else process.env.BIS_RATE_LIMIT_MAX = limit;
  for (const docName of docNames) {
    const processId = docName.split('/')[1] ?? 'bench';
    const res = await fetch(`${boot.url}/api/processes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: processId, title: 'Bench process', text: '1. Seed paragraph.\n' }),
    });
    if (res.status !== 201 && res.status !== 409)
      throw new Error(`creating the process: ${res.status} ${await res.text()}`);
  }
  await boot.close();
  const store = openSqliteDocStore(join(dataDir, 'docs.sqlite'));
  const update = new Uint8Array(readFileSync(seedFile));
  for (const docName of docNames) await store.reset(docName, update, { principal: null });
  await store.close();
}

const s = await serve({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1', dataDir, log: quiet });
startSampling(s.server.port);
