/**
 * The ProseMirror schemas of Bis as plain data. packages/editor builds the real schema with
 * `new Schema(revisionSchemaSpec)`; collab writes and validates y-prosemirror's Yjs shape from the
 * same data, so the names here are the contract between editor, server and stored documents.
 * Field names are ProseMirror's NodeSpec/MarkSpec ones; no functions (toDOM lives in the editor).
 */
import type { Heading, LabelStyle } from '@bis/core';

/**
 * The version of the schemas below and of the document shapes built on them. Stored in each
 * document's `meta.schema`; a client on another version must not write (y-prosemirror deletes
 * content that does not fit its schema, y-prosemirror #39/#275).
 */
export const SCHEMA_VERSION = 2;

/** A JSON value, as attribute defaults and stored attribute values are. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [k: string]: JsonValue };

/**
 * The values an attribute may hold (see `attrValueProblem`): `string`, `integer` (with bounds),
 * `tags` (a list of status tags as negotiators write them, without brackets), or one of a few
 * strings. An attribute whose default is null may also be null (y-prosemirror leaves it out).
 */
export type AttrType =
  | { readonly kind: 'string' }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  | { readonly kind: 'tags' }
  | { readonly kind: 'oneOf'; readonly values: readonly string[] };

/**
 * An attribute of a node or mark: ProseMirror's AttributeSpec without `validate`, plus `type`,
 * which `validateUpdate` checks on every value a client writes. The editor does not turn `type`
 * into ProseMirror's `validate`: y-prosemirror deletes a node whose attributes fail it
 * (y-prosemirror #39), and the server has refused such values already.
 */
export interface AttrSpecData {
  readonly default?: JsonValue;
  readonly type?: AttrType;
}

/** A node type: the data fields of ProseMirror's NodeSpec. */
export interface NodeSpecData {
  readonly content?: string;
  readonly group?: string;
  readonly inline?: boolean;
  readonly atom?: boolean;
  readonly marks?: string;
  readonly defining?: boolean;
  readonly isolating?: boolean;
  readonly selectable?: boolean;
  readonly attrs?: { readonly [name: string]: AttrSpecData };
}

/** A mark type: the data fields of ProseMirror's MarkSpec. */
export interface MarkSpecData {
  readonly inclusive?: boolean;
  readonly excludes?: string;
  readonly attrs?: { readonly [name: string]: AttrSpecData };
}

/** A schema as data: `new Schema(spec)` accepts it as is. */
export interface SchemaSpecData {
  readonly topNode: string;
  readonly nodes: { readonly [name: string]: NodeSpecData };
  readonly marks: { readonly [name: string]: MarkSpecData };
}

const STRING = { kind: 'string' } as const;
const TAGS = { kind: 'tags' } as const;
const LABEL_STYLES: readonly LabelStyle[] = ['lettered', 'unnumbered'];
const HEADING_ROLES: readonly NonNullable<Heading['role']>[] = ['chapeau'];

// Provenance of a tracked change: who (party or user name), when (ISO 8601), from which proposal.
const changeAttrs = {
  by: { default: null, type: STRING },
  at: { default: null, type: STRING },
  proposal: { default: null, type: STRING },
} as const;

const commonMarks = {
  em: {},
  strong: {},
  // Tracked changes: not inclusive, so typing after an insertion is not attributed to it.
  ins: { inclusive: false, attrs: changeAttrs },
  del: { inclusive: false, attrs: changeAttrs },
} as const satisfies SchemaSpecData['marks'];

/**
 * The schema of a revision's text (root `text` of revision and next documents).
 * A paragraph holds a `body` (its own text, the chapeau when it has points) then its points,
 * because ProseMirror forbids mixing inline and block content in one node. Footnote references
 * are inline atoms carrying the footnote's mark and text. Ids default to null: the editor assigns
 * ids to paragraphs it creates by splitting. The preamble is one `preamble` node per line.
 * `labelStyle`, `tags` and `role` carry the core model's `Paragraph.labelStyle`, `tags` and
 * `Heading.role`, `tags` (absent: null); they are new in schema version 2.
 */
export const revisionSchemaSpec = {
  topNode: 'doc',
  nodes: {
    doc: { content: 'preamble* (heading | paragraph)*' },
    preamble: { content: 'inline*' },
    heading: {
      content: 'text*',
      defining: true,
      attrs: {
        id: { default: null, type: STRING },
        level: { default: 1, type: { kind: 'integer', min: 1, max: 6 } },
        number: { default: null, type: STRING },
        role: { default: null, type: { kind: 'oneOf', values: HEADING_ROLES } },
        tags: { default: null, type: TAGS },
      },
    },
    paragraph: {
      content: 'body point*',
      attrs: {
        id: { default: null, type: STRING },
        order: { default: null, type: STRING },
        label: { default: '', type: STRING },
        labelStyle: { default: null, type: { kind: 'oneOf', values: LABEL_STYLES } },
        tags: { default: null, type: TAGS },
      },
    },
    body: { content: 'inline*' },
    point: { content: 'inline*', attrs: { label: { default: '', type: STRING } } },
    footnote: {
      group: 'inline',
      inline: true,
      atom: true,
      attrs: { mark: { default: '', type: STRING }, text: { default: '', type: STRING } },
    },
    text: { group: 'inline' },
  },
  marks: commonMarks,
} as const satisfies SchemaSpecData;

/**
 * The schema of a draft's `text` and `rationale` fragments: paragraphs of marked text. Each
 * `paragraph` (no attributes, unlike the revision's) is one line of the proposal's plain text.
 */
export const draftSchemaSpec = {
  topNode: 'draft',
  nodes: {
    draft: { content: 'paragraph+' },
    paragraph: { content: 'text*' },
    text: { group: 'inline' },
  },
  marks: { em: {}, strong: {} },
} as const satisfies SchemaSpecData;

/**
 * The node names that may appear as children of `nodeName` according to its content expression
 * (groups expanded), and whether text may. Unknown node: nothing is allowed.
 */
export const childNodeNames = (
  spec: SchemaSpecData,
  nodeName: string,
): { names: Set<string>; text: boolean } => {
  const names = new Set<string>();
  let text = false;
  const content = spec.nodes[nodeName]?.content ?? '';
  for (const token of content.match(/[A-Za-z_][A-Za-z0-9_-]*/g) ?? []) {
    for (const [name, node] of Object.entries(spec.nodes)) {
      const groups = (node.group ?? '').split(' ');
      if (name !== token && !groups.includes(token)) continue;
      if (name === 'text') text = true;
      else names.add(name);
    }
  }
  return { names, text };
};
