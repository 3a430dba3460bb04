/**
 * Party workspace documents: root map `drafts`, proposal id → Y.Map of the draft's fields
 * (DRAFT_FIELDS): plain values, JSON arrays for targets and links, and the `text` and
 * `rationale` as Y.XmlFragments of draftSchemaSpec (one paragraph per line), which the editor
 * binds to with y-prosemirror so that colleagues type in them together.
 */
import type { Action, Proposal, ProposalId, ProposalLink, SourceRef, Target, TextMode } from '@bis/core';
import { ACTIONS, BisInputError, proposalId } from '@bis/core';
import * as Y from 'yjs';
import { ID_PATTERN } from './docnames';
import { readPlainText, writePlainText } from './xml';

/** What creating a draft needs: the proposal's own fields, its text, and who created it when. */
export interface DraftInput {
  readonly id: string;
  /** The proponent's name (as in `Party.name`). */
  readonly party: string;
  readonly action: Action;
  readonly targets: readonly Target[];
  readonly position: 'after' | 'before' | null;
  readonly label: string;
  readonly summary: string;
  readonly textMode: TextMode;
  readonly text: string;
  readonly rationale: string;
  readonly relatedTo?: ProposalId | null;
  readonly links?: readonly ProposalLink[];
  readonly illustrative?: boolean;
  readonly source?: SourceRef | null;
  /** The user who created the draft. */
  readonly createdBy: string;
  /** ISO 8601. */
  readonly createdAt: string;
}

/** The fields of a draft that `updateDraftFields` changes (text and rationale: `setDraftText`). */
export type DraftPatch = Partial<
  Pick<
    DraftInput,
    | 'party'
    | 'action'
    | 'targets'
    | 'position'
    | 'label'
    | 'summary'
    | 'textMode'
    | 'relatedTo'
    | 'links'
    | 'illustrative'
    | 'source'
  >
>;

/** A draft as read from a workspace: a Proposal with status `draft`, and who created it when. */
export type Draft = Proposal & { readonly createdBy: string; readonly createdAt: string };

/** The two text fields of a draft. */
export type DraftTextField = 'text' | 'rationale';

/** The `drafts` root of a workspace document. */
export const draftsMap = (ydoc: Y.Doc): Y.Map<Y.Map<unknown>> => ydoc.getMap('drafts');

// Detached plain JSON: Yjs keeps the value it is given, and callers' objects may change later.
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const checkPatch = (p: DraftPatch, path: string): void => {
  if (p.action !== undefined && !ACTIONS.includes(p.action))
    throw new BisInputError('unknown action', `${path}.action`, p.action);
  if (p.textMode !== undefined && p.textMode !== 'replace' && p.textMode !== 'append') {
    throw new BisInputError('textMode must be replace or append', `${path}.textMode`, p.textMode);
  }
  if (p.position !== undefined && p.position !== null && p.position !== 'after' && p.position !== 'before') {
    throw new BisInputError('position must be after, before or null', `${path}.position`, p.position);
  }
  if (p.targets !== undefined && !Array.isArray(p.targets))
    throw new BisInputError('targets must be an array', `${path}.targets`, p.targets);
  if (p.links !== undefined && !Array.isArray(p.links))
    throw new BisInputError('links must be an array', `${path}.links`, p.links);
};

const setFields = (m: Y.Map<unknown>, p: DraftPatch): void => {
  for (const [k, v] of Object.entries(p)) {
    if (v === undefined) continue;
    m.set(k, k === 'targets' || k === 'links' || k === 'source' ? plain(v) : v);
  }
};

/**
 * Creates a draft in a workspace document, in one transaction. Throws BisInputError on an id
 * outside `[A-Za-z0-9_-]{1,64}`, an id already used, or a field of the wrong kind.
 */
export const createDraft = (ydoc: Y.Doc, input: DraftInput): void => {
  if (!ID_PATTERN.test(input.id)) throw new BisInputError('invalid proposal id', 'id', input.id);
  const drafts = draftsMap(ydoc);
  if (drafts.has(input.id)) throw new BisInputError('a draft with this id exists', 'id', input.id);
  checkPatch(input, 'draft');
  ydoc.transact(() => {
    const m = new Y.Map<unknown>();
    drafts.set(input.id, m);
    setFields(m, {
      party: input.party,
      action: input.action,
      targets: input.targets,
      position: input.position,
      label: input.label,
      summary: input.summary,
      textMode: input.textMode,
      relatedTo: input.relatedTo ?? null,
      links: input.links ?? [],
      illustrative: input.illustrative ?? false,
      source: input.source ?? null,
    });
    m.set('createdBy', input.createdBy);
    m.set('createdAt', input.createdAt);
    const text = new Y.XmlFragment();
    const rationale = new Y.XmlFragment();
    m.set('text', text);
    m.set('rationale', rationale);
    writePlainText(text, input.text);
    writePlainText(rationale, input.rationale);
  });
};

