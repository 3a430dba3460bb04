/**
 * The body of POST /api/processes: JSON (`document` or `text`), or a multipart upload whose
 * `file` is a text file (it becomes `text`) or a Word file (kept as bytes: decoded as text it was
 * garbage, and refused as binary).
 */
import type { Context } from 'hono';
import type { CreateProcessInput } from '../commands/processes';
import { isDocxUpload } from './import-body';
import { readMultipart } from './multipart';
import { CreateProcessBody, CreateProcessFields } from './schemas';
import { check, jsonOrUpload } from './validate';

/** Reads and validates a create-process request; throws a 400 naming the field. */
export const readCreateProcess = async (c: Context): Promise<CreateProcessInput> => {
  if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data'))
    return jsonOrUpload(c, CreateProcessBody);
  const { fields, file } = await readMultipart(c);
  if (!file) return check(CreateProcessBody, fields, 'body');
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (fields.fileName === undefined) fields.fileName = file.name;
  if (isDocxUpload(String(fields.fileName), bytes))
    return { ...check(CreateProcessFields, fields, 'body'), docx: bytes };
  return check(CreateProcessBody, { ...fields, text: new TextDecoder().decode(bytes) }, 'body');
};
