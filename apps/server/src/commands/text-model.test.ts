// A process whose text has a lettered preamble, an unnumbered one, status tags, chapeau headings
// and brackets, end to end over REST and the Yjs documents: created, read, a preambular insertion
// applied in the live `next` document, published as Rev.1 — the text model must hold throughout.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readDocument } from '@bis/collab';
import { type BisDocument, documentFromJSON, paragraphsOf, printedLabel } from '@bis/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, type Fixture, type Json, startFixture } from '../api/fixture.test-util';
import { nextDoc, revisionDoc } from './yjs-docs';

const PID = 'wsis';

// bis.document/2 as an importer writes it: order keys left for the reader to generate.
const base = {
  format: 'bis.document/2',
  title: 'WSIS+20 outcome document',
  symbol: 'A/80/L.99',
  revision: 'Zero draft',
  preamble: '',
  blocks: [
    { kind: 'heading', id: 'h0', level: 1, number: null, title: 'We, the Ministers,', role: 'chapeau' },
    {
      kind: 'paragraph',
      id: 'a',
      label: 'PP1',
      text: 'Recall the Geneva Declaration,',
      points: [],
      footnotes: [],
      labelStyle: 'lettered',
    },
    {
      kind: 'paragraph',
      id: 'b',
      label: 'PP2',
      text: 'Reaffirm [[our commitment]],',
      points: [],
      footnotes: [],
      labelStyle: 'lettered',
      tags: ['agreed'],
    },
    {
      kind: 'paragraph',
      id: 'c',
      label: 'PP3',
      text: '[Option 1: {Placeholder} Option 2: the [ultimate] objective],',
      points: [],
      footnotes: [],
      labelStyle: 'lettered',
    },
    {
      kind: 'heading',
      id: 'h1',
      level: 1,
      number: null,
      title: 'The General Assembly,',
      role: 'chapeau',
      tags: ['ad ref'],
    },
    {
      kind: 'paragraph',
      id: 'u',
      label: 'PP4',
      text: 'Welcoming the progress made,',
      points: [],
      footnotes: [],
      labelStyle: 'unnumbered',
    },
    { kind: 'heading', id: 'h2', level: 1, number: null, title: 'Adopts the following:', role: 'chapeau' },
    {
      kind: 'paragraph',
      id: 'o1',
      label: '1',
      text: '[States shall cooperate',
      points: [],
      footnotes: [],
      tags: ['Suggested for Closure'],
    },
    { kind: 'paragraph', id: 'o2', label: '2', text: 'in good faith.]', points: [], footnotes: [] },
  ],
};

let f: Fixture;
let au: Caller;
let chair: Caller;

