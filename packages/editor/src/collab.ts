/**
 * The Yjs binding of an editor: y-prosemirror's sync plugin on a draft's XmlFragment, its
 * cursor plugin on the shared awareness (colleagues' carets, selections and names), and its
 * undo plugin, whose UndoManager tracks only this editor's own changes — so undo stays local
 * to each person and never reverts a colleague's typing.
 */
import type { Command, Plugin } from 'prosemirror-state';
import { redo, undo, yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

/** Options of {@link collabPlugins}. */
export interface CollabOptions {
  /** The fragment the editor shows and writes (a draft's `text` or `rationale`). */
  readonly fragment: Y.XmlFragment;
  /** The document's awareness (from its provider), or null when editing alone. */
  readonly awareness: Awareness | null;
}

// Only 6-digit hex colours reach a style attribute; the server stamps them, but a stale or
// foreign awareness entry must not inject CSS.
const safeColor = (c: unknown): string =>
  typeof c === 'string' && /^#[0-9a-fA-F]{6}$/.test(c) ? c : '#6b6b6b';
const safeName = (n: unknown, clientId: number): string => (typeof n === 'string' && n ? n : `#${clientId}`);

/** The caret of a colleague: a coloured bar with their name above it. */
export const cursorBuilder = (user: { name?: unknown; color?: unknown }, clientId: number): HTMLElement => {
  const color = safeColor(user.color);
  const name = safeName(user.name, clientId);
  const caret = document.createElement('span');
  caret.className = 'bis-cursor';
  caret.style.borderColor = color;
  caret.setAttribute('data-name', name);
  const label = document.createElement('span');
  label.className = 'bis-cursor-name';
  label.style.backgroundColor = color;
  label.textContent = name;
  // Hidden from assistive technology: inside the text box it would be read as if it were
  // wording; who is editing is announced by the workspace's list of people instead.
  caret.setAttribute('aria-hidden', 'true');
  caret.append('\u2060', label, '\u2060');
  return caret;
};

/** The selection of a colleague: a translucent background of their colour. */
export const selectionBuilder = (user: { color?: unknown }): { class: string; style: string } => ({
  class: 'bis-selection',
  style: `background-color: ${safeColor(user.color)}33`,
});

/** The sync, cursor and undo plugins binding an editor to `options.fragment`. */
export const collabPlugins = (options: CollabOptions): Plugin[] => {
  const plugins: Plugin[] = [ySyncPlugin(options.fragment)];
  if (options.awareness)
    // All editors of a document share the awareness field `cursor`: y-prosemirror 1.3 reads
    // only that field when drawing (a custom field is written but never shown), and a cursor
    // is drawn only in the editor whose fragment holds its position, so text and rationale
    // editors of several drafts on one page do not mix up their carets.
    plugins.push(yCursorPlugin(options.awareness, { cursorBuilder, selectionBuilder }));
  plugins.push(yUndoPlugin());
  return plugins;
};

/** Undoes this person's last change (y-prosemirror's local UndoManager). */
export const undoCommand: Command = (state, dispatch) => (dispatch ? undo(state) : true);

/** Redoes this person's last undone change. */
export const redoCommand: Command = (state, dispatch) => (dispatch ? redo(state) : true);
