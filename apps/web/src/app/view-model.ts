/**
 * Pure helpers that turn a document and its proposals into what the text screen shows:
 * filtering (party, stakeholder group, action, status), search, per-paragraph counts by kind,
 * and the current text a proposal is compared with.
 */
import {
  type Action,
  type BisDocument,
  type CompilationRow,
  compile,
  type Paragraph,
  type Proposal,
  proposedText,
  type StakeholderGroup,
  type UnplacedProposal,
} from '@bis/core';

/** The filters of the text screen; empty string = any. */
export interface Filters {
  readonly party: string;
  readonly group: StakeholderGroup | '';
  readonly action: Action | '';
  /** `tabled` (no decision), `withdrawn`, or `decision:<decision>`. */
  readonly status: string;
}

/** No filter. */
export const NO_FILTERS: Filters = { party: '', group: '', action: '', status: '' };

/** True when a proposal passes the filters (`groupOf` maps a party name to its group). */
export const passes = (
  p: Proposal,
  f: Filters,
  groupOf: (party: string) => StakeholderGroup | undefined,
): boolean => {
  if (f.party && p.party !== f.party && !p.coSponsors.includes(f.party)) return false;
  if (f.group && groupOf(p.party) !== f.group) return false;
  if (f.action && p.action !== f.action) return false;
  if (f.status === 'tabled' && (p.status !== 'tabled' || p.decision !== null)) return false;
  if (f.status === 'withdrawn' && p.status !== 'withdrawn') return false;
  if (f.status.startsWith('decision:') && p.decision !== f.status.slice(9)) return false;
  return true;
};

/** True when any filter is set. */
export const filtering = (f: Filters): boolean => Boolean(f.party || f.group || f.action || f.status);

/** The text a proposal on `paragraph` (or one of its points) is compared with. */
export const currentTextOf = (paragraph: Paragraph, point: string | null = null): string => {
  if (point !== null) return paragraph.points.find((p) => p.label === point)?.text ?? '';
  return [paragraph.text, ...paragraph.points.map((p) => `(${p.label}) ${p.text}`)].join('\n');
};

/** The text after a proposal, for its first target. */
export const afterText = (p: Proposal, paragraph: Paragraph | undefined): string =>
  proposedText(p, paragraph ? currentTextOf(paragraph, p.targets[0]?.point ?? null) : '');

/** Counts of proposals by action, in a stable order. */
export const countByAction = (proposals: readonly Proposal[]): [Action, number][] => {
  const m = new Map<Action, number>();
  for (const p of proposals) m.set(p.action, (m.get(p.action) ?? 0) + 1);
  return [...m.entries()];
};

const has = (haystack: string, needle: string): boolean => haystack.toLocaleLowerCase().includes(needle);

const proposalMatches = (p: Proposal, q: string): boolean =>
  has(p.text, q) || has(p.summary, q) || has(p.rationale, q) || has(p.party, q) || has(p.label, q);

/** True when a row matches the search `q` (already lower-cased). */
export const rowMatches = (row: CompilationRow, q: string): boolean => {
  if (row.kind === 'heading') return has(row.heading.title, q);
  if (row.kind === 'insertion') return has(row.label, q) || row.proposals.some((p) => proposalMatches(p, q));
  const para = row.paragraph;
  return (
    has(para.label, q) ||
    has(para.text, q) ||
    para.points.some((pt) => has(pt.text, q)) ||
    para.footnotes.some((f) => has(f.text, q)) ||
    row.proposals.some((p) => proposalMatches(p, q))
  );
};

/** The rows to show: the compilation of the filtered proposals, narrowed by the search. */
export const visibleRows = (
  doc: BisDocument,
  proposals: readonly Proposal[],
  filters: Filters,
  groupOf: (party: string) => StakeholderGroup | undefined,
  search: string,
): {
  rows: readonly CompilationRow[];
  matches: number;
  shown: number;
  unplaced: readonly UnplacedProposal[];
} => {
  // Drafts are not public; applied proposals are part of a published revision, not changes to it.
  const chosen = proposals.filter(
    (p) => p.status !== 'draft' && p.status !== 'applied' && passes(p, filters, groupOf),
  );
  const compiled = compile(doc, chosen);
  let rows = compiled.rows;
  // With a filter on, only paragraphs with matching proposals are of interest (headings kept for context).
  if (filtering(filters)) rows = rows.filter((r) => r.kind === 'heading' || r.proposals.length > 0);
  const q = search.trim().toLocaleLowerCase();
  let matches = 0;
  if (q) {
    rows = rows.filter((r) => {
      const m = rowMatches(r, q);
      if (m && r.kind !== 'heading') matches++;
      return m || r.kind === 'heading';
    });
  }
  // Drop headings with nothing under them (before the next heading of the same or higher level).
  if (q || filtering(filters)) {
    const out: CompilationRow[] = [];
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as CompilationRow;
      if (r.kind !== 'heading') {
        out.push(r);
        continue;
      }
      let keep = false;
      for (let j = i + 1; j < rows.length; j++) {
        const n = rows[j] as CompilationRow;
        if (n.kind === 'heading' && n.heading.level <= r.heading.level) break;
        if (n.kind !== 'heading') {
          keep = true;
          break;
        }
      }
      if (keep) out.push(r);
    }
    rows = out;
  }
  return { rows, matches, shown: chosen.length, unplaced: compiled.unplaced };
};
