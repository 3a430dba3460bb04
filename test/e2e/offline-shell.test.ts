import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, shot, signIn, useDemo } from './harness';

const suite = HAS_CHROMIUM ? describe : describe.skip;

// Run in the page (test/ has no DOM lib, hence expressions as strings).
const controlled = (page: Page): Promise<boolean> =>
  page.evaluate('navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller !== null)');
const keptAnswers = (page: Page): Promise<string[]> =>
  page.evaluate("caches.open('bis-data-v1').then((c) => c.keys()).then((k) => k.map((r) => r.url))");

suite('the offline app shell', () => {
  const demo = useDemo();

  it('opens the app with the drafts on a reload while offline, and the status line says offline', async () => {
    const { page, context } = await signIn(
      demo.browser,
      demo.server.link('Delegate of the European Union'),
      'allow',
    );
    const ws = `${demo.server.url}/p/demo/ws/european-union`;
    await page.goto(ws);
    const select = page.getByRole('combobox', { name: /^Paragraph/ });
    await select.waitFor();
    const option = (await select.locator('option').allTextContents()).find((o) => o.startsWith('§31 '));
    await select.selectOption({ label: option as string });
    await page.getByRole('button', { name: /^Amend §31/ }).click();
    await page.locator('article', { hasText: 'Amend §31' }).first().waitFor();
    const status = page.getByTestId('sync-status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('Saved');
    // The shell is installed and controls the page (it claims it once active).
    await expect.poll(() => controlled(page), { timeout: 15_000 }).toBe(true);
    // One reload online, as a person coming back would: the answers this page needs pass the shell.
    await page.reload();
    await page.locator('article', { hasText: 'Amend §31' }).first().waitFor();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('Saved');

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Workspace of European Union' }).waitFor();
    const card = page.locator('article', { hasText: 'Amend §31' }).first();
    await card.waitFor();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^Offline/);
    await shot(page, 'offline-shell-reload');

    // Another app route opens too (the shell answers every route with the app's page).
    await page.goto(`${demo.server.url}/p/demo`);
    await expect.poll(() => page.locator('main h1').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await context.setOffline(false);
    await context.close();
  });

  it('keeps no answers for the next person after signing out', async () => {
    const { page, context } = await signIn(demo.browser, demo.server.link('Delegate of Kenya'), 'allow');
    await page.goto(`${demo.server.url}/p/demo/ws/kenya`);
    await expect.poll(() => controlled(page), { timeout: 15_000 }).toBe(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Workspace of Kenya' }).waitFor();
    // Kenya's drafts are among the answers kept; after signing out they are gone (the signed-out
    // page's own answers may be kept again: they are anyone's).
    const kenyas = async () => (await keptAnswers(page)).filter((u) => u.includes('/parties/kenya/')).length;
    await expect.poll(kenyas).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(kenyas).toBe(0);
    await context.close();
  });
});
