/**
 * Time to publish a 2,000-paragraph revision through the real server (REST, SQLite in a temp
 * dir, the Yjs `next` document): a process whose zero draft has 2,000 paragraphs, 100 accepted
 * proposals (amendments, insertions, deletions) applied one by one, then `POST …/next/publish`.
 *
 *   node --import tsx test/e2e/revisions-publish-bench.ts [paragraphs] [proposals]
 *
 * (Here rather than in bench/, whose project does not reference the server.)
 */
import { evenKeys } from '@bis/core';
import { startFixture } from '../../apps/server/src/api/fixture.test-util';

const N = Number(process.argv[2] ?? 2000);
const K = Number(process.argv[3] ?? 100);

const main = async () => {
  const f = await startFixture();
  try {
    const keys = evenKeys(N);
    const document = {
      format: 'bis.document/1',
      title: `Synthetic ${N}-paragraph text`,
      symbol: null,
      revision: 'Zero draft',
      preamble: '',
      blocks: keys.map((order, i) => ({
        kind: 'paragraph',
        id: `z${i + 1}`,
        order,
        label: String(i + 1),
        text: `Paragraph ${i + 1} recalls that standards shape how human rights are protected in the digital age, and that participation in their development must be open to all.`,
        points: [],
        footnotes: [],
      })),
    };
    const P = '/api/processes/big';
    const must = async (r: Promise<{ status: number; json: unknown }>, what: string) => {
      const x = await r;
      if (x.status >= 300) throw new Error(`${what}: ${x.status} ${JSON.stringify(x.json)}`);
      return x.json as Record<string, unknown>;
    };
    await must(f.admin.call('POST', '/api/processes', { id: 'big', document }), 'create');
    await must(
      f.admin.call('POST', `${P}/parties`, { id: 'kenya', name: 'Kenya', group: 'member-state' }),
      'party',
    );
    await must(f.admin.call('PUT', `${P}/parties/kenya/members`, { userId: f.kenya.userId }), 'member');
    await must(f.admin.call('PUT', `${P}/roles`, { userId: f.cofac.userId, role: 'co-facilitator' }), 'role');
    const ids: string[] = [];
    for (let k = 0; k < K; k++) {
      const n = Math.floor(((k + 0.5) * N) / K) + 1;
      const t = { paragraph: `z${n}`, label: String(n), point: null };
      const body =
        k % 3 === 0
          ? {
              action: 'amend',
              targets: [t],
              label: String(n),
              text: `Paragraph ${n}, amended by proposal ${k}.`,
            }
          : k % 3 === 1
            ? { action: 'insert', targets: [t], position: 'after', label: `${n} bis`, text: `New text ${k}.` }
            : { action: 'delete', targets: [t], label: String(n) };
      const d = await must(f.kenya.call('POST', `${P}/parties/kenya/drafts`, body), 'draft');
      await must(f.kenya.call('POST', `${P}/parties/kenya/drafts/${d.id}/table`), 'table');
      await must(f.cofac.call('POST', `${P}/proposals/${d.id}/decision`, { decision: 'accepted' }), 'decide');
      ids.push(d.id as string);
    }
    await must(f.cofac.call('POST', `${P}/next`), 'open');
    const t0 = performance.now();
    for (const id of ids) await must(f.cofac.call('POST', `${P}/next/proposals/${id}/apply`), 'apply');
    const t1 = performance.now();
    const view = performance.now();
    await must(f.cofac.call('GET', `${P}/next`), 'view');
    const t2 = performance.now();
    const pub = await must(f.cofac.call('POST', `${P}/next/publish`), 'publish');
    const t3 = performance.now();
    const rows = (pub.concordance as unknown[]).length;
    console.log(
      JSON.stringify({
        paragraphs: N,
        proposals: K,
        applyMsEach: +((t1 - t0) / K).toFixed(1),
        viewNextMs: +(t2 - view).toFixed(1),
        publishMs: +(t3 - t2).toFixed(1),
        concordanceRows: rows,
      }),
    );
  } finally {
    await f.close();
  }
};

await main();
