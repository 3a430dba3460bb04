import { describe, expect, it } from 'vitest';
import { axe, HAS_CHROMIUM, shot, signIn, useDemo } from './harness';

const suite = HAS_CHROMIUM ? describe : describe.skip;

suite("the demo's African Union written input", () => {
  const demo = useDemo();

  it('is shown as written input with its labels unresolved, with no Table button, against the 72-paragraph text', async () => {
    const { page, context } = await signIn(demo.browser, demo.server.link('Delegate of the African Union'));
    await page.goto(`${demo.server.url}/p/demo/ws/african-union`);
    const written = page.getByTestId('unplaced-input');
    await written.getByRole('heading', { name: 'Written input with labels unresolved' }).waitFor();
    const cards = written.locator('article');
    expect(await cards.count()).toBe(18);
    // The amendment to §77 says that §77 is not in this text and where it came from.
    const d77 = cards.filter({ hasText: 'Amend §77' }).filter({ hasNotText: 'bis' }).first();
    expect(await d77.getByTestId('unplaced').textContent()).toBe(
      'Labels unresolved: §77 not in this text (written input from au-wsis20-written-amendments.txt).',
    );
    // Nothing in the written input offers to table it; the drafts list proper holds none of it.
    expect(await written.getByRole('button', { name: /^Table/ }).count()).toBe(0);
    const draftsList = page.locator('section[aria-labelledby="drafts-title"]');
    expect(await draftsList.locator('article').count()).toBe(0);
    expect(await draftsList.textContent()).toContain('No drafts on this text yet.');
    await shot(page, 'demo-au-written-input');
    const violations = await axe(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    // A draft started on a paragraph of this text is an ordinary draft, ready to table.
    const select = page.getByRole('combobox', { name: /^Paragraph/ });
    const option = (await select.locator('option').allTextContents()).find((o) => o.startsWith('§12 '));
    await select.selectOption({ label: option as string });
    await page.getByRole('button', { name: /^Amend §12/ }).click();
    const mine = draftsList.locator('article', { hasText: 'Amend §12' }).first();
    await mine.getByRole('button', { name: 'Table' }).waitFor();
    expect(await cards.count()).toBe(18);
    await context.close();
  });

  it('is refused by the server if tabled anyway, naming the paragraph that is not in the text', async () => {
    const { context } = await signIn(demo.browser, demo.server.link('Delegate of the African Union'));
    const base = `${demo.server.url}/api/processes/demo/parties/african-union`;
    const { drafts } = (await (await context.request.get(`${base}/drafts`)).json()) as {
      drafts: { id: string; action: string; label: string }[];
    };
    const d77 = drafts.find((d) => d.action === 'amend' && d.label === '77');
    const r = await context.request.post(`${base}/drafts/${d77?.id}/table`, {
      headers: { origin: demo.server.url },
    });
    expect(r.status()).toBe(409);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(
      /^§77 is not a paragraph of the Zero draft/,
    );
    await context.close();
  });
});
