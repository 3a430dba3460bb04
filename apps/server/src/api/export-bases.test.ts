import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, type Json, paragraphIds, startFixture } from './fixture.test-util';

// Kenya tables proposals against the zero draft; the chairs publish Rev.1 (a new paragraph 2, so
// the old §2–3 become §3–4, and "mainly" added to the old §2). Publication carries Kenya's
// proposals over to Rev.1 by content; the exports against Rev.1 show them re-anchored, never
// re-diffed against words Kenya never saw, and never show the applied ones as changes.
let f: Fixture;
let ids: Record<string, string>;
beforeAll(async () => {
  f = await startFixture();
  ids = await paragraphIds(f.admin, f.pid);
});
afterAll(async () => {
  await f.close();
});

const P = () => `/api/processes/${f.pid}`;
const target = (label: string) => ({ paragraph: ids[label] ?? null, label, point: null });

const tableDraft = async (body: Record<string, unknown>, decision?: string): Promise<string> => {
  const d = await f.kenya.call('POST', `${P()}/parties/kenya/drafts`, {
    summary: '',
    rationale: '',
    // Several proposals on the same paragraph, on purpose.
    another: true,
    ...body,
  });
  expect(d.status, JSON.stringify(d.json)).toBe(201);
  const t = await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${d.json.id}/table`);
  expect(t.status, JSON.stringify(t.json)).toBe(200);
  if (decision) {
    const dec = await f.cofac.call('POST', `${P()}/proposals/${d.json.id}/decision`, { decision });
    expect(dec.status, JSON.stringify(dec.json)).toBe(200);
  }
  return d.json.id as string;
};

describe('exports of proposals tabled against an earlier revision', () => {
  it('records the revision a proposal is tabled against, and re-anchors it on the next one', async () => {
    const open = await tableDraft({
      action: 'amend',
      targets: [target('2')],
      label: '2',
      text: 'The second paragraph, about open standards.',
      rationale: 'Open standards help everyone.',
    });
    const del = await tableDraft({ action: 'delete', targets: [target('3')], label: '3' });
    // Adds a word where the chairs' "mainly" goes: it cannot be placed on Rev.1's wording.
    const rival = await tableDraft({
      action: 'amend',
      targets: [target('2')],
      label: '2',
      text: 'The second paragraph, largely about standards.',
    });
    const tabled = await f.kenya.call('GET', `${P()}/proposals/${open}`);
    expect(tabled.json.base).toEqual({
      symbol: null,
      revision: 'Zero draft',
      title: 'Test process',
      hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });

    // The chairs' own changes for Rev.1: a new paragraph after §1 and "mainly" in §2.
    const insert = await tableDraft(
      {
        action: 'insert',
        targets: [target('1')],
        position: 'after',
        label: '1 bis',
        text: 'A new paragraph.',
      },
      'accepted',
    );
    const mainly = await tableDraft(
      {
        action: 'amend',
        targets: [target('2')],
        label: '2',
        text: 'The second paragraph, mainly about standards.',
      },
      'accepted',
    );
    expect((await f.cofac.call('POST', `${P()}/next`)).status).toBe(201);
    for (const id of [insert, mainly])
      expect((await f.cofac.call('POST', `${P()}/next/proposals/${id}/apply`, {})).status).toBe(200);
    const pub = await f.cofac.call('POST', `${P()}/next/publish`, {});
    expect(pub.status, JSON.stringify(pub.json)).toBe(201);
    expect([...pub.json.applied].sort()).toEqual([insert, mainly].sort());
    expect(pub.json.carried.map((e: Json) => [e.proposal, e.outcome])).toEqual([
      [open, 'rebased'],
      [del, 'moved'],
      [rival, 'unplaced'],
    ]);
    const carriedReport = await f.kenya.call('GET', `${P()}/revisions/1/carried`);
    expect(carriedReport.json.entries).toEqual(pub.json.carried);
    const rev = (id: string) => f.server.services.db.getProposal(f.pid, id);
    expect([rev(open)?.revision, rev(del)?.revision, rev(rival)?.revision]).toEqual([1, 1, 0]);

    const res = await f.request('GET', `${P()}/exports/comparison/json`, {
      headers: { authorization: `Bearer ${f.kenya.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('bis-reanchored')).toBe(
      '3 tabled against an earlier revision: 1 merged into new wording, 1 moved, 1 not placed',
    );
    const json = (await res.json()) as Json;
    const row = (id: string) => json.rows.find((r: Json) => r.id === id);
    // Kenya's "open" lands in Rev.1's §3 beside the chairs' "mainly", which Kenya does not strike.
    expect(row(open)).toMatchObject({
      label: '3',
      current: 'The second paragraph, mainly about standards.',
      proposed: 'The second paragraph, mainly about open standards.',
    });
    expect(row(open).runs.filter((r: Json) => r.op !== 'equal')).toEqual([{ op: 'insert', text: 'open ' }]);
    expect(row(open).baseNote).toBe(
      "Zero draft §2 → Rev.1 §3: §3 was reworded in Rev.1; the proposal's own changes are applied to the new wording",
    );
    expect(row(del)).toMatchObject({ label: '4', current: 'The third paragraph, about participation.' });
    // Applied in Rev.1: part of the text, not a change to it.
    expect(row(insert)).toBeUndefined();
    expect(row(mainly)).toBeUndefined();
    expect(json.reanchored.map((e: Json) => [e.proposal, e.outcome, e.label, e.newLabel])).toEqual(
      expect.arrayContaining([
        [open, 'rebased', '2', '3'],
        [del, 'moved', '3', '4'],
      ]),
    );

    // Carried over, it applies to the next revision (built on Rev.1) as merged onto Rev.1's wording.
    for (const id of [open, rival])
      expect(
        (await f.cofac.call('POST', `${P()}/proposals/${id}/decision`, { decision: 'accepted' })).status,
      ).toBe(200);
    expect((await f.cofac.call('POST', `${P()}/next`)).status).toBe(201);
    const applied = await f.cofac.call('POST', `${P()}/next/proposals/${open}/apply`, {});
    expect(applied.status, JSON.stringify(applied.json)).toBe(200);
    // The one not placed stays on the zero draft: applying it is refused, naming both texts.
    const apply = await f.cofac.call('POST', `${P()}/next/proposals/${rival}/apply`, {});
    expect(apply.status).toBe(409);
    expect(apply.json.error.message).toMatch(
      /^This proposal was tabled against Zero draft, not against Rev\.1, the revision being revised/,
    );

    // Tabled against Rev.1 now: written against the text it is exported against, no report.
    const fresh = await tableDraft({
      action: 'retain',
      targets: [{ paragraph: ids['1'], label: '1', point: null }],
      label: '1',
    });
    const again = await f.request('GET', `${P()}/exports/comparison/json`, {
      headers: { authorization: `Bearer ${f.kenya.token}` },
    });
    const later = (await again.json()) as Json;
    expect(later.reanchored.map((e: Json) => e.proposal)).not.toContain(fresh);
    expect((await f.kenya.call('GET', `${P()}/proposals/${fresh}`)).json.base.revision).toBe('Rev.1');
  });
});
