import type { Proposal } from '@bis/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { draftBody, type Fixture, startFixture, stockClient } from './api/fixture.test-util';
import { compilationDoc } from './commands/yjs-docs';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f.close();
});

const connect = (docName: string, cookie: string | null) => stockClient(f.server.url, docName, cookie);

const until = <T>(doc: Y.Doc, check: () => T | undefined): Promise<T> =>
  new Promise((resolve) => {
    const tryIt = () => {
      const v = check();
      if (v !== undefined) {
        doc.off('update', tryIt);
        resolve(v);
      }
    };
    doc.on('update', tryIt);
    tryIt();
  });

describe('the HTTP server', () => {
  it('serves the API over a real socket, anonymous callers included', async () => {
    const res = await fetch(`${f.server.url}/api/processes`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ processes: [] });
    const page = await fetch(`${f.server.url}/some/client/route`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });
});

describe('the server with the stock y-websocket client', () => {
  it('shows an observer the compilation update live when a party tables a draft', async () => {
    const observer = connect(compilationDoc(f.pid), await f.sessionFor({ role: 'observer' }));
    await observer.synced;
    const d = await f.kenya.call(
      'POST',
      `/api/processes/${f.pid}/parties/kenya/drafts`,
      draftBody({ text: 'Live text.' }),
    );
    const id = d.json.id as string;
    const seen = until(observer.doc, () => observer.doc.getMap('proposals').get(id) as Proposal | undefined);
    expect(
      (await f.kenya.call('POST', `/api/processes/${f.pid}/parties/kenya/drafts/${id}/table`)).status,
    ).toBe(200);
    const p = await seen;
    expect(p.versions[0]?.text).toBe('Live text.');
    observer.stop();
  });

  it('lets two members of a party co-edit their workspace and converge', async () => {
    const name = `p/${f.pid}/ws/kenya`;
    const a = connect(name, await f.sessionFor({ party: 'kenya' }));
    const b = connect(name, await f.sessionFor({ party: 'kenya' }));
    await Promise.all([a.synced, b.synced]);
    const draft = await f.kenya.call(
      'POST',
      `/api/processes/${f.pid}/parties/kenya/drafts`,
      draftBody({ text: 'Base.' }),
    );
    const id = draft.json.id as string;
    const fragment = (doc: Y.Doc) =>
      (doc.getMap('drafts').get(id) as Y.Map<unknown> | undefined)?.get('text') as Y.XmlFragment | undefined;
    const textOf = (doc: Y.Doc) =>
      (fragment(doc)?.get(0) as Y.XmlElement | undefined)?.get(0) as Y.XmlText | undefined;
    await until(a.doc, () => textOf(a.doc));
    await until(b.doc, () => textOf(b.doc));
    textOf(a.doc)?.insert(0, 'A: ');
    textOf(b.doc)?.insert(5, ' B');
    const want = (doc: Y.Doc) =>
      until(doc, () =>
        textOf(doc)?.toString().includes('A:') && textOf(doc)?.toString().includes(' B') ? true : undefined,
      );
    await Promise.all([want(a.doc), want(b.doc)]);
    expect(textOf(a.doc)?.toString()).toBe(textOf(b.doc)?.toString());
    // The server's copy, read by the REST API, has both edits.
    const drafts = await f.kenya.call('GET', `/api/processes/${f.pid}/parties/kenya/drafts`);
    const text = drafts.json.drafts.find((x: { id: string }) => x.id === id).text as string;
    expect(text).toContain('A:');
    expect(text).toContain(' B');
    a.stop();
    b.stop();
  });

  it("refuses civil society on another party's workspace and anonymous users on a private process", async () => {
    const ngo = connect(`p/${f.pid}/ws/kenya`, await f.sessionFor({ party: 'ngo' }));
    expect(await ngo.closed).toBe(4403);
    ngo.stop();
    const anon = connect(compilationDoc(f.pid), null);
    expect(await anon.closed).toBe(4401);
    anon.stop();
  });

  it('refuses an observer writing to the compilation and keeps the stored document unchanged', async () => {
    const hub = f.server.services.hub;
    const before = await hub.read(compilationDoc(f.pid), (d) => Y.encodeStateAsUpdate(d));
    const obs = connect(compilationDoc(f.pid), await f.sessionFor({ role: 'observer' }));
    await obs.synced;
    obs.doc.getMap('proposals').set('forged', { id: 'forged', party: 'Kenya' });
    expect(await obs.closed).toBe(4403);
    obs.stop();
    const after = await hub.read(compilationDoc(f.pid), (d) => Y.encodeStateAsUpdate(d));
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
  });
});
