import { documentFromJSON } from '@bis/core';
import { documentToDocx } from '@bis/formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftBody, type Fixture, type Json, startFixture } from './fixture.test-util';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('importing proposals into a workspace over REST', () => {
  let f: Fixture;
  const P = () => `/api/processes/${f.pid}`;
  // A comparison table as Bis exports it: one tabled amendment of Kenya's.
  let comparison: Uint8Array;

  const upload = async (bytes: Uint8Array | string, name: string, type = DOCX) => {
    const form = new FormData();
    form.set('file', new File([bytes], name, { type }));
    const res = await f.request('POST', `${P()}/parties/ngo/imports`, {
      body: form as never,
      headers: { authorization: `Bearer ${f.ngo.token}` },
    });
    return { status: res.status, json: (await res.json()) as Json };
  };
  const drafts = async (): Promise<number> =>
    (await f.ngo.call('GET', `${P()}/parties/ngo/drafts`)).json.drafts.length;

  beforeAll(async () => {
    f = await startFixture();
    const d = await f.kenya.call('POST', `${P()}/parties/kenya/drafts`, draftBody());
    expect(d.status, JSON.stringify(d.json)).toBe(201);
    expect((await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${d.json.id}/table`)).status).toBe(200);
    const r = await f.request('GET', `${P()}/exports/comparison/docx`, {
      headers: { authorization: `Bearer ${f.kenya.token}` },
    });
    expect(r.status).toBe(200);
    comparison = new Uint8Array(await r.arrayBuffer());
  });
  afterAll(() => f.close());

  it('imports the proposals of an uploaded .docx comparison table as drafts', async () => {
    const before = await drafts();
    const r = await upload(comparison, 'kenya-comparison.docx');
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.drafts).toHaveLength(1);
    expect(r.json.drafts[0]).toMatchObject({ action: 'amend', label: '2', party: 'Paradigm Initiative' });
    expect(await drafts()).toBe(before + 1);
  });

  it('refuses a broken or hostile .docx with a clear error and imports nothing', async () => {
    const before = await drafts();
    const cases: [Uint8Array | string, string, RegExp][] = [
      [
        '1. Not a Word file at all.\n',
        'fake.docx',
        /^fake\.docx: .*not a \.docx file.*nothing was imported\.$/,
      ],
      [comparison.slice(0, comparison.length >> 1), 'cut.docx', /^cut\.docx: .*nothing was imported\.$/],
      [
        new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
        'named.txt',
        /^named\.txt: .*nothing was imported\.$/,
      ],
    ];
    for (const [bytes, name, message] of cases) {
      const r = await upload(bytes, name);
      expect(r.status, name).toBe(400);
      expect(r.json.error, name).toMatchObject({ code: 'invalid', field: 'body.file' });
      expect(r.json.error.message, name).toMatch(message);
    }
    expect(await drafts()).toBe(before);
  });

  it('refuses a .docx with neither a comparison table nor tracked changes', async () => {
    const base = await f.ngo.call('GET', `${P()}/revisions/0/document`);
    const plain = documentToDocx(documentFromJSON(base.json));
    const r = await upload(plain, 'base-text.docx');
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(
      /^base-text\.docx: no proposals found: the document has neither a comparison table .* nor tracked changes, nor words marked .*; an amended copy of the whole text is read by comparing it with the base text it amends, and none was given; nothing was imported\.$/,
    );
  });

  it('refuses text with no proposals in it, and a binary file sent as text', async () => {
    const before = await drafts();
    const none = await f.ngo.call('POST', `${P()}/parties/ngo/imports`, {
      text: 'Dear colleagues, please find our comments attached.\n',
      fileName: 'letter.txt',
    });
    expect(none.status).toBe(400);
    expect(none.json.error.message).toMatch(/^letter\.txt: no proposals found/);
    const binary = await f.ngo.call('POST', `${P()}/parties/ngo/imports`, {
      text: new TextDecoder('latin1').decode(comparison.slice(0, 200)),
    });
    expect(binary.status).toBe(400);
    expect(binary.json.error).toMatchObject({ field: 'body.text' });
    expect(binary.json.error.message).toMatch(/binary file/);
    const latin1 = await upload(new Uint8Array([0x31, 0x2e, 0x20, 0xe9, 0xe0]), 'latin1.txt', 'text/plain');
    expect(latin1.status).toBe(400);
    expect(latin1.json.error.message).toMatch(/^latin1\.txt: not UTF-8 text/);
    expect(await drafts()).toBe(before);
  });
});
