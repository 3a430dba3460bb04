/**
 * Import of structured proposals: a CSV table (one proposal per row) or JSON (`bis.proposals/1`,
 * or a plain array of proposal-like objects). The columns and keys are documented in
 * `docs/import-proposals.md` and on `importStructuredProposals`.
 */
import type {
  Action,
  BisDocument,
  Party,
  Proposal,
  ProposalSet,
  StakeholderGroup,
  TextMode,
} from '@bis/core';
import {
  ACTIONS,
  BisInputError,
  partyId,
  proposalId,
  proposalsFromJSON,
  STAKEHOLDER_GROUPS,
} from '@bis/core';
import { groupOf } from './attributed';
import {
  type BaseIndex,
  buildProposal,
  indexBase,
  numberAlternatives,
  slug,
  splitLeadingEllipsis,
} from './build';
import { readCsv } from './csv-read';
import { normalizeLabel, readWholeReference, showReference } from './reference';

/** Options of `importStructuredProposals`. */
export interface StructuredImportOptions {
  /** The proponent of rows that name no party of their own. */
  readonly party: string;
  readonly format: 'csv' | 'json';
  /** The stakeholder group of parties created by the import (default `member-state`). */
  readonly group?: StakeholderGroup;
  /** A base text to resolve labels against. */
  readonly base?: BisDocument;
  /** Recorded in each proposal's `source`. */
  readonly fileName?: string;
  /** Makes ids for rows without an `id`; default `<party-slug>-<row line or item number>`. */
  readonly newId?: () => string;
}

/** The fields of one proposal as a CSV row or a plain JSON item gives them. */
interface Row {
  /** Where the row is, for messages: `row 3 (line 4)` or `[2]`. */
  readonly where: string;
  /** How a field is named in messages: `row 3 (line 4), column action` / `[2].action`. */
  readonly field: (name: string) => string;
  readonly line: number | null;
  readonly values: Readonly<Record<string, string | readonly string[] | undefined>>;
}

// Canonical field → the CSV header spellings accepted (compared without case, spaces, `_`, `-`).
const COLUMNS: Record<string, readonly string[]> = {
  id: ['id'],
  label: ['label', 'target', 'paragraph', 'para', 'reference'],
  action: ['action'],
  text: ['text', 'proposedtext'],
  textMode: ['textmode', 'mode'],
  rationale: ['rationale', 'justification'],
  summary: ['summary'],
  party: ['party', 'proponent'],
  group: ['group', 'stakeholdergroup', 'stakeholder'],
  anchor: ['anchor'],
  position: ['position'],
  coSponsors: ['cosponsors'],
  supporters: ['supporters'],
};
const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
const COLUMN_OF = new Map(Object.entries(COLUMNS).flatMap(([k, names]) => names.map((n) => [n, k] as const)));

/**
 * Imports structured proposals. Throws `BisInputError` naming every bad row and field
 * (`row 3 (line 4), column action: unknown action "amnd"`), all at once, so that nothing is
 * half-imported.
 *
 * CSV: a header row, then one proposal per row. Columns (header names are case-insensitive):
 * `label` (or `target`, `paragraph`: `77`, `§92–93`, `69 (b)`; for an insert the new label,
 * `77 bis`) and `action` (`amend`, `insert`, `delete`, `move`, `retain`, `alternative`) are
 * required; `text`, `rationale`, `summary`, `party` (default: `options.party`), `anchor` and
 * `position` (`after`/`before`, for insert and move; an insert's anchor defaults to the label
 * before it, `77 bis` → `77`), `mode` (`replace`/`append`; default append when the text opens
 * with `...`), `cosponsors` and `supporters` (separated by `;`), `id` are optional.
 *
 * JSON: a `bis.proposals/1` document (read by core's `proposalsFromJSON`), or an array of
 * objects with the same fields as the CSV columns (`coSponsors`/`supporters` as arrays).
 */
