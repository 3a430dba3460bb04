/**
 * Rules on drafts that need the current text or the other drafts of the workspace: a draft that
 * would leave its paragraph as it stands is not tabled, and starting the same draft twice opens
 * the one already there.
 */
import type { Draft } from '@bis/collab';
import {
  type BisDocument,
  normalizeLabel,
  type Paragraph,
  paragraphsOf,
  proposedText,
  type Target,
} from '@bis/core';

const sameLabel = (a: string, b: string): boolean =>
  (normalizeLabel(a) ?? a.trim()) === (normalizeLabel(b) ?? b.trim());

/** The paragraph of `doc` a target names: by id when resolved, else by its printed label. */
export const targetParagraph = (doc: BisDocument, t: Target): Paragraph | null =>
  paragraphsOf(doc).find((p) =>
    t.paragraph !== null ? p.id === t.paragraph : sameLabel(p.label, t.label),
  ) ?? null;

// Whitespace is not wording: a draft differing only in spaces or line breaks changes nothing.
const squash = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/**
 * Why a draft changes nothing in `doc`, or null when it does (or cannot be told: a target not
 * found in the text, or several targets). Only `amend` and `alternative` can be unchanged: the
 * text they would give the paragraph (or point) is the text it has.
 */
export const unchangedReason = (
  draft: Pick<Draft, 'action' | 'targets' | 'text' | 'textMode'>,
  doc: BisDocument,
) => {
  if (draft.action !== 'amend' && draft.action !== 'alternative') return null;
  if (draft.targets.length !== 1) return null;
  const t = draft.targets[0] as Target;
  const para = targetParagraph(doc, t);
  if (para === null) return null;
  const current =
    t.point === null
      ? [para.text, ...para.points.map((p) => `(${p.label}) ${p.text}`)].join('\n')
      : (para.points.find((p) => p.label === t.point)?.text ?? null);
  if (current === null) return null;
  if (squash(proposedText(draft, current)) !== squash(current)) return null;
  const where = t.point === null ? `§${para.label}` : `§${para.label} (${t.point})`;
  return `The draft's text is the text of ${where} as it stands: change the wording before tabling it (to keep the paragraph as it is, table "Retain" instead).`;
};

// What makes two drafts "the same": the action and the paragraphs (or labels) acted on.
const targetKey = (t: Target): string =>
  `${t.paragraph ?? `label:${normalizeLabel(t.label) ?? t.label.trim()}`}/${t.point ?? ''}`;

/**
 * The draft among `drafts` that does what `wanted` would (same action on the same paragraphs,
 * and for an insertion or a move the same side), skipping those in `closed` (tabled proposals
 * since withdrawn or decided): pressing "Amend §77" twice opens it instead of a second draft.
 */
export const sameDraft = (
  drafts: readonly Draft[],
  wanted: Pick<Draft, 'action' | 'targets' | 'position'>,
  closed: (id: string) => boolean,
): Draft | null => {
  const key = (d: Pick<Draft, 'action' | 'targets' | 'position'>): string =>
    [d.action, d.position ?? '', ...d.targets.map(targetKey)].join('|');
  const k = key(wanted);
  return drafts.find((d) => key(d) === k && !closed(d.id)) ?? null;
};
