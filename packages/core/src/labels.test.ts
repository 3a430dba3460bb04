import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareLabels,
  formatLabel,
  insertionAnchor,
  type LabelParts,
  normalizeLabel,
  parseLabel,
  parsePoint,
  simpleLabel,
  suffixOf,
} from './index';

describe('parseLabel and normalizeLabel', () => {
  const cases: [string, string][] = [
    ['77', '77'],
    ['77 bis', '77 bis'],
    ['77bis', '77 bis'],
    ['77 ter', '77 ter'],
    ['77  Ter', '77 ter'],
    ['77 BIS', '77 bis'],
    ['1quat', '1 quater'],
    ['1 quat.', '1 quater'],
    ['12 quinq.', '12 quinquies'],
    ['3 sept', '3 septies'],
    ['3 undecies', '3 undecies'],
    ['PP3', 'PP3'],
    ['PP 3', 'PP3'],
    ['pp3', 'PP3'],
    ['OP5 ter', 'OP5 ter'],
    ['OP 5ter', 'OP5 ter'],
    ['op. 66', 'OP66'],
    ['69 (b)', '69 (b)'],
    ['69(b)', '69 (b)'],
    ['69 (iv)', '69 (iv)'],
    ['OP2 bis (c)', 'OP2 bis (c)'],
    ['77 alt', '77 alt'],
    ['77 alt 1', '77 alt'],
    ['77 alt 2', '77 alt 2'],
    ['77alt2', '77 alt 2'],
    ['77 bis alt', '77 bis alt'],
    ['77 bis A', '77 bis A'],
    ['77 A', '77 A'],
    ['77A', '77 A'],
    ['0', '0'],
    ['0 BA', '0 BA'],
    ['77 Z bis', '77 Z bis'],
    ['77.', '77'],
    ['  77 bis  ', '77 bis'],
  ];
  for (const [input, canonical] of cases) {
    it(`reads ${JSON.stringify(input)} as ${canonical}`, () => {
      expect(normalizeLabel(input)).toBe(canonical);
    });
  }

  it('takes a label apart into prefix, number, marks, point and alternative', () => {
    expect(parseLabel('OP5 ter (b) alt 2')).toEqual({
      prefix: 'OP',
      number: 5,
      marks: [{ kind: 'suffix', n: 2 }],
      point: 'b',
      alt: 2,
    });
    expect(parseLabel('77 bis A')?.marks).toEqual([
      { kind: 'suffix', n: 1 },
      { kind: 'letter', n: 1 },
    ]);
    expect(suffixOf(parseLabel('77 quater') as LabelParts)).toBe(3);
    expect(suffixOf(parseLabel('77') as LabelParts)).toBe(0);
  });

  for (const bad of [
    '',
    'bis',
    '77th',
    '77 bisque',
    '5th',
    'para',
    '(a)',
    '77 (new)',
    'X5',
    '77 bis2',
    '77 Bis ter?x',
  ]) {
    it(`refuses ${JSON.stringify(bad)} as a paragraph label`, () => {
      expect(parseLabel(bad)).toBeNull();
      expect(normalizeLabel(bad)).toBeNull();
    });
  }

  it('reads a bare point on its own', () => {
    expect(parsePoint('(a)')).toBe('a');
    expect(parsePoint(' (iv) ')).toBe('iv');
    expect(parsePoint('(B)')).toBe('b');
    expect(parsePoint('a')).toBeNull();
  });
});

describe('formatLabel', () => {
  it('writes the canonical forms', () => {
    expect(formatLabel(simpleLabel('', 77, 1))).toBe('77 bis');
    expect(formatLabel(simpleLabel('PP', 3))).toBe('PP3');
    expect(formatLabel(simpleLabel('OP', 5, 2))).toBe('OP5 ter');
    expect(formatLabel({ ...simpleLabel('', 69), point: 'b' })).toBe('69 (b)');
    expect(formatLabel({ ...simpleLabel('', 77), alt: 2 })).toBe('77 alt 2');
    expect(
      formatLabel({
        ...simpleLabel('', 77),
        marks: [
          { kind: 'suffix', n: 1 },
          { kind: 'letter', n: 2 },
          { kind: 'letter', n: 1 },
        ],
      }),
    ).toBe('77 bis BA');
  });

  it('refuses a suffix beyond the table and a letter beyond Z', () => {
    expect(() => formatLabel(simpleLabel('', 1, 99))).toThrow(/no suffix number 99/);
    expect(() => formatLabel({ ...simpleLabel('', 1), marks: [{ kind: 'letter', n: 27 }] })).toThrow(
      RangeError,
    );
  });
});

