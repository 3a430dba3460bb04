/**
 * One hot document under load (W1, W5): thin writers type into paragraphs of a shared driver-side
 * Y.Doc (switching its client id per writer, so no writer needs a document of its own) at a
 * Poisson rate, with a presence update per keystroke; every client — thin or probe — reports the
 * delay from a writer's send to its arrival, read from the update's metadata only.
 */
import * as Y from 'yjs';
import type { SystemId } from './launcher';
import { openProbe, type Probe } from './probe';
import type { Rng } from './rng';
import { ThinClient } from './thin';

/** Parameters of one load phase. */
export interface HotDocOptions {
  readonly system: SystemId;
  readonly port: number;
  readonly docName: string;
  /** The generated process (v1 update) and its state vector. */
  readonly fixture: Uint8Array;
  readonly fixtureSv: Uint8Array;
  /** The driver's document the writers type into (the fixture plus every earlier writer's edits). */
  readonly writerDoc: Y.Doc;
  readonly clients: number;
  readonly writers: number;
  readonly probes: number;
  /** Updates per second per writer. */
  readonly rate: number;
  readonly ack: boolean;
  readonly rng: Rng;
}

interface Sent {
  readonly clocks: number[];
  readonly times: bigint[];
}

const JOIN_TIMEOUT_MS = 30_000;

/** A hot document: connect, type, drain, check, close. */
export class HotDoc {
  readonly latencyMs: number[] = [];
  readonly ackMs: number[] = [];
  readonly sent = new Map<number, Sent>();
  /** Highest clock per writer acknowledged by Bis. */
  readonly acked = new Map<number, number>();
  delivered = 0;
  /** Updates (keystrokes) the writers sent. */
  updatesSent = 0;
  failedJoins = 0;
  closedByServer = 0;
  private thins: ThinClient[] = [];
  probes: Probe[] = [];
  private writerIds: number[] = [];
  private timers: NodeJS.Timeout[] = [];
  private running = false;
  private readonly texts: Y.XmlText[];
  private readonly pendingAcks = new Map<number, { end: number; t: bigint }[]>();

  constructor(readonly o: HotDocOptions) {
    this.texts = [];
    for (const el of o.writerDoc.getXmlFragment('text').toArray()) {
      const body = el instanceof Y.XmlElement ? el.firstChild : null;
      const text = body instanceof Y.XmlElement ? body.firstChild : null;
      if (text instanceof Y.XmlText) this.texts.push(text);
    }
  }

  /** A receiver's handler: one latency sample per tracked insert newly covered by `update`. */
  private receiver(self: number): (update: Uint8Array, at: bigint) => void {
    const idx = new Map<number, number>();
    return (update, at) => {
      if (this.sent.size === 0) return;
      const meta = Y.parseUpdateMeta(update);
      for (const [client, to] of meta.to) {
        if (client === self) continue;
        const s = this.sent.get(client);
        if (!s) continue;
        let i = idx.get(client) ?? 0;
        while (i < s.clocks.length && (s.clocks[i] as number) < to) {
          this.latencyMs.push(Number(at - (s.times[i] as bigint)) / 1e6);
          this.delivered++;
          i++;
        }
        idx.set(client, i);
      }
    };
  }

