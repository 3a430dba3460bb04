/**
 * The label plugin: shows paragraph and point labels (`77 bis`, `(a)`) in front of their text as
 * widget decorations, so a label is visible and read by screen readers but is never part of the
 * editable text (it cannot be typed into, deleted or copied as if it were wording). A paragraph
 * shows its printed label (`printedLabel`): the letter of a lettered one (`PP2` → `B.`), nothing
 * for an unnumbered one. Status tags of paragraphs and headings (`agreed`, `ad ref`) are shown
 * the same way, as badges after the text.
 */
import { type LabelStyle, printedLabel } from '@bis/core';
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** Options of {@link labelPlugin}. */
export interface LabelPluginOptions {
  /**
   * A label shown before the first paragraph of the document (a draft's label, `77 bis`),
   * read on every redraw so a renamed draft shows its new label. Omit it for revision texts,
   * whose paragraphs and points carry their labels as attributes.
   */
  readonly label?: () => string;
}

/** The key of the label plugin's state (its decorations). */
export const labelPluginKey = new PluginKey<DecorationSet>('bis-labels');

const labelWidget =
  (text: string, kind: 'paragraph' | 'point'): ((view: unknown) => HTMLElement) =>
  () => {
    const el = document.createElement('span');
    el.className = `bis-label bis-label-${kind}`;
    el.setAttribute('contenteditable', 'false');
    el.textContent = kind === 'paragraph' ? `${text}.` : text;
    return el;
  };

const tagsWidget =
  (tags: readonly string[]): ((view: unknown) => HTMLElement) =>
  () => {
    const el = document.createElement('span');
    el.className = 'bis-tags';
    el.setAttribute('contenteditable', 'false');
    for (const tag of tags) {
      const b = document.createElement('span');
      b.className = 'bis-tag';
      b.textContent = tag;
      el.append(b);
    }
    return el;
  };

const tagsOf = (node: PMNode): readonly string[] => {
  const v: unknown = node.attrs.tags;
  return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
};

const styleOf = (node: PMNode): LabelStyle | undefined => {
  const v: unknown = node.attrs.labelStyle;
  return v === 'lettered' || v === 'unnumbered' ? v : undefined;
};

/**
 * The label decorations of `doc`: one widget per labelled paragraph (its printed label) and
 * point, one per tagged paragraph or heading (its tags), or one for the draft.
 */
export const labelDecorations = (doc: PMNode, options: LabelPluginOptions = {}): DecorationSet => {
  const decos: Decoration[] = [];
  if (options.label) {
    const text = options.label();
    if (text)
      decos.push(
        Decoration.widget(1, labelWidget(text, 'paragraph'), { side: -1, key: `draft-label-${text}` }),
      );
    return DecorationSet.create(doc, decos);
  }
  doc.descendants((node, pos) => {
    const tags = tagsOf(node);
    if (node.type.name === 'heading') {
      if (tags.length > 0)
        decos.push(
          Decoration.widget(pos + node.nodeSize - 1, tagsWidget(tags), { side: 1, key: `ht-${pos}-${tags}` }),
        );
      return false;
    }
    if (node.type.name === 'paragraph') {
      const body = node.firstChild;
      if (tags.length > 0 && body)
        // At the end of the body, before any points: the tags belong to the whole paragraph.
        decos.push(
          Decoration.widget(pos + 1 + body.nodeSize - 1, tagsWidget(tags), {
            side: 1,
            key: `pt-${pos}-${tags}`,
          }),
        );
      const label = node.attrs.label;
      const printed = typeof label === 'string' ? printedLabel(label, styleOf(node)) : '';
      // Inside the paragraph's body, before its first character.
      if (printed !== '')
        decos.push(
          Decoration.widget(pos + 2, labelWidget(printed, 'paragraph'), {
            side: -1,
            key: `p-${pos}-${printed}`,
          }),
        );
      return true;
    }
    const label = node.attrs.label;
    if (typeof label !== 'string' || label === '') return node.type.name === 'doc';
    if (node.type.name === 'point') {
      decos.push(
        Decoration.widget(pos + 1, labelWidget(label, 'point'), { side: -1, key: `pl-${pos}-${label}` }),
      );
    }
    return false;
  });
  return DecorationSet.create(doc, decos);
};

/** A plugin showing labels: of paragraphs and points, or the draft's (`options.label`). */
export const labelPlugin = (options: LabelPluginOptions = {}): Plugin<DecorationSet> =>
  new Plugin<DecorationSet>({
    key: labelPluginKey,
    state: {
      init: (_config, state) => labelDecorations(state.doc, options),
      apply: (tr, old, _oldState, newState) =>
        tr.docChanged || tr.getMeta(labelPluginKey) ? labelDecorations(newState.doc, options) : old,
    },
    props: {
      decorations: (state) => labelPluginKey.getState(state) ?? DecorationSet.empty,
    },
  });
