import {
  type BisDocument,
  compile,
  type Heading,
  type Paragraph,
  type Proposal,
  paragraphsOf,
  type ReanchorEntry,
} from '@bis/core';
import { baseNotesOf, type ComparisonOptions, type ComparisonRow, comparisonRow } from './comparison';
import { linksByProposal } from './reasons';

/** Options of the compilation view. */
export interface CompilationOptions extends ComparisonOptions {
  /** Show who proposed what (default true); off for an unattributed compilation. */
  readonly attribution?: boolean;
}

/** One section of a compilation: a heading, a paragraph with its proposals, or a proposed new paragraph. */
export type CompilationSection =
  | { readonly kind: 'heading'; readonly heading: Heading }
  | {
      readonly kind: 'paragraph';
      readonly paragraph: Paragraph;
      readonly proposals: readonly ComparisonRow[];
    }
  | {
      readonly kind: 'insertion';
      readonly label: string;
      readonly anchor: Paragraph;
      readonly proposals: readonly ComparisonRow[];
    };

/** The compilation view: the whole text, each paragraph followed by the proposals on it. */
export interface CompilationView {
  readonly title: string;
  readonly symbol: string | null;
  readonly revision: string | null;
  readonly attribution: boolean;
  readonly sections: readonly CompilationSection[];
  /** Proposals that could not be placed in the text, with the reason. */
  readonly unplaced: readonly { readonly row: ComparisonRow; readonly reason: string }[];
  /** How many proposals the view shows. */
  readonly count: number;
  /** What re-anchoring did to proposals written against another text (empty when none were). */
  readonly reanchored: readonly ReanchorEntry[];
}

/** Builds the compilation view of `proposals` on `doc` (withdrawn ones left out by default). */
export const buildCompilation = (
  doc: BisDocument,
  proposals: readonly Proposal[],
  options: CompilationOptions = {},
): CompilationView => {
  const byId = new Map(paragraphsOf(doc).map((p) => [p.id as string, p]));
  const compiled = compile(doc, proposals, {
    status: options.statuses ?? ['draft', 'tabled'],
    ...(options.parties ? { party: options.parties } : {}),
    ...(options.actions ? { action: options.actions } : {}),
  });
  const links = linksByProposal(proposals);
  const notes = baseNotesOf(options.reanchored);
  const rows = (ps: readonly Proposal[]): ComparisonRow[] =>
    ps.map((p) => comparisonRow(p, byId, links, notes));
  const sections = compiled.rows.map((r): CompilationSection => {
    if (r.kind === 'heading') return r;
    if (r.kind === 'paragraph')
      return { kind: 'paragraph', paragraph: r.paragraph, proposals: rows(r.proposals) };
    return { kind: 'insertion', label: r.label, anchor: r.anchor, proposals: rows(r.proposals) };
  });
  const unplaced = compiled.unplaced.map((u) => {
    const row = comparisonRow(u.proposal, byId, links, notes);
    // A proposal that re-anchoring could not place says why, rather than "not resolved".
    return { row, reason: row.current === null && row.baseNote ? row.baseNote : u.reason };
  });
  const count =
    sections.reduce((n, s) => n + (s.kind === 'heading' ? 0 : s.proposals.length), 0) + unplaced.length;
  return {
    title: doc.title,
    symbol: doc.symbol,
    revision: doc.revision,
    attribution: options.attribution ?? true,
    sections,
    unplaced,
    count,
    reanchored: options.reanchored ?? [],
  };
};
