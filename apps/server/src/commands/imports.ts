/**
 * The server's calls into @bis/formats importers, in one place.
 */
import { type BisDocument, BisInputError, type Proposal } from '@bis/core';
import {
  type ImportNote,
  importDocxProposals,
  importDocxTextWithNotes,
  importTextWithNotes,
  importWrittenProposals,
  noProposalsMessage,
} from '@bis/formats';
import { invalid } from '../api/errors';

/**
 * Imports a base text (`.txt` or `.md`) into a document, with the notes of what the importer
 * decided (page furniture dropped, numbered lines read as headings, unbalanced brackets …), in
 * line order. Throws BisInputError on bad input.
 */
export const importBaseText = (
  text: string,
  fileName: string,
  maxBytes: number,
  title?: string,
): { document: BisDocument; notes: readonly ImportNote[] } =>
  importTextWithNotes(text, { fileName, maxBytes, ...(title ? { title } : {}) });

/**
 * Imports a base text from a .docx (Word paragraph k is note line k), with the notes, as
 * `importBaseText` does; the file may be at most `maxBytes`. Throws BisInputError on
 * bad or hostile input.
 */
export const importBaseDocx = (
  bytes: Uint8Array,
  fileName: string,
  maxBytes: number,
  title?: string,
): { document: BisDocument; notes: readonly ImportNote[] } =>
  importDocxTextWithNotes(bytes, {
    fileName,
    limits: { maxFileBytes: maxBytes },
    ...(title ? { title } : {}),
  });

/** What the server makes of written input: the proposals, and lines reported but not imported. */
export interface WrittenInput {
  readonly proposals: readonly Proposal[];
  /** Lines that name a paragraph but were not understood, as `file:line: message` (lenient imports only). */
  readonly warnings: string[];
}

/**
 * Imports written proposals for `party`, resolving labels against `base` when given (else kept as
 * written); an amended copy of the whole text is compared with `amends`. Refuses (400, nothing written) on any error line, on lines that name a paragraph but
 * were not understood unless `lenient`, when nothing is found (naming the forms understood), and
 * when the input attributes proposals to other parties (a compilation).
 */
export const importWritten = (
  text: string,
  fileName: string,
  party: string,
  base: BisDocument | null,
  lenient = false,
  /** The text an amended copy of the whole text is compared with (the current revision). */
  amends: BisDocument | null = null,
): WrittenInput => {
  const result = importWrittenProposals(text, {
    fileName,
    party,
    ...(base ? { base } : {}),
    ...(amends ? { amends } : {}),
  });
  const at = (e: { line: number; message: string }) => `${fileName}:${e.line}: ${e.message}`;
  if (result.errors.length > 0)
    throw invalid(`Nothing was imported. ${result.errors.map(at).join('\n')}`, 'text');
  if (result.unread.length > 0 && !lenient)
    throw invalid(
      `Nothing was imported: ${result.unread.length} line(s) name a paragraph but were not understood (import with "lenient" to skip them).\n${result.unread.map(at).join('\n')}`,
      'text',
    );
  if (result.set.proposals.length === 0) throw invalid(`${fileName}: ${noProposalsMessage()}`, 'text');
  // A party's workspace holds that party's own drafts: a compilation attributing wordings to
  // others (Norway, Access Now …) is not silently re-attributed to the importing party.
  const others = [...new Set(result.set.proposals.map((p) => p.party).filter((name) => name !== party))];
  if (others.length > 0)
    throw invalid(
      `Nothing was imported: ${fileName} attributes proposals to ${others.slice(0, 5).join(', ')}${others.length > 5 ? ' …' : ''}, not to ${party}. A workspace takes its own party's proposals; import a compilation with \`bis import proposals\`.`,
      'text',
    );
  return { proposals: result.set.proposals, warnings: result.unread.map(at) };
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
