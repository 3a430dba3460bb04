import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, type Json, startFixture } from '../api/fixture.test-util';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture({ sessionTtlMs: 3_600_000, invitationTtlMs: 600_000 });
});
afterAll(async () => {
  await f.close();
});

const invite = async (name: string): Promise<string> => {
  const r = await f.admin.call('POST', `/api/processes/${f.pid}/invitations`, { name, role: 'observer' });
  expect(r.status).toBe(201);
  return new URL(r.json.link as string).pathname;
};

const me = async (headers: Record<string, string>) =>
  (await (await f.request('GET', '/api/me', { headers })).json()) as Json;

describe('sign-in by invitation link', () => {
  it('shows whom a link is for on GET without using it up (link previews and mail scanners fetch links)', async () => {
    const path = await invite('Ana <Lopez>');
    for (let i = 0; i < 2; i++) {
      const r = await f.request('GET', path);
      expect(r.status).toBe(200);
      expect(r.headers.get('set-cookie')).toBeNull();
      const html = await r.text();
      expect(html).toContain('Sign in as Ana &lt;Lopez&gt;');
      expect(html).toContain(`<form method="post" action="${path}">`);
    }
    expect((await f.request('POST', path)).status).toBe(303);
    expect((await f.request('GET', path)).status).toBe(401);
  });

  it('refuses a sign-in form posted from another site (login CSRF) and keeps the link usable', async () => {
    const path = await invite('Bo');
    const r = await f.request('POST', path, { headers: { origin: 'https://evil.example' } });
    expect(r.status).toBe(403);
    expect(r.headers.get('set-cookie')).toBeNull();
    expect((await f.request('GET', path)).status).toBe(200);
  });

  it('exchanges a one-time token for an HttpOnly, SameSite=Lax session cookie on POST and redirects home', async () => {
    const path = await invite('Ana');
    const r = await f.request('POST', path);
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/');
    const cookie = r.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^bis_session=[A-Za-z0-9_-]{20,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const session = cookie.split(';')[0] as string;
    expect((await me({ cookie: session })).user.name).toBe('Ana');

    const reuse = await f.request('POST', path);
    expect(reuse.status).toBe(401);
    expect(reuse.headers.get('set-cookie')).toBeNull();
    expect(await reuse.text()).toContain('already used');
  });

  it('refuses an expired invitation and an unknown token', async () => {
    const path = await invite('Late');
    f.clock.now += 600_001;
    expect((await f.request('GET', path)).status).toBe(401);
    expect((await f.request('POST', path)).status).toBe(401);
    expect((await f.request('GET', '/signin/not-a-real-token')).status).toBe(401);
  });

  it('refuses an expired session, over REST and at the WebSocket upgrade', async () => {
    const r = await f.request('POST', await invite('Brief'));
    const session = (r.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect((await me({ cookie: session })).user.name).toBe('Brief');
    const ws = f.server.services.auth;
    const fakeReq = (cookie: string) =>
      ({ headers: { cookie } }) as unknown as import('node:http').IncomingMessage;
    expect((await ws.authenticate(fakeReq(session)))?.name).toBe('Brief');
    f.clock.now += 3_600_001;
    // Signed out, /api/me has the same shape: no user and no processes (the web app lists them).
    expect(await me({ cookie: session })).toEqual({ user: null, processes: [] });
    expect(await ws.authenticate(fakeReq(session))).toBeNull();
    const cmd = await f.request('POST', '/api/me/tokens', {
      headers: { cookie: session, 'content-type': 'application/json' },
      body: '{"label":"x"}',
    });
    expect(cmd.status).toBe(401);
    expect(((await cmd.json()) as Json).error.message).toMatch(/invitation link/);
  });

  it('refuses cookie-authenticated writes from a foreign Origin', async () => {
    const r = await f.request('POST', await invite('Csrf'));
    const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const res = await f.request('POST', '/api/me/tokens', {
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{"label":"x"}',
    });
    expect(res.status).toBe(403);
  });
});

describe('API tokens', () => {
  it('authenticates scripts with the BIS_ADMIN_TOKEN bearer token', async () => {
    const ok = await me({ authorization: 'Bearer admin-secret-token' });
    expect(ok.user).toMatchObject({ admin: true, via: 'token' });
  });

  it('does not fall back to the cookie when a bearer token is wrong', async () => {
    const r = await f.request('POST', await invite('Both'));
    const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect((await me({ cookie, authorization: 'Bearer wrong' })).user).toBeNull();
    expect(
      (await f.request('POST', '/api/processes', { headers: { authorization: 'Bearer wrong' }, body: '{}' }))
        .status,
    ).toBe(401);
  });

  it('stores only hashes of tokens', async () => {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(`${f.dir}/bis.sqlite`, { readonly: true });
    const dump = JSON.stringify([
      db.prepare('SELECT * FROM api_tokens').all(),
      db.prepare('SELECT * FROM sessions').all(),
      db.prepare('SELECT * FROM invitations').all(),
      db.prepare('SELECT * FROM audit').all(),
    ]);
    db.close();
    expect(dump).not.toContain('admin-secret-token');
    expect(dump).not.toContain(f.kenya.token);
  });
});
