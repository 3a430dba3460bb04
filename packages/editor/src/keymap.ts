/**
 * The editor's keys: local undo/redo (Mod-z, Mod-y, Shift-Mod-z), bold and italic (Mod-b,
 * Mod-i), then ProseMirror's base keymap (Enter splits a paragraph, Backspace joins …).
 */
import { baseKeymap, toggleMark } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import type { Schema } from 'prosemirror-model';
import type { Command, Plugin } from 'prosemirror-state';
import { redoCommand, undoCommand } from './collab';

/** The key bindings of a draft editor bound to Yjs (`collab`: undo through y-prosemirror). */
export const editorKeymaps = (schema: Schema): Plugin[] => {
  const keys: Record<string, Command> = {
    'Mod-z': undoCommand,
    'Mod-y': redoCommand,
    'Shift-Mod-z': redoCommand,
  };
  const strong = schema.marks.strong;
  const em = schema.marks.em;
  if (strong) keys['Mod-b'] = toggleMark(strong);
  if (em) keys['Mod-i'] = toggleMark(em);
  return [keymap(keys), keymap(baseKeymap)];
};
