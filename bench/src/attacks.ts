/**
 * `npm run bench:attacks [-- --seconds 15] [--root DIR] [--label NAME]`: the latency of a
 * legitimate client during each load attack of issue 11. A sync server (attack-server.ts, from the
 * checkout at DIR, default this one) holds a ~1 MB document with a delete set; a probe writer sets
 * a timestamp ten times a second and a probe reader (both stock y-websocket clients) measures how
 * long each takes to arrive. Phases: no attack; amplification (150 read-only connections asking for
 * the whole document 30 times a second each); one user writing through 20 connections at 90
 * updates a second each. Attacks run in their own process (attacker.ts). Prints p50/p95 per phase
 * and the attackers' bytes received, and writes bench/results/attacks-<label>.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const seconds = Number(opt('--seconds') ?? 15);
const root = resolve(opt('--root') ?? resolve(import.meta.dirname, '../..'));
const label = opt('--label') ?? 'current';
const here = import.meta.dirname;
const DOC = 'p/bench/compilation';
const log = (line: string) => process.stdout.write(`[attacks] ${line}\n`);

const server = spawn(process.execPath, ['--import', 'tsx', resolve(here, 'attack-server.ts')], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, BIS_ROOT: root },
});
const port = await new Promise<number>((ok, fail) => {
  let out = '';
  server.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
    const m = /listening (\d+)/.exec(out);
    if (m) ok(Number(m[1]));
  });
  server.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
});
const url = `ws://127.0.0.1:${port}/sync`;

const client = (user: string) => {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, DOC, doc, {
    // biome-ignore lint/suspicious/noExplicitAny: ws stands in for the DOM WebSocket.
    WebSocketPolyfill: WebSocket as any,
    params: { token: user },
    disableBc: true,
    maxBackoffTime: 500,
  });
  const synced = new Promise<void>((r) => provider.once('sync', () => r()));
  return { doc, provider, synced };
};

// A negotiation text of about 1 MB, with deletions (a delete set every join pays for).
const seeder = client('w');
await seeder.synced;
const text = seeder.doc.getText('t');
const para =
  'Encourages Member States to promote open, inclusive and transparent standard-setting processes, ';
for (let i = 0; i < 10; i++) seeder.doc.transact(() => text.insert(text.length, para.repeat(1000)));
seeder.doc.transact(() => {
  for (let i = 0; i < 2000; i++) text.delete(i * 400, 5);
});
await new Promise((r) => setTimeout(r, 3000));
seeder.provider.destroy();
const size = Y.encodeStateAsUpdate(seeder.doc).byteLength;
log(`document: ${size} bytes`);

const writer = client('probe-w');
const reader = client('probe-r');
await Promise.all([writer.synced, reader.synced]);
let samples: number[] = [];
// Samples taken after the attack's first 3 s: the steady state, once its connections have joined.
let steady: number[] = [];
let steadyFrom = Number.POSITIVE_INFINITY;
let sent = 0;
reader.doc.getMap('probe').observe(() => {
  const t = reader.doc.getMap('probe').get('t') as number;
  const now = performance.now();
  samples.push(now - t);
  if (t >= steadyFrom) steady.push(now - t);
});
const probeTimer = setInterval(() => {
  writer.doc.getMap('probe').set('t', performance.now());
  sent++;
}, 100);

const pct = (v: number[], p: number): number => {
  const s = [...v].sort((a, b) => a - b);
  return s.length === 0
    ? Number.NaN
    : (s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number);
};

type Phase = {
  phase: string;
  samples: number;
  sent: number;
  p50: number;
  p95: number;
  max: number;
  /** p50 and p95 of the samples after the first 3 s. */
  steadyP50: number;
  steadyP95: number;
  attacker?: unknown;
};
const results: Phase[] = [];
const phase = async (name: string, attack: 'amplify' | 'writers' | null): Promise<void> => {
  samples = [];
  steady = [];
  steadyFrom = performance.now() + 3000;
  sent = 0;
  let attacker: unknown = null;
  const attackerDone = attack
    ? new Promise<void>((ok) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', resolve(here, 'attacker.ts'), attack, url, String(seconds)],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        );
        let out = '';
        child.stdout?.on('data', (c: Buffer) => {
          out += c.toString();
        });
        child.once('exit', () => {
          try {
            attacker = JSON.parse(out.trim().split('\n').at(-1) ?? 'null');
          } catch {
            attacker = out;
          }
          ok();
        });
      })
    : new Promise<void>((r) => setTimeout(r, seconds * 1000));
  await attackerDone;
  const r: Phase = {
    phase: name,
    samples: samples.length,
    sent,
    p50: pct(samples, 50),
    p95: pct(samples, 95),
    max: Math.max(...samples),
    steadyP50: pct(steady, 50),
    steadyP95: pct(steady, 95),
    ...(attacker ? { attacker } : {}),
  };
  results.push(r);
  log(
    `${name}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(0)} ms (after 3 s: p50 ${r.steadyP50.toFixed(1)}, p95 ${r.steadyP95.toFixed(1)}), ${r.samples}/${r.sent} probe updates arrived${attacker ? `; attacker ${JSON.stringify(attacker)}` : ''}`,
  );
  await new Promise((r) => setTimeout(r, 3000));
};

await phase('no attack', null);
await phase('amplification: 150 read-only connections', 'amplify');
await phase('one user writing on 20 connections', 'writers');
clearInterval(probeTimer);
writer.provider.destroy();
reader.provider.destroy();
server.kill('SIGKILL');
const out = resolve(here, '../results');
mkdirSync(out, { recursive: true });
writeFileSync(
  resolve(out, `attacks-${label}.json`),
  `${JSON.stringify({ label, root, seconds, documentBytes: size, results }, null, 2)}\n`,
);
process.exit(0);
