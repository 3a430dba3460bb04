/**
 * A sync server process for crash tests: `node --import tsx serve-for-test.ts DATA_DIR [PORT]`.
 * Users `w0` … `w49` may read and write every document; prints `listening <port>` when ready.
 */
import { startTestSyncServer } from './test-server';

const [dataDir, port] = process.argv.slice(2);
if (!dataDir) {
  console.error('usage: serve-for-test.ts DATA_DIR [PORT]');
  process.exit(2);
}
const users = Array.from({ length: 50 }, (_, i) => ({
  id: `w${i}`,
  name: `Writer ${i}`,
  party: 'p',
  role: 'delegate',
}));
const server = await startTestSyncServer({
  dataDir,
  users,
  defaultAccess: { read: true, write: true },
  port: port ? Number(port) : 0,
  synchronous: process.env.BIS_SYNCHRONOUS === 'normal' ? 'normal' : 'full',
  limits: { messagesPerSecond: 10_000, messageBurst: 10_000 },
});
process.stdout.write(`listening ${server.port}\n`);
