import { readDocument, textFragment } from '@bis/collab';
import { paragraphsOf } from '@bis/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Fixture, type Json, paragraphIds, startFixture, stockClient } from '../api/fixture.test-util';
import { nextDoc, revisionDoc } from './yjs-docs';

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

// The stock y-websocket client on the next document, with the cookie a browser would send.
const connect = (cookie: string) => stockClient(f.server.url, nextDoc(f.pid), cookie);

// Kenya tables a proposal; the co-facilitator decides it. Returns its id.
const tabledAndDecided = async (body: Record<string, unknown>, decision = 'accepted'): Promise<string> => {
  const d = await f.kenya.call('POST', `${P()}/parties/kenya/drafts`, {
    summary: '',
    rationale: 'Because.',
    ...body,
  });
  expect(d.status, JSON.stringify(d.json)).toBe(201);
  const t = await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${d.json.id}/table`);
  expect(t.status, JSON.stringify(t.json)).toBe(200);
  if (decision !== 'none') {
    const dec = await f.cofac.call('POST', `${P()}/proposals/${d.json.id}/decision`, { decision });
    expect(dec.status, JSON.stringify(dec.json)).toBe(200);
  }
  return d.json.id as string;
};
const target = (label: string) => ({ paragraph: ids[label] ?? null, label, point: null });

describe('from decisions to Rev.1 over REST', () => {
  it('opens, applies, shows a conflict, resolves it, publishes with a concordance, and compares', async () => {
    // Tabling deadline and freeze, enforced when tabling.
    const frozen = await f.cofac.call('PUT', `${P()}/tabling`, { open: false, deadline: null });
    expect(frozen.status, JSON.stringify(frozen.json)).toBe(200);
    const late = await f.kenya.call('POST', `${P()}/parties/kenya/drafts`, {
      action: 'amend',
      targets: [target('3')],
      label: '3',
      text: 'Too late.',
    });
    const refused = await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${late.json.id}/table`);
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/frozen/);
    await f.cofac.call('PUT', `${P()}/tabling`, { open: true, deadline: '2026-01-02T00:00:00Z' });
    f.clock.now = Date.UTC(2026, 0, 3);
    expect(
      (await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${late.json.id}/table`)).json.error.message,
    ).toMatch(/deadline/);
    await f.cofac.call('PUT', `${P()}/tabling`, { open: true, deadline: null });

    const amend = await tabledAndDecided({
      action: 'amend',
      targets: [target('2')],
      label: '2',
      text: 'The second paragraph, about open standards.',
    });
    const insert = await tabledAndDecided(
      {
        action: 'insert',
        targets: [target('1')],
        position: 'after',
        label: '1 bis',
        text: 'A new paragraph.',
      },
      'accepted-as-modified',
    );
    const rival = await tabledAndDecided({
      action: 'amend',
      targets: [target('2')],
      label: '2',
      text: 'The second paragraph, about closed standards.',
    });
    const del = await tabledAndDecided({ action: 'delete', targets: [target('3')], label: '3' });
    const rejected = await tabledAndDecided(
      { action: 'amend', targets: [target('1')], label: '1', text: 'Rejected.' },
      'not-retained',
    );

    const undecided = await tabledAndDecided(
      { action: 'amend', targets: [target('2')], label: '2', text: 'A later idea for the second paragraph.' },
      'none',
    );

    expect((await f.cofac.call('POST', `${P()}/next/proposals/${amend}/apply`)).status).toBe(409);
    const opened = await f.cofac.call('POST', `${P()}/next`);
    expect(opened.status, JSON.stringify(opened.json)).toBe(201);
    expect(opened.json).toEqual({ base: 0, name: 'Rev.1' });
    expect((await f.cofac.call('POST', `${P()}/next`)).status).toBe(409);

    const view0 = await f.cofac.call('GET', `${P()}/next`);
    expect(view0.status).toBe(200);
    expect(view0.json.candidates.map((c: Json) => c.proposal.id).sort()).toEqual(
      [amend, insert, rival, del].sort(),
    );

    for (const id of [amend, insert, del]) {
      const r = await f.cofac.call('POST', `${P()}/next/proposals/${id}/apply`, {});
      expect(r.status, JSON.stringify(r.json)).toBe(200);
    }
    // The rival amendment of §2 is a conflict: shown, not applied.
    const clash = await f.cofac.call('POST', `${P()}/next/proposals/${rival}/apply`);
    expect(clash.status).toBe(409);
    expect(clash.json.conflicts).toEqual([
      { kind: 'already-changed', proposal: rival, paragraph: ids['2'], label: '2', by: [amend] },
    ]);
    const view1 = await f.cofac.call('GET', `${P()}/next`);
    expect(view1.json.candidates).toEqual([
      expect.objectContaining({ conflicts: [expect.objectContaining({ kind: 'already-changed' })] }),
    ]);
    // The text carries the applied proposals as tracked changes naming them.
    const marks = await f.server.services.hub.read(nextDoc(f.pid), (doc) => {
      const found: string[] = [];
      const walk = (n: Y.XmlElement | Y.XmlText | Y.XmlFragment) => {
        if (n instanceof Y.XmlText)
          for (const op of n.toDelta() as { attributes?: Record<string, { proposal?: string }> }[]) {
            const a = op.attributes;
            if (a?.ins?.proposal) found.push(`ins ${a.ins.proposal}`);
            if (a?.del?.proposal) found.push(`del ${a.del.proposal}`);
          }
        else for (const c of n.toArray()) walk(c as Y.XmlElement | Y.XmlText);
      };
      walk(textFragment(doc));
      return new Set(found);
    });
    // ("about standards" → "about open standards": one insertion, nothing struck.)
    expect(marks).toEqual(new Set([`ins ${amend}`, `ins ${insert}`]));

    // The chairs resolve the clash by writing both into §2 themselves and recording it.
    await f.server.services.hub.transact(nextDoc(f.pid), (doc) => {
      for (const node of textFragment(doc).toArray())
        if (node instanceof Y.XmlElement && node.getAttribute('id') === ids['2']) {
          const body = node.get(0) as Y.XmlElement;
          const text = body.get(0) as Y.XmlText;
          text.insert(text.length, ' Open and closed alike.');
        }
    });
    const byHand = await f.cofac.call('POST', `${P()}/next/proposals/${rival}/by-hand`, {
      paragraphs: [ids['2']],
      note: 'merged with the open-standards wording',
    });
    expect(byHand.status, JSON.stringify(byHand.json)).toBe(200);

    const newPara = view1.json.provenance.find((x: Json) => x.label === '1 bis');
    expect(newPara).toMatchObject({ origin: 'proposals', proposals: [insert], editing: true, isNew: true });
    const bracket = await f.cofac.call('PUT', `${P()}/next/paragraphs/${newPara.id}`, {
      status: 'agreed-ad-ref',
      brackets: [{ passage: 'new', alternatives: ['further'] }],
    });
    expect(bracket.status, JSON.stringify(bracket.json)).toBe(200);
    expect(
      (await f.cofac.call('PUT', `${P()}/next/paragraphs/${newPara.id}`, { status: 'agreed' })).json.error
        .message,
    ).toMatch(/bracket/);

    const pub = await f.cofac.call('POST', `${P()}/next/publish`, {});
    expect(pub.status, JSON.stringify(pub.json)).toBe(201);
    expect(pub.json.number).toBe(1);
    expect(pub.json.concordance.map((r: Json) => [r.from, r.working, r.to])).toEqual([
      ['1', '1', '1'],
      [null, '1 bis', '2'],
      ['2', '2', '3'],
      ['3', null, null],
    ]);

    // Everyone reads Rev.1, its concordance, the comparison and the input report.
    const rev1 = await f.kenya.call('GET', `${P()}/revisions/1/document`);
    expect(rev1.json.revision).toBe('Rev.1');
    expect(
      rev1.json.blocks.filter((b: Json) => b.kind === 'paragraph').map((b: Json) => [b.label, b.text]),
    ).toEqual([
      ['1', 'The first paragraph of the base text.'],
      ['2', 'A [new] / [further] paragraph.'],
      ['3', 'The second paragraph, about open standards. Open and closed alike.'],
    ]);
    const conc = await f.observer.call('GET', `${P()}/revisions/1/concordance`);
    expect(conc.json.rows[1]).toMatchObject({ working: '1 bis', to: '2', proposals: [insert] });
    const cmp = await f.kenya.call('GET', `${P()}/compare/0/1`);
    expect(cmp.json.alignedBy).toBe('id');
    expect(cmp.json.rows.map((r: Json) => [r.kind, r.oldLabel, r.newLabel])).toEqual([
      ['unchanged', '1', '1'],
      ['added', null, '2'],
      ['changed', '2', '3'],
      ['removed', '3', null],
    ]);
    for (const format of ['docx', 'html', 'csv']) {
      const file = await f.request('GET', `${P()}/compare/0/1/${format}`, {
        headers: { authorization: `Bearer ${f.kenya.token}` },
      });
      expect(file.status).toBe(200);
      expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
    const report = await f.kenya.call('GET', `${P()}/revisions/1/report`);
    const outcome = Object.fromEntries(
      report.json.rows.map((r: Json) => [r.proposal, [r.outcome, r.landed]]),
    );
    expect(outcome[amend]).toEqual(['applied', ['3']]);
    // Accepted as modified, but its words were left as applied (brackets are data, not text):
    // the report says applied, not "applied as modified" (the chairs' edit of §2 went into the
    // by-hand resolution of `rival`).
    expect(outcome[insert]).toEqual(['applied', ['2']]);
    expect(outcome[del]).toEqual(['applied', ['deleted (was 3)']]);
    expect(outcome[rival]).toEqual(['applied-by-hand', ['3']]);
    expect(outcome[rejected]).toEqual(['not-retained', []]);

    // The frozen Yjs copy of Rev.1 holds the same text.
    const frozenText = await f.server.services.hub.read(revisionDoc(f.pid, 1), (d) => readDocument(d));
    expect(paragraphsOf(frozenText).map((p) => p.label)).toEqual(['1', '2', '3']);
    const proc = await f.kenya.call('GET', P());
    expect(proc.json.currentRevision).toBe(1);

    // Unapplied proposals stay with the Zero draft and are carried over to Rev.1 by their party.
    const carried = await f.kenya.call('GET', `${P()}/parties/kenya/carried-over`);
    expect(carried.status).toBe(200);
    const later = carried.json.proposals.find((c: Json) => c.from === undecided);
    expect(later.draft.targets).toEqual([{ paragraph: ids['2'], label: '3', point: null }]);
    expect(carried.json.proposals.map((c: Json) => c.from)).not.toContain(rejected);
    expect((await f.ngo.call('POST', `${P()}/parties/kenya/carried-over/${undecided}`)).status).toBe(403);
    const copy = await f.kenya.call('POST', `${P()}/parties/kenya/carried-over/${undecided}`);
    expect(copy.status, JSON.stringify(copy.json)).toBe(201);
    expect(copy.json.draft).toMatchObject({ label: '3', text: 'A later idea for the second paragraph.' });
    const retabled = await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${copy.json.draft.id}/table`);
    expect(retabled.status, JSON.stringify(retabled.json)).toBe(200);
    expect(f.server.services.db.getProposal(f.pid, copy.json.draft.id)?.revision).toBe(1);

    const audit = await f.cofac.call('GET', `${P()}/audit`);
    const actions = audit.json.entries.map((e: Json) => e.action);
    for (const a of [
      'revision.open',
      'revision.apply',
      'revision.apply-by-hand',
      'revision.paragraph',
      'revision.publish',
      'revision.tabling',
      'revision.carry-over',
    ])
      expect(actions).toContain(a);
  });

  it('refuses non-co-facilitators over REST, and their clients cannot write the working text', async () => {
    const before = f.server.services.db.countAudit();
    for (const who of [f.kenya, f.observer, f.ngo]) {
      expect((await who.call('POST', `${P()}/next`, { reset: true })).status).toBe(403);
      expect((await who.call('GET', `${P()}/next`)).status).toBe(403);
      expect((await who.call('POST', `${P()}/next/proposals/x/apply`)).status).toBe(403);
      expect((await who.call('POST', `${P()}/next/publish`)).status).toBe(403);
      expect((await who.call('PUT', `${P()}/tabling`, { open: false, deadline: null })).status).toBe(403);
    }
    expect((await f.anon.call('POST', `${P()}/next/publish`)).status).toBe(401);
    expect(f.server.services.db.countAudit()).toBe(before);

    const snapshot = () =>
      f.server.services.hub.read(nextDoc(f.pid), (d) => Buffer.from(Y.encodeStateAsUpdate(d)));
    const size = await snapshot();
    const delegate = connect(await f.sessionFor({ party: 'kenya' }));
    // The delegate's client is refused (4403): it never syncs, and what it writes never lands.
    delegate.doc.getXmlFragment('text').insert(0, [new Y.XmlElement('paragraph')]);
    expect(await delegate.closed).toBe(4403);
    expect(delegate.provider.synced).toBe(false);
    delegate.provider.destroy();
    expect((await snapshot()).equals(size)).toBe(true);
    // A co-facilitator's client syncs and can write.
    const chair = connect(await f.sessionFor({ role: 'co-facilitator' }));
    await chair.synced;
    expect(chair.doc.getXmlFragment('text').length).toBeGreaterThan(0);
    chair.provider.destroy();
  }, 20_000);
});
