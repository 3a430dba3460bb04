/**
 * Co-facilitators edit the next revision in the browser, in Chromium against a real server with
 * the demo process: Co-facilitator A applies a proposal accepted as modified, which opens the
 * shared editor on its paragraph; A adjusts the words; Co-facilitator B's open editor shows them
 * live; they are there after A reloads; the working text marks the paragraph as edited by the
 * chairs; a delegate cannot open the editor; and the input report of the publication says
 * "applied as modified" for that proposal only, not for one accepted as modified but left alone.
 */
import { documentFromJSON, type Paragraph, paragraphsOf } from '@bis/core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../apps/server/src/auth/principal';
import { createDraft, decide, table } from '../../apps/server/src/commands/proposals';
import { getReport, publishNext } from '../../apps/server/src/commands/revisions';
import { HAS_CHROMIUM, shot, signIn, useDemo } from './harness';

const suite = HAS_CHROMIUM ? describe : describe.skip;
const PID = 'demo';

const editorOf = (page: Page) => page.getByRole('textbox', { name: 'Text of Rev.1' });

suite('co-facilitators edit the next revision', () => {
  const demo = useDemo();

  it('accepted as modified opens the shared editor; the edit persists, reaches the other chair and the report', async () => {
    const svc = demo.server.server.services;
    const person = (name: string): Principal => {
      const r = svc.db.listRoles(PID).find((x) => x.name === name);
      const u = r ? svc.db.getUser(r.userId) : null;
      if (!u) throw new Error(`no demo person ${name}`);
      return { userId: u.id, name: u.name, admin: u.admin, via: 'token' };
    };
    const rev0 = svc.db.listRevisions(PID).find((r) => r.number === 0);
    const paras: Paragraph[] = paragraphsOf(documentFromJSON(rev0?.document));
    const at = (label: string) => {
      const p = paras.find((x) => x.label === label);
      if (!p) throw new Error(`no §${label}`);
      return { paragraph: p.id, label, point: null };
    };
    const kenya = person('Delegate of Kenya');
    const chair = person('Co-facilitator A');
    const amend = async (label: string, text: string) => {
      const d = await createDraft(svc, kenya, PID, 'kenya', {
        summary: '',
        rationale: 'e2e',
        textMode: 'replace',
        links: [],
        illustrative: true,
        source: null,
        action: 'amend',
        targets: [at(label)],
        position: null,
        label,
        text,
      });
      const p = await table(svc, kenya, PID, 'kenya', d.id);
      await decide(svc, chair, PID, p.id, { decision: 'accepted-as-modified' });
      return p.id;
    };
    const edited = await amend('10', 'Paragraph ten as tabled by Kenya.');
    const untouched = await amend('11', 'Paragraph eleven as tabled by Kenya.');

    const a = await signIn(demo.browser, demo.server.link('Co-facilitator A'));
    await a.page.goto(`${demo.server.url}/p/${PID}/next`);
    await a.page.getByRole('button', { name: 'Open Rev.1' }).click();
    await a.page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await editorOf(a.page).waitFor();
    await expect.poll(() => editorOf(a.page).textContent()).toContain('10.');

    const b = await signIn(demo.browser, demo.server.link('Co-facilitator B'));
    await b.page.goto(`${demo.server.url}/p/${PID}/next`);
    await editorOf(b.page).waitFor();
    await expect.poll(() => editorOf(b.page).textContent()).toContain('10.');

    // Applying the proposal accepted as modified opens the editor on §10, caret at its end.
    const item = (id: string) => a.page.locator(`li[data-proposal="${id}"]`);
    await item(untouched).getByRole('button', { name: 'Apply', exact: true }).click();
    await item(untouched).waitFor({ state: 'detached' });
    await item(edited).getByRole('button', { name: 'Apply', exact: true }).click();
    await item(edited).waitFor({ state: 'detached' });
    await expect.poll(() => editorOf(b.page).textContent()).toContain('Paragraph ten as tabled by Kenya.');
    await expect
      .poll(() =>
        a.page.evaluate(() => {
          // Runs in the page (test/ has no DOM lib, hence the structural type).
          const d = (
            globalThis as unknown as { document: { activeElement: { ariaLabel: string | null } | null } }
          ).document;
          return d.activeElement?.ariaLabel ?? '';
        }),
      )
      .toBe('Text of Rev.1');
    await a.page.keyboard.type(' Adjusted by the chairs');

    // B sees the words as A types them.
    await expect
      .poll(() => editorOf(b.page).textContent(), { timeout: 10_000 })
      .toMatch(/Paragraph ten as tabled by Kenya\.[\d]* Adjusted by the chairs/);
    // Tracked and attributed: the words are one insertion by Co-facilitator A, in both editors.
    const chairA = person('Co-facilitator A').userId;
    for (const page of [a.page, b.page])
      await expect
        .poll(() => editorOf(page).locator(`ins[data-by="${chairA}"]:not([data-proposal])`).allTextContents())
        .toEqual([' Adjusted by the chairs']);
    await shot(a.page, 'next-editor-01-edited');
    // The working text (REST, read by the server from the next document) marks §10 as edited.
    await expect
      .poll(() => a.page.locator('li[data-paragraph="10"]').textContent(), { timeout: 10_000 })
      .toContain('edited by the chairs');
    await expect
      .poll(() => a.page.locator('li[data-paragraph="11"]').textContent())
      .toContain('from proposals');

    // After a reload the edit is there (from the server, not only this tab).
    await a.page.reload();
    await editorOf(a.page).waitFor();
    // (§10's footnote markers 23 and 24 stay where they were, before the added words.)
    await expect
      .poll(() => editorOf(a.page).textContent())
      .toMatch(/Paragraph ten as tabled by Kenya\.[\d]* Adjusted by the chairs/);

    // A delegate has no editor of the next revision.
    const d = await signIn(demo.browser, demo.server.link('Delegate of Kenya'));
    await d.page.goto(`${demo.server.url}/p/${PID}/next`);
    await d.page.getByText('Only the co-facilitators and the secretariat').waitFor();
    expect(await editorOf(d.page).count()).toBe(0);

    // The report says exactly what was done: §10 modified, §11 applied as tabled.
    await publishNext(svc, chair, PID, {});
    const rows = getReport(svc, chair, PID, 1);
    expect(rows.find((r) => r.proposal === edited)?.outcome).toBe('applied-as-modified');
    expect(rows.find((r) => r.proposal === untouched)?.outcome).toBe('applied');
    const rev1 = paragraphsOf(
      documentFromJSON(svc.db.listRevisions(PID).find((r) => r.number === 1)?.document),
    );
    expect(rev1.find((p) => p.label === '10')?.text).toBe(
      'Paragraph ten as tabled by Kenya. Adjusted by the chairs',
    );

    for (const s of [a, b, d]) await s.context.close();
  }, 240_000);
});
