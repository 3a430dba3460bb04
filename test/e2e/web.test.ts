/**
 * The web app end to end, in Debian's Chromium against a real server with the demo process:
 * sign-in from a link, reading the text, a paragraph's proposals, a civil-society user importing
 * written proposals and tabling one (an observer sees it live), a co-facilitator's decision seen
 * live by the proponent, exports, and axe-core on each main screen (with screenshots).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, HAS_CHROMIUM, shot, signIn, useDemo } from './harness';

const suite = HAS_CHROMIUM ? describe : describe.skip;

// Runs in the page (test/ has no DOM lib).
const focusedText = (): string =>
  (globalThis as unknown as { document: { activeElement: { textContent: string | null } | null } }).document
    .activeElement?.textContent ?? '';

const WRITTEN = `Written input of Paradigm Initiative (e2e test)

- **§45 (cost of participation)** → *Amend*: Waive fees for civil society.

“Membership fees and the cost of travel are a barrier to participation; they should be waived for civil society organizations from developing countries.”

Rationale: participation must not depend on the ability to pay.
`;

const noViolations = async (page: Page, screen: string): Promise<void> => {
  const violations = await axe(page);
  expect(violations, `axe on ${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
};

const showing = async (page: Page): Promise<number> => {
  const text = (await page.getByTestId('showing').textContent()) ?? '';
  return Number(/([\d,]+) proposals/.exec(text)?.[1]?.replace(/,/g, '') ?? -1);
};

suite('the web app with the demo process', () => {
  const demo = useDemo();

  it('signs in from an invitation link and lists the processes with the role', async () => {
    const { page, context } = await signIn(demo.browser, demo.server.link('Delegate of Kenya'));
    await page.getByRole('heading', { name: 'Your processes' }).waitFor();
    await expect.poll(() => page.getByTestId('roles').first().textContent()).toContain('delegate');
    await expect.poll(() => page.locator('main').textContent()).toContain('Your delegation: Kenya');
    await shot(page, '01-home');
    await noViolations(page, 'home');
    await context.close();
  }, 120_000);

  it('reads the text: outline, numbered paragraphs, footnotes, counts, search, a paragraph’s proposals', async () => {
    const { page, context } = await signIn(demo.browser, demo.server.link('Delegate of Kenya'));
    // Reading never downloads the draft editor (its own chunk, loaded by the workspace).
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.reload();
    await page.getByRole('link', { name: /Human rights and technical standard-setting/ }).click();
    await page.locator('h1', { hasText: 'Human rights and technical standard-setting' }).waitFor();
    await page.locator('.para[data-label="1"]').waitFor();
    expect(await page.locator('.footnotes li').count()).toBeGreaterThan(0);
    expect(await showing(page)).toBe(6);
    // Windowing: far fewer rows in the DOM than the text has.
    expect(await page.locator('.vrow').count()).toBeLessThan(60);
    await shot(page, '02-text');
    await noViolations(page, 'text');

    // Outline: jumping to a section focuses its heading.
    const outline = page.getByRole('navigation', { name: 'Outline' });
    const link = outline.getByRole('link').nth(5);
    const title = (await link.textContent()) ?? '';
    await link.click();
    await expect.poll(() => page.evaluate(focusedText)).toBe(title);

    // Search narrows to matching paragraphs and says how many.
    await page.getByLabel('Search the text and proposals').fill('gender representation');
    await page.locator('.para[data-label="48"]').waitFor();
    await expect.poll(() => page.getByTestId('announcer').textContent()).toMatch(/paragraphs? match/);

    // The paragraph's proposals: current text, changes as <ins>/<del>, the decision.
    await page.getByRole('link', { name: /^Proposals for §48/ }).click();
    const panel = page.getByRole('complementary');
    await panel.getByRole('heading', { name: 'Proposals for §48' }).waitFor();
    expect(await panel.locator('ins').count()).toBeGreaterThan(0);
    expect(await panel.locator('del').count()).toBeGreaterThan(0);
    expect(await panel.locator('ins .sr-only').first().textContent()).toBe('inserted: ');
    await expect
      .poll(() => panel.getByTestId('decision').first().textContent())
      .toContain('accepted as modified');
    expect(await panel.textContent()).toContain('European Union');
    await shot(page, '03-paragraph-proposals');
    await noViolations(page, 'paragraph proposals');

    // An insertion appears at its place with its label.
    await page.getByLabel('Search the text and proposals').fill('fellowship');
    await page.locator('.insertion', { hasText: '58 bis' }).waitFor();
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => s.includes('/drafting-'))).toEqual([]);
    await context.close();
  }, 180_000);

  it('a civil-society user imports written proposals and tables one; an observer sees it live; a co-facilitator decides and the proponent sees it', async () => {
    const observer = await signIn(demo.browser, demo.server.link('Observer'));
    await observer.page.goto(`${demo.server.url}/p/demo`);
    await observer.page.locator('.para[data-label="1"]').waitFor();
    await expect.poll(() => showing(observer.page)).toBe(6);

    const pi = await signIn(demo.browser, demo.server.link('Paradigm Initiative'));
    const page = pi.page;
    await page.goto(`${demo.server.url}/p/demo/ws/paradigm-initiative/import`);
    await page.getByLabel('Written proposals').fill(WRITTEN);
    await page.getByRole('button', { name: 'Check what is understood' }).click();
    await page.getByRole('heading', { name: 'What was understood' }).waitFor();
    expect(await page.locator('tr.kind-proposal').count()).toBe(1);
    expect(await page.locator('tr.kind-text').count()).toBe(1);
    expect(await page.locator('tr.kind-rationale').count()).toBe(1);
    expect(await page.locator('tr.kind-prose').count()).toBeGreaterThan(0);
    await shot(page, '04-import');
    await noViolations(page, 'import');
    await page.getByRole('button', { name: 'Add 1 proposal as a draft' }).click();
    await page
      .getByRole('heading', { name: /1 draft added to the workspace of Paradigm Initiative/ })
      .waitFor();

    await page.getByRole('link', { name: 'Go to the workspace' }).click();
    const card = page.locator('article', { hasText: 'Amend §45' }).first();
    await card.waitFor();
    await shot(page, '05-workspace');
    await noViolations(page, 'workspace');
    await card.getByRole('button', { name: 'Table' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/Table Amend §45\?/).waitFor();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await card.getByText('tabled (version 1)').waitFor();

    // The observer's page, untouched, now counts the new proposal.
    await expect.poll(() => showing(observer.page), { timeout: 10_000 }).toBe(7);

    // The proponent opens the paragraph; the co-facilitator decides at the desk.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Text' }).click();
    await page.getByLabel('Search the text and proposals').fill('waived for civil society');
    await page.getByRole('link', { name: /^Proposals for §45/ }).click();
    const mine = page.getByRole('article', { name: /Amend §45 \(Paradigm Initiative\)/ });
    await expect.poll(() => mine.getByTestId('decision').textContent()).toContain('no decision yet');

    const chair = await signIn(demo.browser, demo.server.link('Co-facilitator A'));
    await chair.page.goto(`${demo.server.url}/p/demo/desk`);
    const form = chair.page.getByRole('form', { name: /Amend §45 \(Paradigm Initiative\)/ });
    await form.waitFor();
    await shot(chair.page, '06-desk');
    await noViolations(chair.page, 'desk');
    await form.getByLabel('Decision').selectOption('deferred');
    await form.getByLabel('Note for the record').fill('To be taken up with §44 at the next reading.');
    await form.getByRole('button', { name: 'Record decision' }).click();
    await expect.poll(() => chair.page.getByTestId('announcer').textContent()).toContain('Decision recorded');

    await expect
      .poll(() => mine.getByTestId('decision').textContent(), { timeout: 10_000 })
      .toContain('deferred');
    expect(await mine.getByTestId('decision').textContent()).toContain('To be taken up with §44');
    await shot(page, '07-proponent-sees-decision');
    await Promise.all([observer.context.close(), pi.context.close(), chair.context.close()]);
  }, 240_000);

  it('exports download a file of the chosen format, for the whole text or one section', async () => {
    const { page, context } = await signIn(demo.browser, demo.server.link('Observer'));
    await page.goto(`${demo.server.url}/p/demo`);
    await page.locator('.para[data-label="1"]').waitFor();
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel('Format').selectOption('csv');
    await shot(page, '08-export');
    await noViolations(page, 'export dialog');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('demo-comparison.csv');
    const text = readFileSync((await csv.path()) as string, 'utf8');
    expect(text).toContain('Kenya');
    await dialog.getByText(/Downloaded demo-comparison\.csv/).waitFor();

    await dialog.getByLabel('Compilation').check();
    await dialog.getByLabel('Format').selectOption('md');
    await dialog.getByLabel('One section').check();
    const section = dialog.getByRole('combobox', { name: 'Section', exact: true });
    const options = await section.locator('option').allTextContents();
    const target = options.find((o) => o.startsWith('B. Transparency')) as string;
    await section.selectOption({ label: target });
    const [md] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(md.suggestedFilename()).toMatch(/^demo-compilation-section-.+\.md$/);
    const body = readFileSync((await md.path()) as string, 'utf8');
    expect(body).toContain('Transparency');
    expect(body).not.toContain('Introduction');
    await context.close();
  }, 180_000);
});
