/**
 * Notes on the brackets of an imported text. Brackets are never refused — negotiating texts are
 * full of them, and a bracket may open round a whole part (`[[Preamble]` … `…]]`) — but one that
 * spans several blocks, closes nothing or never closes is worth telling the importer about.
 */

import { analyseBrackets, type Block } from '@bis/core';
import type { ImportNote } from './notes';

const nameOf = (b: Block): string =>
  b.kind === 'heading'
    ? `heading "${b.title.length > 40 ? `${b.title.slice(0, 37)}…` : b.title}"`
    : `paragraph ${b.label}`;

const textOf = (b: Block): string =>
  b.kind === 'heading' ? b.title : [b.text, ...b.points.map((p) => p.text)].join(' ');

/**
 * Walks the blocks in order, carrying open brackets from one to the next; `lines[k]` is the
 * source line of `blocks[k]`. Notes each bracket that closes in a later block than it opened in,
 * each `]` that closes nothing, and each `[` still open at the end.
 */
export const bracketNotes = (blocks: readonly Block[], lines: readonly number[]): ImportNote[] => {
  const notes: ImportNote[] = [];
  // Brackets still open, innermost last: the block they opened in.
  let open: number[] = [];
  blocks.forEach((b, k) => {
    const text = textOf(b);
    if (open.length === 0 && !/[[\]]/.test(text)) return;
    const a = analyseBrackets(text, open.length);
    const line = lines[k] ?? 0;
    // Carried spans come first in `spans`; those closed here close their brackets, innermost first.
    const carried = a.spans.slice(0, open.length);
    const closedCarried = carried.filter((s) => s.end >= 0).length;
    for (const from of open.slice(open.length - closedCarried).reverse()) {
      notes.push({
        line,
        kind: 'brackets',
        message: `a bracket opened in ${nameOf(blocks[from] as Block)} (line ${lines[from]}) closes in ${nameOf(b)}`,
      });
    }
    open = open.slice(0, open.length - closedCarried);
    for (const p of a.problems) {
      if (p.kind === 'unopened') {
        notes.push({ line, kind: 'brackets', message: `a "]" in ${nameOf(b)} closes no bracket` });
      }
    }
    for (const s of a.spans.slice(carried.length)) if (s.end < 0) open.push(k);
  });
  for (const from of open) {
    notes.push({
      line: lines[from] ?? 0,
      kind: 'brackets',
      message: `a bracket opened in ${nameOf(blocks[from] as Block)} is never closed`,
    });
  }
  return notes;
};
