import { basename } from 'node:path';
import { type BisDocument, baseRefOf, documentToJSON, type ProposalSet, proposalsToJSON } from '@bis/core';
import {
  type ImportError,
  importAmendedTextFile,
  importDocxProposals,
  importStructuredProposals,
  importWrittenProposals,
  noProposalsMessage,
  readsAsAmendedText,
} from '@bis/formats';
import { readDocument, readDocumentWithNotes } from './documents';
import { CliError, extensionOf, readInput, readText, writeOutput } from './io';

const one = (positionals: string[], what: string): string => {
  if (positionals.length === 0) throw new CliError(`missing ${what}`);
  if (positionals.length > 1)
    throw new CliError(`one ${what} expected, got ${positionals.length}: ${positionals.join(' ')}`);
  return positionals[0] as string;
};

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

// Proposals resolved against --base record it (symbol, revision, title, content hash), so that an
// export against another text re-anchors them instead of comparing them with words they never saw.
// A proposal that already names its base (a bis.proposals/2 file) keeps it.
const recordBase = (set: ProposalSet, base: BisDocument | undefined): ProposalSet => {
  if (!base) return set;
  const ref = baseRefOf(base);
  return { ...set, proposals: set.proposals.map((p) => (p.base ? p : { ...p, base: ref })) };
};

/** `bis import text FILE [--title T] [--out FILE]`: the document JSON, and the import notes on stderr. */
export const runImportText = (positionals: string[], values: { title?: string; out?: string }): number => {
  const file = one(positionals, 'FILE to import');
  const { document, notes } = readDocumentWithNotes(file, values.title);
  writeOutput(values.out, json(documentToJSON(document)));
  // What the import decided or dropped, line by line: never a silent change of the text.
  for (const n of notes) process.stderr.write(`bis: note: ${n.where}: ${n.message}\n`);
  return 0;
};

/** `bis import proposals FILE --party NAME [--base DOC.json] [--lenient] [--out FILE]`. */
export const runImportProposals = (
  positionals: string[],
  values: { party?: string; base?: string; out?: string; lenient?: boolean },
): number => {
  const file = one(positionals, 'FILE of proposals');
  if (!values.party?.trim()) throw new CliError('missing --party NAME (who submits these proposals)');
  const base = values.base ? readDocument(values.base) : undefined;
  const ext = extensionOf(file);
  const options = { party: values.party.trim(), fileName: basename(file), ...(base ? { base } : {}) };
  if (ext === 'csv' || ext === 'json') {
    const set = importStructuredProposals(readText(file), { ...options, format: ext });
    writeOutput(values.out, json(proposalsToJSON(recordBase(set, base))));
    return 0;
  }
  if (ext === 'docx') {
    const result = importDocxProposals(readInput(file, { binary: true }), options);
    failOnErrors(file, result.errors);
    if (result.set.proposals.length === 0) throw new CliError(`${file}: no proposals found`);
    writeOutput(values.out, json(proposalsToJSON(recordBase(result.set, base))));
    return 0;
  }
  if (ext !== 'txt' && ext !== 'md' && ext !== 'text' && ext !== '') {
    throw new CliError(`${file}: unknown format ".${ext}" (expected .txt, .md, .csv, .json or .docx)`);
  }
  const text = readText(file);
  const result = importWrittenProposals(text, options);
  // The delegation's amended copy of the whole text: proposals by comparison with the base.
  if (result.set.proposals.length === 0 && readsAsAmendedText(text, base)) {
    const amended = importAmendedTextFile(text, options);
    failOnErrors(file, amended.errors);
    if (amended.set.proposals.length === 0)
      throw new CliError(`${file}: no proposals found: the amended copy is the same as the base text`);
    writeOutput(values.out, json(proposalsToJSON(recordBase(amended.set, base))));
    return 0;
  }
  failOnErrors(file, result.errors);
  // Lines that name a paragraph but were not understood: never dropped in silence.
  for (const u of result.unread)
    process.stderr.write(
      `bis: ${file}:${u.line}: ${values.lenient ? 'skipped' : 'not understood'}: ${u.message}\n`,
    );
  if (result.unread.length > 0 && !values.lenient)
    throw new CliError(
      `${file}: ${result.unread.length} line(s) naming a paragraph were not understood (listed above); nothing written. Fix them, or pass --lenient to import the rest`,
    );
  if (result.set.proposals.length === 0) throw new CliError(`${file}: ${noProposalsMessage()}`);
  writeOutput(values.out, json(proposalsToJSON(recordBase(result.set, base))));
  return 0;
};

// Every problem goes to stderr, the first one is the command's failure: nothing is written.
const failOnErrors = (file: string, errors: readonly ImportError[]): void => {
  if (errors.length === 0) return;
  const first = errors[0];
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  for (const e of errors.slice(1)) process.stderr.write(`bis: ${file}:${e.line}: ${e.message}\n`);
  throw new CliError(`${file}:${first?.line}: ${first?.message}${more}`);
};
