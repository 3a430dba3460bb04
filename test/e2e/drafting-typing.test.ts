/**
 * Typing right after a new draft's editor opens, end to end in Chromium: every character must
 * reach the server. The workspace brings a newly started draft into view (it focuses the draft's
 * heading); that must happen once, and never while the person is typing, whichever of the live
 * workspace document and the REST answer that creates the draft reaches the page first. Under
 * CPU load the live document often wins, and the heading then took the focus at the first
 * keystroke: only the first letter was kept. The REST answer is held back here until the draft's
 * card is on the page, so that order happens every time, not only on a busy machine.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, signIn, useDemo } from './harness';

const suite = HAS_CHROMIUM ? describe : describe.skip;

interface ServerDraft {
  readonly action: string;
  readonly label: string;
  readonly text: string;
}

// Chooses the paragraph `label` in the "start a draft" list.
const pick = async (page: Page, label: string): Promise<void> => {
  const select = page.getByRole('combobox', { name: /^Paragraph/ });
  await select.waitFor();
  const option = (await select.locator('option').allTextContents()).find((o) => o.startsWith(`§${label} `));
  expect(option, `the demo text has a §${label}`).toBeTruthy();
  await select.selectOption({ label: option as string });
};

/**
 * Holds the answer to the next "create a draft" request until `release()`: the live document
 * shows the new draft first, as it does on a loaded machine.
 */
const holdNextDraftAnswer = async (page: Page): Promise<{ release: () => void; held: Promise<void> }> => {
  let release = (): void => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });
  let heldNow = (): void => {};
  const held = new Promise<void>((r) => {
    heldNow = r;
  });
  let used = false;
  const handler = async (route: Route): Promise<void> => {
    if (used || route.request().method() !== 'POST') return route.fallback();
    used = true;
    const response = await route.fetch();
    heldNow();
    await gate;
    await route.fulfill({ response });
  };
  await page.route(/\/api\/processes\/demo\/parties\/[^/]+\/drafts$/, handler);
  return { release, held };
};

const draftsOf = async (page: Page, url: string, party: string): Promise<ServerDraft[]> => {
  const r = await page.context().request.get(`${url}/api/processes/demo/parties/${party}/drafts`);
  return ((await r.json()) as { drafts: ServerDraft[] }).drafts;
};

suite('typing right after a draft opens', () => {
  const demo = useDemo();

  it('keeps every character typed at once into a new paragraph whose card appeared before the REST answer', async () => {
    const { page, context } = await signIn(demo.browser, demo.server.link('Delegate of the African Union'));
    await page.goto(`${demo.server.url}/p/demo/ws/african-union`);
    await pick(page, '40');
    const hold = await holdNextDraftAnswer(page);
    await page.getByRole('button', { name: /^Insert after §40/ }).click();
    const card = page.locator('article', { hasText: 'Insert §40 bis' }).first();
    await hold.held;
    await card.waitFor();
    hold.release();
    // The REST answer lands: the page goes to the new draft (#draft-<id>).
    await page.waitForURL((u) => u.hash.startsWith('#draft-'));
    await card.getByRole('button', { name: 'Edit' }).click();
    const box = card.getByRole('textbox', { name: 'Proposed text of Insert §40 bis' });
    await box.click();
    const words = 'Encourages open access to standards.';
    await page.keyboard.type(words);
    await expect.poll(() => box.textContent()).toBe(`40 bis.${words}`);
    await expect.poll(() => page.getByTestId('sync-status').textContent()).toBe('Saved');
    const drafts = await draftsOf(page, demo.server.url, 'african-union');
    const mine = drafts.filter((d) => d.action === 'insert' && d.label === '40 bis');
    expect(mine.map((d) => d.text)).toEqual([words]);
    await context.close();
  });

  it('keeps every character when the REST answer lands while the delegate is already typing an amendment', async () => {
    const { page, context } = await signIn(demo.browser, demo.server.link('Delegate of Kenya'));
    await page.goto(`${demo.server.url}/p/demo/ws/kenya`);
    await pick(page, '41');
    const hold = await holdNextDraftAnswer(page);
    await page.getByRole('button', { name: /^Amend §41/ }).click();
    const card = page.locator('article', { hasText: 'Amend §41' }).first();
    await hold.held;
    await card.getByRole('button', { name: 'Edit' }).click();
    const box = card.getByRole('textbox', { name: /^Proposed text of Amend §41/ });
    await expect.poll(() => box.textContent()).not.toBe('');
    await box.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' and with');
    hold.release();
    await page.waitForURL((u) => u.hash.startsWith('#draft-'));
    await page.keyboard.type(' regional groups');
    await expect.poll(() => box.textContent()).toMatch(/ and with regional groups$/);
    await expect.poll(() => page.getByTestId('sync-status').textContent()).toBe('Saved');
    const drafts = await draftsOf(page, demo.server.url, 'kenya');
    const mine = drafts.filter((d) => d.action === 'amend' && d.label === '41');
    expect(mine).toHaveLength(1);
    expect(mine[0]?.text).toMatch(/ and with regional groups$/);
    await context.close();
  });
});
