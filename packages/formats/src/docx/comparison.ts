/**
 * The comparison table as .docx: landscape, a header row repeated on every page, one row per
 * proposal, the proposed column showing the changes as real Word revisions attributed to the
 * proposing party at its tabling date (or, by option, as formatting).
 */

import type { Proposal } from '@bis/core';
import type { Comparison, ComparisonRow } from '../export/comparison';
import { linkLine } from '../export/reasons';
import { documentLine, statusLabel } from '../export/words';
import {
  type Cell,
  type ChangeStyle,
  diffParagraphs,
  Ids,
  type ParaProps,
  packageDocx,
  para,
  type RevisionMark,
  run,
  table,
  tableRow,
  textWidth,
} from './write';

/** The columns a comparison table can have. */
export const COMPARISON_COLUMNS = [
  'label',
  'current',
  'proposed',
  'proponent',
  'rationale',
  'status',
] as const;
/** A column of the comparison table. */
export type ComparisonColumn = (typeof COMPARISON_COLUMNS)[number];

/** Options of the .docx exports. */
export interface DocxOptions {
  /**
   * How changes are shown: `tracked` (Word revisions, `w:ins`/`w:del`, listed in the Review
   * pane) or `formatting` (bold underlined additions, struck deletions). Default: `tracked` for
   * the comparison table and revisions, `formatting` for the compilation (where accepting every
   * competing proposal at once would make no sense).
   */
  readonly changes?: ChangeStyle;
  /** The comparison table's columns, in order (default all six). */
  readonly columns?: readonly ComparisonColumn[];
  /**
   * The time of export (ISO 8601): the date of revisions whose proposal has no tabling date,
   * and the file's own date. Without it such revisions carry no date. Never read from a clock here.
   */
  readonly now?: string;
  /** The author of the tracked changes between two revisions (default `Secretariat`). */
  readonly revisionAuthor?: string;
  /** BCP 47 language of the text, recorded in the file (default `en-GB`). */
  readonly lang?: string;
}

const HEADINGS: Record<ComparisonColumn, string> = {
  label: 'Paragraph',
  current: 'Current text',
  proposed: 'Proposed text',
  proponent: 'Proponent',
  rationale: 'Rationale',
  status: 'Status / decision',
};

// Relative column widths: the two text columns get most of the page.
const WEIGHTS: Record<ComparisonColumn, number> = {
  label: 1.1,
  current: 4,
  proposed: 4.4,
  proponent: 1.6,
  rationale: 2.6,
  status: 1.3,
};

/** The revision mark of a proposal: its party, at its first tabling (else `now`, else no date). */
export const proposalMark = (p: Proposal, now: string | undefined): RevisionMark => ({
  author: p.party,
  date: p.versions[0]?.tabledAt ?? now ?? null,
});

const lines = (text: string, style = {}): string[] => text.split('\n').map((t) => para(run(t, style)));

/** The paragraphs of the proposed-text cell of one row (`props` for each paragraph). */
export const proposedParagraphs = (
  r: ComparisonRow,
  changes: ChangeStyle,
  mark: RevisionMark,
  ids: Ids,
  props: ParaProps = {},
): string[] => {
  const p = r.proposal;
  const lines = (text: string): string[] => text.split('\n').map((t) => para(run(t), props));
  const word = (w: string): string => para(run(w, { bold: true }), props);
  if (p.action === 'retain') return [word('Retain'), ...(p.text ? lines(p.text) : [])];
  if (p.action === 'move') return [word(r.actionLabel), ...lines(r.proposed)];
  const body = diffParagraphs(r.runs, changes, mark, ids, () => props);
  if (p.action === 'delete') return [word('Delete'), ...body];
  if (p.action === 'alternative') return [word('Alternative'), ...body];
  return body;
};

/** The paragraphs of a row's reason (rationale, or summary) and its links to other proposals. */
export const reasonParagraphs = (r: ComparisonRow, props: ParaProps = {}, italic = false): string[] => [
  ...(r.reason ? r.reason.split('\n').map((t) => para(run(t, italic ? { italic: true } : {}), props)) : []),
  ...r.links.map((l) => para(run(linkLine(l), { size: 8 }), props)),
];

const currentParagraphs = (r: ComparisonRow): string[] => {
  if (r.current === null) return lines(r.note, { italic: true });
  if (r.proposal.action === 'insert') return [para(run('(new paragraph)', { italic: true }))];
  return lines(r.current);
};

/** Writes a comparison table as .docx bytes. */
export const comparisonToDocx = (c: Comparison, options: DocxOptions = {}): Uint8Array => {
  const columns = options.columns?.length ? options.columns : COMPARISON_COLUMNS;
  const changes = options.changes ?? 'tracked';
  const width = textWidth({ landscape: true });
  const total = columns.reduce((n, col) => n + WEIGHTS[col], 0);
  const widths = columns.map((col) => Math.floor((width * WEIGHTS[col]) / total));
  const ids = new Ids();
  const header = tableRow(
    columns.map((col, i) => ({
      width: widths[i] as number,
      shade: 'E7E6E6',
      paragraphs: [para(run(HEADINGS[col], { bold: true }), { keepNext: true })],
    })),
    true,
  );
  const rows = c.rows.map((r) => {
    const cell = (col: ComparisonColumn): string[] => {
      switch (col) {
        case 'label':
          return [
            para(run(r.label, { bold: true })),
            para(run(r.actionLabel, { size: 8 })),
            ...(r.baseNote ? [para(run(r.baseNote, { size: 8, italic: true }))] : []),
          ];
        case 'current':
          return currentParagraphs(r);
        case 'proposed':
          return proposedParagraphs(r, changes, proposalMark(r.proposal, options.now), ids);
        case 'proponent':
          return [para(run(r.proponent))];
        case 'rationale':
          return reasonParagraphs(r);
        case 'status':
          return [para(run(statusLabel(r.proposal)))];
      }
    };
    return tableRow(columns.map((col, i): Cell => ({ width: widths[i] as number, paragraphs: cell(col) })));
  });
  const sub = documentLine(c);
  const legend =
    changes === 'tracked'
      ? 'Proposed changes are shown as tracked changes, attributed to the proponent.'
      : 'Additions are shown in bold underlined, deletions struck through.';
  const body = [
    para(run(c.title), { style: 'Title' }),
    ...(sub ? [para(run(sub))] : []),
    para(run(`Comparison table: ${c.rows.length} proposal${c.rows.length === 1 ? '' : 's'}. ${legend}`)),
    table(widths, [header, ...rows]),
    para(''),
  ];
  return packageDocx({
    title: `Comparison — ${c.title}`,
    body,
    page: { landscape: true },
    date: options.now ?? null,
    ...(options.lang ? { lang: options.lang } : {}),
  });
};
