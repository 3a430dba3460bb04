import { type Proposal, proposalId } from '@bis/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { compilationDoc, workspaceDoc } from '../commands/yjs-docs';
import { draftBody, type Fixture, startFixture, stockClient } from './fixture.test-util';

const VIEWS = ['comparison', 'compilation'];
const FORMATS = ['json', 'html', 'md', 'csv', 'docx'];

describe('draft content written through Yjs, tabled, and read back', () => {
  let f: Fixture;
  const P = () => `/api/processes/${f.pid}`;
  const exportsAnswer = async (): Promise<string[]> => {
    const out: string[] = [];
    for (const v of VIEWS)
      for (const fmt of FORMATS) {
        const r = await f.observer.call('GET', `${P()}/exports/${v}/${fmt}`);
        out.push(`${v}/${fmt} ${r.status}`);
      }
    return out;
  };
  const allOk = VIEWS.flatMap((v) => FORMATS.map((fmt) => `${v}/${fmt} 200`));

  beforeAll(async () => {
    f = await startFixture();
  });
  afterAll(() => f.close());

  it("refuses a delegate's Yjs write of a null target, illustrative, a made-up source or an over-long label, and keeps the draft as it was", async () => {
    const d = await f.kenya.call('POST', `${P()}/parties/kenya/drafts`, draftBody());
    const id = d.json.id as string;
    const writes: [string, unknown][] = [
      ['targets', [null]],
      ['illustrative', true],
      ['source', { file: '/etc/passwd', line: 1, evil: true }],
      ['label', 'L'.repeat(5000)],
    ];
    for (const [field, value] of writes) {
      const c = stockClient(
        f.server.url,
        workspaceDoc(f.pid, 'kenya'),
        await f.sessionFor({ party: 'kenya' }),
      );
      await c.synced;
      (c.doc.getMap('drafts').get(id) as Y.Map<unknown>).set(field, value);
      expect(await c.closed, field).toBeGreaterThanOrEqual(4400);
      c.stop();
    }
    const drafts = await f.kenya.call('GET', `${P()}/parties/kenya/drafts`);
    const stored = drafts.json.drafts.find((x: { id: string }) => x.id === id);
    expect(stored).toMatchObject({
      label: '2',
      targets: [{ paragraph: null, label: '2', point: null }],
      illustrative: false,
      source: null,
    });
    expect((await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${id}/table`)).status).toBe(200);
    expect(await exportsAnswer()).toEqual(allOk);
  });

  it('re-checks a draft at tabling against the REST schema, naming the field', async () => {
    const hub = f.server.services.hub;
    const make = async (field: string, value: unknown): Promise<string> => {
      const d = await f.kenya.call('POST', `${P()}/parties/kenya/drafts`, draftBody());
      // As a draft stored before Yjs writes were checked: the server's own write is not validated.
      await hub.transact(workspaceDoc(f.pid, 'kenya'), (doc) => {
        (doc.getMap('drafts').get(d.json.id) as Y.Map<unknown>).set(field, value);
      });
      return d.json.id as string;
    };
    const long = await make('label', 'L'.repeat(5000));
    const r1 = await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${long}/table`);
    expect(r1.status).toBe(400);
    expect(r1.json.error.field).toBe('draft.label');
    const nullTarget = await make('targets', [null]);
    const r2 = await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${nullTarget}/table`);
    expect(r2.status).toBe(400);
    expect(r2.json.error).toMatchObject({ field: 'draft.targets' });
    const badLink = await make('links', [{ to: 'x'.repeat(200), note: '' }]);
    const r3 = await f.kenya.call('POST', `${P()}/parties/kenya/drafts/${badLink}/table`);
    expect(r3.status).toBe(400);
    expect(r3.json.error.field).toMatch(/^draft\.links/);
    const tabled = (await f.kenya.call('GET', `${P()}/proposals`)).json.proposals.map((p: Proposal) => p.id);
    expect(tabled).not.toContain(long);
    expect(tabled).not.toContain(nullTarget);
    expect(tabled).not.toContain(badLink);
  });

  it('keeps exports and the text working around a malformed proposal already tabled, and lets the secretariat remove it', async () => {
    const good = (await f.kenya.call('GET', `${P()}/proposals`)).json.proposals[0] as Proposal;
    // A proposal tabled before drafts were checked: a null target, in the record and the compilation.
    const bad = { ...good, id: proposalId('poisoned1'), targets: [null] } as unknown as Proposal;
    f.server.services.db.putProposal({
      processId: f.pid,
      partyId: 'kenya',
      revision: 0,
      proposal: bad,
      updatedAt: 0,
    });
    await f.server.services.hub.transact(compilationDoc(f.pid), (doc) => {
      doc.getMap('proposals').set('poisoned1', JSON.parse(JSON.stringify(bad)));
    });

    expect(await exportsAnswer()).toEqual(allOk);
    // The chairs' next-revision screen.
    expect((await f.cofac.call('POST', `${P()}/next`)).status).toBe(201);
    const next = await f.cofac.call('GET', `${P()}/next`);
    expect(next.status).toBe(200);
    expect(JSON.stringify(next.json)).not.toContain('poisoned1');
    const listed = (await f.observer.call('GET', `${P()}/proposals`)).json.proposals.map(
      (p: Proposal) => p.id,
    );
    expect(listed).toContain(good.id);
    expect(listed).not.toContain('poisoned1');
    expect((await f.observer.call('GET', `${P()}/proposals/poisoned1`)).status).toBe(404);

    // Only the secretariat sees and removes it.
    expect((await f.kenya.call('GET', `${P()}/unreadable-proposals`)).status).toBe(403);
    const unreadable = await f.admin.call('GET', `${P()}/unreadable-proposals`);
    expect(unreadable.json.proposals).toEqual([
      { id: 'poisoned1', partyId: 'kenya', problem: 'targets[0] must be an object' },
    ]);
    expect((await f.kenya.call('DELETE', `${P()}/proposals/poisoned1`)).status).toBe(403);
    expect((await f.cofac.call('DELETE', `${P()}/proposals/poisoned1`)).status).toBe(403);
    const removed = await f.admin.call('DELETE', `${P()}/proposals/poisoned1`);
    expect(removed.status).toBe(200);
    expect(removed.json).toEqual({
      removed: 'poisoned1',
      party: 'kenya',
      unreadable: 'targets[0] must be an object',
    });
    expect((await f.admin.call('GET', `${P()}/unreadable-proposals`)).json.proposals).toEqual([]);
    const inDoc = await f.server.services.hub.read(compilationDoc(f.pid), (doc) =>
      doc.getMap('proposals').has('poisoned1'),
    );
    expect(inDoc).toBe(false);
    const log = await f.admin.call('GET', `${P()}/audit`);
    expect(JSON.stringify(log.json)).toContain('proposal.remove');
    expect((await f.admin.call('DELETE', `${P()}/proposals/poisoned1`)).status).toBe(404);
  });
});
