/**
 * Request validation with zod: the first problem becomes a 400 that names the field.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { invalid } from './errors';

const describe = (issue: z.core.$ZodIssue, prefix: string): { field: string; message: string } => {
  const path = issue.path.map(String).join('.');
  const field = path ? `${prefix}.${path}` : prefix;
  return { field, message: `${field}: ${issue.message}` };
};

/** Validates `value` against `schema`, or throws a 400 naming the first offending field. */
export const check = <S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.infer<S> => {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  if (!first) throw invalid(`${prefix} is invalid.`, prefix);
  const { field, message } = describe(first, prefix);
  throw invalid(message, field);
};

/** Reads and validates a JSON body. */
export const jsonBody = async <S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> => {
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    throw invalid('The request body must be JSON (Content-Type: application/json).', 'body');
  }
  return check(schema, value, 'body');
};

/**
 * Reads a JSON body, or a `multipart/form-data` upload whose `file` field becomes `text` (and
 * `fileName`); other form fields are strings, `true`/`false` become booleans. Then validates.
 */
export const jsonOrUpload = async <S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> => {
  if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data')) return jsonBody(c, schema);
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    throw invalid('The upload could not be read as multipart/form-data.', 'body');
  }
  const value: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(form)) {
    if (Array.isArray(v)) throw invalid(`Send "${key}" once.`, `body.${key}`);
    if (key === 'file') {
      if (typeof v === 'string') throw invalid('"file" must be a file upload.', 'body.file');
      value.text = await v.text();
      if (value.fileName === undefined) value.fileName = v.name;
    } else {
      value[key] = v === 'true' ? true : v === 'false' ? false : v;
    }
  }
  return check(schema, value, 'body');
};