  /** Connects the probes and the thin clients (25 joins at a time); resolves when all synced or timed out. */
  async connect(): Promise<void> {
    const o = this.o;
    for (let i = 0; i < o.probes; i++) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, o.fixture);
      // A probe is a returning client: it holds the fixture, as an editor that was here before.
      this.probes.push(openProbe(o.system, o.port, o.docName, this.receiver(doc.clientID), doc));
    }
    const thinCount = o.clients - o.probes;
    for (let i = 0; i < o.writers; i++) this.writerIds.push(0x10000000 + o.rng.int(0, 0x3fffffff));
    for (let start = 0; start < thinCount; start += 25) {
      const batch: Promise<unknown>[] = [];
      for (let i = start; i < Math.min(thinCount, start + 25); i++) {
        const self = this.writerIds[i] ?? -1;
        const thin = new ThinClient({
          system: o.system,
          port: o.port,
          docName: o.docName,
          stateVector: o.fixtureSv,
          ack: o.ack && self >= 0,
          onUpdate: this.receiver(self),
          onAck: (_seq, sv, at) => this.onAck(self, sv, at),
          onClose: () => {
            if (this.running) this.closedByServer++;
          },
        });
        this.thins.push(thin);
        batch.push(
          // A join fails when no answer came in time (the timer's promise wins the race).
          Promise.race([
            thin.synced,
            new Promise<null>((r) => setTimeout(() => r(null), JOIN_TIMEOUT_MS)),
          ]).then((t) => {
            if (t === null) this.failedJoins++;
          }),
        );
      }
      await Promise.all(batch);
    }
    await Promise.all(
      this.probes.map((p) => Promise.race([p.synced, new Promise((r) => setTimeout(r, JOIN_TIMEOUT_MS))])),
    );
  }

  private onAck(self: number, sv: Uint8Array, at: bigint): void {
    const clock = Y.decodeStateVector(sv).get(self);
    if (clock === undefined) return;
    this.acked.set(self, Math.max(this.acked.get(self) ?? 0, clock));
    const pending = this.pendingAcks.get(self);
    while (pending && pending.length > 0 && (pending[0] as { end: number }).end <= clock) {
      const p = pending.shift() as { end: number; t: bigint };
      this.ackMs.push(Number(at - p.t) / 1e6);
    }
  }

  /** One keystroke of writer `w` (90 % insert of 1–3 characters, 10 % delete of one) plus its presence update. */
  private keystroke(w: number): void {
    const id = this.writerIds[w] as number;
    const thin = this.thins[w];
    if (!thin?.open) return;
    const { writerDoc: doc, rng } = this.o;
    // Each writer types in its own paragraphs: writers share the driver's document, and an insert
    // next to another writer's unsent-yet-elsewhere item would depend on a struct the server may
    // not have yet (a real client only builds on what the server sent it).
    const own = Math.floor(this.texts.length / this.writerIds.length);
    const text =
      own >= 1
        ? (this.texts[w + this.writerIds.length * rng.int(0, own - 1)] as Y.XmlText)
        : rng.pick(this.texts);
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array): void => {
      update = u;
    };
    doc.on('update', capture);
    const start = Y.getState(doc.store, id);
    const insert = rng.next() >= 0.1 || text.length < 2;
    let pos = rng.int(0, text.length);
    doc.clientID = id;
    doc.transact(() => {
      if (insert) text.insert(pos, 'xyz'.slice(0, rng.int(1, 3)));
      else {
        pos = Math.min(pos, text.length - 1);
        text.delete(pos, 1);
      }
    });
    doc.off('update', capture);
    if (!update) return;
    const end = Y.getState(doc.store, id);
    const t = process.hrtime.bigint();
    if (insert) {
      let s = this.sent.get(id);
      if (!s) {
        s = { clocks: [], times: [] };
        this.sent.set(id, s);
      }
      s.clocks.push(start);
      s.times.push(t);
      if (this.o.ack) {
        let p = this.pendingAcks.get(id);
        if (!p) {
          p = [];
          this.pendingAcks.set(id, p);
        }
        p.push({ end, t });
      }
    }
    thin.sendUpdate(update);
    this.updatesSent++;
    thin.sendAwareness(id, end + 1, {
      user: { name: `writer ${w}` },
      cursor: { paragraph: this.texts.indexOf(text), pos },
    });
  }

  /** Starts the writers (exponential gaps with mean 1/rate). */
  start(): void {
    this.running = true;
    const mean = 1000 / this.o.rate;
    for (let w = 0; w < this.writerIds.length; w++) {
      const next = (): void => {
        if (!this.running) return;
        this.keystroke(w);
        this.timers[w] = setTimeout(next, -Math.log(1 - this.o.rng.next()) * mean);
      };
      this.timers[w] = setTimeout(next, this.o.rng.next() * mean);
    }
  }

  /** Stops the writers. */
  stop(): void {
    this.running = false;
    for (const t of this.timers) clearTimeout(t);
  }

  /** Tracked inserts sent so far. */
  get tracked(): number {
    let n = 0;
    for (const s of this.sent.values()) n += s.clocks.length;
    return n;
  }

  /** Deliveries expected: every tracked insert to every other client. */
  get expected(): number {
    return this.tracked * (this.o.clients - 1);
  }

  /**
   * Whether every probe holds every writer's last clock and all probes hold the same document
   * (state vector and XML); returns a reason when not.
   */
  convergence(): { ok: boolean; reason: string } {
    const { writerDoc } = this.o;
    for (const [i, p] of this.probes.entries()) {
      for (const id of this.writerIds) {
        const want = Y.getState(writerDoc.store, id);
        const got = Y.getState(p.doc.store, id);
        if (got !== want) {
          const pending = p.doc.store.pendingStructs ? 'with pending structs' : 'no pending structs';
          return {
            ok: false,
            reason: `probe ${i} has clock ${got} of writer ${id}, want ${want} (${pending}; closes ${p.closes.join(',') || 'none'})`,
          };
        }
      }
    }
    const first = this.probes[0];
    if (!first) return { ok: true, reason: '' };
    const sv = Buffer.from(Y.encodeStateVector(first.doc)).toString('hex');
    const xml = first.doc.getXmlFragment('text').toString();
    for (const [i, p] of this.probes.entries()) {
      if (Buffer.from(Y.encodeStateVector(p.doc)).toString('hex') !== sv)
        return { ok: false, reason: `probe ${i} state vector differs` };
      if (p.doc.getXmlFragment('text').toString() !== xml)
        return { ok: false, reason: `probe ${i} text differs` };
    }
    return { ok: true, reason: '' };
  }

  /** Sync step 1 messages after the first (a server asking a thin client to resend). */
  get resyncs(): number {
    let n = 0;
    for (const t of this.thins) n += Math.max(0, t.step1s - 1);
    return n;
  }

  /** Bytes and messages the driver received. */
  get inbound(): { bytes: number; messages: number } {
    let bytes = 0;
    let messages = 0;
    for (const t of this.thins) {
      bytes += t.bytesIn;
      messages += t.messagesIn;
    }
    return { bytes, messages };
  }

  /** Closes every client. */
  close(): void {
    this.stop();
    for (const t of this.thins) t.terminate();
    for (const p of this.probes) p.destroy();
  }
}
