/**
 * Rights that end while a WebSocket is open: a removal from a party, a demotion, a sign-out, an
 * expired session. Real server on port 0, real SQLite, the stock y-websocket client with the
 * session cookie a browser sends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type * as Y from 'yjs';
import { draftBody, type Fixture, startFixture, stockClient } from '../api/fixture.test-util';
import { nextDoc, workspaceDoc } from '../commands/yjs-docs';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f.close();
});

/** A new signed-in person (`extra`: role or party) with their session cookie and user id. */
const person = async (extra: Record<string, string>, name: string) => {
  const cookie = await f.sessionFor(extra, name);
  const me = await f.request('GET', '/api/me', { headers: { cookie } });
  const { user } = (await me.json()) as { user: { id: string } };
  return { cookie, userId: user.id };
};

/** Resolves with the close code and the milliseconds from `since()` to the close. */
const closeOf = (client: ReturnType<typeof stockClient>, since: () => number) =>
  client.closed.then((code) => ({ code, after: Date.now() - since() }));

const waitUntil = async (check: () => boolean): Promise<void> => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > 10_000) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

const textOf = (doc: Y.Doc): string => JSON.stringify(doc.getMap('drafts').toJSON());

describe('open connections lose what their user lost', () => {
  it('closes a member removed from a party within a second, and sends them nothing after', async () => {
    const doc = workspaceDoc(f.pid, 'kenya');
    const leaver = await person({ party: 'kenya' }, 'Leaving delegate');
    const stayer = await person({ party: 'kenya' }, 'Staying delegate');
    const l = stockClient(f.server.url, doc, leaver.cookie);
    const s = stockClient(f.server.url, doc, stayer.cookie);
    await Promise.all([l.synced, s.synced]);
    let removedAt = 0;
    const closed = closeOf(l, () => removedAt);
    let updatesAfter = 0;
    const removed = await f.admin.call('DELETE', `/api/processes/${f.pid}/parties/kenya/members`, {
      userId: leaver.userId,
    });
    expect(removed.status).toBeLessThan(300);
    removedAt = Date.now();
    l.doc.on('update', () => updatesAfter++);
    // The party goes on drafting after the removal.
    const draft = await f.kenya.call(
      'POST',
      `/api/processes/${f.pid}/parties/kenya/drafts`,
      draftBody({ text: 'Reaffirms the commitment to open standards.' }),
    );
    expect(draft.status).toBe(201);
    await waitUntil(() => textOf(s.doc).includes('open standards'));
    const { code, after } = await closed;
    console.log(`removed member closed ${after} ms after the REST answer`);
    expect(code).toBe(4403);
    expect(after).toBeLessThan(1000);
    await settle(300);
    expect(updatesAfter).toBe(0);
    expect(textOf(l.doc)).not.toContain('open standards');
    l.stop();
    s.stop();
  });

  it('closes a demoted co-facilitator on the next revision within a second', async () => {
    const chair = await person({ role: 'co-facilitator' }, 'Demoted chair');
    const c = stockClient(f.server.url, nextDoc(f.pid), chair.cookie);
    await c.synced;
    let demotedAt = 0;
    const closed = closeOf(c, () => demotedAt);
    const r = await f.admin.call('DELETE', `/api/processes/${f.pid}/roles`, {
      userId: chair.userId,
      role: 'co-facilitator',
    });
    expect(r.status).toBeLessThan(300);
    demotedAt = Date.now();
    const { code, after } = await closed;
    console.log(`demoted co-facilitator closed ${after} ms after the REST answer`);
    expect(code).toBe(4403);
    expect(after).toBeLessThan(1000);
    c.stop();
  });

  it('closes every socket of a session that signs out (4401)', async () => {
    const who = await person({ party: 'kenya' }, 'Signing out');
    const a = stockClient(f.server.url, workspaceDoc(f.pid, 'kenya'), who.cookie);
    const b = stockClient(f.server.url, nextDoc(f.pid), who.cookie); // refused: not a chair
    await a.synced;
    expect(await b.closed).toBe(4403);
    let outAt = 0;
    const closed = closeOf(a, () => outAt);
    const out = await f.request('POST', '/api/signout', { headers: { cookie: who.cookie } });
    expect(out.status).toBe(200);
    outAt = Date.now();
    const { code, after } = await closed;
    console.log(`signed-out session closed ${after} ms after the REST answer`);
    expect(code).toBe(4401);
    expect(after).toBeLessThan(1000);
    a.stop();
    b.stop();
  });

  it('closes a socket whose session expires while it is open (4401)', async () => {
    const who = await person({ party: 'kenya' }, 'Expiring');
    const a = stockClient(f.server.url, workspaceDoc(f.pid, 'kenya'), who.cookie);
    await a.synced;
    let expiredAt = 0;
    const closed = closeOf(a, () => expiredAt);
    const saved = f.clock.now;
    f.clock.now += f.server.services.config.sessionTtlMs + 1;
    expiredAt = Date.now();
    try {
      const { code, after } = await closed;
      console.log(`expired session closed ${after} ms after the clock passed its expiry`);
      expect(code).toBe(4401);
      // The periodic check runs every `accessRecheckMs` (1 s).
      expect(after).toBeLessThan(1500);
    } finally {
      f.clock.now = saved;
      a.stop();
    }
  });
});

describe('one Origin check for REST and WebSocket', () => {
  const upgrade = (origin: string, cookie: string) =>
    new Promise<number>((resolve) => {
      const ws = new WebSocket(`${f.server.url.replace('http', 'ws')}/sync/${workspaceDoc(f.pid, 'kenya')}`, {
        headers: { origin, cookie },
      });
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.on('open', () => {
        resolve(101);
        ws.close();
      });
      ws.on('error', () => {});
    });
  const post = async (origin: string, cookie: string) =>
    (
      await fetch(`${f.server.url}/api/me/tokens`, {
        method: 'POST',
        headers: { origin, cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ label: 'origin check' }),
      })
    ).status;

  it('refuses an https:// origin for an http:// server on both, and accepts its own', async () => {
    const { cookie } = await person({ party: 'kenya' }, 'Origin tester');
    const own = new URL(f.server.url).origin;
    const otherScheme = own.replace('http:', 'https:');
    expect(await post(otherScheme, cookie)).toBe(403);
    expect(await upgrade(otherScheme, cookie)).toBe(403);
    expect(await post('http://evil.example', cookie)).toBe(403);
    expect(await upgrade('http://evil.example', cookie)).toBe(403);
    expect(await post(own, cookie)).toBe(200);
    expect(await upgrade(own, cookie)).toBe(101);
  });
});
