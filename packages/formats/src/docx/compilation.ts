/**
 * The compilation as .docx: the whole text, paragraph by paragraph, each followed by the
 * proposals on it (attributed unless attribution is off), proposed new paragraphs at their
 * place, and the proposals that could not be placed at the end.
 */

import type { ComparisonRow } from '../export/comparison';
import type { CompilationView } from '../export/compilation';
import { documentLine, statusLabel } from '../export/words';
import { type DocxOptions, proposalMark, proposedParagraphs, reasonParagraphs } from './comparison';
import { headingParagraph, labelled } from './revision';
import { Ids, packageDocx, para, type RevisionMark, run } from './write';

// Proposals sit indented under the paragraph they act on.
const PROPOSAL_INDENT = 720;

const proposalBlock = (
  view: CompilationView,
  r: ComparisonRow,
  options: DocxOptions,
  ids: Ids,
  reason?: string,
): string[] => {
  const changes = options.changes ?? 'formatting';
  // Without attribution, no revision may name the party either.
  const mark: RevisionMark = view.attribution
    ? proposalMark(r.proposal, options.now)
    : { author: 'Proposal', date: null };
  const head = [
    run(r.actionLabel, { bold: true }),
    view.attribution ? run(` — ${r.proponent}`) : '',
    run(` (${statusLabel(r.proposal)})`, { size: 8 }),
  ].join('');
  const indent = { indent: PROPOSAL_INDENT };
  const text = proposedParagraphs(r, changes, mark, ids, indent);
  return [
    para(head, { ...indent, keepNext: true, after: 40 }),
    ...text,
    ...reasonParagraphs(r, indent, true),
    ...(r.baseNote && r.current !== null ? [para(run(r.baseNote, { italic: true, size: 8 }), indent)] : []),
    ...(reason ? [para(run(`${r.label}: ${reason}`, { italic: true }), indent)] : []),
  ];
};

/** Writes the compilation view as .docx bytes. */
export const compilationToDocx = (view: CompilationView, options: DocxOptions = {}): Uint8Array => {
  const ids = new Ids();
  const body: string[] = [para(run(view.title), { style: 'Title' })];
  const sub = documentLine(view);
  if (sub) body.push(para(run(sub)));
  const legend =
    (options.changes ?? 'formatting') === 'tracked'
      ? 'Proposed changes are shown as tracked changes.'
      : 'Additions are shown in bold underlined, deletions struck through.';
  body.push(para(run(`Compilation of ${view.count} proposal${view.count === 1 ? '' : 's'}. ${legend}`)));
  for (const s of view.sections) {
    if (s.kind === 'heading') {
      body.push(headingParagraph(s.heading));
      continue;
    }
    if (s.kind === 'insertion') {
      body.push(
        para(run(`${s.label}\t`, { bold: true }) + run('(proposed new paragraph)', { italic: true })),
      );
    } else {
      body.push(...labelled(s.paragraph, null, true));
    }
    for (const r of s.proposals) body.push(...proposalBlock(view, r, options, ids));
  }
  if (view.unplaced.length) {
    body.push(para(run('Proposals not placed in this text'), { style: 'Heading1' }));
    for (const u of view.unplaced) body.push(...proposalBlock(view, u.row, options, ids, u.reason));
  }
  return packageDocx({
    title: `Compilation — ${view.title}`,
    body,
    page: { landscape: false },
    date: options.now ?? null,
    ...(options.lang ? { lang: options.lang } : {}),
  });
};
