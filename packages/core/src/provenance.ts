import type { BisDocument, ParagraphId, ProposalId } from './model';
import { paragraphsOf } from './model';
import {
  type Bracket,
  fullParagraphText,
  type ParagraphStatus,
  paragraphState,
  type WorkingState,
} from './revision-state';

/**
 * Provenance of the working text, paragraph by paragraph: which proposals shaped each paragraph,
 * and whether the chairs wrote or edited it themselves. (Within a paragraph, the next document
 * marks each inserted or struck passage with the proposal it came from: see docs/revisions.md.)
 */

/** Where a paragraph of the working text came from. */
export type Origin =
  /** Unchanged from the base revision. */
  | 'base'
  /** Changed or created by proposals (see `proposals`), as they left it. */
  | 'proposals'
  /** Written or edited by the chairs (on top of `proposals`, if any). */
  | 'chairs';

/** The provenance and status of one paragraph of the working text. */
export interface ParagraphProvenance {
  readonly id: ParagraphId;
  readonly label: string;
  readonly origin: Origin;
  readonly proposals: readonly ProposalId[];
  /** True when the paragraph is not in the base revision. */
  readonly isNew: boolean;
  readonly status: ParagraphStatus;
  readonly brackets: readonly Bracket[];
  /** An `accepted-as-modified` proposal waits for the chairs' edit here. */
  readonly editing: boolean;
}

/**
 * The provenance of every paragraph of `working` (in order), against the `base` revision it was
 * built from and the chairs' `state`. A paragraph differs from what the last proposal left (or,
 * untouched by proposals, from the base) exactly when the chairs edited it.
 */
export const provenanceOf = (
  base: BisDocument,
  working: BisDocument,
  state: WorkingState,
): ParagraphProvenance[] => {
  const baseText = new Map(paragraphsOf(base).map((p) => [p.id, fullParagraphText(p)] as const));
  return paragraphsOf(working).map((p) => {
    const s = paragraphState(state, p.id);
    const text = fullParagraphText(p);
    const expected = s.applied ?? baseText.get(p.id) ?? null;
    const origin: Origin =
      expected === null || expected !== text ? 'chairs' : s.applied !== null ? 'proposals' : 'base';
    return {
      id: p.id,
      label: p.label,
      origin,
      proposals: s.proposals,
      isNew: !baseText.has(p.id),
      status: s.status,
      brackets: s.brackets,
      editing: s.editing,
    };
  });
};
