/**
 * Parts of a text: one section (a heading and what follows it up to the next heading of the same
 * or a higher level) and the proposals that concern a part. Used by exports of a section.
 */
import { type BisDocument, type Block, type Heading, type Proposal, paragraphsOf } from './model';

/** The section opened by the heading `headingId`, as a document of its own; null if no such heading. */
export const sectionOf = (doc: BisDocument, headingId: string): BisDocument | null => {
  const start = doc.blocks.findIndex((b) => b.kind === 'heading' && b.id === headingId);
  if (start < 0) return null;
  const h = doc.blocks[start] as Heading;
  const blocks: Block[] = [h];
  for (const b of doc.blocks.slice(start + 1)) {
    if (b.kind === 'heading' && b.level <= h.level) break;
    blocks.push(b);
  }
  return { ...doc, preamble: '', blocks };
};

/**
 * The proposals with a target in `part`: by paragraph id, or, for a target not yet resolved
 * against the text (written input), by the label of a paragraph of `part`.
 */
export const proposalsIn = (part: BisDocument, proposals: readonly Proposal[]): Proposal[] => {
  const paragraphs = paragraphsOf(part);
  const ids = new Set<string>(paragraphs.map((p) => p.id));
  const labels = new Set(paragraphs.map((p) => p.label));
  return proposals.filter((p) =>
    p.targets.some((t) => (t.paragraph !== null ? ids.has(t.paragraph) : labels.has(t.label))),
  );
};
