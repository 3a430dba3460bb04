/**
 * The pages people meet before (or after) they are signed in, in Chromium against the demo
 * server: the landing page when not signed in and after "Sign out", the not-found page for an
 * unknown address, the error page for a process that does not exist — each says what to do and
 * raises no page error — and each demo person's role in their own words on the home page.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PROCESS } from '../../apps/server/src/demo/seed';
import { axe, HAS_CHROMIUM, shot, signIn, useDemo } from './harness';

const suite = HAS_CHROMIUM ? describe : describe.skip;

/** A fresh browser context that is not signed in, recording page errors. */
const anonymous = async (browser: Browser) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
};

const mainText = async (page: Page): Promise<string> => (await page.locator('main').textContent()) ?? '';

/** The landing page is showing in full: what Bis is, the public processes, how to sign in. */
const expectLanding = async (page: Page): Promise<void> => {
  await page.getByRole('heading', { level: 1, name: 'Bis: negotiating texts together' }).waitFor();
  await page.getByRole('heading', { name: 'Public processes' }).waitFor();
  await page.getByRole('heading', { name: 'How to sign in' }).waitFor();
  // The demo process is public: it is listed, and the link opens its text.
  await page.locator(`main a[href="/p/${DEMO_PROCESS}"]`).waitFor();
  expect(await mainText(page)).toContain('sign-in link');
};

suite('landing, not-found and error pages; roles in words', () => {
  const demo = useDemo();

  it('shows the landing page when not signed in, with no page error and no axe violation', async () => {
    const { context, page, errors } = await anonymous(demo.browser);
    await page.goto(`${demo.server.url}/`);
    await expectLanding(page);
    await shot(page, 'landing');
    const violations = await axe(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    // A public process can be opened from it and read without signing in.
    await page.locator(`main a[href="/p/${DEMO_PROCESS}"]`).click();
    await page.locator('.para[data-label="1"]').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows the landing page after "Sign out", with no page error', async () => {
    const { context, page } = await signIn(demo.browser, demo.server.link('Delegate of Kenya'));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByRole('heading', { name: 'Your processes' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectLanding(page);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    // Reloading stays on the landing page (the session is gone on the server too).
    await page.reload();
    await expectLanding(page);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows a not-found page that names the address and leads home, signed in or not', async () => {
    const { context, page, errors } = await anonymous(demo.browser);
    for (const path of ['/nowhere/at/all', `/p/${DEMO_PROCESS}/no-such-screen`]) {
      await page.goto(`${demo.server.url}${path}`);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      expect(await mainText(page)).toContain(`There is no page at ${path}.`);
    }
    await shot(page, 'not-found');
    const violations = await axe(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await expectLanding(page);
    expect(errors).toEqual([]);
    await context.close();

    const signedIn = await signIn(demo.browser, demo.server.link('Observer'));
    const seen: string[] = [];
    signedIn.page.on('pageerror', (e) => seen.push(e.message));
    await signedIn.page.goto(`${demo.server.url}/nowhere`);
    await signedIn.page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await signedIn.page.getByRole('link', { name: 'Go to the home page' }).click();
    await signedIn.page.getByRole('heading', { level: 1, name: 'Your processes' }).waitFor();
    expect(seen).toEqual([]);
    await signedIn.context.close();
  }, 120_000);

  it('says what happened and what to do for a process that does not exist', async () => {
    const { context, page, errors } = await anonymous(demo.browser);
    await page.goto(`${demo.server.url}/p/no-such-process`);
    await page.getByRole('heading', { level: 1, name: 'Something went wrong' }).waitFor();
    const text = await mainText(page);
    expect(text).toContain('no-such-process');
    expect(text).toContain('open the sign-in link the secretariat sent you');
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await expectLanding(page);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows each person their own role and organisation, never "delegate" for civil society', async () => {
    const cases: { person: string; role: string; line: string | null }[] = [
      {
        person: 'Paradigm Initiative',
        role: 'Your role: civil-society representative',
        line: 'Your organisation: Paradigm Initiative',
      },
      { person: 'Co-facilitator A', role: 'Your role: co-facilitator', line: null },
      { person: 'Observer', role: 'Your role: observer', line: null },
      { person: 'Delegate of Kenya', role: 'Your role: delegate', line: 'Your delegation: Kenya' },
    ];
    for (const c of cases) {
      const { context, page } = await signIn(demo.browser, demo.server.link(c.person));
      await expect.poll(() => page.getByTestId('roles').first().textContent()).toBe(c.role);
      const text = await mainText(page);
      if (c.line) expect(text).toContain(c.line);
      if (c.person !== 'Delegate of Kenya') {
        expect(text, c.person).not.toMatch(/delegate|delegation/i);
      }
      if (c.person === 'Paradigm Initiative') await shot(page, 'home-civil-society');
      await context.close();
    }
  }, 180_000);
});
