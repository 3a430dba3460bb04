/**
 * `importDocxProposals`: proposals from a .docx — a comparison table, or a copy of the base
 * text edited with Word's track changes. Which one a file is, is decided by what it holds: a
 * table whose header names a proposed-text column makes it a table; otherwise tracked changes
 * in the body make it a track-changed copy.
 */

import {
  type BisDocument,
  BisInputError,
  type Party,
  type Proposal,
  type ProposalSet,
  partyId,
  proposalId,
  type StakeholderGroup,
} from '@bis/core';
import { importAmendedText } from '../proposals-import/amended-text';
import { buildProposal, indexBase, slug } from '../proposals-import/build';
import { normalizeLabel } from '../proposals-import/reference';
import type { ImportError } from '../proposals-import/written';
import { importDocxText } from './import-text';
import { markedAsChanges } from './inline-marks';
import { type DocxParagraph, type DocxTable, readDocx } from './read';
import { findTableProposals, tableRoles } from './table';
import { findTrackedProposals } from './tracked';
import type { DocxLimits } from './zip';

/** Options of `importDocxProposals`. */
export interface DocxProposalsOptions {
  /** The proponent: every proposal of a track-changed copy, and table rows naming none. */
  readonly party: string;
  /** The stakeholder group of parties created by the import (default `member-state`). */
  readonly group?: StakeholderGroup;
  readonly region?: string;
  /** A base text to resolve labels against. */
  readonly base?: BisDocument;
  /** Recorded in each proposal's `source`; messages name it. */
  readonly fileName?: string;
  /** Makes proposal ids; default `<party-slug>-docx-<n>`. */
  readonly newId?: () => string;
  /** Limits on the package (see `DocxLimits`). */
  readonly limits?: DocxLimits;
}

/** The result of importing proposals from a .docx. */
export interface DocxProposalsImport {
  /**
   * What the file was read as: a comparison table, a track-changed copy, a copy with words
   * marked by formatting (bold or underlined added, struck through deleted), or a plain amended
   * copy of the whole text compared with the base.
   */
  readonly kind: 'table' | 'tracked-changes' | 'inline-marks' | 'amended-text';
  readonly set: ProposalSet;
  /**
   * Problems (`line` is the table row, header included, or the Word paragraph of the body,
   * 1-based); callers fail on any, as for written proposals.
   */
  readonly errors: readonly ImportError[];
}

/**
 * Imports proposals from a .docx. Throws `BisInputError` for a hostile or broken file, and for
 * a document with neither a comparison table, tracked changes nor marked words when no base is
 * given (with a base, such a document is read as an amended copy of the whole text); other
 * problems (a label not in the base, a changed paragraph without a number) are returned in
 * `errors`.
 *
 * Track-changed copy: every proposal is the given party's; the revision authors and date are
 * kept in the proposal's `summary` (`Word revisions by Jane Doe (2025-07-10)`).
 */
export const importDocxProposals = (
  bytes: Uint8Array,
  options: DocxProposalsOptions,
): DocxProposalsImport => {
  const party = options.party.trim();
  if (party === '') throw new BisInputError('the party is empty', 'party', options.party);
  const where = options.fileName ?? 'input.docx';
  const content = readDocx(bytes, {
    fileName: where,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const base = options.base ? indexBase(options.base, normalizeLabel) : null;
  let n = 0;
  const newId = (who: string): string => (options.newId ? options.newId() : `${slug(who)}-docx-${++n}`);
  const errors: ImportError[] = [];
  const proposals: Proposal[] = [];
  const names = new Set<string>([party]);

  const tables = content.body.filter((b): b is DocxTable => b.kind === 'table');
  const comparison = tables.map((t) => ({ t, roles: tableRoles(t) })).filter((x) => x.roles !== null);
  let kind: DocxProposalsImport['kind'];
  if (comparison.length > 0) {
    kind = 'table';
    for (const { t, roles } of comparison) {
      const { findings, problems } = findTableProposals(t, roles ?? []);
      errors.push(...problems);
      for (const f of findings) {
        const who = f.party ?? party;
        names.add(who);
        const { proposal, problems: more } = buildProposal(
          {
            ...f.spec,
            id: proposalId(newId(who)),
            party: who,
            supporters: [],
            source: { file: options.fileName ?? null, line: f.line },
          },
          base,
        );
        proposals.push(proposal);
        errors.push(...more.map((message) => ({ line: f.line, message: `row ${f.line}: ${message}` })));
      }
    }
  } else {
    const paragraphs = content.body.filter((b): b is DocxParagraph => b.kind === 'paragraph');
    const tracked = paragraphs.some(
      (p) => p.markInserted || p.markDeleted || p.segments.some((s) => s.op !== 'equal'),
    );
    const marked = tracked ? null : markedAsChanges(paragraphs);
    if (!tracked && !marked) {
      // A plain copy: the delegation's amended copy of the whole text, read against the base.
      if (!options.base) {
        throw new BisInputError(
          'no proposals found: the document has neither a comparison table (a header row with a "Proposed text" column) nor tracked changes, nor words marked in bold or underlined (added) and struck through (deleted); an amended copy of the whole text is read by comparing it with the base text it amends, and none was given',
          where,
        );
      }
      const copy = importDocxText(bytes, {
        fileName: where,
        ...(options.limits ? { limits: options.limits } : {}),
      });
      const amended = importAmendedText(copy, {
        party,
        base: options.base,
        fileName: where,
        ...(options.group ? { group: options.group } : {}),
        ...(options.region ? { region: options.region } : {}),
        ...(options.newId ? { newId: options.newId } : {}),
      });
      return { kind: 'amended-text', set: amended.set, errors: amended.errors };
    }
    kind = marked ? 'inline-marks' : 'tracked-changes';
    const { findings, problems } = findTrackedProposals(marked ?? paragraphs, content.comments);
    errors.push(...problems);
    for (const f of findings) {
      const { proposal, problems: more } = buildProposal(
        {
          ...f.spec,
          id: proposalId(newId(party)),
          party,
          coSponsors: [],
          supporters: [],
          source: { file: options.fileName ?? null, line: f.line },
        },
        base,
      );
      proposals.push(proposal);
      errors.push(...more.map((message) => ({ line: f.line, message })));
    }
  }
  const parties: Party[] = [...names].map((name) => ({
    id: partyId(slug(name)),
    name,
    group: options.group ?? 'member-state',
    region: name === party ? (options.region ?? null) : null,
  }));
  errors.sort((a, b) => a.line - b.line);
  return { kind, set: { base: options.base?.title ?? null, parties, proposals }, errors };
};
