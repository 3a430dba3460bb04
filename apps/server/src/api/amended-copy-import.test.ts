import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, type Json, paragraphIds, startFixture } from './fixture.test-util';

// A delegation sends back its copy of the whole zero draft with its changes made in place
// (`23bis.`, "(former 20 amended)", a paragraph reworded, one dropped) and nothing saying
// which changed. Uploaded to the REST import (as the web import screen does), it is compared
// with the process's current revision and becomes drafts on that revision's paragraphs.
const fixture = (name: string) =>
  readFileSync(new URL(`../../../../fixtures/${name}`, import.meta.url), 'utf8');
const ZERO = fixture('compare/journalists-zero.txt');
const COPY = fixture('amended/journalists-norway-copy.txt');

describe('importing an amended copy of the whole text over REST', () => {
  let f: Fixture;
  let ids: Record<string, string>;
  const P = () => `/api/processes/${f.pid}`;
  const upload = async (text: string, name: string) => {
    const form = new FormData();
    form.set('file', new File([text], name, { type: 'text/plain' }));
    const res = await f.request('POST', `${P()}/parties/ngo/imports`, {
      body: form as never,
      headers: { authorization: `Bearer ${f.ngo.token}` },
    });
    return { status: res.status, json: (await res.json()) as Json };
  };
  const drafts = async (): Promise<number> =>
    (await f.ngo.call('GET', `${P()}/parties/ngo/drafts`)).json.drafts.length;

  beforeAll(async () => {
    f = await startFixture({}, ZERO);
    ids = await paragraphIds(f.ngo, f.pid);
  });
  afterAll(() => f.close());

  it('turns an uploaded .txt copy into insert, amend, delete and move drafts on the current revision', async () => {
    const before = await drafts();
    const r = await upload(COPY, 'norway-copy.txt');
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const got = (r.json.drafts as Json[]).map((d) => {
      const where =
        d.action === 'insert' || d.action === 'move' ? ` ${d.position} ${d.targets.at(-1).label}` : '';
      return `${d.action} ${d.label}${where}`;
    });
    expect(got).toEqual([
      'amend 22',
      'insert 23 bis after 23',
      'insert 23 ter after 23',
      'insert 23 quater after 23',
      'delete 25',
      'move 20 after 26',
      'amend 20',
      'amend 30',
    ]);
    // Every target is a paragraph of the current revision, by its id there.
    for (const d of r.json.drafts as Json[])
      for (const t of d.targets) expect(t.paragraph, `${d.action} ${d.label}`).toBe(ids[t.label]);
    const amend22 = (r.json.drafts as Json[]).find((d) => d.action === 'amend' && d.label === '22');
    expect(amend22.text).toMatch(/capacity-building, in particular for developing countries\.$/);
    expect(amend22.source).toEqual({ file: 'norway-copy.txt', line: expect.any(Number) });
    expect(await drafts()).toBe(before + 8);
  });

  it('reads the copy sent as JSON text too, and refuses a copy the same as the base, naming why', async () => {
    const before = await drafts();
    const json = await f.ngo.call('POST', `${P()}/parties/ngo/imports`, { text: COPY, fileName: 'copy.txt' });
    expect(json.status, JSON.stringify(json.json)).toBe(201);
    expect(json.json.drafts).toHaveLength(8);
    const same = await upload(ZERO, 'unchanged.txt');
    expect(same.status).toBe(400);
    expect(same.json.error.message).toBe(
      'Nothing was imported. unchanged.txt:1: no proposals found: the amended copy is the same as the base text',
    );
    expect(await drafts()).toBe(before + 8);
  });
});