export const importStructuredProposals = (source: string, options: StructuredImportOptions): ProposalSet => {
  const party = options.party.trim();
  if (party === '') throw new BisInputError('a party name is required', 'party', options.party);
  const base = options.base ? indexBase(options.base, normalizeLabel) : null;

  if (options.format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(source.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new BisInputError(`not valid JSON (${(e as Error).message})`, options.fileName ?? '');
    }
    if (!Array.isArray(value)) return resolveSet(proposalsFromJSON(value), base);
    return fromRows(
      value.map((item, i) => jsonRow(item, i)),
      party,
      options,
      base,
    );
  }
  return fromRows(csvRows(source), party, options, base);
};

const csvRows = (source: string): Row[] => {
  const [header, ...records] = readCsv(source);
  if (!header) throw new BisInputError('the CSV file is empty (a header row is needed)', 'line 1');
  const keys = header.fields.map((name, i) => {
    const key = COLUMN_OF.get(squash(name));
    if (key === undefined)
      throw new BisInputError(
        `unknown column "${name}" (known: ${Object.values(COLUMNS)
          .map((n) => n[0])
          .join(', ')})`,
        `line ${header.line}, column ${i + 1}`,
      );
    return key;
  });
  for (const need of ['label', 'action'])
    if (!keys.includes(need))
      throw new BisInputError(`the header has no "${need}" column`, `line ${header.line}`);
  return records.map((r, n) => {
    const where = `row ${n + 1} (line ${r.line})`;
    if (r.fields.length > keys.length)
      throw new BisInputError(`${r.fields.length} fields for ${keys.length} columns`, where);
    const values: Record<string, string> = {};
    keys.forEach((k, i) => {
      values[k] = (r.fields[i] ?? '').trim();
    });
    return { where, field: (name) => `${where}, column ${name}`, line: r.line, values };
  });
};

const jsonRow = (item: unknown, i: number): Row => {
  const where = `[${i}]`;
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    throw new BisInputError('must be an object with at least "label" and "action"', where, item);
  const values: Record<string, string | string[]> = {};
  for (const [key, v] of Object.entries(item)) {
    const canonical = key === 'target' ? 'label' : key;
    if (!(canonical in COLUMNS))
      throw new BisInputError(`unknown field (known: ${Object.keys(COLUMNS).join(', ')})`, `${where}.${key}`);
    if (typeof v === 'string') values[canonical] = v.trim();
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) values[canonical] = v;
    else if (v !== null)
      throw new BisInputError('must be a string (or a list of strings)', `${where}.${key}`, v);
  }
  return { where, field: (name) => `${where}.${name}`, line: null, values };
};

