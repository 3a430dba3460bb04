/**
 * Test clients: the stock y-websocket `WebsocketProvider` (on `ws`), with an optional handler of
 * Bis acknowledgements, and a raw WebSocket client for hand-made messages.
 */
import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageType } from '../protocol';

/** A stock client and what it observed. */
export interface StockClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Set when the server closed with a permanent code (the provider's `closed` event). */
  closed: { code: number; reason: string } | null;
  /** The highest acknowledged clock of this client's own client id (with `ack`). */
  ackedClock: number;
  /** Acks received. */
  acks: number;
  /** Resolves when the provider has synced once. */
  readonly synced: Promise<void>;
  destroy(): void;
}

/** Connects a stock `WebsocketProvider` as `token` to `docName`. */
export const stockClient = (
  url: string,
  docName: string,
  token: string,
  options: {
    ack?: boolean;
    doc?: Y.Doc;
    params?: Record<string, string>;
    onAck?: (clock: number) => void;
  } = {},
): StockClient => {
  const doc = options.doc ?? new Y.Doc();
  const params: Record<string, string> = { token, ...options.params };
  if (options.ack) params.ack = '1';
  const provider = new WebsocketProvider(url, docName, doc, {
    // biome-ignore lint/suspicious/noExplicitAny: ws's class stands in for the DOM WebSocket.
    WebSocketPolyfill: WebSocket as any,
    params,
    disableBc: true,
    maxBackoffTime: 300,
  });
  const client: StockClient = {
    doc,
    provider,
    closed: null,
    ackedClock: 0,
    acks: 0,
    synced: new Promise((resolve) => {
      if (provider.synced) resolve();
      provider.once('sync', () => resolve());
    }),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
  provider.on('closed', (e: { code: number; reason: string }) => {
    client.closed = e;
  });
  // The stock client keeps a per-provider handler table: a Bis-aware client adds type 100 to it.
  provider.messageHandlers[MessageType.ack] = (_enc, decoder) => {
    decoding.readVarUint(decoder);
    const sv = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    client.acks++;
    const mine = sv.get(doc.clientID);
    if (mine !== undefined && mine > client.ackedClock) {
      client.ackedClock = mine;
      options.onAck?.(mine);
    }
  };
  return client;
};

/** Polls `check` every 10 ms until it is true; rejects after `ms` with `what`. */
export const waitFor = async (
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 10_000,
): Promise<void> => {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** A raw WebSocket client recording what it receives. */
export interface RawClient {
  readonly ws: WebSocket;
  readonly received: Uint8Array[];
  /** Resolves with the close code and reason. */
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly open: Promise<void>;
  send(msg: Uint8Array | string): void;
}

/** Opens a raw client on `url/docName?token=…`. */
export const rawClient = (
  url: string,
  docName: string,
  token: string | null,
  headers: Record<string, string> = {},
): RawClient => {
  const ws = new WebSocket(`${url}/${docName}${token === null ? '' : `?token=${token}`}`, { headers });
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  ws.on('error', () => {});
  return {
    ws,
    received,
    open: new Promise((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    }),
    closed: new Promise((resolve) =>
      ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    ),
    send: (msg) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(msg);
    },
  };
};
