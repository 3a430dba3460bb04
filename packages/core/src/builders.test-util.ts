import {
  type BisDocument,
  type Block,
  evenKeys,
  type Heading,
  headingId,
  orderKey,
  type Paragraph,
  type Proposal,
  type ProposalId,
  paragraphId,
  proposalId,
  type Target,
} from './index';

/**
 * Small builders for tests: documents and proposals with readable ids derived from labels
 * (`77 bis` → paragraph id `p77bis`), so a test reads like the text it describes.
 */

/** The paragraph id the builders give the paragraph labelled `label`. */
export const pid = (label: string) => paragraphId(`p${label.replace(/\s+/g, '')}`);

/** A paragraph labelled `label`; `points` as `[letter, text]` pairs. */
export const para = (
  label: string,
  text = `Text of ${label}.`,
  points: [string, string][] = [],
): Paragraph => ({
  kind: 'paragraph',
  id: pid(label),
  order: orderKey('V'),
  label,
  text,
  points: points.map(([l, t]) => ({ label: l, text: t, footnotes: [] })),
  footnotes: [],
});

/** A heading. */
export const heading = (number: string | null, title: string, level = 1): Heading => ({
  kind: 'heading',
  id: headingId(`h${number ?? title}`),
  level,
  number,
  title,
});

/** A document of `blocks` (strings are paragraph labels); order keys are spread evenly. */
export const docOf = (...blocks: (Block | string)[]): BisDocument => {
  const full = blocks.map((b) => (typeof b === 'string' ? para(b) : b));
  const keys = evenKeys(full.filter((b) => b.kind === 'paragraph').length);
  let n = 0;
  return {
    title: 'Test text',
    symbol: null,
    revision: 'Zero draft',
    preamble: '',
    blocks: full.map((b) => (b.kind === 'paragraph' ? { ...b, order: keys[n++] ?? b.order } : b)),
  };
};

/** A target resolved to the builders' paragraph id for `label`. */
export const tgt = (label: string, point: string | null = null): Target => ({
  paragraph: pid(label),
  label,
  point,
});

/** An unresolved target (known by its label only). */
export const labelOnly = (label: string): Target => ({ paragraph: null, label, point: null });

let counter = 0;

/** A draft proposal with defaults for everything but what the test names. */
export const prop = (
  fields: Omit<Partial<Proposal>, 'id'> & Pick<Proposal, 'action' | 'targets'> & { id?: string | ProposalId },
): Proposal => {
  const { id, ...rest } = fields;
  return {
    id: proposalId(id ?? `x${++counter}`),
    party: 'African Union',
    coSponsors: [],
    supporters: [],
    position: fields.action === 'insert' || fields.action === 'move' ? 'after' : null,
    label: fields.targets[0]?.label ?? '',
    text: '',
    textMode: 'replace',
    rationale: '',
    summary: '',
    status: 'draft',
    decision: null,
    decisionNote: '',
    relatedTo: null,
    links: [],
    versions: [],
    illustrative: false,
    source: null,
    ...rest,
  };
};

/** A proposal already tabled at `at` (one frozen version). */
export const tabled = (fields: Parameters<typeof prop>[0], at = '2025-06-01T10:00:00.000Z'): Proposal => {
  const p = prop(fields);
  return {
    ...p,
    status: 'tabled',
    versions: [{ number: 1, text: p.text, rationale: p.rationale, tabledAt: at }],
  };
};
