/**
 * `proposalShapeProblem`: whether a value stored as a proposal has the shape of the model's
 * `Proposal`, field by field, so that the readers (compilation, comparison, the next revision,
 * the web app) can trust it. It checks types, not the workflow: a proposal a party could table
 * passes. It exists for data that got past the checks at the edge (stored before they existed,
 * or written by another version): one such proposal with a `null` target made every export
 * answer 500 and the text page blank for everyone, so the readers set it aside instead.
 */
import { ACTIONS, DECISIONS, STATUSES } from './model';

type Check = (v: unknown) => string | null;

// A nested problem follows its path without a space (`targets[0].label …`), a message with one.
const joined = (p: string): string => (p.startsWith('.') || p.startsWith('[') ? p : ` ${p}`);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const str: Check = (v) => (typeof v === 'string' ? null : 'must be a string');
const strOrNull: Check = (v) => (v === null || typeof v === 'string' ? null : 'must be a string or null');
const bool: Check = (v) => (typeof v === 'boolean' ? null : 'must be true or false');
const oneOf =
  (values: readonly unknown[], orNull = false): Check =>
  (v) =>
    (orNull && v === null) || values.includes(v)
      ? null
      : `must be one of ${values.join(', ')}${orNull ? ' or null' : ''}`;

const object =
  (fields: Record<string, Check>, optional: readonly string[] = []): Check =>
  (v) => {
    if (!isObject(v)) return 'must be an object';
    for (const [k, check] of Object.entries(fields)) {
      if (!(k in v)) {
        if (optional.includes(k)) continue;
        return `.${k} is missing`;
      }
      const p = check(v[k]);
      if (p) return `.${k}${joined(p)}`;
    }
    return null;
  };

const array =
  (item: Check, min = 0): Check =>
  (v) => {
    if (!Array.isArray(v)) return 'must be an array';
    if (v.length < min) return `must hold at least ${min}`;
    for (let i = 0; i < v.length; i++) {
      const p = item(v[i]);
      if (p) return `[${i}]${joined(p)}`;
    }
    return null;
  };

const target = object({ paragraph: strOrNull, label: str, point: strOrNull });
const source: Check = (v) =>
  v === null
    ? null
    : object({
        file: strOrNull,
        line: (n) => (Number.isSafeInteger(n) && (n as number) >= 0 ? null : 'must be a whole number'),
      })(v);
const base: Check = (v) =>
  v === null || v === undefined
    ? null
    : object({ symbol: strOrNull, revision: strOrNull, title: str, hash: str })(v);

const appliedIn: Check = (v) =>
  v === null || v === undefined
    ? null
    : object({
        revision: str,
        number: (n) => (Number.isSafeInteger(n) && (n as number) >= 0 ? null : 'must be a whole number'),
        passages: array(object({ paragraph: str, label: str, text: strOrNull })),
      })(v);

const FIELDS: Record<string, Check> = {
  id: str,
  party: str,
  coSponsors: array(str),
  supporters: array(str),
  action: oneOf(ACTIONS),
  targets: array(target, 1),
  position: oneOf(['after', 'before'], true),
  label: str,
  text: str,
  textMode: oneOf(['replace', 'append']),
  rationale: str,
  summary: str,
  status: oneOf(STATUSES),
  decision: oneOf(DECISIONS, true),
  decisionNote: str,
  relatedTo: strOrNull,
  links: array(object({ to: str, note: str })),
  versions: array(
    object({
      number: (n) => (Number.isSafeInteger(n) ? null : 'must be a whole number'),
      text: str,
      rationale: str,
      tabledAt: str,
    }),
  ),
  illustrative: bool,
  source,
  base,
  appliedIn,
};

/**
 * What is wrong with `value` as a `Proposal` (`targets[0] must be an object`), or null when it
 * has the model's shape. Never throws.
 */
export const proposalShapeProblem = (value: unknown): string | null => {
  if (!isObject(value)) return 'is not an object';
  const problem = object(FIELDS, ['base', 'appliedIn'])(value);
  return problem ? problem.replace(/^\./, '') : null;
};
