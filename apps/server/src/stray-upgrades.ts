/**
 * Answers the WebSocket upgrades nobody serves. Node leaves an upgrade request to its 'upgrade'
 * listeners, and the sync listener takes only paths under its prefix: any other path (`/`,
 * `/sync` without a document, `/api/…`) was never answered, and the socket stayed open for
 * good. This listener answers those with HTTP 404 (400 for a request target that is not a
 * path) and closes the connection.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';

const answer = (socket: Duplex, status: number, reason: string, message: string): void => {
  socket.on('error', () => {});
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`,
  );
  // A client that never reads must not hold the socket: give it a moment to get the answer.
  setTimeout(() => socket.destroy(), 1000).unref();
};

/**
 * Listens on `server` for upgrades outside `servedPrefix` (the sync endpoint's, `/sync/`) and
 * refuses them. Returns the function that stops listening.
 */
export const refuseStrayUpgrades = (server: Server, servedPrefix: string): (() => void) => {
  const onUpgrade = (req: IncomingMessage, socket: Duplex): void => {
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      answer(socket, 400, 'Bad Request', 'The request target is not a path.\n');
      return;
    }
    if (path.startsWith(servedPrefix)) return;
    answer(
      socket,
      404,
      'Not Found',
      `No WebSocket endpoint at this path; the sync endpoint is ${servedPrefix}<document name>.\n`,
    );
  };
  server.on('upgrade', onUpgrade);
  return () => server.off('upgrade', onUpgrade);
};
