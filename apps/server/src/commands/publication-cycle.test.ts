import { readFileSync } from 'node:fs';
import { readCompilation } from '@bis/collab';
import { EXPORT_FORMATS, EXPORT_VIEWS } from '@bis/formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, type Json, paragraphIds, startFixture } from '../api/fixture.test-util';
import { compilationDoc } from './yjs-docs';

// Publication closes the cycle. Kenya tables against the zero draft: an amendment to §12, the
// deletion of §13 and a new paragraph before it (all accepted and applied), and an undecided
// amendment to §14. After Rev.1 is published the applied ones are "applied in Rev.1" and no
// export shows them as changes to Rev.1; the undecided one sits on Rev.1's §14 with its own
// change only.
const ZERO = readFileSync(
  new URL('../../../../fixtures/revisions/cycle-zero-draft.txt', import.meta.url),
  'utf8',
);

let f: Fixture;
let ids: Record<string, string>;
beforeAll(async () => {
  f = await startFixture({}, ZERO);
  ids = await paragraphIds(f.admin, f.pid);
});
afterAll(async () => {
  await f.close();
});

const P = () => `/api/processes/${f.pid}`;
const target = (label: string) => ({ paragraph: ids[label] ?? null, label, point: null });

const tabled = async (body: Record<string, unknown>, decision?: string): Promise<string> => {
  const d = await f.kenya.call('POST', `${P()}/parties/kenya/drafts`, {
    summary: '',
    rationale: '',
    ...body,
  });
  expect(d.status, JSON.stringify(d.json)).toBe(201);
  const t = await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${d.json.id}/table`);
  expect(t.status, JSON.stringify(t.json)).toBe(200);
  if (decision) {
    const r = await f.cofac.call('POST', `${P()}/proposals/${d.json.id}/decision`, { decision });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
  }
  return d.json.id as string;
};

const AMENDED_12 =
  'We recognize that digital divides persist between and within countries, and between women and men.';
const INSERTED = 'We welcome the Global Digital Compact as a framework for digital cooperation.';
const REV1_14 = 'We call upon all stakeholders to support capacity-building in developing countries.';
const UNDECIDED_14 =
  'We call upon all stakeholders to support capacity-building in developing countries, in particular least developed countries.';

describe('publishing Rev.1 closes the cycle', () => {
  it('marks applied proposals "applied in Rev.1", keeps them out of every export, and carries the rest over', async () => {
    const amend = await tabled(
      { action: 'amend', targets: [target('12')], label: '12', text: AMENDED_12 },
      'accepted',
    );
    const del = await tabled({ action: 'delete', targets: [target('13')], label: '13' }, 'accepted');
    const insert = await tabled(
      { action: 'insert', targets: [target('13')], position: 'before', label: '12 bis', text: INSERTED },
      'accepted',
    );
    const undecided = await tabled({
      action: 'amend',
      targets: [target('14')],
      label: '14',
      text: UNDECIDED_14,
    });

    // Drafts not tabled yet: one on §12 (reworded by the applied amendment), one on §13 (deleted).
    const draft = async (body: Record<string, unknown>) => {
      const d = await f.kenya.call('POST', `${P()}/parties/kenya/drafts`, {
        summary: '',
        rationale: '',
        ...body,
      });
      expect(d.status, JSON.stringify(d.json)).toBe(201);
      return d.json.id as string;
    };
    const on12 = await draft({
      action: 'amend',
      targets: [target('12')],
      label: '12',
      text: 'We recognize that significant digital divides persist between and within countries.',
    });
    const on13 = await draft({
      action: 'amend',
      targets: [target('13')],
      label: '13',
      text: 'We take note with appreciation of the work of the Internet Governance Forum since its creation.',
    });

    expect((await f.cofac.call('POST', `${P()}/next`)).status).toBe(201);
    for (const id of [amend, insert, del]) {
      const r = await f.cofac.call('POST', `${P()}/next/proposals/${id}/apply`, {});
      expect(r.status, JSON.stringify(r.json)).toBe(200);
    }
    const pub = await f.cofac.call('POST', `${P()}/next/publish`, {});
    expect(pub.status, JSON.stringify(pub.json)).toBe(201);
    expect([...pub.json.applied].sort()).toEqual([amend, del, insert].sort());
    expect(pub.json.carried.map((e: Json) => [e.proposal, e.outcome, e.label, e.newLabel])).toEqual([
      [undecided, 'kept', '14', '14'],
    ]);

    // The drafts are re-based the same way: the one on §12 carries its own change onto Rev.1's
    // wording; the one on the deleted §13 is reported and left as written.
    // (The tabled undecided one's draft follows its proposal; the applied ones' drafts stay.)
    expect(pub.json.drafts.map((x: Json) => x.party)).toEqual(['kenya']);
    const entries = pub.json.drafts[0].entries as Json[];
    expect(entries.map((e) => [e.proposal, e.outcome, e.newLabel]).sort()).toEqual(
      [
        [undecided, 'kept', '14'],
        [on12, 'rebased', '12'],
        [on13, 'unplaced', null],
      ].sort(),
    );

    const drafts = (await f.kenya.call('GET', `${P()}/parties/kenya/drafts`)).json.drafts as Json[];
    const draftOf = (id: string) => drafts.find((d) => d.id === id);
    expect(draftOf(on12)).toMatchObject({
      label: '12',
      text: 'We recognize that significant digital divides persist between and within countries, and between women and men.',
    });
    expect(draftOf(on13)).toMatchObject({
      label: '13',
      targets: [{ paragraph: ids['13'], label: '13', point: null }],
    });

    const rev1 = await f.kenya.call('GET', `${P()}/revisions/1/document`);
    const rev1Paras = (rev1.json.blocks as Json[]).filter((b) => b.kind === 'paragraph');
    expect(rev1Paras.slice(11).map((p) => `${p.label} ${p.text}`)).toEqual([
      `12 ${AMENDED_12}`,
      `13 ${INSERTED}`,
      `14 ${REV1_14}`,
      '15 We decide to review the implementation of this outcome document in 2035.',
    ]);
    const newId = rev1Paras[12]?.id as string;

    // Applied in Rev.1, with the passage each shaped; final (not tabled, not decidable).
    const shown = async (id: string) => (await f.kenya.call('GET', `${P()}/proposals/${id}`)).json;
    expect(await shown(amend)).toMatchObject({
      status: 'applied',
      appliedIn: {
        revision: 'Rev.1',
        number: 1,
        passages: [{ paragraph: ids['12'], label: '12', text: AMENDED_12 }],
      },
    });
    expect((await shown(del)).appliedIn.passages).toEqual([
      { paragraph: ids['13'], label: '13', text: null },
    ]);
    expect((await shown(insert)).appliedIn.passages).toEqual([
      { paragraph: newId, label: '13', text: INSERTED },
    ]);
    const again = await f.cofac.call('POST', `${P()}/proposals/${amend}/decision`, {
      decision: 'not-retained',
    });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toBe('It cannot be decided on again: it was applied in Rev.1.');
    expect((await f.kenya.call('POST', `${P()}/proposals/${del}/withdraw`)).status).toBe(409);

    // The undecided one now sits on Rev.1 §14 (same paragraph), tabled against Rev.1.
    const u = await shown(undecided);
    expect(u).toMatchObject({ status: 'tabled', decision: null, label: '14', text: UNDECIDED_14 });
    expect(u.targets).toEqual([{ paragraph: ids['14'], label: '14', point: null }]);
    expect(u.base.revision).toBe('Rev.1');
    expect(f.server.services.db.getProposal(f.pid, undecided)?.revision).toBe(1);

    // The compilation document the browsers read carries the same record.
    const compiled = await f.server.services.hub.read(compilationDoc(f.pid), readCompilation);
    const status = Object.fromEntries(compiled.map((p) => [p.id, p.status]));
    expect(status).toEqual({
      [amend]: 'applied',
      [del]: 'applied',
      [insert]: 'applied',
      [undecided]: 'tabled',
    });

    // Every export: the undecided amendment, and nothing of the applied ones.
    const get = async (path: string) => {
      const res = await f.request('GET', path, { headers: { authorization: `Bearer ${f.kenya.token}` } });
      expect(res.status, path).toBe(200);
      return res;
    };
    const json = (await (await get(`${P()}/exports/comparison/json`)).json()) as Json;
    expect(json.rows.map((r: Json) => r.id)).toEqual([undecided]);
    const row = json.rows[0];
    expect(row).toMatchObject({ label: '14', current: REV1_14, proposed: UNDECIDED_14 });
    // Its own words added, nothing of Rev.1 struck.
    const changes = row.runs.filter((r: Json) => r.op !== 'equal');
    expect(changes.map((r: Json) => r.op)).toEqual(['insert']);
    expect(changes[0].text).toMatch(/in particular least developed/);
    expect(json.reanchored.map((e: Json) => [e.proposal, e.outcome])).toEqual([[undecided, 'kept']]);
    for (const view of EXPORT_VIEWS)
      for (const format of EXPORT_FORMATS) {
        // A Word file is compressed (its words are checked in formats' own tests); plain text is
        // offered for the revision only.
        if (format === 'docx' || (format === 'txt' && view !== 'revision')) continue;
        const res = await get(`${P()}/exports/${view}/${format}`);
        // Markup (an `<ins>` around added words) is set aside; the words are what counts.
        const text = (await res.text()).replace(/<[^>]+>/g, '');
        const where = `${view}.${format}`;
        // The deleted paragraph's words are in no export of Rev.1, as a change or otherwise.
        expect(text, where).not.toContain('Internet Governance Forum');
        for (const id of [amend, del, insert]) expect(text, where).not.toContain(id);
        if (view !== 'revision') expect(text, where).toMatch(/least\W+developed/);
        if (view === 'comparison') {
          // Only the undecided proposal's paragraph is shown, beside its change.
          expect(text, where).not.toContain('between women and men');
          expect(text, where).not.toContain('Global Digital Compact');
        }
        if (format === 'json' && view !== 'revision') expect(text, where).toContain(undecided);
      }
  });
});
