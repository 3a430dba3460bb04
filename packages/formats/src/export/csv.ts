import type { DiffRun } from '@bis/diff';
import type { Comparison } from './comparison';
import { statusLabel } from './words';

/** The byte-order mark Excel needs to read a CSV file as UTF-8. */
export const UTF8_BOM = '\uFEFF';

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** Rows of fields as CSV text: UTF-8 with BOM, every field quoted, CRLF line ends. */
export const toCsv = (rows: readonly (readonly string[])[]): string =>
  `${UTF8_BOM}${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;

/** Diff runs as plain text with `[+added+]` and `[-deleted-]` markers. */
export const runsToPlain = (runs: readonly DiffRun[]): string =>
  runs
    .map((r) => (r.op === 'equal' ? r.text : r.op === 'insert' ? `[+${r.text}+]` : `[-${r.text}-]`))
    .join('');

/** The columns of the comparison CSV, in order. */
export const COMPARISON_CSV_COLUMNS = [
  'id',
  'paragraph',
  'action',
  'proponent',
  'co-sponsors',
  'current text',
  'proposed text',
  'changes',
  'rationale',
  'status',
  'decision',
  'decision note',
  'supporters',
] as const;

/** The comparison table as CSV, one row per proposal. */
export const comparisonToCsv = (c: Comparison): string =>
  toCsv([
    COMPARISON_CSV_COLUMNS,
    ...c.rows.map((r) => [
      r.proposal.id,
      r.label,
      r.actionLabel,
      r.proposal.party,
      r.proposal.coSponsors.join('; '),
      r.current ?? r.note,
      r.proposed,
      runsToPlain(r.runs),
      r.proposal.rationale,
      statusLabel(r.proposal),
      r.proposal.decision ?? '',
      r.proposal.decisionNote,
      r.proposal.supporters.join('; '),
    ]),
  ]);
