/**
 * The chairs' own insertions, tracked and attributed: text a co-facilitator types or pastes into
 * the next revision is marked `ins` with their id (`by`), the time (`at`) and no proposal, so the
 * working text shows who wrote what beside the proposals' own insertions. Text typed inside a
 * proposal's insertion is re-marked as the chair's. Changes arriving from Yjs (a colleague's
 * typing, undo) are left as they are: the colleague's editor marked them.
 */
import type { MarkType, Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { ySyncPluginKey } from 'y-prosemirror';

/** Options of {@link ownInsertionsPlugin}. */
export interface OwnInsertionsOptions {
  /** Who types (the user id the server stamps on its own marks), or null: nothing is marked. */
  readonly by: () => string | null;
  /** The time stamp of a new mark (ISO 8601). Default: now. */
  readonly now?: () => string;
}

/** The key of the own-insertions plugin. */
export const ownInsertionsKey = new PluginKey('bis-own-insertions');

const fromYjs = (tr: Transaction): boolean =>
  (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;

// The ranges of the final document that `trs` inserted (local transactions only).
const insertedRanges = (trs: readonly Transaction[]): [number, number][] => {
  let ranges: [number, number][] = [];
  for (const tr of trs) {
    if (!tr.docChanged) continue;
    ranges = ranges.map(([a, b]) => [tr.mapping.map(a, 1), tr.mapping.map(b, -1)]);
    if (fromYjs(tr)) continue;
    tr.steps.forEach((step, i) => {
      const rest = tr.mapping.slice(i + 1);
      step.getMap().forEach((_from, _to, start, end) => {
        if (end > start) ranges.push([rest.map(start, 1), rest.map(end, -1)]);
      });
    });
  }
  return ranges.filter(([a, b]) => b > a);
};

// Marks the text of [from, to) as the chair's insertion, footnote atoms and all.
const markRange = (
  tr: Transaction,
  doc: PMNode,
  ins: MarkType,
  from: number,
  to: number,
  attrs: { by: string; at: string; proposal: null },
) => {
  // Typing on from one's own insertion continues it (one mark, its first time), so a sentence
  // typed key by key is one insertion, not one per key.
  const before = doc.resolve(from).nodeBefore;
  const mark =
    before?.marks.find((m) => m.type === ins && m.attrs.proposal === null && m.attrs.by === attrs.by) ??
    ins.create(attrs);
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isInline) return true;
    const a = Math.max(from, pos);
    const b = Math.min(to, pos + node.nodeSize);
    const mine = node.marks.some(
      (m) => m.type === ins && m.attrs.proposal === null && m.attrs.by === attrs.by,
    );
    if (b > a && !mine) tr.addMark(a, b, mark);
    return false;
  });
};

/** The plugin marking the person's own insertions (see the module comment). */
export const ownInsertionsPlugin = (options: OwnInsertionsOptions): Plugin =>
  new Plugin({
    key: ownInsertionsKey,
    appendTransaction(trs, _old, state) {
      const by = options.by();
      const ins = state.schema.marks.ins;
      if (!by || !ins) return null;
      const ranges = insertedRanges(trs);
      if (ranges.length === 0) return null;
      const tr = state.tr;
      const attrs = { by, at: (options.now ?? (() => new Date().toISOString()))(), proposal: null };
      for (const [a, b] of ranges)
        markRange(tr, state.doc, ins, a, Math.min(b, state.doc.content.size), attrs);
      return tr.docChanged ? tr : null;
    },
  });
