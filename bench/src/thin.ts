/**
 * Thin load clients: they speak the sync protocol directly on `ws` (y-websocket framing for Bis
 * and @y/websocket-server, Hocuspocus framing with its document-name prefix and Auth message),
 * hold no Y.Doc, and hand every incoming update to a callback that reads only its metadata.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { BIS_TOKEN, type SystemId } from './launcher';

const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const SYNC_REPLY = 4; // Hocuspocus
const BIS_ACK = 100;
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/** How a thin client connects and what it hears. */
export interface ThinOptions {
  readonly system: SystemId;
  readonly port: number;
  readonly docName: string;
  /** The state vector sent in sync step 1 (the fixture's for a returning client, empty for a fresh one). */
  readonly stateVector: Uint8Array;
  /** Ask Bis for acknowledgements (`?ack=1`). */
  readonly ack?: boolean;
  onUpdate?(update: Uint8Array, at: bigint): void;
  onAck?(seq: number, stateVector: Uint8Array, at: bigint): void;
  onClose?(code: number): void;
}

/** The WebSocket URL of `docName` on each server. */
export const syncUrl = (system: SystemId, port: number, docName: string, ack = false): string => {
  if (system === 'bis') return `ws://127.0.0.1:${port}/sync/${docName}${ack ? '?ack=1' : ''}`;
  if (system === 'ywss') return `ws://127.0.0.1:${port}/${docName}`;
  return `ws://127.0.0.1:${port}/`;
};

/** Request headers: the Bis administrator's API token. */
export const syncHeaders = (system: SystemId): Record<string, string> =>
  system === 'bis' ? { authorization: `Bearer ${BIS_TOKEN}` } : {};

/** One thin client. */
export class ThinClient {
  readonly ws: WebSocket;
  bytesIn = 0;
  messagesIn = 0;
  /** Sync step 1 messages received (more than one: the server asked for a resend). */
  step1s = 0;
  /** Resolves with the time (hrtime ns) the answer to our sync step 1 arrived. */
  readonly synced: Promise<bigint>;
  private resolveSynced!: (t: bigint) => void;
  private readonly prefix: Uint8Array | null;

  constructor(private readonly o: ThinOptions) {
    this.synced = new Promise((r) => {
      this.resolveSynced = r;
    });
    if (o.system === 'hocuspocus') {
      const e = encoding.createEncoder();
      encoding.writeVarString(e, o.docName);
      this.prefix = encoding.toUint8Array(e);
    } else this.prefix = null;
    this.ws = new WebSocket(syncUrl(o.system, o.port, o.docName, o.ack), {
      headers: syncHeaders(o.system),
      perMessageDeflate: false,
    });
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('error', () => {});
    this.ws.on('close', (code) => o.onClose?.(code));
    this.ws.on('open', () => {
      if (o.system === 'hocuspocus') {
        // Auth first (token message, empty token: the server has no onAuthenticate hook).
        this.send((e) => {
          encoding.writeVarUint(e, AUTH);
          encoding.writeVarUint(e, 0);
          encoding.writeVarString(e, '');
        });
      }
      this.send((e) => {
        encoding.writeVarUint(e, SYNC);
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint8Array(e, o.stateVector);
      });
    });
    this.ws.on('message', (data: Buffer) => this.receive(data));
  }

  private send(write: (e: encoding.Encoder) => void): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const e = encoding.createEncoder();
    if (this.prefix) encoding.writeUint8Array(e, this.prefix);
    write(e);
    this.ws.send(encoding.toUint8Array(e));
  }

  private receive(data: Buffer): void {
    const at = process.hrtime.bigint();
    this.bytesIn += data.length;
    this.messagesIn++;
    const d = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.length));
    if (this.prefix) decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type === SYNC || type === SYNC_REPLY) {
      const sub = decoding.readVarUint(d);
      if (sub === 0) {
        this.step1s++;
        // The server's step 1: a thin client has nothing the server lacks.
        this.send((e) => {
          encoding.writeVarUint(e, SYNC);
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint8Array(e, EMPTY_UPDATE);
        });
      } else if (sub === 1) {
        this.resolveSynced(at);
      } else if (sub === 2) {
        this.o.onUpdate?.(decoding.readVarUint8Array(d), at);
      }
    } else if (type === BIS_ACK && this.o.system === 'bis') {
      const seq = decoding.readVarUint(d);
      this.o.onAck?.(seq, decoding.readVarUint8Array(d), at);
    }
    // Awareness and the rest are counted (bytes, messages), not decoded.
  }

  /** Sends a Yjs v1 update as a sync update message. */
  sendUpdate(update: Uint8Array): void {
    this.send((e) => {
      encoding.writeVarUint(e, SYNC);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, update);
    });
  }

  /** Sends one awareness entry (`clientID`, `clock`, JSON state), as a cursor move does. */
  sendAwareness(clientID: number, clock: number, state: unknown): void {
    this.send((e) => {
      encoding.writeVarUint(e, AWARENESS);
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, clientID);
      encoding.writeVarUint(inner, clock);
      encoding.writeVarString(inner, JSON.stringify(state));
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    });
  }

  /** Whether the socket is open. */
  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Closes the socket (normal closure). */
  close(): void {
    this.ws.close();
  }

  /** Drops the socket without a closing handshake. */
  terminate(): void {
    this.ws.terminate();
  }
}
