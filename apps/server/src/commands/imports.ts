/**
 * The server's calls into @bis/formats importers, in one place.
 */
import { type BisDocument, BisInputError, type Proposal } from '@bis/core';
import { importDocxProposals, importText, importWrittenProposals } from '@bis/formats';
import { invalid } from '../api/errors';

/** Imports a base text (`.txt` or `.md`) into a document. Throws BisInputError on bad input. */
export const importBaseText = (
  text: string,
  fileName: string,
  maxBytes: number,
  title?: string,
): BisDocument => importText(text, { fileName, maxBytes, ...(title ? { title } : {}) });

/** Imports written proposals for `party`, resolving labels against `base` when given (else kept as written). */
export const importWritten = (
  text: string,
  fileName: string,
  party: string,
  base: BisDocument | null,
): { proposals: readonly Proposal[]; warnings: string[] } => {
  const result = importWrittenProposals(text, { fileName, party, ...(base ? { base } : {}) });
  return {
    proposals: result.set.proposals,
    warnings: result.errors.map((e) => `${fileName}:${e.line}: ${e.message}`),
  };
};

/**
 * Imports proposals from a Word file (a comparison table, or a copy of the base text with
 * tracked changes) for `party`. Refuses, as `bis import proposals` does, a hostile or broken
 * file, a file with neither, and a file with any problem (the first one named with its row or
 * paragraph): nothing of it is imported then.
 */
export const importDocx = (
  bytes: Uint8Array,
  fileName: string,
  party: string,
  base: BisDocument | null,
): { proposals: readonly Proposal[]; warnings: string[] } => {
  let result: ReturnType<typeof importDocxProposals>;
  try {
    result = importDocxProposals(bytes, { fileName, party, ...(base ? { base } : {}) });
  } catch (e) {
    if (e instanceof BisInputError) {
      const message = e.message.startsWith(fileName) ? e.message : `${fileName}: ${e.message}`;
      throw invalid(`${message}; nothing was imported.`, 'body.file');
    }
    throw e;
  }
  const [first, ...more] = result.errors;
  if (first) {
    const also = more.length > 0 ? ` (and ${more.length} more)` : '';
    throw invalid(`${fileName}:${first.line}: ${first.message}${also}; nothing was imported.`, 'body.file');
  }
  return { proposals: result.set.proposals, warnings: [] };
};
