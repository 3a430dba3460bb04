/**
 * The text model in the reading screen, in Chromium: processes created from the fixtures in
 * fixtures/texts/ (a WSIS+20-style zero draft with a lettered preamble; a UNFCCC-style negotiating
 * text with an unnumbered preamble, status tags and nested brackets) through the server's
 * create-from-text path. A lettered preambular paragraph reads `B.`, an unnumbered one shows no
 * label, status tags are badges, chapeaux are lines of the text, and brackets are marked by depth.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createProcess } from '../../apps/server/src/commands/processes';
import { axe, HAS_CHROMIUM, shot, signIn, useDemo } from './harness';

const suite = HAS_CHROMIUM ? describe : describe.skip;
const texts = fileURLToPath(new URL('../../fixtures/texts/', import.meta.url));

suite('preambles, tags and brackets on the reading screen', () => {
  const demo = useDemo();

  it('shows printed labels, tag badges, chapeaux and bracket depth', async () => {
    const svc = demo.server.server.services;
    const admin = demo.server.server.bootstrap.admin;
    const root = { userId: admin.id, name: admin.name, admin: true, via: 'token' as const };
    for (const [id, file] of [
      ['wsis', 'wsis20-zero-draft.txt'],
      ['unfccc', 'unfccc-negotiating-text.txt'],
    ] as const)
      await createProcess(svc, root, {
        id,
        public: true,
        text: readFileSync(`${texts}${file}`, 'utf8'),
        fileName: file,
      });
    const { context, page } = await signIn(demo.browser, demo.server.link('Delegate of Kenya'));
    try {
      await page.goto(`${demo.server.url}/p/wsis`);
      const para = (label: string) => page.locator(`.para[data-label="${label}"]`);
      await para('PP2').waitFor();
      expect(await para('PP1').locator('.plabel').textContent()).toBe('A.');
      expect(await para('PP2').locator('.plabel').textContent()).toBe('B.');
      expect(await para('PP2 bis').locator('.plabel').textContent()).toBe('B bis.');
      expect(await para('1').locator('.plabel').textContent()).toBe('1.');
      // Screen readers hear the printed letter and the reference label proposals use.
      expect(await para('PP2').locator('.sr-only').first().textContent()).toContain('B (PP2)');
      await expect
        .poll(() => page.locator('p.chapeau').allTextContents())
        .toContain('Adopts the following outcome document:');
      await shot(page, 'text-model-lettered');

      await page.goto(`${demo.server.url}/p/unfccc`);
      await para('PP1').waitFor();
      // No label printed; the label column stays empty so the text keeps its place.
      expect(await para('PP1').locator('.plabel').textContent()).toBe('');
      expect(await para('PP2').locator('.plabel').textContent()).toBe('');
      // The operative part is further down: the list renders only the rows on screen.
      await page.locator('.para').first().hover();
      await page.mouse.wheel(0, 500);
      await para('1').waitFor();
      expect(await para('1').locator('.tag').allTextContents()).toEqual(['agreed']);
      expect(await para('2').locator('.tag').allTextContents()).toEqual(['ad ref']);
      // `Recalling [the [ultimate] objective] …`: two levels of brackets, marked as such.
      await shot(page, 'text-model-unnumbered');
      await page.mouse.wheel(0, -2000);
      await para('PP1').waitFor();
      expect(await para('PP1').locator('.br').count()).toBeGreaterThanOrEqual(4);
      // `[[Preamble]` opened a bracket before it, still open: the text is one level deeper.
      expect(await para('PP1').locator('.bd2:not(.br)').first().textContent()).toBe('the ');
      expect(await para('PP1').locator('.bd3:not(.br)').first().textContent()).toBe('ultimate');
      const violations = await axe(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
