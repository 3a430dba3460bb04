/**
 * One document's connection: a Y.Doc kept in IndexedDB (y-indexeddb), synced with the server
 * by the stock y-websocket client at `/sync/<docName>?ack=1&schema=…&gen=…`, with the Bis ack
 * extension (message type 100) telling which local changes are on the server's disk, and the
 * server's permanent close codes honoured (docs/sync.md): a refused write, a wrong schema or
 * generation resets the local copy and resyncs once instead of re-sending the same refused
 * change forever (y-websocket #189).
 */
import { readMeta, SCHEMA_VERSION } from '@bis/collab';
import * as decoding from 'lib0/decoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { PendingChanges, type PendingSnapshot } from './pending';

/** The connection state shown to people. */
export type ConnectionState = 'connecting' | 'online' | 'offline';

/** Why a connection stopped for good (it will not reconnect by itself). */
export type StopReason = 'signed-out' | 'no-access' | 'reload-app' | 'refused' | 'not-found';

/** What a connection reports to the status line. */
export interface DocSyncStatus {
  readonly connection: ConnectionState;
  /** Every local change is acknowledged by the server (on its disk). */
  readonly saved: boolean;
  /** Local changes waiting for the server's acknowledgement. */
  readonly pending: number;
  /** Synced with the server at least once since the page loaded (or since the last reset). */
  readonly synced: boolean;
  /** The document's `meta.schema` is this app's SCHEMA_VERSION (or not known yet): writing is safe. */
  readonly schemaOk: boolean;
  /** Set when the connection stopped for good, with the server's reason. */
  readonly stopped: { readonly why: StopReason; readonly reason: string } | null;
  /** How many times the local copy was dropped and resynced after a refusal. */
  readonly resets: number;
  /** The refusal that caused the last reset (shown: local changes since the last save are gone). */
  readonly lastReset: { readonly code: number; readonly reason: string } | null;
}

const ACK = 100;
const MESSAGE_SYNC = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;
const PENDING_KEY = 'bis:pending';

/** Close codes after which the local copy is dropped and the document synced afresh. */
const RESET_CODES = new Set([4400, 4403, 4409, 4413, 4422, 1009]);

/** The WebSocket base URL of the sync endpoint of this page's origin. */
export const syncBaseUrl = (): string =>
  `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/sync`;

/** The IndexedDB database name of a user's copy of a document. */
export const localName = (userId: string, docName: string): string => `bis/${userId}/${docName}`;

const isLocal = (origin: unknown, c: DocConnection): boolean =>
  origin !== c.provider && origin !== c.persistence && origin !== 'bis-reset';

/** A document kept locally and synced with the server; see the module comment. */
export class DocConnection {
  readonly docName: string;
  readonly userId: string;
  doc: Y.Doc;
  provider: WebsocketProvider | null = null;
  persistence: IndexeddbPersistence | null = null;
  /** Whether the local copy is loaded (its pending changes known) and the provider created. */
  loaded = false;
  /** Resolves when the local copy is loaded and the provider created. */
  ready: Promise<void>;
  private readonly pending = new PendingChanges();
  private status: DocSyncStatus;
  private readonly listeners = new Set<() => void>();
  private destroyed = false;
  private saveQueued = false;
  private syncedOnce = false;
  private readonly onOffline = (): void => {
    this.provider?.disconnect();
    this.update({});
  };
  private readonly onOnline = (): void => {
    if (!this.status.stopped) this.provider?.connect();
  };

  constructor(docName: string, userId: string) {
    this.docName = docName;
    this.userId = userId;
    this.doc = new Y.Doc();
    this.status = {
      connection: 'connecting',
      saved: true,
      pending: 0,
      synced: false,
      schemaOk: true,
      stopped: null,
      resets: 0,
      lastReset: null,
    };
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
    this.ready = this.start();
  }

  /** The current status. */
  get current(): DocSyncStatus {
    return this.status;
  }

