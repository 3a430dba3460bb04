/**
 * Revision and next documents: `meta` (title, symbol, revision name beside schema and
 * generation) and `text`, the ProseMirror document of revisionSchemaSpec in y-prosemirror's shape.
 * `writeDocument` fills them from a @bis/core BisDocument; `readDocument` projects them back.
 */
import type { BisDocument, Block, Footnote, Heading, Paragraph, Point } from '@bis/core';
import { headingId, orderKey, paragraphId } from '@bis/core';
import * as Y from 'yjs';
import { metaMap } from './meta';
import { type ChangeView, element, inlineContent, readInline, strAttr, textOf } from './xml';

/** The `text` root of a revision or next document. */
export const textFragment = (ydoc: Y.Doc): Y.XmlFragment => ydoc.getXmlFragment('text');

const headingElement = (h: Heading): Y.XmlElement =>
  element(
    'heading',
    { id: h.id, level: h.level, number: h.number },
    h.title === '' ? [] : [new Y.XmlText(h.title)],
  );

const pointElement = (p: Point, path: string): Y.XmlElement =>
  element('point', { label: p.label }, inlineContent(p.text, p.footnotes, path));

const paragraphElement = (p: Paragraph, path: string): Y.XmlElement =>
  element('paragraph', { id: p.id, order: p.order, label: p.label }, [
    element('body', {}, inlineContent(p.text, p.footnotes, path)),
    ...p.points.map((pt, i) => pointElement(pt, `${path}.points[${i}]`)),
  ]);

/**
 * Fills `meta` (title, symbol, revision) and `text` of a revision or next document from `doc`,
 * replacing what `text` held, in one transaction. Throws BisInputError on a footnote offset
 * outside its text.
 */
export const writeDocument = (ydoc: Y.Doc, doc: BisDocument): void => {
  // Build everything first so that bad input throws before the document changes.
  const nodes: Y.XmlElement[] = [];
  if (doc.preamble !== '') {
    for (const line of doc.preamble.split('\n'))
      nodes.push(element('preamble', {}, line === '' ? [] : [new Y.XmlText(line)]));
  }
  doc.blocks.forEach((b, i) => {
    nodes.push(b.kind === 'heading' ? headingElement(b) : paragraphElement(b, `blocks[${i}]`));
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
  };
};

/**
 * Projects a revision or next document to a BisDocument. Tracked changes are read as `view`
 * says (default `accepted`: insertions kept, deletions dropped). Nodes outside the schema are
 * skipped; a paragraph or heading without id or order (made by an editor that has not yet
 * assigned one) reads with an empty one.
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
