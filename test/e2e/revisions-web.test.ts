/**
 * From decisions to Rev.1 in Chromium, on the demo process: a co-facilitator opens the next
 * revision, applies three accepted proposals, resolves a conflict (two accepted amendments of one
 * paragraph) by hand, and publishes Rev.1; a delegate sees Rev.1 with the new numbers, the
 * concordance and the comparison with the zero draft; a delegate can neither apply nor publish.
 */
import { documentFromJSON, type Paragraph, type Proposal, paragraphsOf } from '@bis/core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../apps/server/src/auth/principal';
import { createDraft, decide, table } from '../../apps/server/src/commands/proposals';
import { buildWeb, type DemoServer, HAS_CHROMIUM, launch, shot, signIn, startDemo } from './harness';

const suite = HAS_CHROMIUM ? describe : describe.skip;
const PID = 'demo';

suite('the next revision and Rev.1 in the browser', () => {
  let server: DemoServer;
  let browser: Browser;
  const ids: Record<string, string> = {};
  let paras: Paragraph[] = [];

  beforeAll(async () => {
    await buildWeb();
    server = await startDemo();
    browser = await launch();
    const svc = server.server.services;
    const person = (name: string): Principal => {
      const r = svc.db.listRoles(PID).find((x) => x.name === name);
      const u = r ? svc.db.getUser(r.userId) : null;
      if (!u) throw new Error(`no demo person ${name}`);
      return { userId: u.id, name: u.name, admin: u.admin, via: 'token' };
    };
    const rev0 = svc.db.listRevisions(PID).find((r) => r.number === 0);
    paras = paragraphsOf(documentFromJSON(rev0?.document));
    const at = (label: string) => {
      const p = paras.find((x) => x.label === label);
      if (!p) throw new Error(`no §${label}`);
      return { paragraph: p.id, label, point: null };
    };
    const kenya = person('Delegate of Kenya');
    const chair = person('Co-facilitator A');
    const propose = async (key: string, body: Parameters<typeof createDraft>[4]) => {
      const d = await createDraft(svc, kenya, PID, 'kenya', body);
      const p: Proposal = await table(svc, kenya, PID, 'kenya', d.id);
      await decide(svc, chair, PID, p.id, { decision: 'accepted' });
      ids[key] = p.id;
    };
    const base = {
      summary: '',
      rationale: 'e2e',
      textMode: 'replace' as const,
      links: [],
      illustrative: true,
      source: null,
    };
    await propose('amend', {
      ...base,
      action: 'amend',
      targets: [at('10')],
      position: null,
      label: '10',
      text: 'Paragraph ten as amended in the e2e test.',
    });
    await propose('insert', {
      ...base,
      action: 'insert',
      targets: [at('12')],
      position: 'after',
      label: '12 bis',
      text: 'A new paragraph after twelve.',
    });
    await propose('delete', {
      ...base,
      action: 'delete',
      targets: [at('14')],
      position: null,
      label: '14',
      text: '',
    });
    await propose('rival', {
      ...base,
      action: 'amend',
      targets: [at('10')],
      position: null,
      label: '10',
      text: 'A rival wording of paragraph ten.',
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a co-facilitator applies three proposals, resolves a conflict and publishes Rev.1', async () => {
    const { page, context } = await signIn(browser, server.link('Co-facilitator A'));
    await page.goto(`${server.url}/p/${PID}/next`);
    await page.getByRole('button', { name: 'Open Rev.1' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    const item = (key: string) => page.locator(`li[data-proposal="${ids[key]}"]`);
    await item('amend').waitFor();
    for (const key of ['amend', 'insert', 'delete']) {
      await item(key).getByRole('button', { name: 'Apply', exact: true }).click();
      await item(key).waitFor({ state: 'detached' });
    }
    // The rival amendment of §10 now shows its conflict instead of an Apply button.
    await expect
      .poll(() => item('rival').textContent())
      .toContain('already changed by another applied proposal');
    await shot(page, 'rev-01-next-conflict');
    await item('rival').getByRole('button', { name: 'Mark as applied by hand' }).click();
    await item('rival').waitFor({ state: 'detached' });
    // Provenance in the working text: the new paragraph is marked new and from proposals.
    await expect
      .poll(() => page.locator('li[data-paragraph="12 bis"]').textContent())
      .toContain('from proposals');
    // A bracketed passage with an alternative, as data, printed into Rev.1.
    const p12bis = page.locator('li[data-paragraph="12 bis"]');
    await p12bis.getByText('Brackets in §12 bis').click();
    await p12bis.getByRole('textbox').fill('new paragraph => further paragraph');
    await p12bis.getByRole('button', { name: 'Save brackets' }).click();
    await expect.poll(() => p12bis.textContent()).toContain('Bracketed: [new paragraph]');
    await page.getByRole('button', { name: 'Publish Rev.1' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await page.waitForURL(`**/p/${PID}/rev/1`);
    await page.getByRole('heading', { name: 'Rev.1', level: 1 }).waitFor();
    await context.close();
  }, 180_000);

  it('a delegate sees Rev.1 with the new numbers, the concordance and the comparison', async () => {
    const { page, context } = await signIn(browser, server.link('Delegate of Kenya'));
    await page.goto(`${server.url}/p/${PID}/rev/1`);
    await page.getByRole('heading', { name: 'Concordance' }).waitFor();
    // 12 bis became 13; old 13 became 14; old 14 was deleted; old 15 is 15 again.
    const row = (working: string) =>
      page.locator('table.concordance tr', {
        has: page.locator(`td:nth-child(2)`, { hasText: new RegExp(`^${working}$`) }),
      });
    await expect.poll(() => row('12 bis').locator('td').nth(2).textContent()).toBe('13');
    await expect.poll(() => row('13').locator('td').nth(2).textContent()).toBe('14');
    await expect.poll(() => row('15').locator('td').nth(2).textContent()).toBe('15');
    expect(await page.locator('table.concordance td', { hasText: 'deleted' }).count()).toBe(1);
    expect(await page.locator('[data-paragraph="13"]').textContent()).toContain(
      'A [new paragraph] / [further paragraph] after twelve.',
    );
    // The comparison with the zero draft marks the rewording of §10.
    const changed = page.locator('[data-kind="changed"]').first();
    await expect.poll(() => changed.locator('ins').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-kind="added"]').count()).toBe(1);
    expect(await page.locator('[data-kind="removed"]').count()).toBe(1);
    // Publication closed the cycle: the applied proposals are "applied in Rev.1", and the page
    // lists what was carried over to Rev.1 (the demo's other proposals) as the report says.
    const db = server.server.services.db;
    for (const key of ['amend', 'insert', 'delete', 'rival'])
      expect(db.getProposal(PID, ids[key] as string)?.proposal.status, key).toBe('applied');
    const carried = (db.getRevisionRecord(PID, 1, 'carried') ?? []) as { outcome: string }[];
    expect(carried.length).toBeGreaterThan(0);
    await page.getByRole('heading', { name: 'Proposals carried over to Rev.1' }).waitFor();
    expect(await page.locator('section[aria-labelledby="rev-carried"] li').count()).toBe(carried.length);
    expect(await page.locator('[data-outcome="unplaced"]').count()).toBe(
      carried.filter((e) => e.outcome === 'unplaced').length,
    );
    await shot(page, 'rev-02-rev1');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Comparison (DOCX)' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.docx$/);
    await context.close();
  }, 120_000);

  it('a delegate cannot apply or publish', async () => {
    const { page, context } = await signIn(browser, server.link('Delegate of Kenya'));
    await page.goto(`${server.url}/p/${PID}/next`);
    await page.getByText('Only the co-facilitators and the secretariat build the next revision.').waitFor();
    const post = (path: string) =>
      page.evaluate(async (p) => {
        const r = await fetch(p, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
        return `${r.status} ${((await r.json()) as { error: { message: string } }).error.message}`;
      }, path);
    const refusal = /^403 Only the co-facilitators and the secretariat/;
    expect(await post(`/api/processes/${PID}/next`)).toMatch(refusal);
    expect(await post(`/api/processes/${PID}/next/proposals/${ids.amend}/apply`)).toMatch(refusal);
    expect(await post(`/api/processes/${PID}/next/publish`)).toMatch(refusal);
    await context.close();
  }, 60_000);
});
