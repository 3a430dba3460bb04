/**
 * Draft proposals in a party workspace document (the collab contract: root Y.Map `drafts`,
 * proposalId → Y.Map of fields, `text` and `rationale` as Y.XmlFragments of `paragraph`
 * elements). The server reads drafts from here when a party tables one, and writes drafts when
 * a script creates one or written proposals are imported.
 */
import type { Action, SourceRef, Target, TextMode } from '@bis/core';
import * as Y from 'yjs';

/** A draft as the server reads it from a workspace. */
export interface Draft {
  readonly id: string;
  readonly action: Action;
  readonly targets: readonly Target[];
  readonly position: 'after' | 'before' | null;
  readonly label: string;
  readonly summary: string;
  readonly textMode: TextMode;
  readonly text: string;
  readonly rationale: string;
  readonly links: readonly { to: string; note: string }[];
  /** True for demo drafts written for illustration. */
  readonly illustrative: boolean;
  /** Where an imported draft came from (file and line). */
  readonly source: SourceRef | null;
  readonly createdBy: string | null;
  readonly createdAt: string | null;
}

/** The fields needed to create a draft. */
export type DraftInput = Omit<Draft, 'createdBy' | 'createdAt' | 'illustrative' | 'source'> & {
  readonly illustrative?: boolean;
  readonly source?: SourceRef | null;
};

const fragmentText = (f: unknown): string => {
  if (!(f instanceof Y.XmlFragment)) return typeof f === 'string' ? f : '';
  const paragraphs: string[] = [];
  for (const child of f.toArray()) {
    if (child instanceof Y.XmlText) paragraphs.push(textOf(child));
    else if (child instanceof Y.XmlElement)
      paragraphs.push(
        child
          .toArray()
          .map((c) => (c instanceof Y.XmlText ? textOf(c) : ''))
          .join(''),
      );
  }
  return paragraphs.join('\n');
};

const textOf = (t: Y.XmlText): string =>
  (t.toDelta() as { insert?: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');

const fillFragment = (f: Y.XmlFragment, text: string): void => {
  const paragraphs = text === '' ? [] : text.split('\n');
  f.insert(
    0,
    paragraphs.map((p) => {
      const el = new Y.XmlElement('paragraph');
      const t = new Y.XmlText();
      t.insert(0, p);
      el.insert(0, [t]);
      return el;
    }),
  );
};

const json = <T>(v: unknown, fallback: T): T => {
  if (typeof v === 'string') {
    try {
      return JSON.parse(v) as T;
    } catch {
      return fallback;
    }
  }
  return (v as T | undefined) ?? fallback;
};

const sourceOf = (v: unknown): SourceRef | null => {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  return typeof o.line === 'number'
    ? { file: typeof o.file === 'string' ? o.file : null, line: o.line }
    : null;
};

/** Reads one draft from a workspace document; null when there is none with this id. */
export const readDraft = (doc: Y.Doc, id: string): Draft | null => {
  const m = doc.getMap('drafts').get(id);
  if (!(m instanceof Y.Map)) return null;
  const str = (k: string): string => (typeof m.get(k) === 'string' ? (m.get(k) as string) : '');
  const position = m.get('position');
  return {
    id,
    action: str('action') as Action,
    targets: json<Target[]>(m.get('targets'), []),
    position: position === 'after' || position === 'before' ? position : null,
    label: str('label'),
    summary: str('summary'),
    textMode: str('textMode') === 'append' ? 'append' : 'replace',
    text: fragmentText(m.get('text')),
    rationale: fragmentText(m.get('rationale')),
    links: json<{ to: string; note: string }[]>(m.get('links'), []),
    illustrative: m.get('illustrative') === true,
    source: sourceOf(m.get('source')),
    createdBy: str('createdBy') || null,
    createdAt: str('createdAt') || null,
  };
};

/** Lists the drafts of a workspace document. */
export const listDrafts = (doc: Y.Doc): Draft[] =>
  [...doc.getMap('drafts').keys()].map((id) => readDraft(doc, id)).filter((d): d is Draft => d !== null);

/** Writes a new draft into a workspace document (call inside a transaction). */
export const writeDraft = (doc: Y.Doc, d: DraftInput, party: string, by: string, at: string): void => {
  const m = new Y.Map<unknown>();
  doc.getMap('drafts').set(d.id, m);
  m.set('action', d.action);
  // Plain JSON values (collab's DRAFT_FIELDS: `json:array`), copied so Yjs owns no shared objects.
  m.set('targets', JSON.parse(JSON.stringify(d.targets)));
  m.set('party', party);
  m.set('illustrative', d.illustrative ?? false);
  m.set('source', d.source ? { ...d.source } : null);
  m.set('relatedTo', null);
  m.set('position', d.position);
  m.set('label', d.label);
  m.set('summary', d.summary);
  m.set('textMode', d.textMode);
  m.set('createdBy', by);
  m.set('createdAt', at);
  m.set('links', JSON.parse(JSON.stringify(d.links)));
  const text = new Y.XmlFragment();
  const rationale = new Y.XmlFragment();
  m.set('text', text);
  m.set('rationale', rationale);
  fillFragment(text, d.text);
  fillFragment(rationale, d.rationale);
};
