/**
 * Drafting together, end to end in Chromium against a real server with the demo process: two
 * delegates of Kenya in two browser contexts edit one draft amendment at once — each sees the
 * other's typing and caret with their name, tracked changes appear live, undo is each one's
 * own — the status line says "Saved" once the server acknowledged everything, one of them tables
 * the draft over REST, and an observer's open page counts it in the compilation without reload.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setMember } from '../../apps/server/src/commands/people';
import { axe, HAS_CHROMIUM, shot, signIn, useDemo } from './harness';

const suite = HAS_CHROMIUM ? describe : describe.skip;

const showing = async (page: Page): Promise<number> => {
  const text = (await page.getByTestId('showing').textContent()) ?? '';
  return Number(/([\d,]+) proposals/.exec(text)?.[1]?.replace(/,/g, '') ?? -1);
};

// The draft's text editor (a ProseMirror contenteditable with role textbox).
const textBox = (card: Locator): Locator => card.getByRole('textbox', { name: /^Proposed text of/ });

suite('drafting a proposal together', () => {
  const demo = useDemo();

  it('two delegates co-edit a draft amendment, see each other, one tables it, an observer sees it live', async () => {
    const observer = await signIn(demo.browser, demo.server.link('Observer'));
    await observer.page.goto(`${demo.server.url}/p/demo`);
    await observer.page.locator('.para[data-label="1"]').waitFor();
    const before = await (async () => {
      await expect.poll(() => showing(observer.page)).toBeGreaterThan(0);
      return showing(observer.page);
    })();

    // Delegate A starts "Amend §12" in Kenya's workspace.
    const a = await signIn(demo.browser, demo.server.link('Delegate of Kenya'));
    await a.page.goto(`${demo.server.url}/p/demo/ws/kenya`);
    const select = a.page.getByRole('combobox', { name: /^Paragraph/ });
    await select.waitFor();
    const option = (await select.locator('option').allTextContents()).find((o) => o.startsWith('§12 '));
    expect(option, 'the demo text has a §12').toBeTruthy();
    await select.selectOption({ label: option as string });
    await a.page.getByRole('button', { name: /^Amend §12/ }).click();
    const cardA = a.page.locator('article', { hasText: 'Amend §12' }).first();
    await cardA.waitFor();
    await cardA.getByRole('button', { name: 'Edit' }).click();
    const boxA = textBox(cardA);
    await boxA.waitFor();
    // Prefilled with the current text: no change marked yet.
    await expect.poll(() => boxA.textContent()).not.toBe('');
    const original = ((await boxA.textContent()) ?? '').replace(/^12\./, '');
    expect(await cardA.getByText('No change to the current text yet.').count()).toBe(1);

    // Delegate B opens the same draft.
    const b = await signIn(demo.browser, demo.server.link('Second delegate of Kenya'));
    await b.page.goto(`${demo.server.url}/p/demo/ws/kenya`);
    const cardB = b.page.locator('article', { hasText: 'Amend §12' }).first();
    await cardB.waitFor();
    await cardB.getByRole('button', { name: 'Edit' }).click();
    const boxB = textBox(cardB);
    await expect.poll(() => boxB.textContent()).toContain(original.slice(0, 40));

    // Each sees the other in the workspace (names stamped by the server).
    await expect
      .poll(() => cardA.getByTestId('draft-people').textContent())
      .toContain('Second delegate of Kenya');
    await expect.poll(() => cardB.getByTestId('draft-people').textContent()).toContain('Delegate of Kenya');

    // A types at the end; B sees it, marked as an insertion on both sides.
    await boxA.click();
    await a.page.keyboard.press('Control+End');
    await a.page.keyboard.type(' in cooperation with regional groups');
    await expect.poll(() => boxB.textContent(), { timeout: 10_000 }).toContain('with regional groups');
    await expect
      .poll(() => boxA.locator('ins').allTextContents())
      .toContain(' in cooperation with regional groups');
    await expect
      .poll(() => boxB.locator('ins').allTextContents())
      .toContain(' in cooperation with regional groups');
    await expect.poll(() => cardA.getByText(/Changes: 5 words inserted, 0 words deleted/).count()).toBe(1);

    // B types at the start; A sees it; A sees B's caret with B's name, and B sees A's.
    await boxB.click();
    await b.page.keyboard.press('Control+Home');
    await b.page.keyboard.type('Firmly ');
    await expect.poll(() => boxA.textContent(), { timeout: 10_000 }).toContain('Firmly ');
    await expect
      .poll(() => boxA.locator('.bis-cursor').getAttribute('data-name'), { timeout: 10_000 })
      .toBe('Second delegate of Kenya');
    await a.page.keyboard.type('.');
    await expect
      .poll(() => boxB.locator('.bis-cursor').getAttribute('data-name'), { timeout: 10_000 })
      .toBe('Delegate of Kenya');

    // Undo is local: B's undo removes B's words only.
    await b.page.keyboard.press('Control+z');
    await expect.poll(() => boxA.textContent(), { timeout: 10_000 }).not.toContain('Firmly');
    expect(await boxA.textContent()).toContain('with regional groups.');

    // A deletes the first word of the current text: shown struck through, on both sides.
    await boxA.click();
    await a.page.keyboard.press('Control+Home');
    for (let i = 0; i < 4; i++) await a.page.keyboard.press('Delete');
    await expect.poll(() => boxA.locator('del').allTextContents()).toEqual([expect.stringMatching(/^The\b/)]);
    await expect
      .poll(() => boxB.locator('del').allTextContents(), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/^The\b/)]);
    await expect.poll(() => cardA.getByText(/Changes: 5 words inserted, 1 words deleted/).count()).toBe(1);
    await shot(a.page, 'drafting-01-coedit');
    const violations = await axe(a.page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    // Saved means acknowledged by the server.
    await expect
      .poll(() => a.page.getByTestId('sync-status').textContent(), { timeout: 10_000 })
      .toBe('Saved');
    await expect
      .poll(() => b.page.getByTestId('sync-status').textContent(), { timeout: 10_000 })
      .toBe('Saved');
    const drafts = (await (
      await a.context.request.get(`${demo.server.url}/api/processes/demo/parties/kenya/drafts`)
    ).json()) as { drafts: { label: string; action: string; text: string }[] };
    const mine = drafts.drafts.find((d) => d.action === 'amend' && d.label === '12');
    expect(mine?.text).toContain('in cooperation with regional groups.');

    // A tables it; the observer's page counts it without a reload.
    await cardA.getByRole('button', { name: 'Table' }).click();
    const dialog = a.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await cardA.getByText('tabled (version 1)').waitFor();
    await expect.poll(() => showing(observer.page), { timeout: 10_000 }).toBe(before + 1);
    await observer.page
      .getByLabel('Search the text and proposals')
      .fill('in cooperation with regional groups');
    await expect
      .poll(() => observer.page.locator('main').textContent(), { timeout: 10_000 })
      .toContain('Kenya');
    await shot(observer.page, 'drafting-02-observer');
    await Promise.all([a.context.close(), b.context.close(), observer.context.close()]);
  });

  it('a delegate removed from the party while editing is told why, and the refused change is not re-sent forever', async () => {
    const { page, context } = await signIn(demo.browser, demo.server.link('Delegate of Kenya'));
    let sockets = 0;
    page.on('websocket', (ws) => {
      if (ws.url().includes('/sync/p/demo/ws/')) sockets++;
    });
    await page.goto(`${demo.server.url}/p/demo/ws/kenya`);
    const card = page.locator('article', { hasText: 'Amend §12' }).first();
    await card.waitFor();
    await card.getByRole('button', { name: 'Edit' }).click();
    const box = card.getByRole('textbox', { name: /^Proposed text of/ });
    await expect.poll(() => box.textContent()).not.toBe('');
    await expect.poll(() => page.getByTestId('sync-status').textContent(), { timeout: 10_000 }).toBe('Saved');

    // The administrator removes this delegate from Kenya; their next change is refused.
    const svc = demo.server.server.services;
    const admin = demo.server.server.bootstrap.admin;
    const me = svc.db.listRoles('demo').find((r) => r.name === 'Delegate of Kenya');
    setMember(svc, { userId: admin.id, name: admin.name, admin: true, via: 'token' }, 'demo', 'kenya', {
      userId: me?.userId as string,
      member: false,
    });
    await box.click();
    await page.keyboard.type(' refused words');
    await expect
      .poll(() => page.getByTestId('sync-status').locator('[role="alert"]').textContent(), {
        timeout: 10_000,
      })
      .toMatch(/refused access|refused a change/);
    await expect.poll(() => card.getByRole('alert').textContent()).toMatch(/refused access/);
    // One reset and resync, then it stops: a handful of connections, not an endless loop.
    const after = sockets;
    await page.waitForTimeout(3000);
    expect(sockets - after).toBe(0);
    expect(sockets).toBeLessThanOrEqual(4);
    // Nothing of the refused change reached the server.
    const colleague = await signIn(demo.browser, demo.server.link('Second delegate of Kenya'));
    const r = await colleague.context.request.get(
      `${demo.server.url}/api/processes/demo/parties/kenya/drafts`,
    );
    const j = (await r.json()) as { drafts: { text: string }[] };
    expect(j.drafts.length).toBeGreaterThan(0);
    expect(j.drafts.some((d) => d.text.includes('refused words'))).toBe(false);
    await colleague.context.close();
    await shot(page, 'drafting-03-refused');
    await context.close();
  });

  it('starts Insert after, Delete and Retain drafts with their own editors, and links proposals', async () => {
    const { page, context } = await signIn(demo.browser, demo.server.link('Delegate of the African Union'));
    await page.goto(`${demo.server.url}/p/demo/ws/african-union`);
    const select = page.getByRole('combobox', { name: /^Paragraph/ });
    await select.waitFor();
    const pick = async (label: string): Promise<void> => {
      const option = (await select.locator('option').allTextContents()).find((o) =>
        o.startsWith(`§${label} `),
      );
      await select.selectOption({ label: option as string });
    };

    // Insert after §30: the label it will get is shown before tabling, and its editor carries it.
    await pick('30');
    await page.getByRole('button', { name: /^Insert after §30/ }).click();
    const insert = page.locator('article', { hasText: 'Insert §30 bis' }).first();
    await insert.waitFor();
    await insert.getByRole('button', { name: 'Edit' }).click();
    await insert.getByText('The new paragraph will be §30 bis (after §30).').waitFor();
    const box = insert.getByRole('textbox', { name: 'Proposed text of Insert §30 bis' });
    await box.click();
    await page.keyboard.type('Encourages open access to standards.');
    expect(await insert.locator('.bis-label').first().textContent()).toBe('30 bis.');
    // No tracked changes for a new paragraph.
    expect(await box.locator('ins, del').count()).toBe(0);
    const rationale = insert.getByRole('textbox', { name: 'Rationale of Insert §30 bis' });
    await rationale.click();
    await page.keyboard.type('Access costs exclude many.');

    // Delete §31: no text editor, a rationale; Retain §32: a note.
    await pick('31');
    await page.getByRole('button', { name: /^Delete §31/ }).click();
    const del = page.locator('article', { hasText: 'Delete §31' }).first();
    await del.waitFor();
    await del.getByRole('button', { name: 'Edit' }).click();
    await del.getByText('This proposal deletes §31.', { exact: false }).waitFor();
    expect(await del.getByRole('textbox', { name: /^Proposed text of/ }).count()).toBe(0);
    await del.getByRole('textbox', { name: 'Rationale of Delete §31' }).waitFor();

    // Link the deletion to the insertion ("§31 → §30 bis").
    await del
      .getByRole('combobox', { name: 'Link to' })
      .selectOption({ label: 'Insert §30 bis — African Union' });
    await del.getByLabel('Why (optional)').fill('moves its substance');
    await del.getByRole('button', { name: 'Add link' }).click();
    await del.getByText('Insert §30 bis — African Union').first().waitFor();

    await pick('32');
    await page.getByRole('button', { name: /^Retain §32/ }).click();
    const retain = page.locator('article', { hasText: 'Retain §32' }).first();
    await retain.waitFor();
    await retain.getByRole('button', { name: 'Edit' }).click();
    await retain.getByRole('textbox', { name: 'Note on Retain §32' }).waitFor();

    await expect.poll(() => page.getByTestId('sync-status').textContent(), { timeout: 10_000 }).toBe('Saved');
    const r = await context.request.get(`${demo.server.url}/api/processes/demo/parties/african-union/drafts`);
    const { drafts } = (await r.json()) as {
      drafts: {
        id: string;
        action: string;
        label: string;
        text: string;
        rationale: string;
        links: { to: string; note: string }[];
      }[];
    };
    const ins = drafts.find((d) => d.action === 'insert' && d.label === '30 bis');
    expect(ins?.text).toBe('Encourages open access to standards.');
    expect(ins?.rationale).toBe('Access costs exclude many.');
    const d31 = drafts.find((d) => d.action === 'delete' && d.label === '31');
    expect(d31?.links).toEqual([{ to: ins?.id, note: 'moves its substance' }]);
    await shot(page, 'drafting-04-insert-delete-retain');
    const violations = await axe(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await context.close();
  });
});
