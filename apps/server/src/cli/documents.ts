import { basename } from 'node:path';
import { type BisDocument, documentFromJSON } from '@bis/core';
import { type ImportNote, importDocxTextWithNotes, importTextWithNotes } from '@bis/formats';
import { CliError, extensionOf, readInput, readJson, readText } from './io';

/** The extensions `bis import text` reads. */
export const TEXT_EXTENSIONS = ['txt', 'md', 'markdown', 'text'] as const;

/** Reads a base text from a document JSON file, a .docx or any importable text file. */
export const readDocument = (file: string, title?: string): BisDocument =>
  readDocumentWithNotes(file, title).document;

/**
 * Reads a base text as `readDocument` does, with the import notes (none for JSON). A note's
 * `where` is `file:line`, or `file: paragraph N` for a .docx.
 */
export const readDocumentWithNotes = (
  file: string,
  title?: string,
): { document: BisDocument; notes: (ImportNote & { where: string })[] } => {
  const ext = extensionOf(file);
  if (ext === 'json') return { document: documentFromJSON(readJson(file)), notes: [] };
  if (ext === 'docx') {
    const r = importDocxTextWithNotes(readInput(file, { binary: true }), {
      fileName: basename(file),
      ...(title ? { title } : {}),
    });
    return {
      document: r.document,
      notes: r.notes.map((n) => ({ ...n, where: `${file}: paragraph ${n.line}` })),
    };
  }
  if ((TEXT_EXTENSIONS as readonly string[]).includes(ext) || ext === '') {
    const format = ext === 'md' || ext === 'markdown' ? 'markdown' : 'text';
    const r = importTextWithNotes(readText(file), {
      fileName: basename(file),
      format,
      ...(title ? { title } : {}),
    });
    return { document: r.document, notes: r.notes.map((n) => ({ ...n, where: `${file}:${n.line}` })) };
  }
  throw new CliError(`${file}: unknown format ".${ext}" (expected .txt, .md, .docx or .json)`);
};
