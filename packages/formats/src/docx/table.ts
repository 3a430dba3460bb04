/**
 * Proposals from a comparison table in a .docx: a header row naming the columns (current text,
 * proposed text, and when present paragraph, rationale, proponent), then one proposal per row.
 * Changes in the proposed column may be tracked changes or formatting; the proposed text is the
 * text with them accepted (deleted and struck-through pieces left out). Tables written by Bis's
 * own comparison export read back as the proposals they show.
 */

import type { Action } from '@bis/core';
import type { ProposalSpec } from '../proposals-import/build';
import { readWholeReference } from '../proposals-import/reference';
import type { DocxParagraph, DocxTable } from './read';

/** The role of a column, found from its heading. */
type Role = 'label' | 'current' | 'proposed' | 'rationale' | 'proponent';

const ROLES: readonly [Role, RegExp][] = [
  ['current', /\b(current|existing|original|base|present)\b/i],
  ['proposed', /\b(proposed|proposal|amendment|amended|revised|suggested|new text)\b/i],
  ['rationale', /\b(rationale|justification|comments?|reason|explanation)\b/i],
  ['proponent', /\b(proponent|party|parties|delegation|submitted|sponsor)\b/i],
  ['label', /(paragraph|para\b|§|^label$|^ref|^no\.?$|^#$)/i],
];

/** One row read from a comparison table. */
export interface TableFinding {
  readonly spec: Omit<ProposalSpec, 'id' | 'party' | 'source' | 'supporters'>;
  /** The proponent named in the row, or null. */
  readonly party: string | null;
  /** The table row (1-based, header included). */
  readonly line: number;
}

const cellText = (paras: readonly DocxParagraph[], accept: boolean): string =>
  paras
    .map((p) =>
      p.segments
        .filter((s) => (accept ? s.op !== 'delete' && !s.strike : s.op !== 'insert'))
        .map((s) => s.text)
        .join('')
        .replace(/[\t ]+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
    .join('\n');

/** The column roles of a table from its header row, or null when it is no comparison table. */
export const tableRoles = (t: DocxTable): (Role | null)[] | null => {
  const header = t.rows[0];
  if (!header) return null;
  const taken = new Set<Role>();
  const roles = header.map((cell) => {
    const text = cellText(cell, true);
    const role = ROLES.find(([r, re]) => !taken.has(r) && re.test(text))?.[0] ?? null;
    if (role) taken.add(role);
    return role;
  });
  return taken.has('proposed') && (taken.has('current') || taken.has('label')) ? roles : null;
};

const ACTION_WORD = /^(delete|retain|alternative|amend)\b[:.]?\s*/i;
const PLACE = /^(insert|move)\s+(after|before)\s+§?\s*(.+)$/i;

/** Reads the proposals of a comparison table; rows it cannot read become problems. */
export const findTableProposals = (
  t: DocxTable,
  roles: readonly (Role | null)[],
): { findings: TableFinding[]; problems: { line: number; message: string }[] } => {
  const findings: TableFinding[] = [];
  const problems: { line: number; message: string }[] = [];
  const col = (row: readonly (readonly DocxParagraph[])[], role: Role, accept = true): string | null => {
    const i = roles.indexOf(role);
    const cell = i >= 0 ? row[i] : undefined;
    return cell ? cellText(cell, accept) : null;
  };
  t.rows.slice(1).forEach((row, k) => {
    const line = k + 2;
    const labelCell = col(row, 'label') ?? '';
    const [labelLine = '', ...labelRest] = labelCell.split('\n');
    const current = col(row, 'current', false);
    let proposed = col(row, 'proposed') ?? '';
    if (labelLine.trim() === '' && (current ?? '') === '' && proposed === '') return;
    const place = labelRest.map((l) => PLACE.exec(l.trim())).find((m) => m !== null) ?? null;
    let action: Action = 'amend';
    const word = ACTION_WORD.exec(proposed);
    if (word) {
      action = (word[1] as string).toLowerCase() as Action;
      proposed = proposed.slice(word[0].length).trim();
    }
    const isNew = /^new\b/i.test(labelLine.trim()) || /^\(?new paragraph\)?$/i.test((current ?? '').trim());
    if (place) action = (place[1] as string).toLowerCase() as Action;
    else if (isNew) action = 'insert';
    else if (!word && proposed === '') action = 'delete';
    if (action === 'delete') proposed = '';
    const ref = readWholeReference(labelLine.replace(/^new\s+/i, '').replace(/\s+alt$/i, ''));
    if (!ref) {
      problems.push({ line, message: `row ${line}: "${labelLine}" is not a paragraph label` });
      return;
    }
    const proponent = col(row, 'proponent');
    const party = proponent ? proponent.replace(/\s*\(co-sponsors:[^)]*\)\s*$/i, '').trim() || null : null;
    const coSponsors =
      /\(co-sponsors:\s*([^)]*)\)/i
        .exec(proponent ?? '')?.[1]
        ?.split(/\s*,\s*/)
        .filter(Boolean) ?? [];
    findings.push({
      line,
      party,
      spec: {
        action,
        ref,
        anchor: place ? (place[3] as string).trim() : null,
        position: place ? ((place[2] as string).toLowerCase() as 'after' | 'before') : null,
        // A moved paragraph keeps its text; the cell repeats it only to show it.
        text: action === 'move' ? '' : proposed,
        textMode: 'replace',
        summary: '',
        rationale: col(row, 'rationale') ?? '',
        coSponsors,
      },
    });
  });
  return { findings, problems };
};
