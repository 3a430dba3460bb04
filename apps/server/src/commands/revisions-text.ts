/**
 * Writing applied proposals into the live `next` document without disturbing the chairs who are
 * editing it: only the paragraphs that changed are replaced, and each carries its changes as
 * tracked changes against the base revision — `ins`/`del` marks whose attrs name the proposal
 * (`proposal`), who applied it (`by`) and when (`at`). The accepted view (`readDocument`) is the
 * working text; the struck passages stay visible until publication.
 */
import { type AttrValue, paragraphAttrs, readDocument, textFragment, writeDocument } from '@bis/collab';
import type { BisDocument, Block, Paragraph, Point, ProposalId } from '@bis/core';
import { diffWords } from '@bis/diff';
import * as Y from 'yjs';

/** Who and what a patch is attributed to. */
export interface Attribution {
  /** The proposal each changed paragraph takes its marks from (by paragraph id). */
  readonly proposalOf: ReadonlyMap<string, ProposalId>;
  /** The user id of the chair who applied it. */
  readonly by: string;
  /** ISO 8601. */
  readonly at: string;
}

const same = (a: Paragraph, b: Paragraph): boolean => JSON.stringify(a) === JSON.stringify(b);

// Text runs with tracked changes from `old` (null: all new) to `text`.
const trackedText = (old: string | null, text: string, mark: Record<string, string>): Y.XmlText => {
  const t = new Y.XmlText();
  let at = 0;
  const runs = old === null ? [{ op: 'insert' as const, text }] : diffWords(old, text);
  for (const r of runs) {
    if (r.text === '') continue;
    const attrs = r.op === 'insert' ? { ins: mark } : r.op === 'delete' ? { del: mark } : {};
    t.insert(at, r.text, attrs);
    at += r.text.length;
  }
  return t;
};

const el = (
  name: string,
  attrs: { readonly [k: string]: AttrValue },
  children: (Y.XmlElement | Y.XmlText)[],
) => {
  const e = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs))
    if (v !== null) e.setAttribute(k, (Array.isArray(v) ? [...v] : v) as string);
  if (children.length > 0) e.insert(0, children);
  return e;
};

// A paragraph element with tracked changes against `base` (null for a new paragraph), or null
// when it has footnotes (their places inside changed text are not tracked: written plain).
const trackedParagraph = (p: Paragraph, base: Paragraph | null, mark: Record<string, string>) => {
  if (p.footnotes.length > 0 || p.points.some((pt) => pt.footnotes.length > 0)) return null;
  const basePoint = (pt: Point) => base?.points.find((b) => b.label === pt.label)?.text ?? null;
  const content = (old: string | null, text: string) =>
    old === text && old === '' ? [] : [trackedText(old, text, mark)];
  // The same attributes as collab's writer: label style and tags survive the patch.
  return el('paragraph', paragraphAttrs(p), [
    el('body', {}, content(base ? base.text : null, p.text)),
    ...p.points.map((pt) => el('point', { label: pt.label }, content(base ? basePoint(pt) : null, pt.text))),
  ]);
};

// Plain elements of `doc`'s blocks (by id), written by collab's own writer into a scratch doc.
const plainElements = (doc: BisDocument): Map<string, Y.XmlElement> => {
  const scratch = new Y.Doc();
  writeDocument(scratch, doc);
  const out = new Map<string, Y.XmlElement>();
  for (const node of textFragment(scratch).toArray())
    if (node instanceof Y.XmlElement && node.nodeName === 'paragraph') {
      const id = node.getAttribute('id');
      if (typeof id === 'string') out.set(id, node);
    }
  return out;
};

/**
 * Replaces, in the `next` document, the paragraphs that differ between `before` (its current
 * accepted view) and `after`, keeping every other element (and the chairs' edits in it)
 * untouched. `base` (the revision it was opened from) is what the tracked changes compare with.
 * Call inside the document's transaction; `before` must be read in that same transaction.
 */
export const patchNextText = (
  ydoc: Y.Doc,
  base: BisDocument,
  before: BisDocument,
  after: BisDocument,
  who: Attribution,
): void => {
  const old = new Map(
    before.blocks.filter((b): b is Paragraph => b.kind === 'paragraph').map((p) => [p.id, p]),
  );
  const inBase = new Map(
    base.blocks.filter((b): b is Paragraph => b.kind === 'paragraph').map((p) => [p.id, p]),
  );
  const kept = new Set<string>();
  for (const b of after.blocks) {
    if (b.kind !== 'paragraph') continue;
    const o = old.get(b.id);
    if (o && same(o, b)) kept.add(b.id);
  }
  let plain: Map<string, Y.XmlElement> | null = null;
  const elementFor = (p: Paragraph): Y.XmlElement => {
    const proposal = who.proposalOf.get(p.id);
    const mark = { by: who.by, at: who.at, ...(proposal ? { proposal } : {}) };
    const tracked = trackedParagraph(p, inBase.get(p.id) ?? null, mark);
    if (tracked) return tracked;
    plain ??= plainElements(after);
    return (plain.get(p.id) as Y.XmlElement).clone();
  };
  // Build first: nothing is changed if building throws.
  const fresh = new Map<Block, Y.XmlElement>();
  for (const b of after.blocks) if (b.kind === 'paragraph' && !kept.has(b.id)) fresh.set(b, elementFor(b));

  const text = textFragment(ydoc);
  const nodes = text.toArray();
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i];
    if (!(n instanceof Y.XmlElement) || n.nodeName !== 'paragraph') continue;
    const id = n.getAttribute('id');
    if (typeof id !== 'string' || !kept.has(id)) text.delete(i, 1);
  }
  // Now the fragment holds the preamble, the headings and the kept paragraphs, in `after`'s
  // relative order (apply never reorders what it keeps): insert the fresh ones between them.
  let pos = text.toArray().findIndex((n) => n instanceof Y.XmlElement && n.nodeName !== 'preamble');
  if (pos < 0) pos = text.length;
  for (const b of after.blocks) {
    const e = fresh.get(b);
    if (e) text.insert(pos, [e]);
    pos++;
  }
};

/** The accepted view of the `next` document (the working text). */
export const workingText = (ydoc: Y.Doc): BisDocument => readDocument(ydoc, 'accepted');
