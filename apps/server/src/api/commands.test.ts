import { readFileSync } from 'node:fs';
import { readDocument } from '@bis/collab';
import { type Proposal, paragraphsOf } from '@bis/core';
import { exportView, importDocxTextWithNotes, importText } from '@bis/formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilationDoc, nextDoc, revisionDoc, workspaceDoc } from '../commands/yjs-docs';
import { draftBody, type Fixture, startFixture } from './fixture.test-util';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f.close();
});

const P = () => `/api/processes/${f.pid}`;

const newDraft = async (over: Record<string, unknown> = {}): Promise<string> => {
  const r = await f.kenya.call('POST', `${P()}/parties/kenya/drafts`, draftBody(over));
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json.id as string;
};

const snapshot = () => ({
  audit: f.server.services.db.countAudit(),
  proposals: JSON.stringify(f.server.services.db.listProposals(f.pid)),
  parties: JSON.stringify(f.server.services.db.listParties(f.pid)),
});

describe('drafts live in the party workspace', () => {
  it('lets two members of a party see the same draft, and nobody else', async () => {
    const id = await newDraft();
    const mine = await f.kenya2.call('GET', `${P()}/parties/kenya/drafts`);
    expect(mine.status).toBe(200);
    expect(mine.json.drafts.map((d: { id: string }) => d.id)).toContain(id);
    for (const other of [f.ngo, f.observer, f.cofac, f.admin]) {
      const r = await other.call('GET', `${P()}/parties/kenya/drafts`);
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe('forbidden');
    }
    // Anonymous callers do not even learn that a private process exists.
    expect((await f.anon.call('GET', `${P()}/parties/kenya/drafts`)).status).toBe(404);
  });

  it("refuses REST calls on another party's drafts and changes nothing", async () => {
    const id = await newDraft();
    const before = snapshot();
    expect((await f.ngo.call('POST', `${P()}/parties/kenya/drafts`, draftBody())).status).toBe(403);
    expect((await f.ngo.call('POST', `${P()}/parties/kenya/drafts/${id}/table`)).status).toBe(403);
    expect(
      (await f.ngo.call('POST', `${P()}/parties/kenya/imports`, { text: '- **§1** → *Delete*.' })).status,
    ).toBe(403);
    expect(snapshot()).toEqual(before);
    const drafts = await f.server.services.hub.read(
      workspaceDoc(f.pid, 'kenya'),
      (d) => d.getMap('drafts').size,
    );
    expect(drafts).toBeGreaterThan(0);
  });
});

