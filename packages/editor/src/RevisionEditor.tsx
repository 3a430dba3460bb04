/**
 * `<RevisionEditor>`: a ProseMirror editor on the `text` of a next-revision document
 * (`p/<pid>/next`), shared live by the co-facilitators: their typing and carets appear in each
 * other's editors, undo is local, and what one types is marked as one's own insertion
 * (ownInsertionsPlugin). Paragraph and point labels are shown, never editable. Enter does not
 * split a paragraph (a split would copy its id; new paragraphs come from proposals).
 */
import { textFragment } from '@bis/collab';
import { keymap } from 'prosemirror-keymap';
import type { Node as PMNode } from 'prosemirror-model';
import { type Command, EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useEffect, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { collabPlugins } from './collab';
import { editorKeymaps } from './keymap';
import { labelPlugin } from './labels';
import { ownInsertionsPlugin } from './own-insertions';
import { createSchema } from './schema';
import { injectEditorCss } from './styles';
import { textboxAttributes } from './textbox';

// Enter and Shift-Enter are swallowed: a split paragraph would carry its id twice.
const swallow: Command = () => true;
const NO_SPLIT: Record<string, Command> = { Enter: swallow, 'Shift-Enter': swallow };

/** Props of {@link RevisionEditor}. */
export interface RevisionEditorProps {
  /** The next-revision document (its `text` fragment is edited). */
  readonly doc: Y.Doc;
  /** The document's awareness (colleagues' cursors and names), or null. */
  readonly awareness: Awareness | null;
  /** The accessible name of the text box ("Text of Rev.1"). */
  readonly ariaLabel: string;
  /** Whether the person may type. Default true. */
  readonly editable?: boolean;
  /**
   * A paragraph to open: its id and a counter (a new counter opens it again). The caret goes
   * to the end of its text, which is scrolled into view and focused.
   */
  readonly focus?: { readonly paragraph: string; readonly times: number } | null;
  /** The id of an element describing the editor. */
  readonly describedBy?: string;
  /** Who types (a user id): their insertions are marked `ins` with it. Null: not marked. */
  readonly by?: string | null;
}

/** The position at the end of the body of the paragraph whose id is `id`, or null. */
export const paragraphEnd = (doc: PMNode, id: string): number | null => {
  let found: number | null = null;
  doc.forEach((node, offset) => {
    if (found !== null || node.type.name !== 'paragraph' || node.attrs.id !== id) return;
    const body = node.firstChild;
    // offset + 1 enters the paragraph, + 1 enters the body.
    found = body ? offset + 2 + body.content.size : offset + 1;
  });
  return found;
};

/** A collaborative editor on the next revision's text in `doc`. */
export const RevisionEditor = (props: RevisionEditorProps) => {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const live = useRef(props);
  live.current = props;
  const fragment = textFragment(props.doc);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    injectEditorCss(el.ownerDocument);
    const schema = createSchema();
    const state = EditorState.create({
      schema,
      plugins: [
        ...collabPlugins({ fragment, awareness: props.awareness }),
        labelPlugin({}),
        ownInsertionsPlugin({ by: () => live.current.by ?? null }),
        keymap(NO_SPLIT),
        ...editorKeymaps(schema),
      ],
    });
    const v = new EditorView(el, {
      state,
      editable: () => live.current.editable !== false,
      attributes: () => textboxAttributes(live.current),
      dispatchTransaction(this: EditorView, tr) {
        if (this.isDestroyed) return;
        this.updateState(this.state.apply(tr));
      },
    });
    view.current = v;
    return () => {
      view.current = null;
      v.destroy();
    };
  }, [fragment, props.awareness]);

  useEffect(() => {
    view.current?.setProps({ editable: () => props.editable !== false });
  }, [props.editable]);

  const focus = props.focus;
  useEffect(() => {
    const v = view.current;
    if (!v || !focus) return;
    const pos = paragraphEnd(v.state.doc, focus.paragraph);
    if (pos === null) return;
    v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, pos)).scrollIntoView());
    v.focus();
    const dom = v.domAtPos(pos).node;
    (dom instanceof HTMLElement ? dom : dom.parentElement)?.scrollIntoView({ block: 'center' });
  }, [focus]);

  return (
    <div
      className="bis-editor bis-revision-editor"
      ref={host}
      data-readonly={props.editable === false ? 'true' : 'false'}
    />
  );
};
