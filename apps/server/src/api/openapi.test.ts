import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, type Json, startFixture } from './fixture.test-util';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture({ rateLimit: { max: 40, windowMs: 60_000 }, maxBodyBytes: 4096 });
});
afterAll(async () => {
  await f.close();
});

describe('GET /api/openapi.json', () => {
  it('is sent gzip-compressed to a client that accepts it, and plain to one that does not', async () => {
    const gz = await f.request('GET', '/api/openapi.json', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toContain('Accept-Encoding');
    const packed = Buffer.from(await gz.arrayBuffer());
    const plain = await f.request('GET', '/api/openapi.json');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    expect(gunzipSync(packed).toString('utf8')).toBe(text);
    expect(packed.byteLength).toBeLessThan(text.length / 3);
  });

  it('is valid JSON describing every API route Hono serves', async () => {
    const res = await f.request('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = JSON.parse(await res.text()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const served = f.server.app.app.routes
      .filter((r) => r.path.startsWith('/api/') && r.path !== '/api/*' && r.path !== '/api/openapi.json')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect(served.length).toBeGreaterThan(20);
    expect(new Set(documented)).toEqual(new Set(served));
    const create = doc.paths['/api/processes']?.post as {
      requestBody: { content: Record<string, { schema: unknown }> };
    };
    expect(JSON.stringify(create.requestBody.content['application/json']?.schema)).toContain('"title"');
    const created = (
      create as unknown as {
        responses: Record<
          string,
          { content: Record<string, { schema?: { properties: Record<string, unknown> } }> }
        >;
      }
    ).responses['201']?.content['application/json']?.schema;
    expect(created?.properties.importNotes).toMatchObject({
      type: 'array',
      items: { type: 'object', required: ['line', 'kind', 'message'] },
    });
    expect(JSON.stringify(created?.properties.importNotes)).toContain('"furniture"');
  });
});

describe('limits', () => {
  it('answers a body over the limit with a clear 413', async () => {
    const r = await f.admin.call('POST', `/api/processes/${f.pid}/parties`, {
      name: 'x'.repeat(5000),
      group: 'member-state',
    });
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe('too_large');
    expect(r.json.error.message).toContain('4096 bytes');
  });

  it('answers too many requests with a 429 and Retry-After, per principal', async () => {
    let last = { status: 0, json: null as Json, headers: new Headers() };
    for (let i = 0; i < 45 && last.status !== 429; i++) last = await f.observer.call('GET', '/api/me');
    expect(last.status).toBe(429);
    expect(last.json.error.code).toBe('rate_limited');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another principal is not affected.
    expect((await f.kenya.call('GET', '/api/me')).status).toBe(200);
  });
});
