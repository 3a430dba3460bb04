/**
 * Whether a draft's targets name paragraphs of the current text. Written input imported without
 * resolving keeps the labels it was written with (the African Union's amendments to the WSIS+20
 * zero draft name §77 … §135): such a draft is shown as written input, and it is not tabled
 * against a text where its paragraphs do not exist.
 */
import type { Draft } from '@bis/collab';
import { type BisDocument, normalizeLabel, paragraphsOf } from '@bis/core';
import { conflict } from '../api/errors';
import type { Principal } from '../auth/principal';
import type { Services } from './context';
import { revisionDocument } from './processes';

const key = (label: string): string => normalizeLabel(label) ?? label.trim();

/**
 * The labels of `draft`'s targets that name no paragraph of `doc`: a resolved target whose
 * paragraph is gone, or a target known only by a label the text does not have.
 */
export const unplacedLabels = (draft: Pick<Draft, 'targets'>, doc: BisDocument): string[] => {
  const paras = paragraphsOf(doc);
  const ids = new Set<string>(paras.map((p) => p.id));
  const labels = new Set(paras.map((p) => key(p.label)));
  return draft.targets
    .filter((t) => (t.paragraph !== null ? !ids.has(t.paragraph) : !labels.has(key(t.label))))
    .map((t) => t.label);
};

/** Why `draft` cannot be tabled against `doc` (named `revision`), or null when every target is there. */
export const unplacedReason = (
  draft: Pick<Draft, 'targets' | 'source'>,
  doc: BisDocument,
  revision: string,
): string | null => {
  const missing = unplacedLabels(draft, doc);
  if (missing.length === 0) return null;
  const where = draft.source?.file
    ? ` (written input from ${draft.source.file}, line ${draft.source.line})`
    : '';
  const names = missing.map((l) => `§${l}`).join(', ');
  return `${names} ${missing.length === 1 ? 'is not a paragraph' : 'are not paragraphs'} of the ${revision}: this draft keeps the labels it was written with${where} and is not tabled against a text where they do not exist. Start a draft on a paragraph of this text instead.`;
};

/**
 * Refuses (409) tabling `draft` when a target names no paragraph of the process's current
 * revision. A process with no published text yet has nothing to place drafts on, and is left to
 * the other checks.
 */
export const refuseUnplaced = (
  svc: Services,
  p: Principal | null,
  processId: string,
  draft: Pick<Draft, 'targets' | 'source'>,
): void => {
  if (draft.targets.length === 0) return;
  const proc = svc.db.getProcess(processId);
  const rev = svc.db.listRevisions(processId).find((r) => r.number === proc?.currentRevision);
  if (!rev?.document) return;
  const why = unplacedReason(draft, revisionDocument(svc, p, processId), rev.name);
  if (why) throw conflict(why);
};
