/**
 * Word's automatic list numbering (`word/numbering.xml`): the numbers a reader sees in front of
 * paragraphs whose `w:numPr` (or whose style's) points at a list. Bis needs the printed labels
 * (`12.`, `(b)`, `IV.`), so the counters are replayed in document order.
 *
 * Counters belong to the abstract list, as in Word: two `w:num`s sharing an abstract list
 * continue one another unless one of them overrides the start (`w:lvlOverride/w:startOverride`),
 * which restarts it where it is first used. A paragraph at level N restarts the levels below it.
 */

import { childOf, childrenOf, type XmlElement } from './xml';

interface Level {
  readonly start: number;
  readonly format: string;
  readonly text: string;
}

interface NumDef {
  readonly abstract: string;
  readonly overrides: ReadonlyMap<number, number>;
}

const attr = (el: XmlElement | undefined, name = 'w:val'): string | undefined => el?.attrs[name];

const toRoman = (n: number): string => {
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of table)
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  return out;
};

// a … z, then aa … zz, as Word letters lists.
const toLetters = (n: number): string => {
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
};

/** Formats a counter in one of Word's number formats; null for bullets and `none`. */
export const formatNumber = (n: number, format: string): string | null => {
  switch (format) {
    case 'decimal':
    case 'decimalZero':
      return format === 'decimalZero' && n < 10 ? `0${n}` : String(n);
    case 'lowerLetter':
      return toLetters(n);
    case 'upperLetter':
      return toLetters(n).toUpperCase();
    case 'lowerRoman':
      return toRoman(n);
    case 'upperRoman':
      return toRoman(n).toUpperCase();
    default:
      return null;
  }
};

/** Replays Word's list counters; `next` gives each numbered paragraph its printed number. */
export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, NumDef>();
  private readonly counters = new Map<string, number[]>();
  private readonly started = new Set<string>();

  /** Reads `word/numbering.xml` (its root element), or nothing for a document without lists. */
  constructor(root: XmlElement | null) {
    if (!root) return;
    for (const a of childrenOf(root, 'w:abstractNum')) {
      const levels = new Map<number, Level>();
      for (const l of childrenOf(a, 'w:lvl')) {
        levels.set(Number(l.attrs['w:ilvl'] ?? 0), {
          start: Number(attr(childOf(l, 'w:start')) ?? 1),
          format: attr(childOf(l, 'w:numFmt')) ?? 'decimal',
          text: attr(childOf(l, 'w:lvlText')) ?? '',
        });
      }
      this.abstracts.set(a.attrs['w:abstractNumId'] ?? '', levels);
    }
    for (const n of childrenOf(root, 'w:num')) {
      const overrides = new Map<number, number>();
      for (const o of childrenOf(n, 'w:lvlOverride')) {
        const start = attr(childOf(o, 'w:startOverride'));
        if (start !== undefined) overrides.set(Number(o.attrs['w:ilvl'] ?? 0), Number(start));
      }
      this.nums.set(n.attrs['w:numId'] ?? '', {
        abstract: attr(childOf(n, 'w:abstractNumId')) ?? '',
        overrides,
      });
    }
  }

  /**
   * Counts one paragraph of list `numId` at level `ilvl` and returns its printed number
   * (`12.`, `(b)`), or null when the list is a bullet list, `none`, or unknown (numId 0 means
   * "no numbering" in Word).
   */
  next(numId: string, ilvl: number): string | null {
    const num = this.nums.get(numId);
    const levels = num ? this.abstracts.get(num.abstract) : undefined;
    if (!num || !levels || numId === '0') return null;
    const level = levels.get(ilvl);
    if (!level) return null;
    let counts = this.counters.get(num.abstract);
    if (!counts) {
      counts = [];
      this.counters.set(num.abstract, counts);
    }
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [l, start] of num.overrides) counts[l] = start - 1;
    }
    const startOf = (l: number) => num.overrides.get(l) ?? levels.get(l)?.start ?? 1;
    counts[ilvl] = (counts[ilvl] ?? startOf(ilvl) - 1) + 1;
    // A paragraph restarts every deeper level.
    counts.length = ilvl + 1;
    if (formatNumber(1, level.format) === null) return null;
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      const value = counts[l] ?? startOf(l);
      return formatNumber(value, levels.get(l)?.format ?? 'decimal') ?? '';
    });
  }
}
