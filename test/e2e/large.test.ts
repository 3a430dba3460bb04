/**
 * A 2,000-paragraph revision with 5,000 proposals opens and scrolls in the browser without
 * freezing: only the rows on screen are in the DOM, and the last paragraph is reachable. The
 * times are printed (they belong to the report, not to an assertion beyond "no freeze").
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb, type DemoServer, HAS_CHROMIUM, launch, shot, signIn, startDemo } from './harness';
import { seedLarge } from './large-text';

const suite = HAS_CHROMIUM ? describe : describe.skip;

suite('a large text in the web app', () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    await buildWeb();
    server = await startDemo();
    await seedLarge(server.server);
    browser = await launch();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens and scrolls 2,000 paragraphs with 5,000 proposals, rendering only what is on screen', async () => {
    const { page, context } = await signIn(browser, server.link('Observer'));
    const t0 = Date.now();
    await page.goto(`${server.url}/p/big`);
    await page.locator('.para[data-label="1"]').waitFor({ timeout: 60_000 });
    const firstParagraph = Date.now() - t0;
    // The live compilation has arrived when all 5,000 proposals are counted.
    await expect
      .poll(async () => (await page.getByTestId('showing').textContent()) ?? '', { timeout: 60_000 })
      .toContain('5,000 proposals');
    const opened = Date.now() - t0;
    const rows = await page.locator('.vrow').count();
    expect(rows).toBeLessThan(150);

    // Scroll through the whole text in 40 steps, measuring the longest frame.
    const frames = await page.evaluate(async () => {
      const g = globalThis as unknown as {
        document: { querySelector(s: string): { scrollTop: number; scrollHeight: number } | null };
        requestAnimationFrame(cb: (t: number) => void): number;
        performance: { now(): number };
      };
      const list = g.document.querySelector('.vlist');
      if (!list) return { longest: -1, steps: 0 };
      let longest = 0;
      let steps = 0;
      for (let i = 1; i <= 40; i++) {
        const start = g.performance.now();
        list.scrollTop = (list.scrollHeight * i) / 40;
        await new Promise((resolve) => g.requestAnimationFrame(() => g.requestAnimationFrame(resolve)));
        longest = Math.max(longest, g.performance.now() - start);
        steps++;
      }
      return { longest, steps };
    });
    await page.locator('.para[data-label="2000"]').waitFor();
    expect(await page.locator('.vrow').count()).toBeLessThan(150);

    // Filtering recompiles once: Party 3's proposals only.
    const t1 = Date.now();
    await page.locator('summary', { hasText: 'Filters' }).click();
    await page.getByRole('combobox', { name: 'Party', exact: true }).selectOption('Party 3');
    await expect
      .poll(async () => (await page.getByTestId('showing').textContent()) ?? '')
      .not.toContain('5,000');
    const filtered = Date.now() - t1;
    await shot(page, '09-large-text');
    console.log(
      `[large text] first paragraph on screen after ${firstParagraph} ms, all 5,000 proposals counted after ${opened} ms; ${rows} rows in the DOM; longest scroll step ${Math.round(frames.longest)} ms over ${frames.steps} steps; party filter applied in ${filtered} ms`,
    );
    // "Without freezing": no single scroll step may block for seconds.
    expect(frames.longest).toBeLessThan(2000);
    await context.close();
  }, 300_000);
});
