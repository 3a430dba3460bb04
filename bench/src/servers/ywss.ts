/**
 * Baseline A: @y/websocket-server 0.1.1 as its own `src/server.js` sets it up (ws, `setupWSConnection`
 * on every upgrade), with its built-in y-leveldb persistence (YPERSISTENCE). Seeding stores the
 * generated update with y-leveldb before the server starts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { env, startSampling } from './sampler';

const dataDir = env('DATA_DIR');
const seedFile = process.env.SEED_FILE;
process.env.YPERSISTENCE = dataDir;

if (seedFile) {
  // y-leveldb's package.json hides its typings from "exports"; the one class used is typed here.
  const { LeveldbPersistence } = (await import('y-leveldb' as string)) as {
    LeveldbPersistence: new (
      dir: string,
    ) => { storeUpdate(doc: string, update: Uint8Array): Promise<unknown>; destroy(): Promise<void> };
  };
  const { readFileSync } = await import('node:fs');
  const ldb = new LeveldbPersistence(dataDir);
  const update = new Uint8Array(readFileSync(seedFile));
  // SEED_DOCS (comma-separated names, W2) seeds many documents with the same update.
  for (const doc of [...(process.env.SEED_DOCS?.split(',') ?? []), process.env.SEED_DOC ?? ''])
    if (doc !== '') await ldb.storeUpdate(doc, update);
  await ldb.destroy();
}
// Imported after YPERSISTENCE is set: the module reads it once, at load.
const { setupWSConnection } = await import('@y/websocket-server/utils');

const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('okay');
});
wss.on('connection', setupWSConnection);
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  startSampling((server.address() as AddressInfo).port);
});
