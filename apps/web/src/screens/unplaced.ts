/**
 * Which of a draft's targets name no paragraph of the text on screen. Written input imported
 * without resolving keeps the labels it was written with (the African Union's amendments to the
 * WSIS+20 zero draft name §77 … §135): the workspace shows such drafts as written input with
 * their labels unresolved, never as ready to table against a text where those paragraphs do
 * not exist (the server refuses to table them too).
 */
import { normalizeLabel, type Paragraph, type Target } from '@bis/core';

const key = (label: string): string => normalizeLabel(label) ?? label.trim();

/** The labels of `targets` that name no paragraph among `paragraphs`. */
export const unplacedLabels = (
  targets: readonly Target[],
  paragraphs: readonly Pick<Paragraph, 'id' | 'label'>[],
): string[] => {
  const ids = new Set<string>(paragraphs.map((p) => p.id));
  const labels = new Set(paragraphs.map((p) => key(p.label)));
  return targets
    .filter((t) => (t.paragraph !== null ? !ids.has(t.paragraph) : !labels.has(key(t.label))))
    .map((t) => t.label);
};
