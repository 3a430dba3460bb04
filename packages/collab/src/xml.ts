/**
 * Building and reading y-prosemirror's Yjs shape (Y.XmlElement per node, its attributes as the
 * node's attrs, Y.XmlText per run of text with marks as formatting attributes) for the pieces
 * the revision and draft documents share: inline content with footnotes, and plain text as
 * paragraphs.
 */
import type { Footnote } from '@bis/core';
import { BisInputError } from '@bis/core';
import * as Y from 'yjs';

/** Which text a projection keeps of tracked changes: `accepted` drops `del`, `original` drops `ins`. */
export type ChangeView = 'accepted' | 'original';

/** An attribute value the writers set: y-prosemirror stores attrs as plain JSON values. */
export type AttrValue = string | number | readonly string[] | null;

/** Makes a detached element with `attrs` (null values left out, as y-prosemirror does). */
export const element = (
  name: string,
  attrs: { readonly [k: string]: AttrValue },
  children: readonly (Y.XmlElement | Y.XmlText)[] = [],
): Y.XmlElement => {
  const el = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs))
    if (v !== null) el.setAttribute(k, (Array.isArray(v) ? [...v] : v) as string);
  if (children.length > 0) el.insert(0, [...children]);
  return el;
};

/**
 * The children of a node holding `text` with footnote references (inline atoms `footnote`
 * placed at their offsets). Footnotes at one offset keep their order.
 */
export const inlineContent = (
  text: string,
  footnotes: readonly Footnote[],
  path: string,
): (Y.XmlElement | Y.XmlText)[] => {
  const sorted = footnotes
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.offset - b.f.offset || a.i - b.i)
    .map(({ f }) => f);
  const out: (Y.XmlElement | Y.XmlText)[] = [];
  let at = 0;
  for (const [i, f] of sorted.entries()) {
    if (!Number.isInteger(f.offset) || f.offset < 0 || f.offset > text.length) {
      throw new BisInputError(
        `footnote offset ${f.offset} outside the text (length ${text.length})`,
        `${path}.footnotes[${i}].offset`,
        f.offset,
      );
    }
    if (f.offset > at) out.push(new Y.XmlText(text.slice(at, f.offset)));
    at = f.offset;
    out.push(element('footnote', { mark: f.mark, text: f.text }));
  }
  if (text.length > at) out.push(new Y.XmlText(text.slice(at)));
  return out;
};

/** A string attribute, or `fallback` when missing or of another type. */
export const strAttr = (el: Y.XmlElement, key: string, fallback: string): string => {
  const v: unknown = el.getAttribute(key);
  return typeof v === 'string' ? v : fallback;
};

/** The text of an XmlText under `view` (formatting dropped). */
export const textOf = (t: Y.XmlText, view: ChangeView): string => {
  let s = '';
  for (const op of t.toDelta() as { insert?: unknown; attributes?: { [k: string]: unknown } }[]) {
    if (typeof op.insert !== 'string') continue;
    const a = op.attributes;
    if (a && ((view === 'accepted' && a.del != null) || (view === 'original' && a.ins != null))) continue;
    s += op.insert;
  }
  return s;
};

/** Reads inline content back: the text and its footnotes at their offsets. Unknown nodes are skipped. */
export const readInline = (el: Y.XmlElement, view: ChangeView): { text: string; footnotes: Footnote[] } => {
  let text = '';
  const footnotes: Footnote[] = [];
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) text += textOf(child, view);
    else if (child instanceof Y.XmlElement && child.nodeName === 'footnote') {
      footnotes.push({
        mark: strAttr(child, 'mark', ''),
        offset: text.length,
        text: strAttr(child, 'text', ''),
      });
    }
  }
  return { text, footnotes };
};

/** Fills an empty fragment with `text` as paragraphs, one per line (the draft schema's shape). */
export const writePlainText = (fragment: Y.XmlFragment, text: string): void => {
  if (fragment.length > 0) fragment.delete(0, fragment.length);
  fragment.insert(
    0,
    text.split('\n').map((line) => element('paragraph', {}, line === '' ? [] : [new Y.XmlText(line)])),
  );
};

/** Reads a fragment of paragraphs back as plain text, one line per paragraph. */
export const readPlainText = (fragment: Y.XmlFragment): string =>
  fragment
    .toArray()
    .filter((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === 'paragraph')
    .map((p) =>
      p
        .toArray()
        .map((c) => (c instanceof Y.XmlText ? textOf(c, 'accepted') : ''))
        .join(''),
    )
    .join('\n');