describe('compareLabels', () => {
  it('sorts numbers, suffixes, letters, points and alternatives in reading order', () => {
    const ordered = [
      'PP1',
      'PP1 bis',
      'PP2',
      '0',
      '1',
      '2',
      '10',
      '69',
      '69 (a)',
      '69 (b)',
      '69 alt',
      '69 (a) alt',
      '69 alt 2',
      '69 bis',
      '76',
      '77 A',
      '77',
      '77 alt',
      '77 alt 2',
      '77 bis AA',
      '77 bis A',
      '77 bis B',
      '77 bis',
      '77 bis bis',
      '77 ter',
      '77 decies',
      '77 undecies',
      '78',
      'OP0',
      'OP1',
      'not a label',
    ];
    const shuffled = [...ordered].reverse();
    expect(shuffled.sort((a, b) => compareLabels(a, b))).toEqual(ordered);
  });

  it('orders lettered points alphabetically and roman ones by value', () => {
    const pts = ['69 (a)', '69 (c)', '69 (i)', '69 (z)', '69 (aa)'];
    expect([...pts].reverse().sort((a, b) => compareLabels(a, b))).toEqual(pts);
    const roman = ['5 (i)', '5 (ii)', '5 (iii)', '5 (iv)', '5 (v)', '5 (ix)', '5 (x)'];
    expect([...roman].reverse().sort((a, b) => compareLabels(a, b))).toEqual(roman);
  });

  it('treats different spellings of one label as equal', () => {
    expect(compareLabels('77bis', '77 bis')).toBe(0);
    expect(compareLabels('1quat', '1 quater')).toBe(0);
    expect(compareLabels('PP 3', 'PP3')).toBe(0);
  });
});

describe('label properties', () => {
  const mark = fc.oneof(
    fc.record({ kind: fc.constant('suffix' as const), n: fc.integer({ min: 1, max: 98 }) }),
    fc.record({ kind: fc.constant('letter' as const), n: fc.integer({ min: 1, max: 26 }) }),
  );
  const parts = fc.record({
    prefix: fc.constantFrom('', 'PP', 'OP'),
    number: fc.integer({ min: 0, max: 500 }),
    marks: fc.array(mark, { maxLength: 3 }),
    point: fc.option(fc.constantFrom('a', 'b', 'z', 'iv'), { nil: null }),
    alt: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  });

  it('reads back what it writes (letter runs that spell a suffix aside)', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const s = formatLabel(p);
        const back = parseLabel(s);
        // `BIS` written as letters reads as the suffix: the labeller never produces it.
        if (/\b(?:[A-Z]{2,})\b/.test(s.replace(/^(PP|OP)/, ''))) return;
        expect(back).toEqual(p);
        expect(normalizeLabel(s)).toBe(s);
      }),
    );
  });

  it('orders labels totally and consistently', () => {
    fc.assert(
      fc.property(parts, parts, parts, (a, b, c) => {
        const [sa, sb, sc] = [formatLabel(a), formatLabel(b), formatLabel(c)];
        const ab = compareLabels(sa, sb);
        expect(Math.sign(compareLabels(sb, sa))).toBe(-Math.sign(ab));
        if (ab < 0 && compareLabels(sb, sc) < 0) expect(compareLabels(sa, sc)).toBeLessThan(0);
      }),
    );
  });
});

describe('insertionAnchor', () => {
  it('places an insertion after or before the paragraph its label derives from', () => {
    expect(insertionAnchor('93 bis')).toEqual({ label: '93', position: 'after' });
    expect(insertionAnchor('93ter')).toEqual({ label: '93 bis', position: 'after' });
    expect(insertionAnchor('OP5 quater')).toEqual({ label: 'OP5 ter', position: 'after' });
    expect(insertionAnchor('93 bis A')).toEqual({ label: '93 bis', position: 'before' });
    expect(insertionAnchor('93 bis B')).toEqual({ label: '93 bis A', position: 'after' });
    expect(insertionAnchor('PP0')).toEqual({ label: 'PP1', position: 'before' });
    expect(insertionAnchor('93')).toBeNull();
    expect(insertionAnchor('nonsense')).toBeNull();
  });
});
