/**
 * The sync server for the load-attack bench (`attacks.ts`), in its own process: the test sync
 * server of apps/server (SQLite, stock limits), loaded from the tree given by BIS_ROOT (default
 * this checkout) so that an older checkout can be measured the same way. Users `probe-w`,
 * `probe-r`, `w`, and `r0` … `r499` may read `p/bench/compilation`; `probe-w` and `w` may write.
 * Prints `listening <port>`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

interface TestServerModule {
  startTestSyncServer(options: {
    dataDir: string;
    users: readonly { id: string; name: string; party: string; role: string }[];
    defaultAccess: { read: boolean; write: boolean };
    port?: number;
  }): Promise<{
    port: number;
    grant(userId: string, docName: string, access: { read: boolean; write: boolean }): void;
  }>;
}

const root = resolve(process.env.BIS_ROOT ?? resolve(import.meta.dirname, '../..'));
const mod = (await import(
  pathToFileURL(join(root, 'apps/server/src/sync/testing/test-server.ts')).href
)) as TestServerModule;
export const DOC = 'p/bench/compilation';
const ids = ['probe-w', 'probe-r', 'w', ...Array.from({ length: 500 }, (_, i) => `r${i}`)];
const server = await mod.startTestSyncServer({
  dataDir: mkdtempSync(join(tmpdir(), 'bis-attack-')),
  users: ids.map((id) => ({ id, name: id, party: 'p', role: 'delegate' })),
  defaultAccess: { read: true, write: false },
});
server.grant('probe-w', DOC, { read: true, write: true });
server.grant('w', DOC, { read: true, write: true });
process.stdout.write(`listening ${server.port}\n`);
