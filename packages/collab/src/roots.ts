/**
 * The roots and keys of each document scope (docs/collab.md). Everything that reads, writes or
 * validates a Bis Yjs document takes its names from here.
 */
import type { Scope } from './docnames';

/** Root names allowed in each scope's document. */
export const ROOTS: { readonly [S in Scope]: readonly string[] } = {
  revision: ['meta', 'text'],
  next: ['meta', 'text'],
  workspace: ['meta', 'drafts'],
  compilation: ['meta', 'proposals'],
};

/** The keys of the `meta` map, with the type of their value. */
export const META_KEYS = {
  /** SCHEMA_VERSION of the writer (the server). */
  schema: 'number',
  /** The document's generation: clients holding another generation reset (yjs #525). */
  generation: 'string',
  /** Revision and next documents: the document's title, UN symbol and revision name. */
  title: 'string',
  symbol: 'string|null',
  revision: 'string|null',
} as const;

/** A meta key. */
export type MetaKey = keyof typeof META_KEYS;

/**
 * The fields of a draft (an entry of the workspace's `drafts` map), with the type of their value.
 * `json:array` and `json:object|null` hold plain JSON; `fragment` holds a Y.XmlFragment in the
 * draft schema.
 */
export const DRAFT_FIELDS = {
  action: 'string',
  targets: 'json:array',
  position: 'string|null',
  label: 'string',
  summary: 'string',
  textMode: 'string',
  party: 'string',
  relatedTo: 'string|null',
  links: 'json:array',
  illustrative: 'boolean',
  source: 'json:object|null',
  createdBy: 'string',
  createdAt: 'string',
  text: 'fragment',
  rationale: 'fragment',
} as const;

/** A draft field name. */
export type DraftField = keyof typeof DRAFT_FIELDS;
