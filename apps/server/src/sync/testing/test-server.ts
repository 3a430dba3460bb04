/**
 * A small sync server for tests: an http.Server on port 0 with `attachSync`, a SQLite store in a
 * folder, and a token-in-the-query sign-in (`?token=alice`) mapped to test principals whose
 * rights tests can change while clients are connected.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type * as Y from 'yjs';
import { openSqliteDocStore, type SqliteDocStore } from '../../store/sqlite-doc-store';
import { type AttachedSync, attachSync } from '../attach';
import type { SyncAccess, SyncLimits, SyncValidation } from '../options';

/** A test user. */
export interface TestPrincipal {
  readonly id: string;
  readonly name: string;
  readonly party: string;
  readonly role: string;
}

/** A running test server. */
export interface TestSyncServer {
  readonly server: Server;
  readonly sync: AttachedSync<TestPrincipal>;
  readonly store: SqliteDocStore;
  /** `ws://127.0.0.1:PORT/sync` (append `/<docName>`; the stock client does). */
  readonly url: string;
  readonly port: number;
  /** Rights per user id and document name; unlisted pairs get nothing. Change it any time. */
  readonly rights: Map<string, SyncAccess>;
  /** Grants `access` to `userId` on `docName`. */
  grant(userId: string, docName: string, access: SyncAccess): void;
  /** Stops the hub and the server and closes the store. */
  stop(): Promise<void>;
}

/** Options of `startTestSyncServer`. */
export interface TestSyncServerOptions {
  readonly dataDir: string;
  readonly users?: readonly TestPrincipal[];
  readonly limits?: Partial<SyncLimits>;
  readonly validate?: ((docName: string, update: Uint8Array, doc: Y.Doc) => SyncValidation) | null;
  /** Rights everyone signed in gets on every document not listed in `rights`. */
  readonly defaultAccess?: SyncAccess;
  readonly allowedOrigins?: readonly string[];
  readonly port?: number;
  readonly synchronous?: 'full' | 'normal';
  /** Errors the hub recovered from (default: ignored). */
  readonly onError?: (error: unknown, context: string) => void;
}

/** Starts a test server; resolves once it listens. */
export const startTestSyncServer = async (options: TestSyncServerOptions): Promise<TestSyncServer> => {
  const users = new Map((options.users ?? []).map((u) => [u.id, u]));
  const rights = new Map<string, SyncAccess>();
  const store = openSqliteDocStore(join(options.dataDir, 'docs.sqlite'), {
    synchronous: options.synchronous ?? 'full',
  });
  const server = createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  const none: SyncAccess = { read: false, write: false };
  const sync = attachSync<TestPrincipal>(server, {
    store,
    authenticate: async (req) => {
      const token = new URL(req.url ?? '/', 'http://x').searchParams.get('token');
      return token === null ? null : (users.get(token) ?? null);
    },
    access: (p, docName) =>
      p === null ? none : (rights.get(`${p.id} ${docName}`) ?? options.defaultAccess ?? none),
    principalId: (p) => p.id,
    identity: (p) =>
      p === null ? { name: 'anonymous' } : { name: p.name, party: p.party, role: p.role, color: '#333' },
    validate: options.validate ?? null,
    schemaVersion: 1,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
    onError: options.onError ?? (() => {}),
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    sync,
    store,
    port,
    url: `ws://127.0.0.1:${port}/sync`,
    rights,
    grant: (userId, docName, access) => rights.set(`${userId} ${docName}`, access),
    stop: async () => {
      await sync.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
};
