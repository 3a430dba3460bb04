/**
 * The response bodies the OpenAPI document describes, as zod schemas (the request bodies are in
 * `schemas.ts`).
 */
import type { ImportNoteKind } from '@bis/formats';
import { z } from 'zod';
import { ROLES } from '../db/types';

const NOTE_KINDS = [
  'furniture',
  'structure',
  'numbering',
  'brackets',
  'tags',
] as const satisfies readonly ImportNoteKind[];

/** One note of a text import: what the importer decided on its own, with the line it is about. */
export const ImportNoteSchema = z
  .object({
    line: z
      .number()
      .int()
      .describe('The 1-based line of the uploaded text the note is about (the Word paragraph, for a .docx)'),
    kind: z
      .enum(NOTE_KINDS)
      .describe(
        'furniture: page furniture dropped (page numbers, the running symbol, job numbers); structure: a line read as a heading or chapeau; numbering: a gap or oddity in the numbering; brackets: a bracket that does not close; tags: a status tag left in the text',
      ),
    message: z.string(),
  })
  .describe('Something the text import decided on its own; it never stops the import');

const ProcessFields = {
  id: z.string(),
  title: z.string(),
  symbol: z.string().nullable(),
  public: z.boolean(),
  currentRevision: z.number().int(),
  createdAt: z.number().describe('Milliseconds since the epoch'),
  createdBy: z.string().nullable(),
  revisions: z.array(z.looseObject({ number: z.number().int(), name: z.string(), state: z.string() })),
  parties: z.array(z.looseObject({ id: z.string(), name: z.string() })),
  you: z.object({ roles: z.array(z.enum(ROLES)), parties: z.array(z.string()) }),
};

/** The answer to POST /api/processes: the new process, and the notes of its text's import. */
export const CreatedProcessResponse = z.object({
  ...ProcessFields,
  importNotes: z
    .array(ImportNoteSchema)
    .describe('The notes of the text import, in line order; empty when the base text was document JSON'),
});
