/**
 * Revision and next documents: `meta` (title, symbol, revision name beside schema and
 * generation) and `text`, the ProseMirror document of revisionSchemaSpec in y-prosemirror's shape.
 * `writeDocument` fills them from a @bis/core BisDocument; `readDocument` projects them back.
 */
import type { BisDocument, Block, Footnote, Heading, LabelStyle, Paragraph, Point } from '@bis/core';
import { BisInputError, headingId, orderKey, paragraphId } from '@bis/core';
import * as Y from 'yjs';
import { attrValueProblem } from './attr-check';
import { metaMap } from './meta';
import { type AttrSpecData, revisionSchemaSpec } from './schema';
import { type AttrValue, type ChangeView, element, inlineContent, readInline, strAttr, textOf } from './xml';

/** The `text` root of a revision or next document. */
export const textFragment = (ydoc: Y.Doc): Y.XmlFragment => ydoc.getXmlFragment('text');

// Attribute values of a node, checked against the schema so that a document the server writes
// is one validateUpdate would accept: a bad labelStyle or tag throws here, before anything changes.
const checkedAttrs = (
  node: 'heading' | 'paragraph',
  attrs: { readonly [k: string]: AttrValue },
  path: string,
): { readonly [k: string]: AttrValue } => {
  const specs: { readonly [k: string]: AttrSpecData } = revisionSchemaSpec.nodes[node].attrs;
  for (const [k, v] of Object.entries(attrs)) {
    const spec = specs[k];
    const problem = spec ? attrValueProblem(spec, v) : 'is not in the schema';
    if (problem !== null) throw new BisInputError(`${node} attribute "${k}" ${problem}`, `${path}.${k}`, v);
  }
  return attrs;
};

// Empty tag lists are left out, as absent ones are: both read back as no tags.
const tagsAttr = (tags: readonly string[] | undefined): readonly string[] | null =>
  tags !== undefined && tags.length > 0 ? tags : null;

/**
 * The attributes of a heading's element in the `text` fragment (`id`, `level`, `number`, `role`,
 * `tags`; absent values null). Throws BisInputError for a value the schema refuses.
 */
export const headingAttrs = (h: Heading, path = 'heading'): { readonly [k: string]: AttrValue } =>
  checkedAttrs(
    'heading',
    { id: h.id, level: h.level, number: h.number, role: h.role ?? null, tags: tagsAttr(h.tags) },
    path,
  );

/**
 * The attributes of a paragraph's element in the `text` fragment (`id`, `order`, `label`,
 * `labelStyle`, `tags`; absent values null). Throws BisInputError for a value the schema refuses.
 */
export const paragraphAttrs = (p: Paragraph, path = 'paragraph'): { readonly [k: string]: AttrValue } =>
  checkedAttrs(
    'paragraph',
    {
      id: p.id,
      order: p.order,
      label: p.label,
      labelStyle: p.labelStyle ?? null,
      tags: tagsAttr(p.tags),
    },
    path,
  );

const headingElement = (h: Heading, path: string): Y.XmlElement =>
  element('heading', headingAttrs(h, path), h.title === '' ? [] : [new Y.XmlText(h.title)]);

const pointElement = (p: Point, path: string): Y.XmlElement =>
  element('point', { label: p.label }, inlineContent(p.text, p.footnotes, path));

const paragraphElement = (p: Paragraph, path: string): Y.XmlElement =>
  element('paragraph', paragraphAttrs(p, path), [
    element('body', {}, inlineContent(p.text, p.footnotes, path)),
    ...p.points.map((pt, i) => pointElement(pt, `${path}.points[${i}]`)),
  ]);

/**
 * Fills `meta` (title, symbol, revision) and `text` of a revision or next document from `doc`,
 * replacing what `text` held, in one transaction. Throws BisInputError on a footnote offset
 * outside its text, or on a label style, heading role or tag the schema refuses.
 */
