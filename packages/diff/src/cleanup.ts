import { append, type Change, change, lengthOf, pushSegment, type Segment } from './segments';
import { tokenKind } from './tokens';

// How good a place between two tokens is for a change to start or end.
// Higher is better: text edges and line breaks, then the start of a word after
// a space ("We |strongly |affirm" rather than "We| strongly| affirm"), then a
// space after a word or punctuation, then punctuation/word seams.
function boundaryScore(tokens: readonly string[], at: number): number {
  const before = tokens[at - 1];
  const after = tokens[at];
  if (before === undefined || after === undefined) return 6;
  const kindBefore = tokenKind(before);
  const kindAfter = tokenKind(after);
  if ((kindBefore === 'space' && before.includes('\n')) || (kindAfter === 'space' && after.includes('\n'))) {
    return 5;
  }
  if (kindBefore === 'space') return 4;
  if (kindAfter === 'space') return 3;
  if (kindBefore === 'punct' && kindAfter === 'word') return 2;
  if (kindBefore === 'word' && kindAfter === 'punct') return 1;
  return 0;
}

// Sliding a change so that it swallows a whole neighbouring equality joins it to
// the change beyond: "human [+dignity, including digital ]dignity[+,] in" becomes
// "human dignity[+, including digital dignity,] in". That outweighs any boundary score.
const JOIN_BONUS = 100;

/**
 * Slides each pure insertion or pure deletion along the equal text around it
 * to where it reads best (the diff-match-patch "lossless" step, on tokens).
 * A change can slide by one token when the token leaving one end equals the
 * token entering the other, so both texts stay exactly as they were.
 */
export function slideEdits(segments: readonly Segment[]): Segment[] {
  const work = [...segments];
  const out: Segment[] = [];
  for (let i = 0; i < work.length; i++) {
    const seg = work[i];
    if (seg === undefined) continue;
    if (seg.kind === 'equal' || (seg.del.length > 0 && seg.ins.length > 0)) {
      pushSegment(out, seg);
      continue;
    }
    const prev = out[out.length - 1];
    // The equality before was swallowed by an earlier slide: this change simply joins that one.
    if (prev?.kind === 'change') {
      pushSegment(out, seg);
      continue;
    }
    const next = work[i + 1];
    const before = prev?.tokens ?? [];
    const after = next?.kind === 'equal' ? next.tokens : [];
    const moving = seg.del.length > 0 ? seg.del : seg.ins;
    const n = moving.length;
    const all = [...before, ...moving, ...after];
    const start = before.length;
    let lo = start;
    while (lo > 0 && all[lo - 1] === all[lo - 1 + n]) lo--;
    let hi = start;
    while (hi + n < all.length && all[hi] === all[hi + n]) hi++;
    if (lo === hi) {
      pushSegment(out, seg);
      continue;
    }
    const changeBefore = out.length >= 2;
    const changeAfter = work[i + 2] !== undefined;
    let best = start;
    let bestScore = -1;
    for (let j = lo; j <= hi; j++) {
      let score = boundaryScore(all, j) + boundaryScore(all, j + n);
      if (j === 0 && changeBefore) score += JOIN_BONUS;
      if (j + n === all.length && changeAfter) score += JOIN_BONUS;
      // Ties keep the position the diff found.
      if (score > bestScore || (score === bestScore && j === start)) {
        best = j;
        bestScore = score;
      }
    }
    if (prev !== undefined) out.pop();
    pushSegment(out, { kind: 'equal', tokens: all.slice(0, best) });
    const moved = all.slice(best, best + n);
    pushSegment(out, seg.del.length > 0 ? change(moved, []) : change([], moved));
    // Replaces the equality after, or adds one when the change slid back from the end of the text.
    work[i + 1] = { kind: 'equal', tokens: all.slice(best + n) };
  }
  return out;
}

/** Options of {@link absorbEqualities}. */
export interface AbsorbOptions {
  /** The most words an equal run may hold and still be absorbed. */
  readonly maxWords: number;
}

function widest(c: Change): number {
  return Math.max(c.delLength, c.insLength);
}

function wordsIn(tokens: readonly string[], limit: number): number {
  let n = 0;
  for (const t of tokens) if (tokenKind(t) === 'word' && ++n > limit) break;
  return n;
}

/**
 * Absorbs small equal runs sandwiched between two changes into one change,
 * so "[-the->a] [-centre->center]" reads "[-the centre->a center]". An equal
 * run is small when it holds at most `maxWords` words and is no longer than
 * the wider side (deleted or inserted) of each neighbouring change — the
 * diff-match-patch semantic-cleanup rule, plus a cap in words so that a kept
 * phrase between two long rewrites still shows as kept. A run holding a line
 * break is never absorbed.
 */
export function absorbEqualities(segments: readonly Segment[], options: AbsorbOptions): Segment[] {
  const out: Segment[] = [];
  for (const seg of segments) {
    if (seg.kind === 'equal') {
      out.push(seg);
      continue;
    }
    let current: Change = change(seg.del, seg.ins);
    for (;;) {
      const eq = out[out.length - 1];
      const prev = out[out.length - 2];
      if (eq?.kind !== 'equal' || prev?.kind !== 'change') break;
      const eqLength = lengthOf(eq.tokens);
      if (eqLength > widest(prev) || eqLength > widest(current)) break;
      if (wordsIn(eq.tokens, options.maxWords) > options.maxWords) break;
      // A line break is structure (a new paragraph or point), never noise between two edits.
      if (eq.tokens.some((t) => t.includes('\n'))) break;
      out.length -= 2;
      append(prev.del, eq.tokens);
      append(prev.del, current.del);
      append(prev.ins, eq.tokens);
      append(prev.ins, current.ins);
      prev.delLength += eqLength + current.delLength;
      prev.insLength += eqLength + current.insLength;
      current = prev;
    }
    out.push(current);
  }
  return out;
}
