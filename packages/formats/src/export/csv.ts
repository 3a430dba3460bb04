import type { DiffRun } from '@bis/diff';
import type { Comparison } from './comparison';
import { linksText } from './reasons';
import { statusLabel } from './words';

/** The byte-order mark Excel needs to read a CSV file as UTF-8. */
export const UTF8_BOM = '\uFEFF';

// A spreadsheet reads a cell that starts with one of these as a formula (or, for tab and carriage
// return, strips them and reads what follows): `=HYPERLINK(…)` in a proposal would run on opening.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field made safe for a spreadsheet: a field starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a leading `'`, which spreadsheets take as "text, not a formula" and hide.
 */
export const neutralizeFormula = (s: string): string => (FORMULA_START.test(s) ? `'${s}` : s);

const quote = (s: string): string => `"${neutralizeFormula(s).replace(/"/g, '""')}"`;

/**
 * Rows of fields as CSV text: UTF-8 with BOM, every field quoted, CRLF line ends, and fields that
 * a spreadsheet would run as formulas neutralised (see `neutralizeFormula`).
 */
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
  'links',
  'base',
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
      r.reason,
      statusLabel(r.proposal),
      r.proposal.decision ?? '',
      r.proposal.decisionNote,
      r.proposal.supporters.join('; '),
      linksText(r.links),
      r.baseNote,
    ]),
  ]);
