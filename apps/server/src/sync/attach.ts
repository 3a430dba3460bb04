/**
 * The HTTP side of sync: takes WebSocket upgrades under a path prefix on a Node http.Server,
 * checks `Origin`, and hands the socket to a `SyncHub` with the principal from `authenticate`.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { isAllowedOrigin, requestOrigin } from '../auth/origin';
import { type ConnectionParams, SyncHub } from './hub';
import { type AttachSyncOptions, DEFAULT_SYNC_LIMITS } from './options';

/** A hub serving an http.Server's upgrades; `close()` also detaches it from the server. */
export interface AttachedSync<P> {
  readonly hub: SyncHub<P>;
  /** Detaches from the server, closes every connection and unloads every document. */
  close(): Promise<void>;
}

const reject = (socket: Duplex, status: number, message: string): void => {
  socket.end(
    `HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`,
  );
};

/**
 * Whether `req`'s Origin (if any) is allowed: by the predicate or list of `allowed`, else only
 * the request's own origin (scheme included, as `isAllowedOrigin` compares them for REST too).
 */
export const originAllowed = (
  req: IncomingMessage,
  allowed: AttachSyncOptions<unknown>['allowedOrigins'],
): boolean => {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (typeof allowed === 'function') return allowed(origin, req);
  return isAllowedOrigin(origin, requestOrigin(req), allowed ?? []);
};

/** Parses the query parameters a client may pass (see docs/sync.md). */
export const connectionParams = (search: URLSearchParams): ConnectionParams => {
  const schema = search.get('schema');
  return {
    ack: search.get('ack') === '1',
    generation: search.get('gen'),
    schema: schema !== null && /^\d{1,9}$/.test(schema) ? Number(schema) : null,
  };
};

/**
 * Serves the y-websocket protocol at `ws://host<pathPrefix><docName>` on `server`. Upgrades for
 * other paths are left to other listeners. A foreign `Origin` gets HTTP 403 before any WebSocket
 * exists; everything else (sign-in, access, document name) is answered with a close code the
 * stock client honours, so a refused client does not reconnect in a loop.
 */
export const attachSync = <P>(server: Server, options: AttachSyncOptions<P>): AttachedSync<P> => {
  const hub = new SyncHub<P>(options);
  const prefix = options.pathPrefix ?? '/sync/';
  const limits = { ...DEFAULT_SYNC_LIMITS, ...options.limits };
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.hardMaxPayloadBytes,
    perMessageDeflate: false,
  });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return;
    }
    if (!url.pathname.startsWith(prefix)) return;
    socket.on('error', () => {});
    if (!originAllowed(req, options.allowedOrigins as AttachSyncOptions<unknown>['allowedOrigins'])) {
      reject(socket, 403, 'Origin not allowed');
      return;
    }
    let docName: string;
    try {
      docName = decodeURIComponent(url.pathname.slice(prefix.length));
    } catch {
      reject(socket, 400, 'Bad document name');
      return;
    }
    const params = connectionParams(url.searchParams);
    // Authentication starts at once; the hub buffers the first messages until it resolves.
    const principal = options.authenticate(req).catch(() => null);
    const address = req.socket.remoteAddress ?? 'unknown';
    wss.handleUpgrade(req, socket, head, (ws) =>
      hub.handleConnection(ws, docName, params, principal, address),
    );
  };

  server.on('upgrade', onUpgrade);
  return {
    hub,
    close: async () => {
      server.off('upgrade', onUpgrade);
      await hub.close();
      wss.close();
    },
  };
};
