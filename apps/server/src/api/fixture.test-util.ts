/**
 * Test set-up shared by the server tests: a real server on port 0 with a real SQLite data
 * folder in a temp dir, a small process (text imported through @bis/formats), parties, and one
 * signed-in principal per role, each with a bearer token and a session cookie.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type ConfigOverrides, loadConfig } from '../config';
import { type BisServer, createServer } from '../server';

/** A parsed JSON response body, read field by field with expect(). */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response shapes and expect() checks them.
export type Json = any;

/** A request helper bound to one principal. */
export interface Caller {
  readonly userId: string;
  readonly token: string;
  /** `fetch`-like call through `app.request()` with this principal's bearer token. */
  call(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: Json; headers: Headers }>;
}

/** The running fixture. */
export interface Fixture {
  readonly server: BisServer;
  readonly dir: string;
  readonly clock: { now: number };
  readonly admin: Caller;
  readonly cofac: Caller;
  readonly kenya: Caller;
  readonly kenya2: Caller;
  readonly ngo: Caller;
  readonly observer: Caller;
  readonly anon: Caller;
  readonly pid: string;
  /** Raw request through app.request() with any headers. */
  request(
    method: string,
    path: string,
    init?: { body?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  /**
   * Invites a new person to the process (`extra`: role or party) and signs them in through the
   * real HTTP server, pressing the link's button (POST); returns their session cookie.
   */
  sessionFor(extra: Record<string, string>, name?: string): Promise<string>;
  close(): Promise<void>;
}

export const BASE_TEXT = `Test process

I. Introduction

1. The first paragraph of the base text.

2. The second paragraph, about standards.

3. The third paragraph, about participation.
`;

/** Starts a server with a process `t1` (its zero draft `baseText`) and one principal per role. */
export const startFixture = async (
  overrides: ConfigOverrides = {},
  baseText = BASE_TEXT,
): Promise<Fixture> => {
  const dir = mkdtempSync(join(tmpdir(), 'bis-server-'));
  const clock = { now: Date.UTC(2026, 0, 1) };
  const config = loadConfig(
    { port: 0, host: '127.0.0.1', dataDir: dir, adminToken: 'admin-secret-token', ...overrides },
    {},
  );
  const server = await createServer(config, { now: () => clock.now, log: () => {} });
  const app = server.app.app;
  const request: Fixture['request'] = (method, path, init = {}) =>
    Promise.resolve(
      app.request(path, {
        method,
        headers: init.headers ?? {},
        ...(init.body !== undefined ? { body: init.body } : {}),
      }),
    );
  const caller = (userId: string, token: string): Caller => ({
    userId,
    token,
    call: async (method, path, body) => {
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await request(method, path, {
        headers,
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        json = text;
      }
      return { status: res.status, json, headers: res.headers };
    },
  });
  const admin = caller(server.bootstrap.admin.id, 'admin-secret-token');
  const pid = 't1';
  const created = await admin.call('POST', '/api/processes', {
    id: pid,
    text: baseText,
    fileName: 'base.txt',
  });
  if (created.status !== 201)
    throw new Error(`fixture: process not created: ${JSON.stringify(created.json)}`);
  await admin.call('POST', `/api/processes/${pid}/parties`, {
    id: 'kenya',
    name: 'Kenya',
    group: 'member-state',
    region: 'African Group',
  });
  await admin.call('POST', `/api/processes/${pid}/parties`, {
    id: 'ngo',
    name: 'Paradigm Initiative',
    group: 'civil-society',
    region: null,
  });
  const signedIn = async (extra: Record<string, string>, name: string) => {
    const r = await admin.call('POST', `/api/processes/${pid}/invitations`, { name, ...extra });
    if (r.status !== 201) throw new Error(`fixture: invite failed: ${JSON.stringify(r.json)}`);
    const res = await fetch(`${server.url}${new URL(r.json.link as string).pathname}`, {
      method: 'POST',
      redirect: 'manual',
    });
    if (res.status !== 303) throw new Error(`fixture: sign-in answered ${res.status}`);
    return {
      cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] as string,
      userId: r.json.user.id as string,
    };
  };
  const person = async (name: string, extra: Record<string, string>): Promise<Caller> => {
    const { cookie, userId } = await signedIn(extra, name);
    const tokenRes = await request('POST', '/api/me/tokens', {
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'tests' }),
    });
    const { token } = (await tokenRes.json()) as { token: string };
    return caller(userId, token);
  };
  const fixture: Fixture = {
    server,
    dir,
    clock,
    admin,
    cofac: await person('Co-facilitator', { role: 'co-facilitator' }),
    kenya: await person('Kenyan delegate', { party: 'kenya' }),
    kenya2: await person('Second Kenyan delegate', { party: 'kenya' }),
    ngo: await person('NGO member', { party: 'ngo' }),
    observer: await person('Observer', { role: 'observer' }),
    anon: caller('', ''),
    pid,
    request,
    sessionFor: async (extra, name = 'WS user') => (await signedIn(extra, name)).cookie,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return fixture;
};

/** A valid draft body for `POST …/drafts`. */
export const draftBody = (over: Record<string, unknown> = {}) => ({
  // The tests start several drafts on §2 on purpose; "one open draft per action and paragraph"
  // is tested where `another` is left out.
  another: true,
  action: 'amend',
  targets: [{ paragraph: null, label: '2', point: null }],
  label: '2',
  summary: 'Stronger wording',
  text: 'The second paragraph, about open standards.',
  rationale: 'Open standards help everyone.',
  ...over,
});

/**
 * The stock y-websocket client on `docName` of the server at `serverUrl`, sending the session
 * cookie a browser would send (none for an anonymous client).
 */
export const stockClient = (serverUrl: string, docName: string, cookie: string | null) => {
  class CookieSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${serverUrl.replace('http', 'ws')}/sync`, docName, doc, {
    WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
    maxBackoffTime: 60_000,
    // Same-process clients would otherwise sync over an in-memory BroadcastChannel, not the server.
    disableBc: true,
  });
  const closed = new Promise<number>((resolve) => {
    provider.on('connection-close', (ev: { code: number } | null) => resolve(ev?.code ?? 0));
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on('sync', (s: boolean) => s && resolve());
  });
  return { doc, provider, closed, synced, stop: () => provider.destroy() };
};

/** The paragraph ids of a revision's text by label (`{ '12': 'p12', … }`), read through `caller`. */
export const paragraphIds = async (
  caller: Caller,
  pid: string,
  revision = 0,
): Promise<Record<string, string>> => {
  const doc = await caller.call('GET', `/api/processes/${pid}/revisions/${revision}/document`);
  return Object.fromEntries(
    (doc.json.blocks as Json[]).filter((b) => b.kind === 'paragraph').map((b) => [b.label, b.id]),
  );
};
