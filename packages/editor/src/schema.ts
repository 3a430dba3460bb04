/**
 * The real ProseMirror schemas, built from @bis/collab's specs (data only) with the DOM
 * rendering added here: the node names, attributes and content expressions stay collab's, so
 * what the editor writes through y-prosemirror is what the server validates.
 */
import { type AttrSpecData, draftSchemaSpec, revisionSchemaSpec, type SchemaSpecData } from '@bis/collab';
import {
  type DOMOutputSpec,
  type MarkSpec,
  type NodeSpec,
  type Mark as PMMark,
  type Node as PMNode,
  Schema,
  type TagParseRule,
} from 'prosemirror-model';

type DomParts = { toDOM?: NodeSpec['toDOM']; parseDOM?: NodeSpec['parseDOM'] } & Partial<NodeSpec>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

// Tags travel through the DOM (copy and paste) as one data attribute holding a JSON list.
const tagsToDom = (v: unknown): string | null =>
  Array.isArray(v) && v.length > 0 && v.every((t) => typeof t === 'string') ? JSON.stringify(v) : null;
const tagsFromDom = (s: string | null): string[] | null => {
  if (s === null) return null;
  try {
    const v: unknown = JSON.parse(s);
    return Array.isArray(v) && v.length > 0 && v.every((t) => typeof t === 'string') ? v : null;
  } catch {
    return null;
  }
};
const oneOf = <T extends string>(s: string | null, values: readonly T[]): T | null =>
  values.find((v) => v === s) ?? null;
const attrOf = (el: HTMLElement | string, name: string): string | null =>
  typeof el === 'string' ? null : el.getAttribute(name);

// Tracked-change provenance is carried as data attributes so that copy and paste keep it.
const changeMarkDom = (tag: 'ins' | 'del'): Partial<MarkSpec> => ({
  toDOM: (mark: PMMark): DOMOutputSpec => {
    const attrs: Record<string, string> = { class: `bis-${tag}` };
    if (mark.attrs.by) attrs['data-by'] = str(mark.attrs.by);
    if (mark.attrs.at) attrs['data-at'] = str(mark.attrs.at);
    if (mark.attrs.proposal) attrs['data-proposal'] = str(mark.attrs.proposal);
    if (mark.attrs.by) attrs.title = str(mark.attrs.by);
    return [tag, attrs, 0];
  },
  parseDOM: [
    {
      tag,
      getAttrs: (el: HTMLElement | string) => ({
        by: attrOf(el, 'data-by'),
        at: attrOf(el, 'data-at'),
        proposal: attrOf(el, 'data-proposal'),
      }),
    },
  ],
});

const markDom: Record<string, Partial<MarkSpec>> = {
  em: { toDOM: () => ['em', 0], parseDOM: [{ tag: 'em' }, { tag: 'i' }, { style: 'font-style=italic' }] },
  strong: {
    toDOM: () => ['strong', 0],
    parseDOM: [{ tag: 'strong' }, { tag: 'b' }, { style: 'font-weight=bold' }],
  },
  ins: changeMarkDom('ins'),
  del: changeMarkDom('del'),
};