// A person invited to process PID (`extra`: a role or a party), signed in through the real server.
const invite = async (name: string, extra: Record<string, string>): Promise<Caller> => {
  const r = await f.admin.call('POST', `/api/processes/${PID}/invitations`, { name, ...extra });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  const res = await fetch(`${f.server.url}${new URL(r.json.link as string).pathname}`, {
    method: 'POST',
    redirect: 'manual',
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const t = await f.request('POST', '/api/me/tokens', {
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ label: 'tests' }),
  });
  const { token } = (await t.json()) as { token: string };
  const withToken = { ...f.admin, userId: r.json.user.id as string, token };
  return {
    ...withToken,
    call: (method, path, body) =>
      f
        .request(method, path, {
          headers: {
            authorization: `Bearer ${token}`,
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        })
        .then(async (res) => ({
          status: res.status,
          json: (await res.json()) as Json,
          headers: res.headers,
        })),
  };
};

const yjsText = (name: string): Promise<BisDocument> =>
  f.server.services.hub.read(name, (d) => readDocument(d));
const P = `/api/processes/${PID}`;

beforeAll(async () => {
  f = await startFixture();
  const created = await f.admin.call('POST', '/api/processes', { id: PID, document: base });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  await f.admin.call('POST', `${P}/parties`, {
    id: 'au',
    name: 'African Union',
    group: 'group-of-states',
    region: 'African Group',
  });
  au = await invite('AU delegate', { party: 'au' });
  chair = await invite('Co-facilitator', { role: 'co-facilitator' });
});
afterAll(async () => {
  await f.close();
});

describe('a process with lettered and unnumbered preambles, tags and chapeau headings', () => {
  it('keeps label styles, tags, roles and brackets in the stored revision and in its Yjs documents', async () => {
    const expected = documentFromJSON(base);
    const rev0 = await au.call('GET', `${P}/revisions/0/document`);
    expect(rev0.status).toBe(200);
    expect(documentFromJSON(rev0.json).blocks).toEqual(expected.blocks);
    expect((await yjsText(revisionDoc(PID, 0))).blocks).toEqual(expected.blocks);
    expect((await yjsText(nextDoc(PID))).blocks).toEqual(expected.blocks);
  });

  it('applies a preambular insertion in the live text and publishes Rev.1 with the preamble still lettered', async () => {
    const draft = await au.call('POST', `${P}/parties/au/drafts`, {
      action: 'insert',
      targets: [{ paragraph: 'b', label: 'PP2', point: null }],
      position: 'after',
      label: 'PP2 bis',
      summary: '',
      text: 'Note the [growing] digital divide,',
      rationale: 'The divide is the heart of the matter.',
    });
    expect(draft.status, JSON.stringify(draft.json)).toBe(201);
    expect((await au.call('POST', `${P}/parties/au/drafts/${draft.json.id}/table`)).status).toBe(200);
    const decided = await chair.call('POST', `${P}/proposals/${draft.json.id}/decision`, {
      decision: 'accepted',
    });
    expect(decided.status, JSON.stringify(decided.json)).toBe(200);
    expect((await chair.call('POST', `${P}/next`)).status).toBe(201);
    const applied = await chair.call('POST', `${P}/next/proposals/${draft.json.id}/apply`, {});
    expect(applied.status, JSON.stringify(applied.json)).toBe(200);

    // The working text in the `next` document: the new paragraph is lettered, the others intact.
    const working = paragraphsOf(await yjsText(nextDoc(PID)));
    expect(working.map((p) => [p.label, printedLabel(p.label, p.labelStyle)])).toEqual([
      ['PP1', 'A'],
      ['PP2', 'B'],
      ['PP2 bis', 'B bis'],
      ['PP3', 'C'],
      ['PP4', ''],
      ['1', '1'],
      ['2', '2'],
    ]);
    expect(working.find((p) => p.label === 'PP2')?.tags).toEqual(['agreed']);

    const pub = await chair.call('POST', `${P}/next/publish`, {});
    expect(pub.status, JSON.stringify(pub.json)).toBe(201);
    const rev1 = documentFromJSON((await au.call('GET', `${P}/revisions/1/document`)).json);
    const paras = paragraphsOf(rev1);
    expect(paras.map((p) => [p.label, printedLabel(p.label, p.labelStyle), p.tags ?? []])).toEqual([
      ['PP1', 'A', []],
      ['PP2', 'B', ['agreed']],
      ['PP3', 'C', []],
      ['PP4', 'D', []],
      ['PP5', '', []],
      ['1', '1', ['Suggested for Closure']],
      ['2', '2', []],
    ]);
    expect(paras.find((p) => p.label === 'PP4')?.text).toBe(base.blocks[3]?.text);
    expect(rev1.blocks.filter((b) => b.kind === 'heading')).toEqual(
      documentFromJSON(base).blocks.filter((b) => b.kind === 'heading'),
    );
    const conc = await au.call('GET', `${P}/revisions/1/concordance`);
    expect(conc.json.rows).toContainEqual(
      expect.objectContaining({ from: null, working: 'PP2 bis', to: 'PP3', labelStyle: 'lettered' }),
    );
    expect((await yjsText(revisionDoc(PID, 1))).blocks).toEqual(rev1.blocks);
  });

  it('creates processes from real text forms with the model intact in the stored revision and the Yjs documents', async () => {
    const texts = fileURLToPath(new URL('../../../../fixtures/texts/', import.meta.url));
    const cases = [
      ['ga', 'ga-resolution-pdf-copy.txt', 'unnumbered'],
      ['zero', 'wsis20-zero-draft.txt', 'lettered'],
      ['cop', 'unfccc-negotiating-text.txt', 'unnumbered'],
    ] as const;
    for (const [id, file, style] of cases) {
      const created = await f.admin.call('POST', '/api/processes', {
        id,
        text: readFileSync(`${texts}${file}`, 'utf8'),
        fileName: file,
      });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      const rev0 = documentFromJSON(
        (await f.admin.call('GET', `/api/processes/${id}/revisions/0/document`)).json,
      );
      const preamble = paragraphsOf(rev0).filter((p) => p.label.startsWith('PP'));
      expect(preamble.length, file).toBeGreaterThan(2);
      expect(new Set(preamble.map((p) => p.labelStyle)), file).toEqual(new Set([style]));
      expect(
        rev0.blocks.some((b) => b.kind === 'heading' && b.role === 'chapeau'),
        file,
      ).toBe(true);
      expect((await yjsText(revisionDoc(id, 0))).blocks, file).toEqual(rev0.blocks);
      expect((await yjsText(nextDoc(id))).blocks, file).toEqual(rev0.blocks);
    }
    const cop = documentFromJSON((await f.admin.call('GET', '/api/processes/cop/revisions/0/document')).json);
    expect(paragraphsOf(cop).flatMap((p) => p.tags ?? [])).toEqual(
      expect.arrayContaining(['agreed', 'ad ref', 'Suggested for Closure']),
    );
  });
});