export const writeDocument = (ydoc: Y.Doc, doc: BisDocument): void => {
  // Build everything first so that bad input throws before the document changes.
  const nodes: Y.XmlElement[] = [];
  if (doc.preamble !== '') {
    for (const line of doc.preamble.split('\n'))
      nodes.push(element('preamble', {}, line === '' ? [] : [new Y.XmlText(line)]));
  }
  doc.blocks.forEach((b, i) => {
    nodes.push(
      b.kind === 'heading' ? headingElement(b, `blocks[${i}]`) : paragraphElement(b, `blocks[${i}]`),
    );
  });
  ydoc.transact(() => {
    const meta = metaMap(ydoc);
    meta.set('title', doc.title);
    meta.set('symbol', doc.symbol);
    meta.set('revision', doc.revision);
    const text = textFragment(ydoc);
    if (text.length > 0) text.delete(0, text.length);
    text.insert(0, nodes);
  });
};

// Tags as stored, when they are a list of tags; anything else (never accepted by the server)
// reads as none.
const readTags = (el: Y.XmlElement): { tags?: readonly string[] } => {
  const v: unknown = el.getAttribute('tags');
  return Array.isArray(v) && v.length > 0 && attrValueProblem({ type: { kind: 'tags' } }, v) === null
    ? { tags: [...(v as string[])] }
    : {};
};

const readLabelStyle = (el: Y.XmlElement): { labelStyle?: LabelStyle } => {
  const v: unknown = el.getAttribute('labelStyle');
  return v === 'lettered' || v === 'unnumbered' ? { labelStyle: v } : {};
};

const readParagraph = (el: Y.XmlElement, view: ChangeView): Paragraph => {
  let text = '';
  let footnotes: Footnote[] = [];
  const points: Point[] = [];
  for (const child of el.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === 'body') ({ text, footnotes } = readInline(child, view));
    else if (child.nodeName === 'point')
      points.push({ label: strAttr(child, 'label', ''), ...readInline(child, view) });
  }
  return {
    kind: 'paragraph',
    id: paragraphId(strAttr(el, 'id', '')),
    order: orderKey(strAttr(el, 'order', '')),
    label: strAttr(el, 'label', ''),
    text,
    points,
    footnotes,
    ...readLabelStyle(el),
    ...readTags(el),
  };
};

const readHeading = (el: Y.XmlElement, view: ChangeView): Heading => {
  const level: unknown = el.getAttribute('level');
  const num: unknown = el.getAttribute('number');
  return {
    kind: 'heading',
    id: headingId(strAttr(el, 'id', '')),
    level: typeof level === 'number' && Number.isInteger(level) && level > 0 ? level : 1,
    number: typeof num === 'string' ? num : null,
    title: el
      .toArray()
      .map((c) => (c instanceof Y.XmlText ? textOf(c, view) : ''))
      .join(''),
    ...(el.getAttribute('role') === 'chapeau' ? { role: 'chapeau' as const } : {}),
    ...readTags(el),
  };
};

/**
 * Projects a revision or next document to a BisDocument. Tracked changes are read as `view`
 * says (default `accepted`: insertions kept, deletions dropped). Nodes outside the schema are
 * skipped; a paragraph or heading without id or order (made by an editor that has not yet
 * assigned one) reads with an empty one. `labelStyle`, `role` and `tags` are present only when
 * set (an empty tag list reads as none).
 */
export const readDocument = (ydoc: Y.Doc, view: ChangeView = 'accepted'): BisDocument => {
  const meta = metaMap(ydoc);
  const str = (k: string): string | null => {
    const v: unknown = meta.get(k);
    return typeof v === 'string' ? v : null;
  };
  const preamble: string[] = [];
  const blocks: Block[] = [];
  for (const node of textFragment(ydoc).toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    if (node.nodeName === 'preamble') preamble.push(readInline(node, view).text);
    else if (node.nodeName === 'heading') blocks.push(readHeading(node, view));
    else if (node.nodeName === 'paragraph') blocks.push(readParagraph(node, view));
  }
  return {
    title: str('title') ?? '',
    symbol: str('symbol'),
    revision: str('revision'),
    preamble: preamble.join('\n'),
    blocks,
  };
};