/** Changes fields of a draft in one transaction; false when there is no such draft. */
export const updateDraftFields = (ydoc: Y.Doc, id: string, patch: DraftPatch): boolean => {
  const m = draftsMap(ydoc).get(id);
  if (!(m instanceof Y.Map)) return false;
  checkPatch(patch, 'patch');
  ydoc.transact(() => setFields(m, patch));
  return true;
};

/** The fragment of a draft's text or rationale (for an editor binding), or null. */
export const draftFragment = (ydoc: Y.Doc, id: string, field: DraftTextField): Y.XmlFragment | null => {
  const f = draftsMap(ydoc).get(id)?.get(field);
  return f instanceof Y.XmlFragment ? f : null;
};

/** Replaces a draft's text or rationale with `text` (one paragraph per line); false when there is no such draft. */
export const setDraftText = (ydoc: Y.Doc, id: string, field: DraftTextField, text: string): boolean => {
  const m = draftsMap(ydoc).get(id);
  if (!(m instanceof Y.Map)) return false;
  ydoc.transact(() => {
    const f = m.get(field);
    if (f instanceof Y.XmlFragment) writePlainText(f, text);
    else {
      const fresh = new Y.XmlFragment();
      m.set(field, fresh);
      writePlainText(fresh, text);
    }
  });
  return true;
};

/** Deletes a draft; false when there is none. */
export const deleteDraft = (ydoc: Y.Doc, id: string): boolean => {
  const drafts = draftsMap(ydoc);
  if (!drafts.has(id)) return false;
  drafts.delete(id);
  return true;
};

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const nullableString = (v: unknown): boolean => v === null || typeof v === 'string';
// Readers get only well-formed entries: a `null` target or link (written before drafts were
// checked) must not break the workspace page.
const isTarget = (v: unknown): v is Target =>
  isRecord(v) && nullableString(v.paragraph) && typeof v.label === 'string' && nullableString(v.point);
const isLink = (v: unknown): v is ProposalLink =>
  isRecord(v) && typeof v.to === 'string' && typeof v.note === 'string';
const isSource = (v: unknown): v is SourceRef =>
  isRecord(v) && nullableString(v.file) && Number.isSafeInteger(v.line);

/**
 * Reads one draft; null when there is none with this id. Missing or mistyped fields read as
 * empty, malformed targets and links are left out, a malformed source reads as null.
 */
export const readDraft = (ydoc: Y.Doc, id: string): Draft | null => {
  const m = draftsMap(ydoc).get(id);
  if (!(m instanceof Y.Map)) return null;
  const action = m.get('action');
  const position = m.get('position');
  const relatedTo = m.get('relatedTo');
  const source = m.get('source');
  const text = m.get('text');
  const rationale = m.get('rationale');
  return {
    id: proposalId(id),
    party: str(m.get('party')),
    coSponsors: [],
    supporters: [],
    action: ACTIONS.includes(action as Action) ? (action as Action) : 'amend',
    targets: arr<unknown>(m.get('targets')).filter(isTarget),
    position: position === 'after' || position === 'before' ? position : null,
    label: str(m.get('label')),
    text: text instanceof Y.XmlFragment ? readPlainText(text) : '',
    textMode: m.get('textMode') === 'append' ? 'append' : 'replace',
    rationale: rationale instanceof Y.XmlFragment ? readPlainText(rationale) : '',
    summary: str(m.get('summary')),
    status: 'draft',
    decision: null,
    decisionNote: '',
    relatedTo: typeof relatedTo === 'string' ? proposalId(relatedTo) : null,
    links: arr<unknown>(m.get('links')).filter(isLink),
    versions: [],
    illustrative: m.get('illustrative') === true,
    source: isSource(source) ? source : null,
    createdBy: str(m.get('createdBy')),
    createdAt: str(m.get('createdAt')),
  };
};

/** Reads every draft of a workspace, oldest first (then by id, so that all replicas agree). */
export const readDrafts = (ydoc: Y.Doc): Draft[] =>
  [...draftsMap(ydoc).keys()]
    .map((id) => readDraft(ydoc, id))
    .filter((d): d is Draft => d !== null)
    .sort((a, b) =>
      a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
