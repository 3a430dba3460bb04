/**
 * Starting a draft on a paragraph: "Amend §77" (prefilled with the current text), "Insert after
 * §77" (with the label it will get, from core's inSeriesOf,
  labelForInsert, skipping labels already proposed),
 * "Delete", "Retain" — created in a party's workspace through the REST API.
 */
import {
  inSeriesOf,
  isDecided,
  labelForInsert,
  normalizeLabel,
  type Paragraph,
  type Proposal,
} from '@bis/core';
import { api, type Draft, targetOf } from '../api/client';
import { currentTextOf } from './view-model';

/** The four ways to start a draft from a paragraph. */
export type DraftStart = 'amend' | 'insert' | 'delete' | 'retain';

/** The label a paragraph inserted after `paragraph` would get. */
export const insertLabel = (
  paragraphs: readonly Paragraph[],
  paragraph: Paragraph,
  proposals: readonly Proposal[],
): string => {
  const index = paragraphs.findIndex((p) => p.id === paragraph.id);
  const taken = proposals
    .filter((p) => p.action === 'insert' && p.status !== 'withdrawn')
    .map((p) => normalizeLabel(p.label) ?? p.label);
  try {
    // In the anchor's series, as the revision builder labels it (`inSeriesOf`).
    return labelForInsert(
      inSeriesOf(
        paragraphs.map((p) => p.label),
        paragraph.label,
      ),
      index + 1,
      { taken },
    );
  } catch {
    return `${paragraph.label} bis`;
  }
};

/** Creates the draft in `party`'s workspace. */
export const startDraft = (
  pid: string,
  party: string,
  kind: DraftStart,
  paragraph: Paragraph,
  paragraphs: readonly Paragraph[],
  proposals: readonly Proposal[],
): Promise<Draft> => {
  const target = targetOf(paragraph);
  switch (kind) {
    case 'amend':
      return api.createDraft(pid, party, {
        action: 'amend',
        targets: [target],
        label: paragraph.label,
        text: currentTextOf(paragraph),
      });
    case 'insert':
      return api.createDraft(pid, party, {
        action: 'insert',
        targets: [target],
        position: 'after',
        label: insertLabel(paragraphs, paragraph, proposals),
      });
    case 'delete':
    case 'retain':
      return api.createDraft(pid, party, { action: kind, targets: [target], label: paragraph.label });
  }
};

/**
 * What the workspace offers for a draft: `table` (never tabled), `again` (tabled and still open:
 * version n + 1), or `closed` with the reason when the proposal was withdrawn or decided (the
 * server refuses to table it again, so no button is shown).
 */
export type TablingOffer =
  | { readonly kind: 'table' }
  | { readonly kind: 'again'; readonly version: number }
  | { readonly kind: 'closed'; readonly reason: 'withdrawn' | 'decided' };

/** The tabling offer for a draft whose tabled proposal (if any) is `tabled`. */
export const tablingOffer = (tabled: Proposal | undefined): TablingOffer => {
  if (!tabled) return { kind: 'table' };
  if (tabled.status === 'withdrawn') return { kind: 'closed', reason: 'withdrawn' };
  if (isDecided(tabled)) return { kind: 'closed', reason: 'decided' };
  return { kind: 'again', version: tabled.versions.length + 1 };
};