describe('tabling', () => {
  it('copies the draft into the compilation as frozen version 1, then 2 after an edit', async () => {
    const id = await newDraft({ text: 'Version one of the text.' });
    const r = await f.kenya2.call('POST', `${P()}/parties/kenya/drafts/${id}/table`);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.status).toBe('tabled');
    const inDoc = await f.server.services.hub.read(
      compilationDoc(f.pid),
      (d) => d.getMap('proposals').get(id) as Proposal,
    );
    expect(inDoc.party).toBe('Kenya');
    expect(inDoc.versions).toHaveLength(1);
    expect(inDoc.versions[0]?.text).toBe('Version one of the text.');

    // Unchanged: refused as a conflict with a reason.
    const again = await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${id}/table`);
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/nothing changed/i);

    // Edit the draft in the workspace (as a client would) and table again.
    await f.server.services.hub.transact(workspaceDoc(f.pid, 'kenya'), (d) => {
      const draft = d.getMap('drafts').get(id) as import('yjs').Map<unknown>;
      const text = draft.get('text') as import('yjs').XmlFragment;
      const p = text.get(0) as import('yjs').XmlElement;
      (p.get(0) as import('yjs').XmlText).insert(0, 'Revised: ');
    });
    const v2 = await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${id}/table`);
    expect(v2.status).toBe(200);
    const doc2 = await f.server.services.hub.read(
      compilationDoc(f.pid),
      (d) => d.getMap('proposals').get(id) as Proposal,
    );
    expect(doc2.versions.map((v) => v.text)).toEqual([
      'Version one of the text.',
      'Revised: Version one of the text.',
    ]);
  });

  it('refuses the observer and civil society on commands that are not theirs', async () => {
    const id = await newDraft({ text: 'To be decided.' });
    expect((await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${id}/table`)).status).toBe(200);
    const before = snapshot();
    expect((await f.observer.call('POST', `${P()}/parties/kenya/drafts/${id}/table`)).status).toBe(403);
    expect(
      (await f.observer.call('POST', `${P()}/proposals/${id}/decision`, { decision: 'accepted' })).status,
    ).toBe(403);
    expect((await f.observer.call('POST', `${P()}/proposals/${id}/withdraw`)).status).toBe(403);
    expect(
      (await f.observer.call('POST', `${P()}/proposals/${id}/supporters`, { party: 'kenya' })).status,
    ).toBe(403);
    const ngoDecides = await f.ngo.call('POST', `${P()}/proposals/${id}/decision`, { decision: 'accepted' });
    expect(ngoDecides.status).toBe(403);
    expect(ngoDecides.json.error.message).toMatch(/co-facilitators/);
    expect((await f.ngo.call('POST', `${P()}/proposals/${id}/withdraw`)).status).toBe(403);
    expect(
      (await f.kenya.call('POST', `${P()}/proposals/${id}/decision`, { decision: 'accepted' })).status,
    ).toBe(403);
    expect((await f.observer.call('GET', `${P()}/audit`)).status).toBe(403);
    expect(snapshot()).toEqual(before);
  });

  it('records a decision that the proponent then sees, in the REST record and the compilation', async () => {
    const id = await newDraft({ text: 'Please accept this.' });
    await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${id}/table`);
    const d = await f.cofac.call('POST', `${P()}/proposals/${id}/decision`, {
      decision: 'accepted-as-modified',
      note: 'Shorter.',
    });
    expect(d.status, JSON.stringify(d.json)).toBe(200);
    const seen = await f.kenya.call('GET', `${P()}/proposals/${id}`);
    expect(seen.json.decision).toBe('accepted-as-modified');
    expect(seen.json.decisionNote).toBe('Shorter.');
    const inDoc = await f.server.services.hub.read(
      compilationDoc(f.pid),
      (x) => x.getMap('proposals').get(id) as Proposal,
    );
    expect(inDoc.decision).toBe('accepted-as-modified');
    const log = await f.cofac.call('GET', `${P()}/audit`);
    const last = log.json.entries.at(-1);
    expect(last.action).toBe('proposal.decide');
    expect(last.userId).toBe(f.cofac.userId);
  });

  it('lets another party support and co-sponsor, but not the proponent itself', async () => {
    const id = await newDraft({ text: 'Support me.' });
    await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${id}/table`);
    expect(
      (await f.ngo.call('POST', `${P()}/proposals/${id}/supporters`, { party: 'ngo' })).json.supporters,
    ).toEqual(['Paradigm Initiative']);
    expect((await f.ngo.call('POST', `${P()}/proposals/${id}/supporters`, { party: 'kenya' })).status).toBe(
      403,
    );
    expect((await f.kenya.call('POST', `${P()}/proposals/${id}/supporters`, { party: 'kenya' })).status).toBe(
      409,
    );
    const w = await f.kenya.call('POST', `${P()}/proposals/${id}/withdraw`);
    expect(w.json.status).toBe('withdrawn');
  });
});

describe('the compilation follows the db', () => {
  it('rewrites only proposals whose compiled copy differs from the record', async () => {
    const { reconcileCompilation } = await import('../commands/yjs-docs');
    const { hub, db } = f.server.services;
    expect(await reconcileCompilation(hub, db, f.pid)).toBe(0);
    const some = db.listProposals(f.pid)[0];
    expect(some).toBeDefined();
    await hub.transact(compilationDoc(f.pid), (d) =>
      d.getMap('proposals').delete(some?.proposal.id as string),
    );
    expect(await reconcileCompilation(hub, db, f.pid)).toBe(1);
    const back = await hub.read(compilationDoc(f.pid), (d) =>
      d.getMap('proposals').get(some?.proposal.id as string),
    );
    expect(back).toEqual(some?.proposal);
  });
});

describe('validation', () => {
  it('answers bad bodies with a 400 naming the field, and changes nothing', async () => {
    const before = snapshot();
    const cases: [string, string, unknown, string][] = [
      ['POST', `${P()}/parties`, { name: '', group: 'member-state' }, 'body.name'],
      ['POST', `${P()}/parties`, { name: 'Chile', group: 'planet' }, 'body.group'],
      ['POST', `${P()}/parties`, { name: 'Chile', group: 'member-state', colour: 'red' }, 'body'],
      ['POST', `${P()}/parties/kenya/drafts`, draftBody({ action: 'rewrite' }), 'body.action'],
      ['POST', `${P()}/parties/kenya/drafts`, draftBody({ targets: [] }), 'body.targets'],
      ['POST', `${P()}/parties/kenya/drafts`, '{not json', 'body'],
      ['POST', '/api/processes', { title: 'No text' }, 'body.document'],
      ['POST', '/api/processes', { document: { format: 'bis.document/1', blocks: 'x' } }, 'blocks'],
    ];
    for (const [method, path, body, field] of cases) {
      const who = path.includes('/drafts') ? f.kenya : f.admin;
      const r = await who.call(method, path, body);
      expect(r.status, `${path} ${JSON.stringify(body)} → ${JSON.stringify(r.json)}`).toBe(400);
      expect(r.json.error.code).toBe('invalid');
      expect(r.json.error.field, JSON.stringify(r.json)).toContain(field);
      expect(r.json.error.message.length).toBeGreaterThan(10);
    }
    const decision = await f.cofac.call('POST', `${P()}/proposals/x/decision`, { decision: 'maybe' });
    expect(decision.status).toBe(400);
    expect(decision.json.error.field).toBe('body.decision');
    expect(snapshot()).toEqual(before);
  });
});

describe('processes and people', () => {
  it('writes the zero draft into the revision and next documents', async () => {
    for (const name of [revisionDoc(f.pid, 0), nextDoc(f.pid)]) {
      const doc = await f.server.services.hub.read(name, (d) => readDocument(d));
      expect(paragraphsOf(doc).map((p) => p.label)).toEqual(['1', '2', '3']);
    }
    const rest = await f.observer.call('GET', `${P()}/revisions/0/document`);
    expect(rest.json.blocks.filter((b: { kind: string }) => b.kind === 'paragraph')).toHaveLength(3);
  });

  it('keeps a private process hidden from outsiders and shows a public one to all', async () => {
    expect((await f.anon.call('GET', P())).status).toBe(404);
    const me = await f.ngo.call('GET', P());
    expect(me.status).toBe(200);
    expect(me.json.you).toEqual({ roles: ['delegate'], parties: ['ngo'] });
    const pub = await f.admin.call('POST', '/api/processes', {
      id: 'pub',
      public: true,
      text: '1. Open text.\n',
      fileName: 'x.txt',
    });
    expect(pub.status, JSON.stringify(pub.json)).toBe(201);
    expect((await f.anon.call('GET', '/api/processes/pub')).status).toBe(200);
    expect((await f.anon.call('GET', '/api/processes/pub/revisions/0/document')).json.blocks).toHaveLength(1);
    expect((await f.anon.call('POST', '/api/processes', { text: '1. X.\n' })).status).toBe(401);
    expect((await f.kenya.call('PUT', '/api/processes/pub/public', { public: false })).status).toBe(403);
    expect((await f.admin.call('PUT', '/api/processes/pub/public', { public: false })).json.public).toBe(
      false,
    );
    expect((await f.anon.call('GET', '/api/processes/pub')).status).toBe(404);
    expect((await f.kenya.call('POST', '/api/processes', { text: '1. X.\n' })).status).toBe(403);
  });

  it('takes away write rights at once when a member is removed from the party', async () => {
    const inv = await f.admin.call('POST', `${P()}/invitations`, { name: 'Temp', party: 'kenya' });
    const uid = inv.json.user.id as string;
    const { docAccess } = await import('../auth/permissions');
    const principal = { userId: uid, name: 'Temp', admin: false, via: 'token' as const };
    expect(docAccess(f.server.services.db, principal, `p/${f.pid}/ws/kenya`)).toEqual({
      read: true,
      write: true,
    });
    expect((await f.admin.call('DELETE', `${P()}/parties/kenya/members`, { userId: uid })).status).toBe(200);
    expect(docAccess(f.server.services.db, principal, `p/${f.pid}/ws/kenya`)).toEqual({
      read: false,
      write: false,
    });
  });

  it('imports written proposals into a workspace with labels left as written', async () => {
    const text =
      '- **§77 (on human rights)** → *Amend*: Add dignity.\n\n“We reaffirm ... digital dignity.”\n';
    const r = await f.ngo.call('POST', `${P()}/parties/ngo/imports`, { text, fileName: 'input.txt' });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.drafts).toHaveLength(1);
    expect(r.json.drafts[0].targets[0]).toMatchObject({ paragraph: null, label: '77' });
  });

  it('refuses written input with a line it cannot read, unless lenient, and writes nothing', async () => {
    const text = 'We urge that paragraphs 2 and 4 be retained.\nParagraph 7 raises questions of its own.\n';
    const before = await f.ngo.call('GET', `${P()}/parties/ngo/drafts`);
    const r = await f.ngo.call('POST', `${P()}/parties/ngo/imports`, { text, fileName: 'letter.txt' });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toContain('letter.txt:2: names §7, but no action was understood');
    const after = await f.ngo.call('GET', `${P()}/parties/ngo/drafts`);
    expect(after.json.drafts).toHaveLength(before.json.drafts.length);

    const ok = await f.ngo.call('POST', `${P()}/parties/ngo/imports`, {
      text,
      fileName: 'letter.txt',
      lenient: true,
    });
    expect(ok.status, JSON.stringify(ok.json)).toBe(201);
    expect(ok.json.drafts.map((d: { label: string }) => d.label)).toEqual(['2', '4']);
    expect(ok.json.warnings).toEqual([expect.stringMatching(/^letter\.txt:2: names §7/)]);

    const compilation = 'Paragraph 5\n• Norway, Government: We reaffirm the vision.\n';
    const others = await f.ngo.call('POST', `${P()}/parties/ngo/imports`, { text: compilation });
    expect(others.status).toBe(400);
    expect(others.json.error.message).toContain('attributes proposals to Norway');

    const none = await f.ngo.call('POST', `${P()}/parties/ngo/imports`, { text: 'Dear all,\nThanks.\n' });
    expect(none.status).toBe(400);
    expect(none.json.error.message).toContain('no proposals found. The forms understood are:');
  });

  it('creates a process from an uploaded text file (multipart)', async () => {
    const form = new FormData();
    form.set('file', new File(['I. Scope\n\n1. Uploaded paragraph.\n\n2. Another one.\n'], 'upload.txt'));
    form.set('id', 'uploaded');
    form.set('public', 'false');
    const res = await f.request('POST', '/api/processes', {
      body: form as never,
      headers: { authorization: `Bearer ${f.admin.token}` },
    });
    const json = (await res.json()) as { id: string; title: string };
    expect(res.status, JSON.stringify(json)).toBe(201);
    expect(json.id).toBe('uploaded');
    const doc = await f.admin.call('GET', '/api/processes/uploaded/revisions/0/document');
    expect(doc.json.blocks.filter((b: { kind: string }) => b.kind === 'paragraph')).toHaveLength(2);
  });

  it('answers a process created from a text with the import notes: the page furniture it dropped, by line', async () => {
    const name = 'ga-resolution-pdf-copy.txt';
    const text = readFileSync(new URL(`../../../../fixtures/texts/${name}`, import.meta.url), 'utf8');
    const form = new FormData();
    form.set('file', new File([text], name));
    form.set('id', 'furnished');
    const res = await f.request('POST', '/api/processes', {
      body: form as never,
      headers: { authorization: `Bearer ${f.admin.token}` },
    });
    const json = (await res.json()) as {
      id: string;
      importNotes: { line: number; kind: string; message: string }[];
    };
    expect(res.status, JSON.stringify(json)).toBe(201);
    expect(json.id).toBe('furnished');
    const furniture = json.importNotes.filter((n) => n.kind === 'furniture');
    // `2/5   23-25734` (line 32), the running header (34), `23-25734   3/5` (47) and more pages after.
    expect(furniture.map((n) => n.line)).toEqual(expect.arrayContaining([32, 34, 47]));
    expect(furniture.find((n) => n.line === 32)?.message).toBe(
      'dropped page number and job number "2/5 23-25734"',
    );
    expect(furniture.find((n) => n.line === 34)?.message).toContain('running symbol');
    expect(json.importNotes.map((n) => n.line)).toEqual(
      [...json.importNotes.map((n) => n.line)].sort((a, b) => a - b),
    );
    // The notes are the importer's own, and nothing they name is left in the stored text.
    const doc = await f.admin.call('GET', '/api/processes/furnished/revisions/0/document');
    expect(JSON.stringify(doc.json)).not.toContain('23-25734');

    const fromJson = await f.admin.call('POST', '/api/processes', { id: 'from-json', document: doc.json });
    expect(fromJson.status, JSON.stringify(fromJson.json)).toBe(201);
    expect(fromJson.json.importNotes).toEqual([]);
    const plain = await f.admin.call('POST', '/api/processes', { id: 'plain', text: '1. Clean text.\n' });
    expect(plain.json.importNotes).toEqual([]);
  });

  it('creates a process from an uploaded .docx with its import notes by Word paragraph', async () => {
    // A Word copy of a text with a bracket left open, as the revision export writes it.
    const source = importText(
      'The General Assembly,\n\nRecalling its resolution 70/125 of 16 December 2015,\n\n1. Decides to convene a high-level meeting in 2025;\n\n2. Requests the Secretary-General to report [on progress;\n\n3. Decides to remain seized of the matter.\n',
    );
    const file = await exportView('revision', 'docx', { document: source, proposals: [] });
    const bytes = file.data as Uint8Array;
    const form = new FormData();
    form.set('file', new File([new Uint8Array(bytes)], 'resolution.docx'));
    form.set('id', 'from-docx');
    const res = await f.request('POST', '/api/processes', {
      body: form as never,
      headers: { authorization: `Bearer ${f.admin.token}` },
    });
    const json = (await res.json()) as { importNotes: { line: number; kind: string }[] };
    expect(res.status, JSON.stringify(json)).toBe(201);
    expect(json.importNotes.map((n) => n.kind)).toContain('brackets');
    expect(json.importNotes).toEqual(importDocxTextWithNotes(bytes, { fileName: 'resolution.docx' }).notes);
    const doc = await f.admin.call('GET', '/api/processes/from-docx/revisions/0/document');
    expect(doc.json.blocks.filter((b: { kind: string }) => b.kind === 'paragraph')).toHaveLength(4);

    const broken = new FormData();
    broken.set('file', new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])], 'broken.docx'));
    broken.set('id', 'broken-docx');
    const bad = await f.request('POST', '/api/processes', {
      body: broken as never,
      headers: { authorization: `Bearer ${f.admin.token}` },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('broken.docx');
    expect((await f.admin.call('GET', '/api/processes/broken-docx')).status).toBe(404);
  });

  it('exports the comparison view as a download', async () => {
    const r = await f.request('GET', `${P()}/exports/comparison/csv`, {
      headers: { authorization: `Bearer ${f.kenya.token}` },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toContain(`${f.pid}-comparison.csv`);
    expect(await r.text()).toContain('Kenya');
    const bad = await f.kenya.call('GET', `${P()}/exports/comparison/pdf`);
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe('format');
  });

  it('sends a Word export as it is (a zip already), even to a client that accepts gzip', async () => {
    const r = await f.request('GET', `${P()}/exports/comparison/docx`, {
      headers: { authorization: `Bearer ${f.kenya.token}`, 'accept-encoding': 'gzip' },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-encoding')).toBeNull();
    expect(
      Buffer.from(await r.arrayBuffer())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
  });

  it('exports one section, one party or one action, and says what is wrong with a filter', async () => {
    await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${await newDraft({ label: '3' })}/table`);
    const doc = await f.kenya.call('GET', `${P()}/revisions/0/document`);
    const heading = doc.json.blocks.find((b: { kind: string }) => b.kind === 'heading') as { id: string };
    const get = (query: string) =>
      f.request('GET', `${P()}/exports/comparison/csv?${query}`, {
        headers: { authorization: `Bearer ${f.kenya.token}` },
      });
    const section = await get(`section=${encodeURIComponent(heading.id)}`);
    expect(section.status).toBe(200);
    expect(section.headers.get('content-disposition')).toMatch(/comparison-section-[a-z0-9-]+\.csv/);
    expect(await section.text()).toContain('Kenya');
    const kenya = await get('party=Kenya&action=amend');
    expect(kenya.headers.get('content-disposition')).toContain('comparison-party-kenya-amend.csv');
    expect(await kenya.text()).toContain('Kenya');
    const nobody = await get('party=Nobody');
    expect(nobody.status).toBe(200);
    expect(await nobody.text()).not.toContain('Kenya');
    for (const [query, field, words] of [
      ['section=no-such-heading', 'section', /No section heading "no-such-heading"/],
      ['action=merge', 'action', /Unknown action "merge"; use one of amend/],
      ['colour=red', 'colour', /Unknown parameter "colour"/],
      ['party=', 'party', /1 to 200 characters/],
    ] as const) {
      const r = await get(query);
      expect(r.status, query).toBe(400);
      const body = (await r.json()) as { error: { field: string; message: string } };
      expect(body.error.field).toBe(field);
      expect(body.error.message).toMatch(words);
    }
  });
});
