/**
 * A large process for the web app's performance test: a seeded 2,000-paragraph revision in 40
 * sections (points and footnotes included) and 5,000 tabled proposals from 20 parties, written
 * straight into a running server's records (going through REST would take 10,000 rate-limited
 * requests and test nothing the other suites do not).
 */
import {
  type Action,
  type BisDocument,
  type Block,
  documentToJSON,
  evenKeys,
  headingId,
  type OrderKey,
  type Paragraph,
  type Proposal,
  paragraphId,
  proposalId,
} from '@bis/core';
import type { Principal } from '../../apps/server/src/auth/principal';
import { createParty } from '../../apps/server/src/commands/people';
import { createProcess } from '../../apps/server/src/commands/processes';
import { publishToCompilation } from '../../apps/server/src/commands/yjs-docs';
import type { BisServer } from '../../apps/server/src/server';

const WORDS =
  'the general assembly recalls reaffirms recognizes encourages member states digital cooperation human rights artificial intelligence information society sustainable development capacity building multistakeholder internet governance calls upon requests report session implementation outcome gender equality access connectivity developing countries standards participation transparency'.split(
    ' ',
  );

// mulberry32: small, seeded, well spread (an LCG's low bits repeat too soon for this).
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const sentence = (r: () => number, n: number): string => {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(r() * WORDS.length)] as string);
  const s = out.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
};

/** The seeded large document: `paragraphs` paragraphs in sections of 50. */
export const largeDocument = (paragraphs = 2000, seed = 7): BisDocument => {
  const r = rng(seed);
  const blocks: Block[] = [];
  const keys = evenKeys(paragraphs);
  for (let i = 1; i <= paragraphs; i++) {
    if ((i - 1) % 50 === 0)
      blocks.push({
        kind: 'heading',
        id: headingId(`h${i}`),
        level: 1,
        number: String((i - 1) / 50 + 1),
        title: `Section ${(i - 1) / 50 + 1}: ${sentence(r, 4).slice(0, -1)}`,
      });
    const text = sentence(r, 20 + Math.floor(r() * 60));
    const para: Paragraph = {
      kind: 'paragraph',
      id: paragraphId(`p${i}`),
      order: keys[i - 1] as OrderKey,
      label: String(i),
      text,
      points:
        i % 7 === 0 ? ['a', 'b', 'c'].map((label) => ({ label, text: sentence(r, 15), footnotes: [] })) : [],
      footnotes: i % 5 === 0 ? [{ mark: String(i), offset: text.length, text: sentence(r, 12) }] : [],
    };
    blocks.push(para);
  }
  return {
    title: 'Large test text (2,000 paragraphs)',
    symbol: null,
    revision: 'Zero draft',
    preamble: '',
    blocks,
  };
};

const ACTIONS: Action[] = ['amend', 'amend', 'amend', 'insert', 'delete', 'retain'];

/** Creates process `pid` with the large text and `count` tabled proposals. */
export const seedLarge = async (server: BisServer, pid = 'big', count = 5000): Promise<void> => {
  const svc = server.services;
  const admin = server.bootstrap.admin;
  const root: Principal = { userId: admin.id, name: admin.name, admin: true, via: 'token' };
  const doc = largeDocument();
  await createProcess(svc, root, { id: pid, title: doc.title, public: true, document: documentToJSON(doc) });
  const parties = Array.from({ length: 20 }, (_, i) =>
    createParty(svc, root, pid, {
      id: `party${i}`,
      name: `Party ${i + 1}`,
      group: i % 4 === 0 ? 'civil-society' : 'member-state',
    }),
  );
  const r = rng(99);
  const paras = doc.blocks.filter((b): b is Paragraph => b.kind === 'paragraph');
  const ids: string[] = [];
  const at = new Date('2026-01-01T10:00:00Z').toISOString();
  svc.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const para = paras[Math.floor(r() * paras.length)] as Paragraph;
      const party = parties[Math.floor(r() * parties.length)] as { id: string; name: string };
      const action = ACTIONS[Math.floor(r() * ACTIONS.length)] as Action;
      const text =
        action === 'delete'
          ? ''
          : action === 'retain'
            ? ''
            : action === 'insert'
              ? sentence(r, 30)
              : `${para.text} ${sentence(r, 10)}`;
      const proposal: Proposal = {
        id: proposalId(`x${i}`),
        party: party.name,
        coSponsors: [],
        supporters: [],
        action,
        targets: [{ paragraph: para.id, label: para.label, point: null }],
        position: action === 'insert' ? 'after' : null,
        label: action === 'insert' ? `${para.label} bis` : para.label,
        text,
        textMode: 'replace',
        rationale: sentence(r, 12),
        summary: sentence(r, 5),
        status: 'tabled',
        decision: null,
        decisionNote: '',
        relatedTo: null,
        links: [],
        versions: [{ number: 1, text, rationale: '', tabledAt: at }],
        illustrative: false,
        source: null,
      };
      svc.db.putProposal({ processId: pid, partyId: party.id, revision: 0, proposal, updatedAt: Date.now() });
      ids.push(proposal.id);
    }
  });
  await publishToCompilation(svc.hub, svc.db, pid, ids);
};
