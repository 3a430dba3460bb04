/**
 * `readMultipart`: the fields and the one `file` of a multipart/form-data upload, each sent once.
 */
import type { Context } from 'hono';
import { invalid } from './errors';

/** A multipart upload taken apart: its text fields (`"true"`/`"false"` as booleans) and its file. */
export interface MultipartUpload {
  readonly fields: Record<string, unknown>;
  readonly file: File | null;
}

/** Reads a multipart/form-data body; throws a 400 naming the field for a repeated or misplaced one. */
export const readMultipart = async (c: Context): Promise<MultipartUpload> => {
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
  return { fields, file };
};
