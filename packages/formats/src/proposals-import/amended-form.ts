/**
 * The amended copy of the whole text as a form of written input (`WRITTEN_FORMS`): the
 * dispatcher tries it when the line reader found no proposal in a file, and a base to compare
 * with is given (`amends`, else `base`). Its result is a `WrittenImport` like any other form's,
 * so every caller of `importWrittenProposals` (the CLI, the REST import and the web import
 * screen) reads a delegation's amended copy.
 */
import type { ProposalId } from '@bis/core';
import { importAmendedTextFile, readsAsAmendedText } from './amended-text';
import type { LineNote, WrittenForm, WrittenImport, WrittenImportOptions } from './written-types';

const baseOf = (options: WrittenImportOptions) => options.amends ?? options.base;

/** Whether `source` reads as an amended copy of the base given (never without one). */
const detect = (source: string, options: WrittenImportOptions): boolean => {
  const base = baseOf(options);
  return base !== undefined && readsAsAmendedText(source, base);
};

/**
 * Reads an amended copy by comparison with the base; a copy the same as the base is an error
 * (line 1), so that callers say why nothing was found.
 */
const read = (source: string, options: WrittenImportOptions): WrittenImport => {
  const base = baseOf(options);
  const result = importAmendedTextFile(source, {
    party: options.party,
    ...(options.group ? { group: options.group } : {}),
    ...(options.region ? { region: options.region } : {}),
    ...(options.fileName ? { fileName: options.fileName } : {}),
    ...(options.newId ? { newId: options.newId } : {}),
    ...(base ? { base } : {}),
  });
  const errors =
    result.set.proposals.length === 0 && result.errors.length === 0
      ? [{ line: 1, message: 'no proposals found: the amended copy is the same as the base text' }]
      : result.errors;
  // Each non-blank line: the first line of a paragraph that gave proposals, an error, or text.
  const byLine = new Map<number, ProposalId>();
  for (const p of result.set.proposals)
    if (p.source && !byLine.has(p.source.line)) byLine.set(p.source.line, p.id);
  const errorAt = new Map(errors.map((e) => [e.line, e.message] as const));
  const lines: LineNote[] = [];
  source.split(/\r?\n/).forEach((text, i) => {
    const line = i + 1;
    if (text.trim() === '' && !errorAt.has(line)) return;
    const message = errorAt.get(line);
    const proposal = byLine.get(line);
    if (message !== undefined) lines.push({ line, kind: 'error', message });
    else if (proposal !== undefined) lines.push({ line, kind: 'proposal', proposal });
    else lines.push({ line, kind: 'prose' });
  });
  return { set: result.set, lines, errors, unread: [], forms: ['amended'] };
};

/** The amended copy of the whole text, as the dispatcher knows it. */
export const AMENDED_FORM: WrittenForm = {
  name: 'amended',
  title: 'a copy of the whole text with the changes made in place, compared with the base text',
  example: '12. We reaffirm …\n12bis. (new) We further recognize …\n13. (former 14 amended) We call upon …',
  last: true,
  detect,
  read,
};
