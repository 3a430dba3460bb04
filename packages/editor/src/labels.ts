/**
 * The label plugin: shows paragraph and point labels (`77 bis`, `(a)`) in front of their text as
 * widget decorations, so a label is visible and read by screen readers but is never part of the
 * editable text (it cannot be typed into, deleted or copied as if it were wording).
 */
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

/** The label decorations of `doc`: one widget per labelled paragraph and point, or one for the draft. */
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
    const label = node.attrs.label;
    if (typeof label !== 'string' || label === '') return node.type.name === 'doc';
    if (node.type.name === 'paragraph') {
      // Inside the paragraph's body, before its first character.
      decos.push(
        Decoration.widget(pos + 2, labelWidget(label, 'paragraph'), { side: -1, key: `p-${pos}-${label}` }),
      );
      return true;
    }
    if (node.type.name === 'point') {
      decos.push(
        Decoration.widget(pos + 1, labelWidget(label, 'point'), { side: -1, key: `pt-${pos}-${label}` }),
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
