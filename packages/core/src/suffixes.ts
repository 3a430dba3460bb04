import { BisInputError } from './errors';

/**
 * The Latin multiplicative suffixes that label inserted paragraphs: `77 bis`, `77 ter` …
 *
 * Suffix number 1 is `bis` (the second paragraph numbered 77), 2 is `ter`, and so on. The list
 * follows the practice of French and UN drafting: bis … decies, then `un-`, `duo-`, `ter-` …
 * `novo-` in front of each ten (`undecies`, `duodecies` … `novodecies`, `vicies`, `unvicies` …).
 */

// Units put in front of a ten to form 11–19, 21–29 …: `undecies`, `duodecies`, `terdecies` …
const UNITS = ['', 'un', 'duo', 'ter', 'quater', 'quin', 'sex', 'sept', 'octo', 'novo'] as const;
// The tens from 10 to 90 as multiplicative adverbs.
const TENS = [
  'decies',
  'vicies',
  'tricies',
  'quadragies',
  'quinquagies',
  'sexagies',
  'septuagies',
  'octogies',
  'nonagies',
] as const;
const FIRST_NINE = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies'] as const;

const generate = (): string[] => {
  const names: string[] = [...FIRST_NINE];
  for (const ten of TENS) for (const unit of UNITS) names.push(unit + ten);
  return names;
};

/**
 * The default suffixes, in order: `LATIN_SUFFIXES[0]` is `bis` (suffix 1), `[1]` is `ter` …
 * up to `novononagies` (the 99th paragraph of one number, suffix 98).
 */
export const LATIN_SUFFIXES: readonly string[] = Object.freeze(generate());

/**
 * Other spellings and abbreviations accepted when reading a label (`1quat`, `77 quinq.`), each
 * mapped to its canonical suffix. Keys are lower case and without a trailing dot.
 */
export const SUFFIX_VARIANTS: Readonly<Record<string, string>> = Object.freeze({
  quat: 'quater',
  quatr: 'quater',
  quinq: 'quinquies',
  quinquiens: 'quinquies',
  quinques: 'quinquies',
  quin: 'quinquies',
  sex: 'sexies',
  sept: 'septies',
  oct: 'octies',
  nov: 'novies',
  nonies: 'novies',
  dec: 'decies',
  undec: 'undecies',
  duodec: 'duodecies',
  tredecies: 'terdecies',
  terdec: 'terdecies',
  quattuordecies: 'quaterdecies',
  quaterdec: 'quaterdecies',
  quindec: 'quindecies',
  sedecies: 'sexdecies',
  sexdec: 'sexdecies',
  septiesdecies: 'septdecies',
  septemdecies: 'septdecies',
  septdec: 'septdecies',
  duodevicies: 'octodecies',
  octiesdecies: 'octodecies',
  octodec: 'octodecies',
  undevicies: 'novodecies',
  noviesdecies: 'novodecies',
  novodec: 'novodecies',
});

/** A suffix vocabulary: canonical names in order plus the spellings accepted when parsing. */
export interface SuffixTable {
  /** Canonical names; `names[0]` is suffix 1. */
  readonly names: readonly string[];
  /** Every accepted spelling (lower case, no trailing dot) → suffix number (1-based). */
  readonly lookup: ReadonlyMap<string, number>;
}

/**
 * Builds a suffix table from canonical names (in order) and variants (spelling → canonical
 * name). Throws BisInputError on an empty, duplicate or non-alphabetic name, or a variant that
 * points to no name.
 */
export const createSuffixTable = (
  names: readonly string[] = LATIN_SUFFIXES,
  variants: Readonly<Record<string, string>> = SUFFIX_VARIANTS,
): SuffixTable => {
  const lookup = new Map<string, number>();
  names.forEach((raw, i) => {
    const name = raw.toLowerCase();
    // Labels are parsed word by word; a suffix with spaces, digits or points would be ambiguous.
    if (!/^[a-z]{2,}$/.test(name))
      throw new BisInputError('a suffix is two or more letters a–z', `names[${i}]`, raw);
    if (name === 'alt') throw new BisInputError('"alt" is reserved for alternatives', `names[${i}]`, raw);
    if (lookup.has(name)) throw new BisInputError('duplicate suffix', `names[${i}]`, raw);
    lookup.set(name, i + 1);
  });
  for (const [raw, target] of Object.entries(variants)) {
    const n = lookup.get(target.toLowerCase());
    if (n === undefined)
      throw new BisInputError(`variant of unknown suffix "${target}"`, `variants.${raw}`, raw);
    const spelling = raw.toLowerCase().replace(/\.$/, '');
    if (!/^[a-z]{2,}$/.test(spelling))
      throw new BisInputError('a variant is two or more letters a–z', `variants.${raw}`, raw);
    // A canonical name always wins over a variant spelled the same way.
    if (!lookup.has(spelling)) lookup.set(spelling, n);
  }
  return { names: Object.freeze(names.map((n) => n.toLowerCase())), lookup };
};

/** The default table: `LATIN_SUFFIXES` with `SUFFIX_VARIANTS`. */
export const DEFAULT_SUFFIXES: SuffixTable = createSuffixTable();

/** The canonical name of suffix `n` (1 = `bis`), or null when the table has no such suffix. */
export const suffixName = (n: number, table: SuffixTable = DEFAULT_SUFFIXES): string | null =>
  table.names[n - 1] ?? null;

/**
 * The suffix number (1 = `bis`) of a written suffix, abbreviation or variant (`quat`, `quinq.`),
 * case-insensitive; null when it is not one.
 */
export const suffixNumber = (word: string, table: SuffixTable = DEFAULT_SUFFIXES): number | null =>
  table.lookup.get(word.toLowerCase().replace(/\.$/, '')) ?? null;
