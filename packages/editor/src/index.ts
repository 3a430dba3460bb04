export type { CollabOptions } from './collab';
export { collabPlugins, cursorBuilder, redoCommand, selectionBuilder, undoCommand } from './collab';
export type { DraftEditorProps } from './DraftEditor';
export { DraftEditor } from './DraftEditor';
export { editorKeymaps } from './keymap';
export type { LabelPluginOptions } from './labels';
export { labelDecorations, labelPlugin, labelPluginKey } from './labels';
export type { OwnInsertionsOptions } from './own-insertions';
export { ownInsertionsKey, ownInsertionsPlugin } from './own-insertions';
export type { RevisionEditorProps } from './RevisionEditor';
export { paragraphEnd, RevisionEditor } from './RevisionEditor';
export { createDraftSchema, createSchema } from './schema';
export { EDITOR_CSS, injectEditorCss } from './styles';
export type { TrackedChangesOptions, TrackedChangesState } from './tracked-changes';
export {
  refreshTrackedChanges,
  trackedChangeDecorations,
  trackedChangesKey,
  trackedChangesPlugin,
} from './tracked-changes';
