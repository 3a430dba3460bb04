/**
 * What a draft's fields may hold (the entries of a workspace's `drafts` map), beyond their type:
 * the same rules as the REST API's draft body (`DRAFT_LIMITS` is shared with it), so that a
 * field written through Yjs cannot hold what a REST request could not. `validateUpdate` refuses
 * an update that writes a value breaking them; the server checks a draft again when it is tabled.
 * A `null` among the targets, an object of any shape as `source` or a label of thousands of
 * characters, once tabled, made every export fail for everyone.
 */
import { ACTIONS } from '@bis/core';
import { ID_PATTERN } from './docnames';

/** The limits of a draft's fields (characters, items), shared with the REST API's draft body. */
export const DRAFT_LIMITS = {
  label: 40,
  summary: 500,
  text: 50_000,
  rationale: 50_000,
  targets: 50,
  targetParagraph: 64,
  targetLabel: 40,
  targetPoint: 10,
  links: 20,
  linkNote: 500,
  party: 200,
  createdBy: 200,
  createdAt: 40,
  sourceFile: 200,
} as const;

/**
 * The draft fields only the server writes (who proposes, who created it when, whether it is an
 * illustrative demo proposal, which file it was imported from): `validateUpdate` refuses a
 * client's update that writes them when given as `serverOnlyDraftFields`.
 */
export const CLIENT_READ_ONLY_DRAFT_FIELDS: readonly string[] = [
  'party',
  'createdBy',
  'createdAt',
  'illustrative',
  'source',
];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const keysOnly = (o: Record<string, unknown>, keys: readonly string[]): string | null => {
  const extra = Object.keys(o).find((k) => !keys.includes(k));
  return extra === undefined ? null : `has an unknown key "${extra}"`;
};

const text = (v: unknown, max: number, what = 'must be a string'): string | null => {
  if (typeof v !== 'string') return what;
  return v.length > max ? `is ${v.length} characters long; at most ${max}` : null;
};

const textOrNull = (v: unknown, max: number): string | null =>
  v === null ? null : text(v, max, 'must be a string or null');

const target = (v: unknown): string | null => {
  if (!isObject(v)) return 'must be an object {paragraph, label, point}';
  const extra = keysOnly(v, ['paragraph', 'label', 'point']);
  if (extra) return extra;
  if (v.paragraph !== null && !(typeof v.paragraph === 'string' && ID_PATTERN.test(v.paragraph)))
    return '.paragraph must be a paragraph id or null';
  const label = text(v.label, DRAFT_LIMITS.targetLabel);
  if (label) return `.label ${label}`;
  const point = textOrNull(v.point, DRAFT_LIMITS.targetPoint);
  return point ? `.point ${point}` : null;
};

const link = (v: unknown): string | null => {
  if (!isObject(v)) return 'must be an object {to, note}';
  const extra = keysOnly(v, ['to', 'note']);
  if (extra) return extra;
  if (!(typeof v.to === 'string' && ID_PATTERN.test(v.to))) return '.to must be a proposal id';
  const note = text(v.note, DRAFT_LIMITS.linkNote);
  return note ? `.note ${note}` : null;
};

const list = (v: unknown, max: number, item: (x: unknown) => string | null, min = 0): string | null => {
  if (!Array.isArray(v)) return 'must be an array';
  if (v.length < min) return `must hold at least ${min}`;
  if (v.length > max) return `holds ${v.length}; at most ${max}`;
  for (let i = 0; i < v.length; i++) {
    const p = item(v[i]);
    if (p) return `[${i}]${p.startsWith('.') ? '' : ' '}${p}`;
  }
  return null;
};

const CHECKS: Record<string, (v: unknown) => string | null> = {
  action: (v) =>
    (ACTIONS as readonly unknown[]).includes(v) ? null : `must be one of ${ACTIONS.join(', ')}`,
  targets: (v) => list(v, DRAFT_LIMITS.targets, target, 1),
  position: (v) => (v === null || v === 'after' || v === 'before' ? null : 'must be after, before or null'),
  label: (v) =>
    typeof v === 'string' && v.trim() === '' ? 'must not be empty' : text(v, DRAFT_LIMITS.label),
  summary: (v) => text(v, DRAFT_LIMITS.summary),
  textMode: (v) => (v === 'replace' || v === 'append' ? null : 'must be replace or append'),
  party: (v) => text(v, DRAFT_LIMITS.party),
  relatedTo: (v) =>
    v === null || (typeof v === 'string' && ID_PATTERN.test(v)) ? null : 'must be a proposal id or null',
  links: (v) => list(v, DRAFT_LIMITS.links, link),
  illustrative: (v) => (typeof v === 'boolean' ? null : 'must be true or false'),
  source: (v) => {
    if (v === null) return null;
    if (!isObject(v)) return 'must be {file, line} or null';
    const extra = keysOnly(v, ['file', 'line']);
    if (extra) return extra;
    const file = textOrNull(v.file, DRAFT_LIMITS.sourceFile);
    if (file) return `.file ${file}`;
    return Number.isSafeInteger(v.line) && (v.line as number) >= 0 ? null : '.line must be a whole number';
  },
  createdBy: (v) => text(v, DRAFT_LIMITS.createdBy),
  createdAt: (v) => text(v, DRAFT_LIMITS.createdAt),
};

/**
 * What is wrong with `value` as the draft field `field` (`targets[0] must be an object …`), or
 * null when it may stand. The text fields (`text`, `rationale`) are Y.XmlFragments and are not
 * checked here; unknown fields are (`unknown draft field`). Never throws.
 */
export const draftValueProblem = (field: string, value: unknown): string | null => {
  const check = CHECKS[field];
  if (!check) return `unknown draft field "${field}"`;
  const problem = check(value);
  return problem === null
    ? null
    : `${field}${problem.startsWith('[') || problem.startsWith('.') ? '' : ' '}${problem}`;
};
