import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from './io';
import { serve } from './serve';

const webDir = fileURLToPath(new URL('../../../web/', import.meta.url));
const repoDir = fileURLToPath(new URL('../../../../', import.meta.url));
// What the web bundle is built from: the app and the packages it bundles.
const WEB_SOURCES = [
  'apps/web/src',
  'apps/web/index.html',
  'packages/core/src',
  'packages/diff/src',
  'packages/collab/src',
  'packages/editor/src',
  'packages/formats/src',
];

// The newest modification time under `path` (a file or a folder).
const newest = (path: string): number => {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), st.mtimeMs);
};

// `bis start` serves the built web app: build it when it is missing or older than its sources,
// so that a pulled update is never served from a stale bundle.
const buildWebIfNeeded = async (): Promise<void> => {
  if (!existsSync(`${webDir}index.html`)) return;
  const built = `${webDir}dist/index.html`;
  if (existsSync(built)) {
    const sources = Math.max(
      ...WEB_SOURCES.map((p) => join(repoDir, p))
        .filter(existsSync)
        .map(newest),
    );
    if (statSync(built).mtimeMs >= sources) return;
  }
  process.stdout.write('Building the web app…\n');
  try {
    const { build } = await import('vite');
    await build({ root: webDir, logLevel: 'warn' });
  } catch (e) {
    throw new CliError(`the web app did not build: ${(e as Error).message}`);
  }
};

const portOf = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(`--port must be a port number, got "${value}"`);
  return port;
};

/** `bis serve` and `bis start`: runs the server until it is stopped by a signal. */
export const runServe = async (
  command: 'serve' | 'start',
  values: { port?: string; data?: string; host?: string },
): Promise<number> => {
  const port = portOf(values.port);
  if (command === 'start') await buildWebIfNeeded();
  const server = await serve({
    ...(port !== undefined ? { port } : {}),
    ...(values.data ? { dataDir: values.data } : {}),
    ...(values.host ? { host: values.host } : {}),
    demo: command === 'start',
  });
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
};
