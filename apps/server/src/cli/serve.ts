/**
 * `serve(options)`: starts the Bis server as `bis serve` / `bis start` / `npm start` run it,
 * configured by options and the environment (PORT, DATA_DIR, HOST, DATABASE_URL, REDIS_URL,
 * BIS_ADMIN_TOKEN, BIS_PUBLIC_URL, BIS_ALLOWED_ORIGINS and the limits in config.ts).
 *
 * Run directly for development: `node --import tsx apps/server/src/cli/serve.ts [--demo]`.
 */
import { pathToFileURL } from 'node:url';
import { type ConfigOverrides, loadConfig } from '../config';
import { DEMO_PROCESS, type DemoPerson, demoPeople, seedDemo } from '../demo/seed';
import { type BisServer, createServer } from '../server';

/** Options of `serve`; each overrides its environment variable. */
export interface ServeOptions {
  readonly port?: number;
  readonly dataDir?: string;
  readonly host?: string;
  /** Seed the demo process on first start and print sign-in links for its roles. */
  readonly demo?: boolean;
  /** Where to print (default: stdout). */
  readonly log?: (line: string) => void;
}

/** A running server as the CLI sees it. */
export interface Serving {
  readonly url: string;
  close(): Promise<void>;
  /** The server itself (tests). */
  readonly server: BisServer;
}

/** Starts the server; prints the URL, the administrator's first sign-in link and, with `demo`, one link per demo role. */
export const serve = async (options: ServeOptions = {}): Promise<Serving> => {
  const overrides: ConfigOverrides = {};
  if (options.port !== undefined) overrides.port = options.port;
  if (options.dataDir !== undefined) overrides.dataDir = options.dataDir;
  if (options.host !== undefined) overrides.host = options.host;
  if (options.demo !== undefined) overrides.demo = options.demo;
  const config = loadConfig(overrides);
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const server = await createServer(config, { log });
  const svc = server.services;
  const base = config.publicUrl ?? server.url;
  log(`Bis is serving ${server.url} (data in ${config.dataDir})`);

  let people: DemoPerson[] = [];
  if (config.demo) {
    if (svc.db.listProcesses().length === 0) {
      log('Seeding the demo process from fixtures/ …');
      people = await seedDemo(svc, server.bootstrap.admin);
    } else {
      people = demoPeople(svc);
    }
  }
  if (people.length > 0) {
    log(`\nDemo process "${DEMO_PROCESS}": sign in with one of these one-time links (each works once):`);
    for (const p of people) log(`  ${p.label.padEnd(52)} ${base}/signin/${svc.auth.invite(p.userId, null)}`);
    log(
      'Proposals by Kenya, the European Union and Paradigm Initiative are illustrative, written for the demo.',
    );
  } else if (server.bootstrap.adminSignInPath) {
    log(`\nFirst start: sign in as the administrator with ${base}${server.bootstrap.adminSignInPath}`);
  }
  if (config.adminToken) log('The administrator API token is set from BIS_ADMIN_TOKEN.');
  return { url: server.url, close: () => server.close(), server };
};

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const port = flag('--port');
  const data = flag('--data');
  const s = await serve({
    ...(port !== undefined ? { port: Number(port) } : {}),
    ...(data !== undefined ? { dataDir: data } : {}),
    demo: args.includes('--demo'),
  });
  const stop = (): void => void s.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
