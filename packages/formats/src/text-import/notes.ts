/**
 * Import notes: what the text importer did that the person importing should know about — page
 * furniture it dropped, a numbered line it read as a heading, a gap in the numbering, a bracket
 * that does not close. A note never stops the import; refusals are `BisInputError`s.
 */

/** What a note is about. */
export type ImportNoteKind = 'furniture' | 'structure' | 'numbering' | 'brackets' | 'tags';

/** One note, with the 1-based line of the source it is about. */
export interface ImportNote {
  readonly line: number;
  readonly kind: ImportNoteKind;
  readonly message: string;
}
