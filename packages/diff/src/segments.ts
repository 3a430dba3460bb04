/** A stretch of tokens common to both texts. */
export interface Equal {
  readonly kind: 'equal';
  readonly tokens: string[];
}

/**
 * A change: tokens deleted from the old text and tokens inserted in the new
 * text at the same place (either may be empty). Lengths are kept in UTF-16
 * code units so that cleanup never re-measures a growing change.
 */
export interface Change {
  readonly kind: 'change';
  readonly del: string[];
  readonly ins: string[];
  delLength: number;
  insLength: number;
}

/** Internal working form of a diff: equal and change segments, never two of a kind in a row. */
export type Segment = Equal | Change;

/** The total length of some tokens in UTF-16 code units. */
export function lengthOf(tokens: readonly string[]): number {
  let n = 0;
  for (const t of tokens) n += t.length;
  return n;
}

/** Appends without spreading, which would overflow the stack on very long token lists. */
export function append(target: string[], source: readonly string[]): void {
  for (const t of source) target.push(t);
}

/** A new change segment owning copies of the given tokens. */
export function change(del: readonly string[], ins: readonly string[]): Change {
  return { kind: 'change', del: [...del], ins: [...ins], delLength: lengthOf(del), insLength: lengthOf(ins) };
}

/**
 * Appends a segment, merging it into the last one when both are equal or both
 * are changes, and dropping empty ones, so the list keeps alternating.
 */
export function pushSegment(out: Segment[], seg: Segment): void {
  if (seg.kind === 'equal' ? seg.tokens.length === 0 : seg.del.length === 0 && seg.ins.length === 0) return;
  const last = out[out.length - 1];
  if (last === undefined || last.kind !== seg.kind) {
    out.push(seg.kind === 'equal' ? { kind: 'equal', tokens: [...seg.tokens] } : change(seg.del, seg.ins));
  } else if (last.kind === 'equal' && seg.kind === 'equal') {
    append(last.tokens, seg.tokens);
  } else if (last.kind === 'change' && seg.kind === 'change') {
    append(last.del, seg.del);
    append(last.ins, seg.ins);
    last.delLength += seg.delLength;
    last.insLength += seg.insLength;
  }
}