  /** Calls `fn` on every status change or document replacement; returns the unsubscriber. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private update(patch: Partial<DocSyncStatus>): void {
    const p = this.provider;
    let connection: ConnectionState = 'connecting';
    if (p?.wsconnected) connection = 'online';
    else if (
      !navigator.onLine ||
      this.status.stopped ||
      patch.stopped ||
      (p && p.wsUnsuccessfulReconnects > 0)
    )
      connection = 'offline';
    const meta = readMeta(this.doc);
    this.status = {
      ...this.status,
      connection,
      pending: this.pending.count,
      saved: this.pending.count === 0,
      synced: this.syncedOnce,
      schemaOk: meta.schema === null || meta.schema === SCHEMA_VERSION,
      ...patch,
    };
    for (const fn of this.listeners) fn();
  }

  private async start(): Promise<void> {
    const doc = this.doc;
    const persistence = new IndexeddbPersistence(localName(this.userId, this.docName), doc);
    this.persistence = persistence;
    await persistence.whenSynced;
    if (this.destroyed || doc !== this.doc) return;
    try {
      const saved = (await persistence.get(PENDING_KEY)) as unknown;
      if (typeof saved === 'string') this.pending.restore(JSON.parse(saved) as PendingSnapshot);
    } catch {
      // An unreadable note of pending changes only loses the count, never the changes.
    }
    // Recorded before the provider's own handler sends the update, so its message covers it.
    let lastClock = Y.getState(doc.store, doc.clientID);
    doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (!isLocal(origin, this)) return;
      const clock = Y.getState(doc.store, doc.clientID);
      // A transaction that only deleted leaves the clock where it was.
      const structs = clock > lastClock;
      lastClock = clock;
      this.pending.record({ client: doc.clientID, clock, structs });
      this.persistPending();
      this.update({});
    });
    const meta = readMeta(doc);
    const params: Record<string, string> = { ack: '1', schema: String(SCHEMA_VERSION) };
    if (meta.generation) params.gen = meta.generation;
    const self = this;
    // The stock client sends through this socket: counting its sync step 2 and update messages
    // pairs each ack with the message it answers (acks come in order).
    class CountingSocket extends WebSocket {
      override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
        if (
          data instanceof Uint8Array &&
          data[0] === MESSAGE_SYNC &&
          (data[1] === SYNC_STEP2 || data[1] === SYNC_UPDATE)
        )
          self.pending.sent();
        super.send(data);
      }
    }
    const provider = new WebsocketProvider(syncBaseUrl(), this.docName, doc, {
      params,
      disableBc: true,
      maxBackoffTime: 4000,
      WebSocketPolyfill: CountingSocket as unknown as typeof WebSocket,
      connect: navigator.onLine,
      // A frame over the server's hard limit is refused like any too large change.
      shouldReconnect: (event: CloseEvent) =>
        !((event.code >= 4400 && event.code < 4500) || event.code === 1009),
    });
    this.provider = provider;
    provider.messageHandlers[ACK] = (_encoder, decoder) => {
      decoding.readVarUint(decoder);
      const sv = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
      if (this.pending.acked(sv)) this.persistPending();
      this.update({});
    };
    provider.on('status', () => {
      if (!provider.wsconnected) this.pending.disconnected();
      this.update({});
    });
    provider.on('sync', (synced: boolean) => {
      if (synced) this.syncedOnce = true;
      this.update({});
    });
    provider.on('closed', ({ code, reason }: { code: number; reason: string }) =>
      this.onClosed(code, reason),
    );
    doc.getMap('meta').observe(() => this.update({}));
    this.loaded = true;
    this.update({});
  }

  // Writes the pending list once per task: typing makes many transactions in a row.
  private persistPending(): void {
    if (this.saveQueued) return;
    this.saveQueued = true;
    queueMicrotask(() => {
      this.saveQueued = false;
      const p = this.persistence;
      if (p && !this.destroyed)
        void p.set(PENDING_KEY, JSON.stringify(this.pending.snapshot())).catch(() => {});
    });
  }

  private onClosed(code: number, reason: string): void {
    this.pending.disconnected();
    const final: Partial<Record<number, StopReason>> = {
      4401: 'signed-out',
      4426: 'reload-app',
      4404: 'not-found',
    };
    const why = final[code];
    if (why) {
      this.update({ stopped: { why, reason } });
      return;
    }
    // A refusal right after a reset that has not synced yet would loop: stop and say why.
    if (RESET_CODES.has(code) && (this.status.resets === 0 || this.syncedOnce)) {
      void this.reset(code, reason);
      return;
    }
    this.update({ stopped: { why: code === 4403 ? 'no-access' : 'refused', reason } });
  }

  /**
   * Drops the local copy (IndexedDB and memory) and syncs the document afresh from the server.
   * Components bound to `doc` re-bind on the notification that follows.
   */
  async reset(code = 0, reason = ''): Promise<void> {
    const resets = this.status.resets + 1;
    this.provider?.destroy();
    this.provider = null;
    const old = this.persistence;
    this.persistence = null;
    if (old) await old.clearData().catch(() => {});
    this.doc.destroy();
    this.pending.clear();
    this.persistPending();
    this.syncedOnce = false;
    this.loaded = false;
    this.doc = new Y.Doc();
    this.status = { ...this.status, resets, stopped: null, synced: false };
    this.update({ lastReset: { code, reason } });
    if (this.destroyed) return;
    this.ready = this.start();
    await this.ready;
  }

  /** Closes the connection and the local store (the local copy stays in IndexedDB). */
  destroy(): void {
    this.destroyed = true;
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    this.provider?.destroy();
    void this.persistence?.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }
}
