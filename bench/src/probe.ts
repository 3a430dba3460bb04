/**
 * Probe clients: the official providers with a full Y.Doc — y-websocket's `WebsocketProvider`
 * for Bis and @y/websocket-server, `HocuspocusProvider` for Hocuspocus. They measure end-to-end
 * latency (writer's send → provider applied the update) and are compared at the end.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BIS_TOKEN, type SystemId } from './launcher';

/** A connected probe. */
export interface Probe {
  readonly doc: Y.Doc;
  /** Resolves with the time (hrtime ns) the provider reported its first sync. */
  readonly synced: Promise<bigint>;
  /** Close codes the provider saw (it reconnects by itself). */
  readonly closes: number[];
  /** Disconnects and destroys the document (read it before). */
  destroy(): void;
}

// The stock client cannot set headers; a subclass passes the API token on the upgrade.
class BisWebSocket extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols, { headers: { authorization: `Bearer ${BIS_TOKEN}` }, perMessageDeflate: false });
  }
}
class PlainWebSocket extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols, { perMessageDeflate: false });
  }
}

/**
 * Connects a probe to `docName`. `onRemote` is called with every update the provider applied
 * from the network and the time it was applied.
 */
export const openProbe = (
  system: SystemId,
  port: number,
  docName: string,
  onRemote?: (update: Uint8Array, at: bigint) => void,
  doc: Y.Doc = new Y.Doc(),
): Probe => {
  let resolveSynced!: (t: bigint) => void;
  const synced = new Promise<bigint>((r) => {
    resolveSynced = r;
  });
  if (system === 'hocuspocus') {
    const socket = new HocuspocusProviderWebsocket({
      url: `ws://127.0.0.1:${port}/`,
      WebSocketPolyfill: PlainWebSocket as unknown as typeof globalThis.WebSocket,
    });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: docName,
      document: doc,
      token: '',
      onSynced: () => resolveSynced(process.hrtime.bigint()),
    });
    doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === provider) onRemote?.(u, process.hrtime.bigint());
    });
    // A provider given its socket does not attach itself.
    provider.attach();
    const closes: number[] = [];
    provider.on('close', (data: { event?: { code?: number } }) => {
      closes.push(data?.event?.code ?? 0);
    });
    return {
      doc,
      synced,
      closes,
      destroy: () => {
        provider.destroy();
        socket.destroy();
        doc.destroy();
      },
    };
  }
  const provider = new WebsocketProvider(
    system === 'bis' ? `ws://127.0.0.1:${port}/sync` : `ws://127.0.0.1:${port}`,
    docName,
    doc,
    {
      WebSocketPolyfill: (system === 'bis'
        ? BisWebSocket
        : PlainWebSocket) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    },
  );
  const closes: number[] = [];
  provider.on('connection-close', (event: { code?: number } | null) => {
    closes.push(event?.code ?? 0);
  });
  provider.on('sync', (isSynced: boolean) => {
    if (isSynced) resolveSynced(process.hrtime.bigint());
  });
  doc.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin === provider) onRemote?.(u, process.hrtime.bigint());
  });
  return {
    doc,
    synced,
    closes,
    destroy: () => {
      provider.destroy();
      // The provider's own Awareness keeps a timer, and with it the whole document, alive until
      // the document is destroyed (y-websocket's destroy() leaves it): without this every probe
      // leaked its document and a full run ran the driver out of heap.
      doc.destroy();
    },
  };
};
