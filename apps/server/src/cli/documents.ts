import { basename } from 'node:path';
import { type BisDocument, documentFromJSON } from '@bis/core';
import { importDocxText, importText } from '@bis/formats';
import { CliError, extensionOf, readInput, readJson, readText } from './io';

/** The extensions `bis import text` reads. */
export const TEXT_EXTENSIONS = ['txt', 'md', 'markdown', 'text'] as const;

/** Reads a base text from a document JSON file, a .docx or any importable text file. */
export const readDocument = (file: string, title?: string): BisDocument => {
  const ext = extensionOf(file);
  if (ext === 'json') return documentFromJSON(readJson(file));
  if (ext === 'docx') {
    return importDocxText(readInput(file, { binary: true }), {
      fileName: basename(file),
      ...(title ? { title } : {}),
    });
  }
  if ((TEXT_EXTENSIONS as readonly string[]).includes(ext) || ext === '') {
    const format = ext === 'md' || ext === 'markdown' ? 'markdown' : 'text';
    return importText(readText(file), { fileName: basename(file), format, ...(title ? { title } : {}) });
  }
  throw new CliError(`${file}: unknown format ".${ext}" (expected .txt, .md, .docx or .json)`);
};
