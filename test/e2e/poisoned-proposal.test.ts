/**
 * A malformed proposal in the record and the compilation (a `null` target, as a delegate could
 * table before drafts written through Yjs were checked) must not blank the text page for
 * everyone: the page shows the text and the other proposals, and the secretariat removes the
 * bad one over REST.
 */
import { type Proposal, proposalId } from '@bis/core';
import { describe, expect, it } from 'vitest';
import { compilationDoc } from '../../apps/server/src/commands/yjs-docs';
import { DEMO_PROCESS } from '../../apps/server/src/demo/seed';
import { HAS_CHROMIUM, signIn, useDemo } from './harness';

const suite = HAS_CHROMIUM ? describe : describe.skip;

const showing = async (text: string | null): Promise<number> =>
  Number(/([\d,]+) proposals/.exec(text ?? '')?.[1]?.replace(/,/g, '') ?? -1);

suite('a malformed proposal already tabled', () => {
  const demo = useDemo();

  it('leaves the text page readable for an observer, and the secretariat removes it', async () => {
    const svc = demo.server.server.services;
    const tabled = svc.db.listProposals(DEMO_PROCESS).find((r) => r.proposal.status === 'tabled');
    expect(tabled, 'the demo has a tabled proposal').toBeTruthy();
    const good = tabled?.proposal as Proposal;
    const bad = { ...good, id: proposalId('poisoned1'), targets: [null] } as unknown as Proposal;
    svc.db.putProposal({
      processId: DEMO_PROCESS,
      partyId: tabled?.partyId as string,
      revision: 0,
      proposal: bad,
      updatedAt: 0,
    });
    await svc.hub.transact(compilationDoc(DEMO_PROCESS), (doc) => {
      doc.getMap('proposals').set('poisoned1', JSON.parse(JSON.stringify(bad)));
    });

    const { page, context } = await signIn(demo.browser, demo.server.link('Observer'));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${demo.server.url}/p/demo`);
    await page.locator('.para[data-label="1"]').waitFor();
    await expect
      .poll(async () => showing(await page.getByTestId('showing').textContent()))
      .toBeGreaterThan(0);
    const before = await showing(await page.getByTestId('showing').textContent());
    expect(errors).toEqual([]);

    // The secretariat finds it and removes it; the observer's open page is unaffected.
    // The administrator counts as secretariat in every process.
    const adminLink = `${demo.server.url}/signin/${svc.auth.invite(demo.server.server.bootstrap.admin.id, null)}`;
    const secretariat = await signIn(demo.browser, adminLink);
    const list = await secretariat.context.request.get(
      `${demo.server.url}/api/processes/demo/unreadable-proposals`,
    );
    expect(((await list.json()) as { proposals: { id: string }[] }).proposals.map((p) => p.id)).toEqual([
      'poisoned1',
    ]);
    const removed = await secretariat.context.request.delete(
      `${demo.server.url}/api/processes/demo/proposals/poisoned1`,
      {
        headers: { origin: demo.server.url },
      },
    );
    expect(removed.status()).toBe(200);
    await page.waitForTimeout(500);
    expect(await showing(await page.getByTestId('showing').textContent())).toBe(before);
    expect(await page.locator('.para[data-label="1"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await Promise.all([context.close(), secretariat.context.close()]);
  });
});
