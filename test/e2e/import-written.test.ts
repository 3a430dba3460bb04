/**
 * The web import screen with written input in the statement form: each line that names a
 * paragraph but was not understood is listed with its number and its text before anything is
 * added; adding is possible only once the user chose to skip those lines; the drafts then hold
 * one proposal per paragraph of each list. Real Chromium, real server with the demo process.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, HAS_CHROMIUM, shot, signIn, useDemo } from './harness';

const suite = HAS_CHROMIUM ? describe : describe.skip;

const LETTER = `Comments of Paradigm Initiative on the text

We urge that paragraphs 44 and 46 be retained, as they reflect agreed language.
Paragraph 47 raises questions of its own.
§50 → Delete (superseded by the 2024 figures).
`;

const noViolations = async (page: Page, screen: string): Promise<void> => {
  const violations = await axe(page);
  expect(violations, `axe on ${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
};

suite('importing written input with a line that is not understood', () => {
  const demo = useDemo();

  it('lists the line by number, adds nothing until it is skipped, then adds one draft per paragraph', async () => {
    const { page, context } = await signIn(demo.browser, demo.server.link('Paradigm Initiative'));
    await page.goto(`${demo.server.url}/p/demo/ws/paradigm-initiative/import`);
    await page.getByLabel('Written proposals').fill(LETTER);
    await page.getByRole('button', { name: 'Check what is understood' }).click();
    const unread = page.getByRole('region', { name: '1 line names a paragraph but was not understood' });
    await unread.waitFor();
    expect(await unread.textContent()).toContain('Line 4: Paragraph 47 raises questions of its own.');
    expect(await page.locator('tr.kind-unread').count()).toBe(1);
    expect(await page.locator('tr.kind-proposal').count()).toBe(2);
    const add = page.getByRole('button', { name: 'Add 3 proposals as drafts' });
    expect(await add.isDisabled()).toBe(true);
    await shot(page, '04b-import-unread');
    await noViolations(page, 'import with unread lines');

    await page.getByLabel('Skip these lines and import the rest').check();
    expect(await add.isDisabled()).toBe(false);
    await add.click();
    await page
      .getByRole('heading', { name: /3 drafts added to the workspace of Paradigm Initiative/ })
      .waitFor();
    expect(await page.locator('main').textContent()).toContain('names §47, but no action was understood');
    await context.close();
  }, 180_000);
});
