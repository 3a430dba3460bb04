/**
 * Exports and imports of packages/formats on the large process (small in quick mode): the
 * document read back from the generated Yjs state with @bis/collab's readDocument, 2.5 proposals
 * per paragraph (amend/delete/insert, tabled), the comparison as DOCX and HTML, the revision as
 * DOCX, and the import of a ~1 MB numbered text. Runs in the driver process; the peers have no
 * equivalent, so only Bis's column is filled.
 */
import { readDocument } from '@bis/collab';
import { type BisDocument, type Paragraph, type Proposal, proposalId } from '@bis/core';
import { exportView, importText } from '@bis/formats';
import * as Y from 'yjs';
import { type BenchContext, fixture } from '../context';
import { createRng } from '../rng';

const proposalsFor = (doc: BisDocument, count: number, seed: number): Proposal[] => {
  const rng = createRng(seed);
  const paragraphs = doc.blocks.filter((b): b is Paragraph => b.kind === 'paragraph');
  const out: Proposal[] = [];
  for (let i = 0; i < count; i++) {
    const p = rng.pick(paragraphs);
    const action = rng.pick(['amend', 'amend', 'amend', 'delete', 'insert'] as const);
    out.push({
      id: proposalId(`prop${i}`),
      party: `Party ${rng.int(1, 60)}`,
      coSponsors: [],
      supporters: [],
      action,
      targets: [{ paragraph: p.id, label: p.label, point: null }],
      position: action === 'insert' ? 'after' : null,
      label: action === 'insert' ? `${p.label} bis` : p.label,
      text: action === 'delete' ? '' : `${p.text.slice(0, 200)} as amended by proposal ${i}`,
      textMode: 'replace',
      rationale: '',
      summary: `Proposal ${i}`,
      status: 'tabled',
      decision: null,
      decisionNote: '',
      relatedTo: null,
      links: [],
      versions: [],
      illustrative: true,
      source: null,
    });
  }
  return out;
};

/** Runs the formats workload. */
export const runFormats = async (ctx: BenchContext): Promise<boolean> => {
  const size = ctx.quick ? 'small' : 'large';
  const fx = fixture(ctx, size);
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, fx.update);
  const document = readDocument(ydoc);
  const paragraphs = document.blocks.length;
  const proposals = proposalsFor(document, Math.round(paragraphs * 2.5), ctx.seed);
  let text = '';
  for (let i = 0; text.length < (ctx.quick ? 100_000 : 1_000_000); i++) {
    const p = document.blocks[i % paragraphs] as Paragraph;
    text += `${i + 1}. ${p.text}\n\n`;
  }
  const workload = `Formats (${size} process: ${paragraphs} paragraphs, ${proposals.length} proposals)`;
  for (let rep = 0; rep < ctx.reps; rep++) {
    const time = async (metric: string, fn: () => Promise<unknown> | unknown): Promise<void> => {
      const t0 = process.hrtime.bigint();
      await fn();
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      ctx.results.add({
        workload,
        cell: size,
        system: 'bis',
        metric,
        value: ms,
        unit: 'ms',
        rep,
        lowerIsBetter: true,
      });
      ctx.log(`formats rep ${rep}: ${metric} ${ms.toFixed(0)} ms`);
    };
    await time('comparison as DOCX', () => exportView('comparison', 'docx', { document, proposals }));
    await time('comparison as HTML', () => exportView('comparison', 'html', { document, proposals }));
    await time('revision as DOCX', () => exportView('revision', 'docx', { document, proposals }));
    await time(`import of a ${(text.length / 1e6).toFixed(1)} MB text`, () => importText(text));
  }
  return true;
};
