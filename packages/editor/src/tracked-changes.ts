/**
 * The tracked-change view: while a delegate types a draft amendment, its word-level diff
 * against the paragraph's current text is shown live — inserted words wrapped in real `<ins>`
 * elements (inline decorations), deleted words as `<del>` widgets with the struck text — so the
 * changes read as tracked changes without colour and are announced as insertions/deletions.
 * The decorations are a view of the draft only: they never change the document.
 */
import { type DiffRun, diffWords } from '@bis/diff';
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** Options of {@link trackedChangesPlugin}. */
export interface TrackedChangesOptions {
  /**
   * The text the draft is compared with (lines separated by `\n`, one per draft paragraph),
   * or null to show no changes (an insertion has nothing to compare with). Read again on each
   * change of the draft and when a transaction carries {@link refreshTrackedChanges}.
   */
  readonly current: () => string | null;
}

/** What the plugin keeps: the decorations and the diff they show. */
export interface TrackedChangesState {
  readonly decorations: DecorationSet;
  readonly runs: readonly DiffRun[];
}

/** The key of the tracked-change plugin's state. */
export const trackedChangesKey = new PluginKey<TrackedChangesState>('bis-tracked-changes');

/** Marks a transaction so the tracked-change view reads `current()` again (the base text changed). */
export const refreshTrackedChanges = (tr: Transaction): Transaction => tr.setMeta(trackedChangesKey, true);

/** The draft's plain text (paragraphs joined by `\n`) and where each paragraph starts. */
interface TextMap {
  readonly text: string;
  /** Per paragraph: offset of its first character in `text`, its position in the doc, its length. */
  readonly paras: readonly { readonly offset: number; readonly pos: number; readonly length: number }[];
}

const textMap = (doc: PMNode): TextMap => {
  const paras: { offset: number; pos: number; length: number }[] = [];
  const parts: string[] = [];
  let offset = 0;
  doc.forEach((node, pos) => {
    // Leaf inline nodes (none in drafts today) count as one character so positions stay right.
    const t = node.textBetween(0, node.content.size, '', '\uFFFC');
    paras.push({ offset, pos, length: t.length });
    parts.push(t);
    offset += t.length + 1;
  });
  return { text: parts.join('\n'), paras };
};

// The last paragraph starting at or before `offset`.
const paraAt = (map: TextMap, offset: number): number => {
  let lo = 0;
  let hi = map.paras.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((map.paras[mid]?.offset ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
};

// The document position of a text offset; the `\n` between two paragraphs maps to the end of
// the first, so a deletion there is shown at the end of that line.
const posAt = (map: TextMap, offset: number): number => {
  const p = map.paras[paraAt(map, offset)];
  if (!p) return 0;
  return p.pos + 1 + Math.min(offset - p.offset, p.length);
};

const delWidget = (text: string) => (): HTMLElement => {
  const el = document.createElement('del');
  el.className = 'bis-del bis-change';
  el.setAttribute('contenteditable', 'false');
  el.textContent = text;
  return el;
};

/**
 * The diff of `doc`'s text against `current` as decorations: `<ins>` around inserted words,
 * `<del>` widgets with deleted words. Exposed for tests and for read-only views.
 */
export const trackedChangeDecorations = (doc: PMNode, current: string | null): TrackedChangesState => {
  if (current === null) return { decorations: DecorationSet.empty, runs: [] };
  const map = textMap(doc);
  const runs = diffWords(current, map.text);
  const decos: Decoration[] = [];
  let offset = 0;
  let n = 0;
  for (const run of runs) {
    if (run.op === 'delete') {
      const at = posAt(map, offset);
      decos.push(
        Decoration.widget(at, delWidget(run.text), { side: -1, marks: [], key: `del-${n++}-${run.text}` }),
      );
      continue;
    }
    const end = offset + run.text.length;
    if (run.op === 'insert') {
      // One inline decoration per paragraph the run covers (decorations cannot cross blocks).
      for (let i = paraAt(map, offset); i < map.paras.length; i++) {
        const p = map.paras[i];
        if (!p || p.offset >= end) break;
        const from = Math.max(offset, p.offset);
        const to = Math.min(end, p.offset + p.length);
        if (to > from)
          decos.push(
            Decoration.inline(p.pos + 1 + (from - p.offset), p.pos + 1 + (to - p.offset), {
              nodeName: 'ins',
              class: 'bis-ins bis-change',
            }),
          );
      }
    }
    offset = end;
  }
  return { decorations: DecorationSet.create(doc, decos), runs };
};

/** A plugin showing, live, the draft's changes against `options.current()`. */
export const trackedChangesPlugin = (options: TrackedChangesOptions): Plugin<TrackedChangesState> =>
  new Plugin<TrackedChangesState>({
    key: trackedChangesKey,
    state: {
      init: (_config, state) => trackedChangeDecorations(state.doc, options.current()),
      apply: (tr, old, _oldState, newState) =>
        tr.docChanged || tr.getMeta(trackedChangesKey)
          ? trackedChangeDecorations(newState.doc, options.current())
          : old,
    },
    props: {
      decorations: (state) => trackedChangesKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
