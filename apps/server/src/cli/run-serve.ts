import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CliError } from './io';
import { serve } from './serve';

const webDir = fileURLToPath(new URL('../../../web/', import.meta.url));

// `bis start` serves the built web app; build it once when it is missing.
const buildWebIfNeeded = async (): Promise<void> => {
  if (!existsSync(`${webDir}index.html`) || existsSync(`${webDir}dist/index.html`)) return;
  process.stdout.write('Building the web app (first start only)…\n');
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
