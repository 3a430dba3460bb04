import { BisInputError } from './errors';

/**
 * Small hand-written readers for untrusted JSON: each takes a value and the path it was found
 * at, and returns it typed or throws a `BisInputError` naming that path. Core has no runtime
 * dependencies, so no schema library; these keep the `fromJSON` functions short and uniform.
 */

/** A JSON object with string keys, as read by `readObject`. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Names a value's JSON type for error messages. */
export const jsonTypeOf = (v: unknown): string => {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return 'a boolean';
  return typeof v;
};

const expected = (what: string, path: string, v: unknown): BisInputError =>
  new BisInputError(`expected ${what}, got ${jsonTypeOf(v)}`, path, v);

/** Joins a path and a field name: `blocks[3]` + `label` → `blocks[3].label`. */
export const at = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/**
 * Reads an object and rejects fields outside `allowed`, so that a misspelt optional field
 * (`"lable"`) is an error rather than silently defaulted.
 */
export const readObject = (v: unknown, path: string, allowed: readonly string[]): JsonObject => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw expected('an object', path, v);
  for (const key of Object.keys(v)) {
    if (!allowed.includes(key))
      throw new BisInputError(`unknown field (allowed: ${allowed.join(', ')})`, at(path, key), key);
  }
  return v as JsonObject;
};

/** Reads a required string field. */
export const reqString = (o: JsonObject, key: string, path: string): string => {
  const v = o[key];
  if (v === undefined) throw new BisInputError('missing (a string is required)', at(path, key));
  if (typeof v !== 'string') throw expected('a string', at(path, key), v);
  return v;
};

/** Reads a required non-empty string field (ids, labels, names). */
export const reqNonEmpty = (o: JsonObject, key: string, path: string): string => {
  const s = reqString(o, key, path);
  if (s.trim() === '') throw new BisInputError('must not be empty', at(path, key), s);
  return s;
};

/** Reads an optional string field, `fallback` when absent. */
export const optString = (o: JsonObject, key: string, path: string, fallback: string): string =>
  o[key] === undefined ? fallback : reqString(o, key, path);

/** Reads an optional string-or-null field, null when absent. */
export const optNullableString = (o: JsonObject, key: string, path: string): string | null => {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw expected('a string or null', at(path, key), v);
  return v;
};

/** Reads an optional boolean field. */
export const optBoolean = (o: JsonObject, key: string, path: string, fallback: boolean): boolean => {
  const v = o[key];
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') throw expected('a boolean', at(path, key), v);
  return v;
};

/** Reads an integer field within [min, max]; `fallback` when absent (undefined: required). */
export const readInt = (
  o: JsonObject,
  key: string,
  path: string,
  min: number,
  max: number,
  fallback?: number,
): number => {
  const v = o[key];
  if (v === undefined) {
    if (fallback !== undefined) return fallback;
    throw new BisInputError('missing (an integer is required)', at(path, key));
  }
  if (typeof v !== 'number' || !Number.isInteger(v)) throw expected('an integer', at(path, key), v);
  if (v < min || v > max) throw new BisInputError(`must be between ${min} and ${max}`, at(path, key), v);
  return v;
};

/** Reads a string field that must be one of `values`. */
export const readEnum = <T extends string>(
  o: JsonObject,
  key: string,
  path: string,
  values: readonly T[],
  fallback?: T,
): T => {
  const v = o[key];
  if (v === undefined && fallback !== undefined) return fallback;
  const s = reqString(o, key, path);
  if (!(values as readonly string[]).includes(s))
    throw new BisInputError(`unknown value "${s}" (expected one of: ${values.join(', ')})`, at(path, key), s);
  return s as T;
};

/** Reads an optional array field (empty when absent), reading each item with `item`. */
export const readArray = <T>(
  o: JsonObject,
  key: string,
  path: string,
  item: (v: unknown, path: string) => T,
  required = false,
): T[] => {
  const v = o[key];
  if (v === undefined) {
    if (required) throw new BisInputError('missing (an array is required)', at(path, key));
    return [];
  }
  if (!Array.isArray(v)) throw expected('an array', at(path, key), v);
  return v.map((x, i) => item(x, `${at(path, key)}[${i}]`));
};

/** Reads an array item that must be a string. */
export const stringItem = (v: unknown, path: string): string => {
  if (typeof v !== 'string') throw expected('a string', path, v);
  return v;
};

/** Reads an ISO 8601 timestamp (`2025-06-01T12:00:00Z`) and returns it unchanged. */
export const readTimestamp = (o: JsonObject, key: string, path: string): string => {
  const s = reqString(o, key, path);
  if (
    !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(s) ||
    Number.isNaN(Date.parse(s))
  )
    throw new BisInputError('expected an ISO 8601 timestamp (2025-06-01T12:00:00Z)', at(path, key), s);
  return s;
};

/**
 * Checks the `format` field: `name/1`. A different name or a newer version is refused with a
 * message saying which format this build reads.
 */
export const checkFormat = (o: JsonObject, name: string, version: number): void => {
  const v = o.format;
  if (v === undefined) throw new BisInputError(`missing (expected "${name}/${version}")`, 'format');
  if (typeof v !== 'string') throw expected('a string', 'format', v);
  const m = /^(.+)\/(\d+)$/.exec(v);
  if (!m || m[1] !== name)
    throw new BisInputError(`unknown format "${v}" (expected "${name}/${version}")`, 'format', v);
  if (Number(m[2]) !== version)
    throw new BisInputError(
      `unsupported version ${m[2]} of ${name} (this build reads version ${version})`,
      'format',
      v,
    );
};

/** Throws when `id` was already seen; records it otherwise. */
export const uniqueId = (seen: Map<string, string>, id: string, path: string, what: string): void => {
  const first = seen.get(id);
  if (first !== undefined) throw new BisInputError(`duplicate ${what} "${id}" (first at ${first})`, path, id);
  seen.set(id, path);
};
