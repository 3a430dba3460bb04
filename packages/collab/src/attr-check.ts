/**
 * Checking an attribute value against its `AttrType` (schema.ts): what `validateUpdate` applies
 * to every attribute a client writes, and what `writeDocument` relies on for the values it takes
 * from a BisDocument.
 */
import type { AttrSpecData } from './schema';

/**
 * Why `tag` cannot be a status tag, or null when it can: a tag is the words negotiators write
 * inside brackets (`ad ref`), without the brackets themselves. The same rule as `bis.document/2`
 * (core's document-json), so that every document the server can read it can also write here.
 * How many and how long is left to the update budget (`scanUpdate`).
 */
export const tagProblem = (tag: unknown): string | null => {
  if (typeof tag !== 'string') return 'a tag must be a string';
  if (tag.trim() === '' || tag !== tag.trim()) return 'a tag must be words without surrounding spaces';
  if (/[[\]]/.test(tag)) return 'a tag has no square brackets (they are not part of it)';
  return null;
};

/**
 * Why `value` does not fit the attribute `spec`, or null when it does. An attribute without a
 * `type` takes any JSON value; one whose default is null may also be null.
 */
export const attrValueProblem = (spec: AttrSpecData, value: unknown): string | null => {
  const type = spec.type;
  if (type === undefined) return null;
  if (value === null && spec.default === null) return null;
  switch (type.kind) {
    case 'string':
      return typeof value === 'string' ? null : 'must be a string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= type.min && value <= type.max
        ? null
        : `must be a whole number from ${type.min} to ${type.max}`;
    case 'oneOf':
      return typeof value === 'string' && type.values.includes(value)
        ? null
        : `must be one of ${type.values.map((v) => `"${v}"`).join(', ')}`;
    case 'tags': {
      if (!Array.isArray(value)) return 'must be a list of tags';
      for (const [i, tag] of value.entries()) {
        const problem = tagProblem(tag);
        if (problem !== null) return `tag ${i + 1}: ${problem}`;
      }
      return null;
    }
  }
};
