/**
 * `<DraftEditor>`: a ProseMirror editor on one text field of a draft in a party workspace,
 * bound to the Yjs document (colleagues' typing and cursors appear live, undo is local), with
 * the tracked changes against the current text shown as you type.
 */
import { type DraftTextField, draftFragment } from '@bis/collab';
import type { DiffRun } from '@bis/diff';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useEffect, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { collabPlugins } from './collab';
import { editorKeymaps } from './keymap';
import { labelPlugin, labelPluginKey } from './labels';
import { createDraftSchema } from './schema';
import { injectEditorCss } from './styles';
import { textboxAttributes } from './textbox';
import { refreshTrackedChanges, trackedChangesKey, trackedChangesPlugin } from './tracked-changes';

/** Props of {@link DraftEditor}. */
export interface DraftEditorProps {
  /** The workspace document holding the draft. */
  readonly doc: Y.Doc;
  readonly draftId: string;
  readonly fragment: DraftTextField;
  /** The document's awareness (colleagues' cursors and names), or null. */
  readonly awareness: Awareness | null;
  /**
   * The current text the draft amends (lines joined by `\n`): the draft's changes against it
   * are shown live. Null or omitted: no tracked changes (a rationale, an insertion).
   */
  readonly current?: string | null;
  /** A label shown before the text (`77 bis`), not part of it. */
  readonly label?: string;
  /** The accessible name of the text box ("Proposed text of §77"). */
  readonly ariaLabel: string;
  /** Whether the person may type (false: read-only, e.g. another schema version). Default true. */
  readonly editable?: boolean;
  /** Called with the diff shown, after each change (for a summary line). */
  readonly onChanges?: (runs: readonly DiffRun[]) => void;
  /** The id of an element describing the editor (instructions, the change summary). */
  readonly describedBy?: string;
}

/** A collaborative editor on `doc`'s draft `draftId`, field `fragment`. */
export const DraftEditor = (props: DraftEditorProps) => {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // Read by the plugins at each redraw, so a prop change needs no new editor.
  const live = useRef(props);
  live.current = props;
  const fragment = draftFragment(props.doc, props.draftId, props.fragment);

  useEffect(() => {
    const el = host.current;
    if (!el || !fragment) return;
    injectEditorCss(el.ownerDocument);
    const schema = createDraftSchema();
    const state = EditorState.create({
      schema,
      plugins: [
        ...collabPlugins({
          fragment,
          awareness: props.awareness,
        }),
        labelPlugin({ label: () => live.current.label ?? '' }),
        trackedChangesPlugin({ current: () => live.current.current ?? null }),
        ...editorKeymaps(schema),
      ],
    });
    const v = new EditorView(el, {
      state,
      editable: () => live.current.editable !== false,
      attributes: () => textboxAttributes(live.current),
      // Called with the view as `this`, also from inside this constructor (y-prosemirror renders
      // the fragment while its plugin view starts), before `v` below is assigned.
      dispatchTransaction(this: EditorView, tr) {
        // y-prosemirror may still dispatch (a deferred re-render) after the view was destroyed.
        if (this.isDestroyed) return;
        this.updateState(this.state.apply(tr));
        if (tr.docChanged || tr.getMeta(trackedChangesKey))
          live.current.onChanges?.(trackedChangesKey.getState(this.state)?.runs ?? []);
      },
    });
    view.current = v;
    live.current.onChanges?.(trackedChangesKey.getState(v.state)?.runs ?? []);
    return () => {
      view.current = null;
      v.destroy();
    };
  }, [fragment, props.awareness]);

  // The base text, label or editability changed: redraw the decorations, not the editor.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the plugins read these through `live`; the effect only has to run when they change.
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    v.dispatch(refreshTrackedChanges(v.state.tr).setMeta(labelPluginKey, true));
    v.setProps({ editable: () => props.editable !== false });
  }, [props.current, props.label, props.editable]);

  if (!fragment) return <p className="bis-editor-missing">—</p>;
  return (
    <div className="bis-editor" ref={host} data-readonly={props.editable === false ? 'true' : 'false'} />
  );
};