// The label is rendered by the label plugin (a widget decoration), not by toDOM: a widget is
// not part of the editable content, so it can be neither typed into nor copied as text.
const revisionDom: Record<string, DomParts> = {
  doc: {},
  preamble: {
    toDOM: () => ['p', { class: 'bis-preamble' }, 0],
    parseDOM: [{ tag: 'p.bis-preamble', priority: 60 }],
  },
  heading: {
    toDOM: (node: PMNode): DOMOutputSpec => {
      const level = Math.min(6, Math.max(1, Number(node.attrs.level) + 1 || 2));
      const attrs: Record<string, string> = { class: 'bis-heading' };
      if (node.attrs.id) attrs['data-id'] = str(node.attrs.id);
      if (node.attrs.number) attrs['data-number'] = str(node.attrs.number);
      if (node.attrs.role) attrs['data-role'] = str(node.attrs.role);
      const tags = tagsToDom(node.attrs.tags);
      if (tags) attrs['data-tags'] = tags;
      return [`h${level}`, attrs, 0];
    },
    parseDOM: [1, 2, 3, 4, 5, 6].map(
      (n): TagParseRule => ({
        tag: `h${n}`,
        getAttrs: (el: HTMLElement) => ({
          id: el.getAttribute('data-id'),
          level: Math.max(1, n - 1),
          number: el.getAttribute('data-number'),
          role: oneOf(el.getAttribute('data-role'), ['chapeau']),
          tags: tagsFromDom(el.getAttribute('data-tags')),
        }),
      }),
    ),
  },
  paragraph: {
    toDOM: (node: PMNode): DOMOutputSpec => {
      const attrs: Record<string, string> = { class: 'bis-paragraph', 'data-label': str(node.attrs.label) };
      if (node.attrs.id) attrs['data-id'] = str(node.attrs.id);
      if (node.attrs.order) attrs['data-order'] = str(node.attrs.order);
      if (node.attrs.labelStyle) attrs['data-label-style'] = str(node.attrs.labelStyle);
      const tags = tagsToDom(node.attrs.tags);
      if (tags) attrs['data-tags'] = tags;
      return ['div', attrs, 0];
    },
    parseDOM: [
      {
        tag: 'div.bis-paragraph',
        getAttrs: (el: HTMLElement) => ({
          id: el.getAttribute('data-id'),
          order: el.getAttribute('data-order'),
          label: el.getAttribute('data-label') ?? '',
          labelStyle: oneOf(el.getAttribute('data-label-style'), ['lettered', 'unnumbered']),
          tags: tagsFromDom(el.getAttribute('data-tags')),
        }),
      },
    ],
  },
  body: { toDOM: () => ['p', { class: 'bis-body' }, 0], parseDOM: [{ tag: 'p.bis-body' }, { tag: 'p' }] },
  point: {
    toDOM: (node: PMNode): DOMOutputSpec => [
      'p',
      { class: 'bis-point', 'data-label': str(node.attrs.label) },
      0,
    ],
    parseDOM: [
      {
        tag: 'p.bis-point',
        priority: 60,
        getAttrs: (el: HTMLElement) => ({ label: el.getAttribute('data-label') ?? '' }),
      },
    ],
  },
  footnote: {
    toDOM: (node: PMNode): DOMOutputSpec => [
      'sup',
      {
        class: 'bis-footnote',
        'data-mark': str(node.attrs.mark),
        'data-text': str(node.attrs.text),
        title: str(node.attrs.text),
      },
      str(node.attrs.mark),
    ],
    parseDOM: [
      {
        tag: 'sup.bis-footnote',
        getAttrs: (el: HTMLElement) => ({
          mark: el.getAttribute('data-mark') ?? el.textContent ?? '',
          text: el.getAttribute('data-text') ?? '',
        }),
      },
    ],
  },
  text: {},
};

const draftDom: Record<string, DomParts> = {
  draft: {},
  paragraph: { toDOM: () => ['p', 0], parseDOM: [{ tag: 'p' }] },
  text: {},
};

// Attribute specs without collab's `type`: the server checks values (validateUpdate); a
// ProseMirror `validate` here would make y-prosemirror delete a node it refuses (#39).
const pmAttrs = (attrs: { readonly [k: string]: AttrSpecData }): NonNullable<NodeSpec['attrs']> =>
  Object.fromEntries(
    Object.entries(attrs).map(([k, a]) => [k, 'default' in a ? { default: a.default } : {}]),
  );

// Copies the spec (frozen data from collab) and adds the DOM parts; a node or mark of the spec
// without DOM parts here fails loudly, so a schema change in collab cannot go unrendered.
const build = (spec: SchemaSpecData, nodeDom: Record<string, DomParts>): Schema => {
  const nodes: Record<string, NodeSpec> = {};
  for (const [name, node] of Object.entries(spec.nodes)) {
    const dom = nodeDom[name];
    if (!dom) throw new RangeError(`packages/editor has no DOM rendering for node "${name}"`);
    const { attrs, ...rest } = node;
    nodes[name] = { ...(rest as NodeSpec), ...(attrs ? { attrs: pmAttrs(attrs) } : {}), ...dom };
  }
  const marks: Record<string, MarkSpec> = {};
  for (const [name, mark] of Object.entries(spec.marks)) {
    const dom = markDom[name];
    if (!dom) throw new RangeError(`packages/editor has no DOM rendering for mark "${name}"`);
    const { attrs, ...rest } = mark;
    marks[name] = { ...(rest as MarkSpec), ...(attrs ? { attrs: pmAttrs(attrs) } : {}), ...dom };
  }
  return new Schema({ topNode: spec.topNode, nodes, marks });
};

let revisionSchema: Schema | null = null;
let draftSchema: Schema | null = null;

/**
 * The ProseMirror schema of a revision's text (collab's `revisionSchemaSpec` with toDOM and
 * parseDOM): headings (chapeau role and tags as `data-role`, `data-tags`), paragraphs (label in
 * `data-label`, its style in `data-label-style`, tags in `data-tags`; the label plugin shows the
 * printed label and the tags), points,
 * footnote atoms, and `ins`/`del` marks rendered as real `<ins>`/`<del>` elements.
 * One instance per page: ProseMirror compares node types by identity.
 */
export const createSchema = (): Schema => {
  revisionSchema ??= build(revisionSchemaSpec, revisionDom);
  return revisionSchema;
};

/** The ProseMirror schema of a draft's `text` and `rationale` (collab's `draftSchemaSpec`). */
export const createDraftSchema = (): Schema => {
  draftSchema ??= build(draftSchemaSpec, draftDom);
  return draftSchema;
};
