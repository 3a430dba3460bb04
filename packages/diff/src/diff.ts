import { diffArrays } from 'diff';
import { absorbEqualities, slideEdits } from './cleanup';
import { change, pushSegment, type Segment } from './segments';
import { tokenize, tokenKind } from './tokens';

/** What a run of a diff does: text kept, text added, or text removed. */
export type DiffOp = 'equal' | 'insert' | 'delete';

/** A run of text with what happened to it; a diff is a list of runs. */
export interface DiffRun {
  readonly op: DiffOp;
  readonly text: string;
}

/** Options of {@link diffWords}. */
export interface DiffWordsOptions {
  /**
   * Whether to clean the raw token diff up so it reads like a marked-up text:
   * edits slid to word starts and joined when they can be, and small equal runs
   * between two changes absorbed into one change. Default `true`.
   */
  readonly cleanup?: boolean;
  /**
   * The most words an equal run sandwiched between two changes may hold and
   * still be absorbed into them (it must also be no longer, in UTF-16 units,
   * than the wider side of each change). Default 1: a space, a comma or a
   * word like "the" is absorbed, "of the" is not. 0 absorbs only spaces and punctuation.
   */
  readonly absorbWords?: number;
  /**
   * The most tokens (words, spaces, punctuation marks) one region of the texts
   * may differ by before that region is reported as a whole replacement instead
   * of being diffed token by token. Bounds the time spent on texts that are
   * long and wholly different (the diff costs about the square of this). Default 1000.
   */
  readonly maxEditLength?: number;
}

const DEFAULT_ABSORB_WORDS = 1;
const DEFAULT_MAX_EDIT_LENGTH = 1000;
// Above this many differing tokens, sentences are diffed first and words only
// inside the sentences that changed, so a long text with scattered edits stays
// fast and its unchanged sentences anchor the alignment. The sentence-level
// diff is cheap: a 10,000-word text has under a thousand sentences.
const SENTENCE_FIRST_ABOVE = 2000;

/**
 * Diffs two texts word by word into runs of equal, inserted and deleted text.
 *
 * The equal and deleted runs concatenate to `oldText`, the equal and inserted
 * runs to `newText`, exactly. Adjacent runs never share an op, and a
 * replacement is a delete run followed by an insert run. Words of spaced
 * scripts (Latin, Cyrillic, Arabic, …) change as a whole; Chinese, Japanese,
 * Thai and other unspaced scripts are compared character by character.
 * Throws a `RangeError` on a negative or fractional option.
 */
export function diffWords(oldText: string, newText: string, options: DiffWordsOptions = {}): DiffRun[] {
  if (typeof oldText !== 'string' || typeof newText !== 'string') {
    throw new TypeError('diffWords: both texts must be strings');
  }
  const absorbWords = checkCount('absorbWords', options.absorbWords ?? DEFAULT_ABSORB_WORDS);
  const maxEditLength = checkCount('maxEditLength', options.maxEditLength ?? DEFAULT_MAX_EDIT_LENGTH);
  let segments = diffTokens(tokenize(oldText), tokenize(newText), maxEditLength);
  if (options.cleanup ?? true) {
    segments = absorbEqualities(slideEdits(segments), { maxWords: absorbWords });
  }
  return toRuns(segments);
}

