import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DiffRun, type DiffWordsOptions, diffWords, tokenize } from './index';
import { anyText } from './text-arbitrary.test-util';

function side(runs: readonly DiffRun[], skip: 'insert' | 'delete'): string {
  return runs
    .filter((r) => r.op !== skip)
    .map((r) => r.text)
    .join('');
}

// Offsets in `text` where a token starts or ends.
function tokenBoundaries(text: string): Set<number> {
  const at = new Set([0]);
  let offset = 0;
  for (const t of tokenize(text)) {
    offset += t.length;
    at.add(offset);
  }
  return at;
}

// Offsets in one side's text where its runs start or end.
function runBoundaries(runs: readonly DiffRun[], skip: 'insert' | 'delete'): number[] {
  const at: number[] = [];
  let offset = 0;
  for (const r of runs) {
    if (r.op === skip) continue;
    offset += r.text.length;
    at.push(offset);
  }
  return at;
}

// Collects every broken promise of a diff, so one expect reports them all (and stays fast).
function problems(oldText: string, newText: string, runs: readonly DiffRun[]): string[] {
  const found: string[] = [];
  if (side(runs, 'insert') !== oldText) found.push('equal+delete runs do not rebuild the old text');
  if (side(runs, 'delete') !== newText) found.push('equal+insert runs do not rebuild the new text');
  for (const [i, run] of runs.entries()) {
    if (run.text === '') found.push(`run ${i} is empty`);
    const next = runs[i + 1];
    if (next === undefined) continue;
    if (next.op === run.op) found.push(`runs ${i} and ${i + 1} are both ${run.op}`);
    // A replacement is a delete then an insert, never the other way round.
    if (run.op === 'insert' && next.op === 'delete') found.push(`insert ${i} comes before delete ${i + 1}`);
  }
  // Runs never cut a word (or a Chinese character with its marks) in two.
  const oldAt = tokenBoundaries(oldText);
  for (const b of runBoundaries(runs, 'insert'))
    if (!oldAt.has(b)) found.push(`old text cut inside a token at ${b}`);
  const newAt = tokenBoundaries(newText);
  for (const b of runBoundaries(runs, 'delete'))
    if (!newAt.has(b)) found.push(`new text cut inside a token at ${b}`);
  return found;
}

function checkShape(oldText: string, newText: string, runs: readonly DiffRun[]): void {
  expect(problems(oldText, newText, runs)).toEqual([]);
}

// Words and separators from the scripts Bis must handle, so that random texts share tokens.
const pieces = [
  'human',
  'rights',
  'the',
  'centre',
  'center',
  'dignity',
  'children’s',
  'rights-based',
  '2.6',
  'réaffirmons',
  'droits',
  'حقوق',
  'الإنسان',
  'права',
  'человека',
  '人',
  '权',
  '数字',
  'デジタル',
  'สิทธิ',
  ' ',
  ' ',
  ' ',
  '  ',
  '\n',
  ',',
  '.',
  '،',
  '。',
  '–',
  '(',
  ')',
  '“',
  '”',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));

// A text made of the given pieces and an edited copy: pieces replaced, removed or
// inserted (at the end too, as "add" at index length).
function editedPair(from: readonly string[], maxLength: number): fc.Arbitrary<readonly [string, string]> {
  return fc
    .tuple(
      fc.array(fc.constantFrom(...from), { maxLength }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom('drop', 'swap', 'add'), fc.constantFrom(...from)), {
        maxLength: 8,
      }),
    )
    .map(([base, edits]) => {
      const edited = [...base];
      for (const [at, kind, piece] of edits) {
        if (kind === 'add') edited.splice(at % (edited.length + 1), 0, piece);
        else if (edited.length > 0 && kind === 'drop') edited.splice(at % edited.length, 1);
        else if (edited.length > 0) edited.splice(at % edited.length, 1, piece);
      }
      return [base.join(''), edited.join('')] as const;
    });
}

const textPair = editedPair(pieces, 40);
// Few, repeated pieces: the texts where a change can slide along equal tokens.
const repetitivePair = editedPair(['human', ' ', ',', '人', '\n', 'the'], 12);

const options = fc.record(
  {
    cleanup: fc.boolean(),
    absorbWords: fc.nat({ max: 3 }),
    maxEditLength: fc.integer({ min: 1, max: 50 }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<DiffWordsOptions>;

// Hundreds of diffs per property take seconds on a busy machine; they assert behaviour, not speed.
const PROPERTY_TIMEOUT = 60_000;
// Set BIS_PROPERTY_RUNS=100000 to hunt harder for counterexamples.
const RUNS = Number(process.env.BIS_PROPERTY_RUNS ?? 500);

describe('diffWords properties', () => {
  it(
    'rebuilds both texts from any unicode strings',
    () => {
      fc.assert(fc.property(anyText(60), anyText(60), (a, b) => checkShape(a, b, diffWords(a, b))));
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'rebuilds both texts from any graphemes, with any options',
    () => {
      fc.assert(
        fc.property(
          fc.string({ unit: 'grapheme', maxLength: 40 }),
          fc.string({ unit: 'grapheme', maxLength: 40 }),
          options,
          (a, b, o) => checkShape(a, b, diffWords(a, b, o)),
        ),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'rebuilds both texts of an edited multi-script text, with any options',
    () => {
      fc.assert(
        fc.property(textPair, options, ([a, b], o) => checkShape(a, b, diffWords(a, b, o))),
        { numRuns: RUNS },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'rebuilds both texts of repetitive texts, with any options',
    () => {
      fc.assert(
        fc.property(repetitivePair, options, ([a, b], o) => checkShape(a, b, diffWords(a, b, o))),
        // Short texts, so many runs are cheap; the slide corner cases are rare.
        { numRuns: RUNS * 4 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'rebuilds two unrelated multi-script texts',
    () => {
      fc.assert(fc.property(text, text, (a, b) => checkShape(a, b, diffWords(a, b))));
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'finds no change between a text and itself',
    () => {
      fc.assert(
        fc.property(text, (a) => {
          expect(diffWords(a, a)).toEqual(a === '' ? [] : [{ op: 'equal', text: a }]);
        }),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'swaps inserts and deletes when the texts are swapped, without cleanup',
    () => {
      fc.assert(
        fc.property(textPair, ([a, b]) => {
          const forward = diffWords(a, b, { cleanup: false });
          const backward = diffWords(b, a, { cleanup: false });
          const changed = (runs: readonly DiffRun[], op: 'insert' | 'delete') =>
            runs.filter((r) => r.op === op).reduce((n, r) => n + tokenize(r.text).length, 0);
          // The raw diff is a minimal one in tokens, whichever way round: what one
          // direction inserts, the other deletes, counted in tokens (not characters:
          // two minimal diffs may keep different tokens).
          expect(changed(forward, 'insert')).toBe(changed(backward, 'delete'));
          expect(changed(forward, 'delete')).toBe(changed(backward, 'insert'));
        }),
      );
    },
    PROPERTY_TIMEOUT,
  );
});
