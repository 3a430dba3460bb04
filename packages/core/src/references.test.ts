import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandRange, findReferences, matchReference, parseReference } from './index';

describe('parseReference', () => {
  const cases: [string, { from: string; to: string | null; point: string | null }][] = [
    ['§77', { from: '77', to: null, point: null }],
    ['§ 77', { from: '77', to: null, point: null }],
    ['§77 bis', { from: '77 bis', to: null, point: null }],
    ['para. 77', { from: '77', to: null, point: null }],
    ['para 77', { from: '77', to: null, point: null }],
    ['paragraph 77', { from: '77', to: null, point: null }],
    ['paras 77-78', { from: '77', to: '78', point: null }],
    ['op. 66', { from: 'OP66', to: null, point: null }],
    ['OP 66', { from: 'OP66', to: null, point: null }],
    ['PP3', { from: 'PP3', to: null, point: null }],
    ['§§77–93', { from: '77', to: '93', point: null }],
    ['§§ 77 – 93', { from: '77', to: '93', point: null }],
    ['92-93', { from: '92', to: '93', point: null }],
    ['§92–93', { from: '92', to: '93', point: null }],
    ['§92—93', { from: '92', to: '93', point: null }],
    ['§92–§93', { from: '92', to: '93', point: null }],
    ['77 to 79', { from: '77', to: '79', point: null }],
    ['OP5-7', { from: 'OP5', to: 'OP7', point: null }],
    ['OP5–OP7', { from: 'OP5', to: 'OP7', point: null }],
    ['§77 bis–78', { from: '77 bis', to: '78', point: null }],
    ['§69 (b)', { from: '69', to: null, point: 'b' }],
    ['§69(b)', { from: '69', to: null, point: 'b' }],
    ['para 99b', { from: '99', to: null, point: 'b' }],
    ['77', { from: '77', to: null, point: null }],
    ['§77:', { from: '77', to: null, point: null }],
    ['§77–77', { from: '77', to: null, point: null }],
  ];
  for (const [input, expected] of cases) {
    it(`reads ${JSON.stringify(input)}`, () => {
      expect(parseReference(input)).toEqual(expected);
    });
  }

  for (const bad of ['§', 'para.', '§93–92', '§77 and more', 'pp. 3', 'see §77', '']) {
    it(`refuses ${JSON.stringify(bad)}`, () => {
      expect(parseReference(bad)).toBeNull();
    });
  }
});

describe('findReferences', () => {
  it('finds references introduced by §, para., paras, OP and op. in running text', () => {
    const text =
      'New §77 bis (after §77) → Insert; see paras 18-22, para.50.] and op. 5 ter; pp. 3-5; 2025 §77 A new';
    const found = findReferences(text);
    expect(found.map((f) => [f.reference.from, f.reference.to])).toEqual([
      ['77 bis', null],
      ['77', null],
      ['18', '22'],
      ['50', null],
      ['OP5 ter', null],
      ['77', null],
    ]);
    for (const f of found)
      expect(parseReference(text.slice(f.index, f.index + f.length))).toEqual(f.reference);
  });

  it('finds the references of the AU written amendments', () => {
    const text = '**Section 3 (§§77–93) — Human rights** … **§92–93 → Amend & expand** … link to §93 bis';
    expect(findReferences(text).map((f) => f.reference)).toEqual([
      { from: '77', to: '93', point: null },
      { from: '92', to: '93', point: null },
      { from: '93 bis', to: null, point: null },
    ]);
  });
});

describe('expandRange', () => {
  it('covers every paragraph between the ends in the document, including inserted ones', () => {
    expect(expandRange('92', '93', ['91', '92', '92 bis', '92 ter', '93', '94'])).toEqual([
      '92',
      '92 bis',
      '92 ter',
      '93',
    ]);
    expect(expandRange('92bis', '93', ['92', '92 bis', '93'])).toEqual(['92 bis', '93']);
  });

  it('fails when an end is missing from the document or the range is reversed', () => {
    expect(expandRange('92', '95', ['92', '93'])).toBeNull();
    expect(expandRange('93', '92', ['92', '93'])).toBeNull();
    expect(expandRange('x', '92', ['92'])).toBeNull();
  });

  it('expands a plain range of one series without a document', () => {
    expect(expandRange('77', '80')).toEqual(['77', '78', '79', '80']);
    expect(expandRange('OP5', 'OP7')).toEqual(['OP5', 'OP6', 'OP7']);
    expect(expandRange('77', '77 bis')).toBeNull();
    expect(expandRange('PP5', 'OP7')).toBeNull();
    expect(expandRange('1', '5000')).toBeNull();
  });
});

describe('matchReference', () => {
  it('reads a reference at the start of a line and says where it ends', () => {
    const line = '§77 (Recognition of digital dignity) → Amend';
    const m = matchReference(line);
    expect(m?.reference).toEqual({ from: '77', to: null, point: null });
    expect(line.slice(m?.length)).toBe(' (Recognition of digital dignity) → Amend');
    expect(matchReference('  §92–93 → Amend & expand')).toEqual({
      reference: { from: '92', to: '93', point: null },
      length: 8,
    });
    expect(matchReference('Amend §77')).toBeNull();
    // A month after a number in running text is not a suffix.
    expect(matchReference('para. 5 Dec 2024')?.reference.from).toBe('5');
    expect(matchReference('para. 5 dec')?.reference.from).toBe('5 decies');
  });
});

describe('references in the real fixtures', () => {
  const read = (name: string) => readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url), 'utf8');

  it('reads every § reference of the AU written amendments', () => {
    const text = read('au-wsis20-written-amendments.txt');
    const found = findReferences(text);
    expect(found).toHaveLength((text.match(/§/g) ?? []).length - (text.match(/§§/g) ?? []).length);
    expect(found.map((f) => f.reference.from)).toContain('135 bis');
    expect(
      found.filter((f) => f.reference.to !== null).map((f) => `${f.reference.from}–${f.reference.to}`),
    ).toEqual(['77–93', '92–93', '97–102', '100–101', '132–138']);
  });

  it('reads the para./paras references in the footnotes of the OHCHR report', () => {
    const found = findReferences(read('ohchr-standard-setting-report.txt')).map((f) => f.reference);
    expect(found).toContainEqual({ from: '99', to: null, point: 'b' });
    expect(found).toContainEqual({ from: '18', to: '22', point: null });
    expect(found).toContainEqual({ from: '32', to: '34', point: null });
  });
});
