/**
 * The body of POST /api/processes: JSON (`document` or `text`), or a multipart upload whose
 * `file` is a text file (it becomes `text`) or a Word file (kept as bytes: decoded as text it was
 * garbage, and refused as binary).
 */
import type { Context } from 'hono';
import type { CreateProcessInput } from '../commands/processes';
import { invalid } from './errors';
import { isDocxUpload } from './import-body';
import { CreateProcessBody, CreateProcessFields } from './schemas';
import { check, jsonOrUpload } from './validate';

/** Reads and validates a create-process request; throws a 400 naming the field. */
export const readCreateProcess = async (c: Context): Promise<CreateProcessInput> => {
  if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data'))
    return jsonOrUpload(c, CreateProcessBody);
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    throw invalid('The upload could not be read as multipart/form-data.', 'body');
  }
  const fields: Record<string, unknown> = {};
  let file: File | null = null;
  for (const [key, v] of Object.entries(form)) {
    if (Array.isArray(v)) throw invalid(`Send "${key}" once.`, `body.${key}`);
    if (key === 'file') {
      if (typeof v === 'string') throw invalid('"file" must be a file upload.', 'body.file');
      file = v;
    } else {
      fields[key] = v === 'true' ? true : v === 'false' ? false : v;
    }
  }
  if (!file) return check(CreateProcessBody, fields, 'body');
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (fields.fileName === undefined) fields.fileName = file.name;
  if (isDocxUpload(String(fields.fileName), bytes))
    return { ...check(CreateProcessFields, fields, 'body'), docx: bytes };
  return check(CreateProcessBody, { ...fields, text: new TextDecoder().decode(bytes) }, 'body');
};
