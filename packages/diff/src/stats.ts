import type { DiffRun } from './diff';
import { countWords } from './tokens';

/** How much text one side of a diff holds: words and characters (Unicode code points). */
export interface DiffAmount {
  readonly words: number;
  readonly chars: number;
}

/**
 * How much a diff inserts and deletes. A replacement counts on both sides, and
 * so does an equal word absorbed into a change by cleanup. Words are counted
 * as {@link diffWords} splits them: one per character in Chinese, Japanese or Thai.
 */
export interface DiffStats {
  readonly inserted: DiffAmount;
  readonly deleted: DiffAmount;
}

/** Counts the words and characters a diff inserts and deletes. */
export function diffStats(runs: readonly DiffRun[]): DiffStats {
  let insertedWords = 0;
  let insertedChars = 0;
  let deletedWords = 0;
  let deletedChars = 0;
  for (const run of runs) {
    if (run.op === 'insert') {
      insertedWords += countWords(run.text);
      insertedChars += codePoints(run.text);
    } else if (run.op === 'delete') {
      deletedWords += countWords(run.text);
      deletedChars += codePoints(run.text);
    }
  }
  return {
    inserted: { words: insertedWords, chars: insertedChars },
    deleted: { words: deletedWords, chars: deletedChars },
  };
}

/** Whether a diff inserts or deletes anything at all. */
export function hasChanges(runs: readonly DiffRun[]): boolean {
  return runs.some((run) => run.op !== 'equal');
}

function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