function checkCount(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`diffWords: option ${name} must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}

function toRuns(segments: readonly Segment[]): DiffRun[] {
  const runs: DiffRun[] = [];
  for (const seg of segments) {
    if (seg.kind === 'equal') {
      runs.push({ op: 'equal', text: seg.tokens.join('') });
      continue;
    }
    if (seg.del.length > 0) runs.push({ op: 'delete', text: seg.del.join('') });
    if (seg.ins.length > 0) runs.push({ op: 'insert', text: seg.ins.join('') });
  }
  return runs;
}

function diffTokens(a: readonly string[], b: readonly string[], maxEditLength: number): Segment[] {
  // The common ends cost nothing to find and keep the expensive part small.
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix++;
  }
  const out: Segment[] = [];
  pushSegment(out, { kind: 'equal', tokens: a.slice(0, prefix) });
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  if (midA.length + midB.length > SENTENCE_FIRST_ABOVE) diffBySentence(midA, midB, maxEditLength, out);
  else diffRegion(midA, midB, maxEditLength, out);
  pushSegment(out, { kind: 'equal', tokens: a.slice(a.length - suffix) });
  return out;
}

// Diffs two token lists into `out`; returns false, adding nothing, when they
// differ by more than maxEditLength tokens.
function tryDiffRegion(a: string[], b: string[], maxEditLength: number, out: Segment[]): boolean {
  if (a.length === 0 || b.length === 0) {
    pushSegment(out, change(a, b));
    return true;
  }
  const changes = diffArrays(a, b, { maxEditLength });
  if (changes === undefined) return false;
  for (const c of changes) {
    if (c.added) pushSegment(out, change([], c.value));
    else if (c.removed) pushSegment(out, change(c.value, []));
    else pushSegment(out, { kind: 'equal', tokens: c.value });
  }
  return true;
}

// Diffs two token lists into `out`, as one replacement when they differ too much.
function diffRegion(a: string[], b: string[], maxEditLength: number, out: Segment[]): void {
  if (!tryDiffRegion(a, b, maxEditLength, out)) pushSegment(out, change(a, b));
}

function diffBySentence(a: string[], b: string[], maxEditLength: number, out: Segment[]): void {
  const sentencesA = sentences(a);
  const sentencesB = sentences(b);
  const changes = diffArrays(
    sentencesA.map((s) => s.join('')),
    sentencesB.map((s) => s.join('')),
    { maxEditLength },
  );
  if (changes === undefined) {
    diffSentences(sentencesA, sentencesB, maxEditLength, out);
    return;
  }
  let ia = 0;
  let ib = 0;
  let pendingA: string[][] = [];
  let pendingB: string[][] = [];
  const flush = (): void => {
    diffSentences(pendingA, pendingB, maxEditLength, out);
    pendingA = [];
    pendingB = [];
  };
  for (const c of changes) {
    if (c.removed) {
      pendingA.push(...sentencesA.slice(ia, ia + c.count));
      ia += c.count;
    } else if (c.added) {
      pendingB.push(...sentencesB.slice(ib, ib + c.count));
      ib += c.count;
    } else {
      flush();
      for (const s of sentencesA.slice(ia, ia + c.count)) pushSegment(out, { kind: 'equal', tokens: s });
      ia += c.count;
      ib += c.count;
    }
  }
  flush();
}

// Diffs a run of changed sentences as one. When that differs too much and the
// run has as many sentences on both sides, as when a revision touches every
// sentence, each sentence is diffed against its counterpart instead.
function diffSentences(a: string[][], b: string[][], maxEditLength: number, out: Segment[]): void {
  const tokensA = a.flat();
  const tokensB = b.flat();
  if (tryDiffRegion(tokensA, tokensB, maxEditLength, out)) return;
  if (a.length === b.length) {
    for (const [i, sentence] of a.entries()) diffRegion(sentence, b[i] ?? [], maxEditLength, out);
  } else {
    pushSegment(out, change(tokensA, tokensB));
  }
}

const SENTENCE_END = /^[.!?;:。！？；]$/u;
const UNSPACED_SENTENCE_END = /^[。！？]$/u;

// Splits tokens into sentences: each ends after the space following a full
// stop (or similar), after a line break, or right after an ideographic full stop.
function sentences(tokens: readonly string[]): string[][] {
  const result: string[][] = [];
  let current: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    current.push(token);
    const ends =
      tokenKind(token) === 'space'
        ? token.includes('\n') || SENTENCE_END.test(tokens[i - 1] ?? '')
        : UNSPACED_SENTENCE_END.test(token);
    if (ends) {
      result.push(current);
      current = [];
    }
  }
  if (current.length > 0) result.push(current);
  return result;
}
