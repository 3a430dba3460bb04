import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, startFixture } from './api/fixture.test-util';

// Sends a WebSocket upgrade request for `path`; resolves with what the server wrote before it
// closed the connection (or after `waitMs` if it keeps it open).
const upgrade = (url: string, path: string, waitMs = 5000): Promise<{ reply: string; closed: boolean }> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    let reply = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ reply, closed: false });
    }, waitMs);
    socket.on('data', (d) => {
      reply += d.toString('latin1');
    });
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ reply, closed: true });
    });
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
  });

describe('WebSocket upgrades outside /sync/', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await startFixture();
  });
  afterAll(() => f.close());

  it('answers 404 and closes the connection for any other path', async () => {
    for (const path of ['/', '/sync', '/api/processes', '/ws/p/t1/compilation', '/%E0']) {
      const { reply, closed } = await upgrade(f.server.url, path);
      expect(reply, path).toMatch(/^HTTP\/1\.1 404 Not Found\r\n/);
      expect(reply, path).toMatch(/the sync endpoint is \/sync\/<document name>/);
      expect(closed, path).toBe(true);
    }
  });

  it('still hands /sync/ paths to the sync endpoint', async () => {
    const { reply } = await upgrade(f.server.url, '/sync/p/t1/compilation', 1000);
    expect(reply).toMatch(/^HTTP\/1\.1 101 /);
  });
});
