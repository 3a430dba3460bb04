import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Fixture, startFixture } from './api/fixture.test-util';

describe('malformed percent escapes', () => {
  let f: Fixture;
  const web = mkdtempSync(join(tmpdir(), 'bis-web-'));
  beforeAll(async () => {
    // A built web app, so that unknown paths go to the static handler (which decodes them).
    mkdirSync(web, { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Bis</title>');
    f = await startFixture({ webDist: web });
  });
  afterAll(async () => {
    await f.close();
    rmSync(web, { recursive: true, force: true });
  });

  it('answers 400, not 500, to a path that does not decode, and logs no stack trace', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (const path of ['/%E0', '/p/demo/%E0%A4', '/api/processes/%E0', '/assets/%']) {
        const r = await f.request('GET', path);
        expect(r.status, path).toBe(400);
        const body = (await r.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('bad_path');
        expect(body.error.message).toMatch(/malformed percent escape/);
      }
      // Over a real socket too.
      const real = await fetch(`${f.server.url}/%E0`);
      expect(real.status).toBe(400);
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it('answers 400 to a session cookie that does not decode, and clears it', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (const path of ['/', '/api/processes']) {
        const r = await f.request('GET', path, { headers: { cookie: 'bis_session=%E0' } });
        expect(r.status, path).toBe(400);
        const body = (await r.json()) as { error: { code: string; message: string } };
        expect(body.error).toEqual({
          code: 'bad_cookie',
          message: 'The bis_session cookie has a malformed percent escape; it was cleared: sign in again.',
        });
        expect(r.headers.get('set-cookie')).toMatch(/^bis_session=; Path=\/;.*Max-Age=0/);
      }
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it('leaves well-formed escapes and other sites’ cookies alone', async () => {
    expect((await f.request('GET', '/p/t1/para/1%20bis')).status).toBe(200);
    const r = await f.request('GET', '/api/processes/t1', {
      headers: { cookie: 'other=%E0; theme=dark', authorization: `Bearer ${f.kenya.token}` },
    });
    expect(r.status).toBe(200);
  });
});
