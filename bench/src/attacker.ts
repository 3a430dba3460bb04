/**
 * One load attack against the sync server, in its own process so that its CPU does not slow the
 * probe: `node --import tsx attacker.ts MODE URL SECONDS`. MODE `amplify`: 150 read-only
 * connections (users r0 … r149) each ask for the whole document 30 times a second (a 4-byte sync
 * step 1), under the per-connection rate limit. MODE `writers`: 20 connections of one user (`w`)
 * each send a small update 90 times a second. A connection the server closes is reopened at once.
 * Prints one JSON line with what was sent and received.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';

const [mode, url, seconds] = process.argv.slice(2);
if ((mode !== 'amplify' && mode !== 'writers') || !url || !seconds) {
  console.error('usage: attacker.ts amplify|writers URL SECONDS');
  process.exit(2);
}
const DOC = 'p/bench/compilation';
const until = Date.now() + Number(seconds) * 1000;
const stats = { requests: 0, bytesIn: 0, connections: 0, closes: {} as Record<string, number> };
const FULL_REQUEST = new Uint8Array([0, 0, 1, 0]);

const encodeUpdate = (update: Uint8Array): Uint8Array => {
  // [sync, update, varUint8Array]
  const len: number[] = [];
  let n = update.byteLength;
  while (n > 127) {
    len.push((n & 127) | 128);
    n >>>= 7;
  }
  len.push(n);
  return new Uint8Array([0, 2, ...len, ...update]);
};

const connection = async (user: string, perSecond: number): Promise<void> => {
  while (Date.now() < until) {
    stats.connections++;
    const ws = new WebSocket(`${url}/${DOC}?token=${user}`, { perMessageDeflate: false });
    ws.on('error', () => {});
    ws.on('message', (data: Buffer) => {
      stats.bytesIn += data.byteLength;
    });
    const doc = new Y.Doc();
    let timer: NodeJS.Timeout | null = null;
    await new Promise<void>((resolve) => {
      ws.once('open', () => {
        timer = setInterval(() => {
          if (Date.now() >= until) return ws.close();
          if (mode === 'amplify') ws.send(FULL_REQUEST);
          else {
            const sv = Y.encodeStateVector(doc);
            doc.getText('spam').insert(0, 'x');
            ws.send(encodeUpdate(Y.encodeStateAsUpdate(doc, sv)));
          }
          stats.requests++;
        }, 1000 / perSecond);
      });
      ws.once('close', (code) => {
        if (timer) clearInterval(timer);
        stats.closes[code] = (stats.closes[code] ?? 0) + 1;
        resolve();
      });
    });
    if (Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  }
};

await Promise.all(
  mode === 'amplify'
    ? Array.from({ length: 150 }, (_, i) => connection(`r${i}`, 30))
    : Array.from({ length: 20 }, () => connection('w', 90)),
);
process.stdout.write(`${JSON.stringify(stats)}\n`);
process.exit(0);
