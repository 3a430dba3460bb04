/**
 * The server process: the relational db, the Yjs document store, the HTTP app and the
 * WebSocket sync on one http.Server.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SCHEMA_VERSION } from '@bis/collab';
import { createAdaptorServer } from '@hono/node-server';
import { type App, createApp } from './app';
import { type Auth, createAuth } from './auth/auth';
import { identityOf } from './auth/identity';
import { docAccess } from './auth/permissions';
import type { Principal } from './auth/principal';
import { newId } from './auth/tokens';
import type { Services } from './commands/context';
import { reconcileCompilation } from './commands/yjs-docs';
import type { Config } from './config';
import { openSqliteDb } from './db/sqlite';
import type { Db, UserRow } from './db/types';
import { openSqliteDocStore } from './store';
import { refuseStrayUpgrades } from './stray-upgrades';
import { type AttachedSync, attachSync, collabValidator, isCollabDocName, type SyncLimits } from './sync';

/** Where the sync endpoint takes WebSocket upgrades (`/sync/<document name>`). */
const SYNC_PREFIX = '/sync/';

/** A running server. */
export interface BisServer {
  /** `http://host:port` as bound (with the real port when 0 was asked). */
  readonly url: string;
  readonly port: number;
  readonly http: Server;
  readonly services: Services;
  readonly app: App;
  readonly sync: AttachedSync<Principal>;
  /** What the first start set up: the administrator and, on first start, their sign-in link path. */
  readonly bootstrap: { readonly admin: UserRow; readonly adminSignInPath: string | null };
  /** Stops accepting, closes connections, flushes and closes the stores. */
  close(): Promise<void>;
}

/** Options for tests: a pinned clock, sync limits. */
export interface ServerOptions {
  readonly now?: () => number;
  readonly syncLimits?: Partial<SyncLimits>;
  /** Where the first-start messages go (default: stdout). */
  readonly log?: (line: string) => void;
}

/** Creates the administrator on an empty db; applies BIS_ADMIN_TOKEN. */
const bootstrap = (db: Db, auth: Auth, config: Config, now: () => number) =>
  db.transaction(() => {
    let admin = db.findAdmins()[0] ?? null;
    let adminSignInPath: string | null = null;
    if (!admin) {
      admin = db.createUser({ id: newId(), name: 'Administrator', email: null, admin: true, now: now() });
      adminSignInPath = `/signin/${auth.invite(admin.id, null)}`;
      db.appendAudit({
        processId: null,
        userId: null,
        action: 'admin.create',
        payload: { userId: admin.id },
        at: now(),
      });
    }
    if (config.adminToken) auth.issueApiToken(admin.id, 'BIS_ADMIN_TOKEN', config.adminToken);
    return { admin, adminSignInPath };
  });

/** Starts a server for `config`; resolves once it listens. */
export const createServer = async (config: Config, options: ServerOptions = {}): Promise<BisServer> => {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  if (config.databaseUrl)
    log('bis: DATABASE_URL is set, but the PostgreSQL store is not implemented yet; using SQLite.');
  if (config.redisUrl)
    log('bis: REDIS_URL is set, but the Redis bus is not implemented yet; running as a single process.');

  const db = openSqliteDb(config.dataDir);
  const store = openSqliteDocStore(join(config.dataDir, 'docs.sqlite'), { now });
  const auth = createAuth(db, {
    sessionTtlMs: config.sessionTtlMs,
    invitationTtlMs: config.invitationTtlMs,
    now,
  });
  const boot = bootstrap(db, auth, config, now);

  // The app is created after the sync hub (commands write through it); requests arriving
  // before `listen` resolves cannot happen, so the late binding is safe.
  let app: App | null = null;
  const http = createAdaptorServer({
    fetch: (req: Request, env: unknown) => (app as App).app.fetch(req, env as never),
  }) as Server;
  const sync = attachSync<Principal>(http, {
    store,
    authenticate: auth.authenticate,
    sessionValid: auth.stillSignedIn,
    access: (p, docName) => docAccess(db, p, docName),
    principalId: (p) => p.userId,
    identity: (p, docName) => identityOf(db, p, docName),
    validate: collabValidator,
    isDocName: isCollabDocName,
    schemaVersion: SCHEMA_VERSION,
    allowedOrigins: config.allowedOrigins,
    pathPrefix: SYNC_PREFIX,
    ...(options.syncLimits ? { limits: options.syncLimits } : {}),
  });
  // Upgrades to any other path are answered 404 and closed, not left open.
  const stopStrayUpgrades = refuseStrayUpgrades(http, SYNC_PREFIX);
  const services: Services = { db, auth, hub: sync.hub, config, now };
  app = createApp(services);
  for (const proc of db.listProcesses()) {
    const n = await reconcileCompilation(sync.hub, db, proc.id);
    if (n > 0) log(`bis: rewrote ${n} proposals of ${proc.id} in its compilation document from the db.`);
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host}:${port}`;

  let closed: Promise<void> | null = null;
  return {
    url,
    port,
    http,
    services,
    app,
    sync,
    bootstrap: boot,
    close: () => {
      closed ??= (async () => {
        stopStrayUpgrades();
        await sync.close();
        await new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeAllConnections?.();
        });
        await store.close();
        db.close();
      })();
      return closed;
    },
  };
};
