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
