import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, shot, signIn, useDemo } from './harness';

const suite = HAS_CHROMIUM ? describe : describe.skip;

const WORDS = ' and offline additions';

suite('drafting offline', () => {
  const demo = useDemo();

  it('keeps text typed offline across a reload and sends it on reconnect; the status line tells', async () => {
    const { page, context } = await signIn(demo.browser, demo.server.link('Delegate of the European Union'));
    // The sync WebSocket passes through this route; `blocked` makes the server unreachable.
    let blocked = false;
    await page.routeWebSocket(/\/sync\//, (ws) => {
      if (blocked) void ws.close({ code: 4503, reason: 'test: server unreachable' });
      else ws.connectToServer();
    });
    const serverText = async (): Promise<string> => {
      const r = await context.request.get(
        `${demo.server.url}/api/processes/demo/parties/european-union/drafts`,
      );
      const j = (await r.json()) as { drafts: { action: string; label: string; text: string }[] };
      return j.drafts.find((d) => d.action === 'amend' && d.label === '20')?.text ?? '(no draft)';
    };
    const status = page.getByTestId('sync-status');

    // The workspace fetches the editor's chunk once it shows a draft, so "Edit" works offline.
    const editorChunk = page.waitForResponse((r) => r.url().includes('/assets/drafting-'));
    await page.goto(`${demo.server.url}/p/demo/ws/european-union`);
    const select = page.getByRole('combobox', { name: /^Paragraph/ });
    await select.waitFor();
    const option = (await select.locator('option').allTextContents()).find((o) => o.startsWith('§20 '));
    await select.selectOption({ label: option as string });
    await page.getByRole('button', { name: /^Amend §20/ }).click();
    const card = page.locator('article', { hasText: 'Amend §20' }).first();
    await card.waitFor();
    await editorChunk;
    await context.setOffline(true);
    await card.getByRole('button', { name: 'Edit' }).click();
    const box = card.getByRole('textbox', { name: /^Proposed text of/ });
    await expect.poll(() => box.textContent()).not.toBe('');
    await context.setOffline(false);
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('Saved');

    // Offline: type; nothing reaches the server and the status line counts what waits.
    await context.setOffline(true);
    await box.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(WORDS);
    await expect.poll(() => status.textContent()).toMatch(/^Offline — \d+ changes waiting$/);
    const waiting = Number(/(\d+)/.exec((await status.textContent()) ?? '')?.[1]);
    expect(waiting).toBeGreaterThan(0);
    await expect.poll(() => box.locator('ins').allTextContents()).toContain(WORDS);
    await shot(page, 'offline-01-waiting');
    expect(await serverText()).not.toContain(WORDS.trim());

    // Reload with the sync endpoint still unreachable: the changes are still here, still counted.
    blocked = true;
    await context.setOffline(false);
    await page.reload();
    await expect
      .poll(() => status.textContent(), { timeout: 15_000 })
      .toBe(`Offline — ${waiting} changes waiting`);
    await card.getByRole('button', { name: 'Edit' }).click();
    await expect.poll(() => box.textContent(), { timeout: 10_000 }).toContain(WORDS.trim());
    expect(await serverText()).not.toContain(WORDS.trim());

    // Back online: sent on reconnect, acknowledged, saved; the server has the text.
    blocked = false;
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('Saved');
    expect(await serverText()).toContain(WORDS.trim());
    await shot(page, 'offline-02-saved');
    await context.close();
  });
});
