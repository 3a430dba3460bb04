/**
 * The body of an import into a party's workspace: written proposals as JSON `text`, or a
 * multipart upload whose `file` is either a text file (written proposals) or a Word file (a
 * comparison table, or a copy of the base text with tracked changes). A Word file is kept as
 * bytes: read as text it became garbage that the written-proposals importer found nothing in,
 * and the import answered 201 with no drafts.
 */
import type { Context } from 'hono';
import { invalid } from './errors';
import { readMultipart } from './multipart';
import { ImportBody } from './schemas';
import { check, jsonBody } from './validate';

/** A validated import request. */
export interface ImportInput {
  /** Written proposals (empty when `docx` is given). */
  readonly text: string;
  /** The bytes of an uploaded .docx, or null. */
  readonly docx: Uint8Array | null;
  readonly fileName?: string | undefined;
  readonly resolve?: boolean | undefined;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Whether an upload is a Word file: named `.docx`, or a zip package whatever its name. */
export const isDocxUpload = (name: string, bytes: Uint8Array): boolean =>
  /\.docx$/i.test(name) || ZIP_MAGIC.every((b, i) => bytes[i] === b);

// Text that is really a binary file pasted or sent as a string.
const looksBinary = (text: string): boolean => text.startsWith('PK\u0003\u0004') || text.includes('\u0000');

const BINARY_TEXT =
  'This is a binary file, not written proposals: upload a .docx as the multipart "file" field, or send the text of the proposals.';

/** Reads and validates an import request (JSON or multipart); throws a 400 naming the field. */
export const readImport = async (c: Context): Promise<ImportInput> => {
  if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
    const body = await jsonBody(c, ImportBody);
    if (looksBinary(body.text)) throw invalid(BINARY_TEXT, 'body.text');
    return { ...body, docx: null };
  }
  const { fields, file } = await readMultipart(c);
  if (!file) return { ...check(ImportBody, fields, 'body'), docx: null };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (fields.fileName === undefined) fields.fileName = file.name;
  if (isDocxUpload(String(fields.fileName), bytes)) {
    const rest = check(ImportBody.omit({ text: true }), fields, 'body');
    return { ...rest, text: '', docx: bytes };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalid(
      `${String(fields.fileName)}: not UTF-8 text; written proposals are a .txt or .md file, and Word files end in .docx.`,
      'body.file',
    );
  }
  if (looksBinary(text)) throw invalid(BINARY_TEXT, 'body.file');
  return { ...check(ImportBody, { ...fields, text }, 'body'), docx: null };
};
