/**
 * Draft proposals in a party workspace document, through packages/collab's workspace-doc
 * (root map `drafts`). The server reads drafts when a party tables one, and writes drafts when a
 * script creates one or written proposals are imported.
 */
import {
  createDraft,
  type Draft,
  readDraft,
  readDrafts,
  type DraftInput as WorkspaceDraftInput,
} from '@bis/collab';
import { proposalId } from '@bis/core';
import type * as Y from 'yjs';

export type { Draft };

/**
 * The fields needed to create a draft: collab's workspace draft without the party and authorship
 * (added by `writeDraft`), with links naming proposals by plain id as REST bodies do.
 */
export type DraftInput = Omit<
  WorkspaceDraftInput,
  'party' | 'createdBy' | 'createdAt' | 'links' | 'relatedTo'
> & {
  readonly links: readonly { readonly to: string; readonly note: string }[];
};

export { readDraft };

/** Lists the drafts of a workspace document, oldest first. */
export const listDrafts = (doc: Y.Doc): Draft[] => readDrafts(doc);

/** Writes a new draft of `party` into a workspace document, created by `by` at `at` (ISO 8601). */
export const writeDraft = (doc: Y.Doc, d: DraftInput, party: string, by: string, at: string): void =>
  createDraft(doc, {
    ...d,
    links: d.links.map((l) => ({ to: proposalId(l.to), note: l.note })),
    party,
    createdBy: by,
    createdAt: at,
  });
