/**
 * The end-to-end harness: builds the web app once (vite's build API, see `buildWeb`), starts a real Bis server in this process on port 0 with a temp data dir
 * and the demo seed, drives Debian's Chromium with playwright-core, checks pages with axe-core
 * and keeps screenshots in test-output/screenshots/ (not committed).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../apps/server/src/config';
import { DEMO_PROCESS, seedDemo } from '../../apps/server/src/demo/seed';
import { type BisServer, createServer } from '../../apps/server/src/server';
import { busyLoopsWanted } from './load';

/** Debian's Chromium (installed by .ci/run). */
export const CHROMIUM = '/usr/bin/chromium';
/** Whether the browser is there; the suites skip loudly without it. */
export const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM)
  console.warn(
    `\n*** test/e2e: ${CHROMIUM} is missing, so the browser end-to-end tests are SKIPPED. Install Debian's chromium (apt-get install chromium) to run them. ***\n`,
  );

const ROOT = resolve(import.meta.dirname, '../..');
/** Where screenshots go (gitignored). */
export const SHOTS = join(ROOT, 'test-output/screenshots');

let built: Promise<string> | null = null;

// Every file the bundle is made of; the build is keyed by their content.
const sourceKey = (): string => {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((x, y) => x.name.localeCompare(y.name))) {
      if (e.name === 'node_modules' || e.name === 'dist') continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.(tsx?|js|css|html|json)$/.test(e.name) && !e.name.includes('.test.')) {
        hash.update(path);
        hash.update(readFileSync(path));
      }
    }
  };
  walk(join(ROOT, 'apps/web'));
  for (const pkg of readdirSync(join(ROOT, 'packages'))) walk(join(ROOT, 'packages', pkg, 'src'));
  return hash.digest('hex').slice(0, 16);
};

/**
 * Builds apps/web once per source state into test-output/web-dist/<key> (not apps/web/dist:
 * test files run in parallel workers, and a build replacing the folder a running server reads
 * breaks the others). Concurrent builders each build in a temp folder; the first rename wins.
 * Returns the folder to serve.
 */
export const buildWeb = (): Promise<string> => {
  built ??= (async () => {
    const out = join(ROOT, 'test-output/web-dist', sourceKey());
    if (existsSync(join(out, 'index.html'))) return out;
    const tmp = `${out}.tmp-${process.pid}-${Date.now()}`;
    const { build } = await import('vite');
    await build({
      configFile: join(ROOT, 'apps/web/vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: tmp, emptyOutDir: true },
    });
    try {
      renameSync(tmp, out);
    } catch {
      // Another worker finished first with the same sources.
      rmSync(tmp, { recursive: true, force: true });
    }
    return out;
  })();
  return built;
};

/** A demo server that hands out sign-in links by person. */
export interface DemoServer {
  readonly url: string;
  readonly server: BisServer;
  /** A fresh one-time sign-in link for a demo person by name (`Co-facilitator A`, `Delegate of Kenya` …). */
  link(label: string): string;
  close(): Promise<void>;
}

/** Starts a server with the demo process on port 0 in a temp dir, serving the web app built by `buildWeb`. */
export const startDemo = async (): Promise<DemoServer> => {
  const webDist = await buildWeb();
  const dataDir = mkdtempSync(join(tmpdir(), 'bis-e2e-'));
  const server = await createServer(loadConfig({ port: 0, host: '127.0.0.1', dataDir, webDist }), {
    log: () => {},
  });
  const svc = server.services;
  await seedDemo(svc, server.bootstrap.admin);
  const users = svc.db.listRoles(DEMO_PROCESS);
  return {
    url: server.url,
    server,
    // Fresh one-time links from the server's own auth, so one person can sign in from several browsers.
    link: (name: string) => {
      const u = users.find((r) => r.name === name) ?? null;
      if (!u) throw new Error(`no demo person "${name}" (have: ${users.map((r) => r.name).join(', ')})`);
      return `${server.url}/signin/${svc.auth.invite(u.userId, null)}`;
    },
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** Launches the browser. */
export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });

/** A new browser context signed in with `link`, on the page the link lands on (no service worker unless asked). */
export const signIn = async (
  browser: Browser,
  link: string,
  /**
   * Whether the app shell (the service worker) may run. Off by default: a page controlled by a
   * service worker hides its requests from `page.route`, which other suites use.
   */
  serviceWorkers: 'allow' | 'block' = 'block',
): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 860 },
    acceptDownloads: true,
    serviceWorkers,
  });
  // Under BIS_E2E_LOAD, waiting for an element stretches threefold, as the test time limits do.
  if (busyLoopsWanted(process.env.BIS_E2E_LOAD) > 0) context.setDefaultTimeout(90_000);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(link);
  // The link shows whom it is for; the button spends it (a GET never does).
  await page.getByRole('button', { name: /^Sign in as / }).click();
  await page.waitForURL((u) => u.pathname === '/');
  return { context, page };
};

const require = createRequire(import.meta.url);
const AXE_SOURCE: string = (require('axe-core') as { source: string }).source;

/** One axe violation, short. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/** Runs axe-core on the page (WCAG 2 A/AA and best practices); returns the violations. */
export const axe = async (page: Page): Promise<AxeViolation[]> => {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    // Runs in the page (test/ has no DOM lib, hence the structural types).
    const w = globalThis as unknown as {
      document: unknown;
      axe: {
        run: (
          ctx: unknown,
          opts: object,
        ) => Promise<{
          violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
        }>;
      };
    };
    const r = await w.axe.run(w.document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
};

/** Saves a full-viewport screenshot as test-output/screenshots/<name>.png. */
export const shot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
};

/** The demo server and a browser a suite shares: started before its tests, closed after them. */
export interface DemoSession {
  readonly server: DemoServer;
  readonly browser: Browser;
}

/** Registers the suite's set-up: the web app built, a demo server on port 0, Chromium launched. */
export const useDemo = (): DemoSession => {
  const session = {} as { server: DemoServer; browser: Browser };
  beforeAll(async () => {
    await buildWeb();
    session.server = await startDemo();
    session.browser = await launch();
  }, 240_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
};