const fromRows = (
  rows: readonly Row[],
  defaultParty: string,
  options: StructuredImportOptions,
  base: BaseIndex | null,
): ProposalSet => {
  const problems: Problem[] = [];
  const proposals: Proposal[] = [];
  const parties = new Map<string, Party>();
  const ids = new Set<string>();
  for (const [n, row] of rows.entries()) {
    const bad = (field: string, message: string) => problems.push({ where: row.field(field), message });
    const str = (k: string): string => {
      const v = row.values[k];
      if (v === undefined) return '';
      if (typeof v === 'string') return v;
      bad(k, 'must be a string');
      return '';
    };
    const list = (k: string): string[] => {
      const v = row.values[k];
      if (v === undefined || v === '') return [];
      return (typeof v === 'string' ? v.split(';') : [...v]).map((x) => x.trim()).filter((x) => x !== '');
    };

    const actionWord = str('action').toLowerCase();
    const action = (ACTIONS as readonly string[]).includes(actionWord) ? (actionWord as Action) : null;
    if (action === null)
      bad(
        'action',
        actionWord === ''
          ? `missing (one of ${ACTIONS.join(', ')})`
          : `unknown action "${str('action')}" (one of ${ACTIONS.join(', ')})`,
      );
    const ref = readWholeReference(str('label'));
    if (ref === null)
      bad('label', str('label') === '' ? 'missing' : `not a paragraph label or range: "${str('label')}"`);
    let anchor: string | null = null;
    if (str('anchor') !== '') {
      anchor = readWholeReference(str('anchor'))?.from ?? null;
      if (anchor === null) bad('anchor', `not a paragraph label: "${str('anchor')}"`);
    }
    const positionWord = str('position').toLowerCase();
    if (positionWord !== '' && positionWord !== 'after' && positionWord !== 'before')
      bad('position', `"${str('position')}" is neither "after" nor "before"`);
    const modeWord = str('textMode').toLowerCase();
    if (modeWord !== '' && modeWord !== 'replace' && modeWord !== 'append')
      bad('mode', `"${str('textMode')}" is neither "replace" nor "append"`);
    const party = str('party') || defaultParty;
    const groupWord = str('group');
    const group = groupWord === '' ? (options.group ?? 'member-state') : groupOf(groupWord);
    if (group === null)
      bad(
        'group',
        `unknown stakeholder group "${groupWord}" (e.g. Government, Civil Society, Private Sector, ${STAKEHOLDER_GROUPS.join(', ')})`,
      );
    const givenId = str('id');
    const id = givenId || (options.newId ? options.newId() : `${slug(party)}-${row.line ?? n + 1}`);
    if (ids.has(id)) bad('id', `"${id}" is used twice`);
    ids.add(id);
    if (action === null || ref === null) continue;

    const ellipsis = splitLeadingEllipsis(str('text'));
    const textMode: TextMode =
      modeWord === 'append' || modeWord === 'replace' ? modeWord : ellipsis.appended ? 'append' : 'replace';
    const { proposal, problems: found } = buildProposal(
      {
        id: proposalId(id),
        party,
        action,
        ref,
        anchor,
        position: positionWord === 'before' ? 'before' : positionWord === 'after' ? 'after' : null,
        text: ellipsis.appended && textMode === 'append' ? ellipsis.text : str('text'),
        textMode,
        summary: str('summary'),
        rationale: str('rationale'),
        coSponsors: list('coSponsors'),
        supporters: list('supporters'),
        source: row.line === null ? null : { file: options.fileName ?? null, line: row.line },
      },
      base,
    );
    for (const message of found) problems.push({ where: row.where, message });
    proposals.push(proposal);
    if (!parties.has(party))
      parties.set(party, {
        id: partyId(slug(party)),
        name: party,
        group: group ?? 'member-state',
        region: null,
      });
  }
  if (rows.length === 0) problems.push({ where: '', message: 'no proposals: the input has no rows' });
  throwProblems(problems);
  // Two alternatives to one paragraph are `5 alt 1` and `5 alt 2`, never both `5 alt`.
  return {
    base: base?.title ?? null,
    parties: [...parties.values()],
    proposals: numberAlternatives(proposals),
  };
};

/** One thing wrong with the input, and where. */
interface Problem {
  readonly where: string;
  readonly message: string;
}

/** Throws one `BisInputError` for all problems (path: the first one's place), or nothing. */
const throwProblems = (problems: readonly Problem[]): void => {
  const [first, ...rest] = problems;
  if (!first) return;
  const more = rest.map((p) => `\n  ${p.where ? `${p.where}: ` : ''}${p.message}`).join('');
  const count = rest.length > 0 ? ` (and ${rest.length} more:${more})` : '';
  throw new BisInputError(`${first.message}${count}`, first.where);
};

/**
 * Resolves the still unresolved targets of a `bis.proposals/1` set against a base text, and
 * checks that the resolved ones are paragraphs of it.
 */
const resolveSet = (set: ProposalSet, base: BaseIndex | null): ProposalSet => {
  if (!base) return set;
  const byId = new Map(base.paragraphs.map((p) => [p.id as string, p]));
  const problems: Problem[] = [];
  const proposals = set.proposals.map((p, i) => ({
    ...p,
    targets: p.targets.map((t, j) => {
      const where = `proposals[${i}].targets[${j}]`;
      if (t.paragraph !== null) {
        if (!byId.has(t.paragraph))
          problems.push({
            where: `${where}.paragraph`,
            message: `"${t.paragraph}" is not a paragraph of "${base.title}"`,
          });
        return t;
      }
      const k = base.byLabel.get(normalizeLabel(t.label));
      const para = k === undefined ? undefined : base.paragraphs[k];
      if (!para) {
        const shown = showReference({ from: t.label, to: null, point: null });
        problems.push({ where: `${where}.label`, message: `${shown} is not a paragraph of "${base.title}"` });
        return t;
      }
      return { ...t, paragraph: para.id, label: para.label };
    }),
  }));
  throwProblems(problems);
  return { ...set, base: base.title, proposals };
};
