/**
 * The server's calls into @bis/formats importers, in one place.
 */
import type { BisDocument, Proposal } from '@bis/core';
import { importText, importWrittenProposals } from '@bis/formats';

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
