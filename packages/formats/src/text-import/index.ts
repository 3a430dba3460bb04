export { type ImportedText, type ImportTextOptions, importText, importTextWithNotes } from './import-text';
export { DEFAULT_MAX_IMPORT_BYTES } from './lines';
export type { ImportNote, ImportNoteKind } from './notes';
