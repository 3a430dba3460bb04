import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Serving, serve } from '../cli/serve';
import { unplacedLabels } from '../commands/draft-placement';
import { listDrafts } from '../commands/drafts';
import { revisionDocument } from '../commands/processes';
import { table } from '../commands/proposals';
import { workspaceDoc } from '../commands/yjs-docs';
import { DEMO_PROCESS } from './seed';

let dir: string;
let s: Serving;
const lines: string[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bis-demo-'));
  s = await serve({ port: 0, host: '127.0.0.1', dataDir: dir, demo: true, log: (l) => lines.push(l) });
});
afterAll(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

const links = () => lines.filter((l) => l.includes('/signin/'));

describe('the demo', () => {
  it('prints a sign-in link for each demo role, and each link signs in', async () => {
    const all = links();
    for (const role of [
      'Administrator',
      'Co-facilitator',
      'Kenya',
      'European Union',
      'Paradigm Initiative',
      'African Union',
      'Observer',
    ])
      expect(
        all.some((l) => l.includes(role)),
        role,
      ).toBe(true);
    const observer = all.find((l) => l.includes('Observer')) as string;
    const res = await fetch(observer.trim().split(/\s+/).at(-1) as string, {
      method: 'POST',
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toContain('HttpOnly');
  });

  it('tables illustrative proposals by a member state, a regional group and civil society against the OHCHR text', () => {
    const db = s.server.services.db;
    const proc = db.getProcess(DEMO_PROCESS);
    expect(proc?.public).toBe(true);
    expect(db.listRevisions(DEMO_PROCESS)[0]?.name).toBe('Zero draft');
    const proposals = db.listProposals(DEMO_PROCESS).map((r) => r.proposal);
    expect(new Set(proposals.map((p) => p.party))).toEqual(
      new Set(['Kenya', 'European Union', 'Paradigm Initiative']),
    );
    expect(proposals.every((p) => p.illustrative && p.status === 'tabled')).toBe(true);
    // Resolved against real OHCHR paragraphs.
    expect(proposals.every((p) => p.targets.every((t) => t.paragraph !== null))).toBe(true);
    expect(proposals.some((p) => p.decision !== null)).toBe(true);
    expect(proposals.some((p) => p.supporters.length > 0)).toBe(true);
  });

  it("imports the African Union's real written amendments with their labels unresolved, not tabled", async () => {
    const drafts = await s.server.services.hub.read(workspaceDoc(DEMO_PROCESS, 'african-union'), listDrafts);
    expect(drafts.length).toBeGreaterThan(5);
    expect(drafts.every((d) => d.targets.every((t) => t.paragraph === null))).toBe(true);
    expect(drafts.some((d) => d.label === '77')).toBe(true);
    expect(drafts.every((d) => !d.illustrative)).toBe(true);
    expect(s.server.services.db.listProposals(DEMO_PROCESS).some((r) => r.partyId === 'african-union')).toBe(
      false,
    );
  });

  it('does not let the African Union table its WSIS+20 amendments against the 72-paragraph demo text', async () => {
    const svc = s.server.services;
    const drafts = await svc.hub.read(workspaceDoc(DEMO_PROCESS, 'african-union'), listDrafts);
    const text = revisionDocument(svc, null, DEMO_PROCESS);
    // Every one names a paragraph the OHCHR text does not have (it stops at §72).
    expect(drafts.every((d) => unplacedLabels(d, text).length > 0)).toBe(true);
    const au = svc.db.listRoles(DEMO_PROCESS).find((r) => r.name === 'Delegate of the African Union');
    const user = svc.db.getUser(au?.userId as string);
    const who = {
      userId: user?.id as string,
      name: user?.name as string,
      admin: false,
      via: 'token' as const,
    };
    const d77 = drafts.find((d) => d.label === '77' && d.action === 'amend');
    await expect(table(svc, who, DEMO_PROCESS, 'african-union', d77?.id as string)).rejects.toThrow(
      /^§77 is not a paragraph of the Zero draft: .*au-wsis20-written-amendments\.txt, line \d+/,
    );
    expect(svc.db.listProposals(DEMO_PROCESS).some((r) => r.partyId === 'african-union')).toBe(false);
  });

  it('does not seed twice, and prints fresh links on a later start', async () => {
    await s.close();
    lines.length = 0;
    s = await serve({ port: 0, host: '127.0.0.1', dataDir: dir, demo: true, log: (l) => lines.push(l) });
    expect(s.server.services.db.listProcesses()).toHaveLength(1);
    expect(links().length).toBeGreaterThan(5);
  });
});
