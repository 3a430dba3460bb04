import { readFileSync } from 'node:fs';
import { type BisDocument, BisInputError, type Heading, type Paragraph } from '@bis/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_IMPORT_BYTES, importText } from '../index';

const paras = (doc: BisDocument): Paragraph[] =>
  doc.blocks.filter((b): b is Paragraph => b.kind === 'paragraph');
const labels = (doc: BisDocument): string[] => paras(doc).map((p) => p.label);
const heads = (doc: BisDocument) =>
  doc.blocks.filter((b): b is Heading => b.kind === 'heading').map((h) => [h.level, h.number, h.title]);
const lines = (...ls: string[]): string => ls.join('\n');

/** Runs `f`, expecting a BisInputError, and returns it. */
const inputError = (f: () => unknown): BisInputError => {
  try {
    f();
  } catch (e) {
    if (e instanceof BisInputError) return e;
    throw e;
  }
  throw new Error('expected a BisInputError');
};

describe('importText: labels', () => {
  it('reads preambular and operative labels in their spellings (PP3, PP 3., OP1 bis., OP2 ter)', () => {
    const doc = importText(
      lines(
        'Draft resolution on human rights and technical standards',
        '',
        'PP1. Recalling its resolution 47/23,',
        'PP 2 Noting with concern',
        '   that this line wraps,',
        'OP1. Decides to convene a consultation;',
        'OP1 bis. Requests the Secretary-General:',
        '(a) to report;',
        '(b) to consult;',
        'op2 Ter Invites all States',
      ),
    );
    expect(labels(doc)).toEqual(['PP1', 'PP2', 'OP1', 'OP1 bis', 'OP2 ter']);
    expect(paras(doc)[1]?.text).toBe('Noting with concern that this line wraps,');
    expect(paras(doc)[3]?.points.map((p) => [p.label, p.text])).toEqual([
      ['a', 'to report;'],
      ['b', 'to consult;'],
    ]);
    expect(doc.title).toBe('Draft resolution on human rights and technical standards');
    expect(doc.preamble).toBe('');
  });

  it('reads numbers with Latin suffixes, with or without space and final point', () => {
    const doc = importText(
      lines(
        '77. Base.',
        '77 bis. Inserted.',
        '77ter Another',
        '77 quater',
        'on the next line.',
        '78) Next.',
        '1quat. Odd.',
      ),
    );
    expect(labels(doc)).toEqual(['77', '77 bis', '77 ter', '77 quater', '78', '1 quater']);
    expect(paras(doc)[3]?.text).toBe('on the next line.');
  });

  it('does not take decimals, years or run-in numbers for paragraph labels', () => {
    const doc = importText(
      lines('12. The number of users grew by', '12.1 per cent in', '2023 and again in', '2024.'),
    );
    expect(labels(doc)).toEqual(['12']);
    expect(paras(doc)[0]?.text).toBe('The number of users grew by 12.1 per cent in 2023 and again in 2024.');
  });

  it('refuses a label used twice, naming both lines', () => {
    const e = inputError(() =>
      importText(lines('1. One.', '2. Two.', '', '1. One again.'), { fileName: 'd.txt' }),
    );
    expect(e.path).toBe('d.txt:4');
    expect(e.message).toContain('paragraph 1 appears twice (lines 1 and 4)');
    expect(inputError(() => importText(lines('77 bis. A.', '77bis. B.'))).message).toContain('lines 1 and 2');
  });
});

describe('importText: headings', () => {
  it('tells chapters (roman) from sections (letters), also for the letters that are roman numerals', () => {
    const sections = 'ABCDEFGHI'.split('');
    const text = [
      'I. Introduction',
      '1. One.',
      'II. Long chapter',
      ...sections.flatMap((l, i) => [`${l}. Section ${l}`, `${i + 2}. Text.`]),
      'III. Third',
      'A. First of III',
      '11. Text.',
      'IV. Fourth',
      '12. Text.',
      'V. Fifth',
      '13. Text.',
    ];
    const doc = importText(lines(...text));
    expect(heads(doc)).toEqual([
      [1, 'I', 'Introduction'],
      [1, 'II', 'Long chapter'],
      ...sections.map((l) => [2, l, `Section ${l}`]),
      [1, 'III', 'Third'],
      [2, 'A', 'First of III'],
      [1, 'IV', 'Fourth'],
      [1, 'V', 'Fifth'],
    ]);
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.id)).toEqual(
      Array.from({ length: 15 }, (_, i) => `h${i + 1}`),
    );
  });

  it('takes a short unnumbered line before a paragraph for a sub-heading, and long prose for text', () => {
    const doc = importText(
      lines(
        'I. Chapter',
        'A. Section',
        'Due diligence',
        '1. First.',
        '',
        'Further prose that belongs to paragraph 1, not a heading.',
        '',
        'Access to information',
        '2. Second.',
      ),
    );
    expect(heads(doc)).toEqual([
      [1, 'I', 'Chapter'],
      [2, 'A', 'Section'],
      [3, null, 'Due diligence'],
      [3, null, 'Access to information'],
    ]);
    expect(paras(doc)[0]?.text).toBe('First. Further prose that belongs to paragraph 1, not a heading.');
  });

  it('continues a heading title wrapped onto a lower-case line', () => {
    const doc = importText(
      lines('IV. Challenges to integrating human rights', 'in standard-setting', '35. Text.'),
    );
    expect(heads(doc)).toEqual([[1, 'IV', 'Challenges to integrating human rights in standard-setting']]);
  });

  it('refuses unnumbered prose after a heading, and a point after a heading', () => {
    const e = inputError(() =>
      importText(lines('I. Introduction', 'This sentence has no number at all.', '1. Text.'), {
        fileName: 'x.txt',
      }),
    );
    expect(e.path).toBe('x.txt:2');
    expect(e.message).toContain('unnumbered text after the heading "Introduction"');
    const p = inputError(() => importText(lines('1. Text.', 'I. Chapter', '(a) stray point')));
    expect(p.path).toBe('input:3');
    expect(p.message).toContain('point (a) follows a heading');
  });
});

describe('importText: points', () => {
  it('reads (a), a) and roman lists, keeps (i) after (h) a letter, and nests roman sub-points', () => {
    const letters = 'abcdefghij'.split('');
    const doc = importText(
      lines(
        '5. Chapeau:',
        '(a) first:',
        '(i) sub one;',
        '(ii) sub two;',
        'b) second,',
        'wrapped.',
        '6. Roman list:',
        '   (i) one;',
        '   (ii) two;',
        '   (iii) three.',
        '7. Long list:',
        ...letters.map((l) => `(${l}) item ${l};`),
      ),
    );
    const [p5, p6, p7] = paras(doc);
    expect(p5?.points.map((p) => [p.label, p.text])).toEqual([
      ['a', 'first: (i) sub one; (ii) sub two;'],
      ['b', 'second, wrapped.'],
    ]);
    expect(p6?.points.map((p) => p.label)).toEqual(['i', 'ii', 'iii']);
    expect(p7?.points.map((p) => p.label)).toEqual(letters);
  });

  it('refuses the same point twice in a paragraph', () => {
    const e = inputError(() => importText(lines('1. Chapeau:', '(a) one;', '(b) two;', '(a) again.')));
    expect(e.message).toContain('point (a) of paragraph 1 appears twice (lines 2 and 4)');
  });
});

describe('importText: footnotes in plain text', () => {
  it('pulls references and texts out, with offsets into the clean text', () => {
    const doc = importText(
      '1.\tFirst sentence.[footnoteRef:1] Second[footnoteRef:2] ends.  [1: \t\tNote   one.]  [2: ]\n(a) point[footnoteRef:3] text [3: Point note.]',
    );
    const [p] = paras(doc);
    expect(p?.text).toBe('First sentence. Second ends.');
    expect(p?.footnotes).toEqual([
      { mark: '1', offset: 15, text: 'Note one.' },
      { mark: '2', offset: 22, text: '' },
    ]);
    expect(p?.points).toEqual([
      { label: 'a', text: 'point text', footnotes: [{ mark: '3', offset: 5, text: 'Point note.' }] },
    ]);
  });

  it('joins a note over several lines, and keeps a note no reference points to where it stood', () => {
    const doc = importText(
      lines(
        '1. Text.[footnoteRef:4] More. [4: Note that goes',
        'on here [with brackets].] [5: Orphan.] Tail.',
        '2. Next.',
      ),
    );
    const [p1, p2] = paras(doc);
    expect(p1?.text).toBe('Text. More. Tail.');
    expect(p1?.footnotes).toEqual([
      { mark: '4', offset: 5, text: 'Note that goes on here [with brackets].' },
      { mark: '5', offset: 11, text: 'Orphan.' },
    ]);
    expect(p2?.text).toBe('Next.');
  });

  it('drops bookmarks and comment anchors', () => {
    const doc = importText('[bookmark: _Hlk1][bookmark: _Hlk2]34.\tGiven[annotationRef] the role.');
    expect(paras(doc)[0]).toMatchObject({ label: '34', text: 'Given the role.' });
  });

  it('refuses a note that never closes and a note defined twice', () => {
    const open = inputError(() => importText(lines('1. Text.', '2. Text [7: never closed', '3. More.')));
    expect(open.path).toBe('input:2');
    const twice = inputError(() => importText(lines('1. A.[footnoteRef:1] [1: x]', '2. B. [1: y]')));
    expect(twice.message).toContain('footnote 1 is defined twice (lines 1 and 2)');
  });
});

describe('importText: Markdown', () => {
  const md = lines(
    '# Outcome document',
    '',
    'Some *intro* with **bold**.',
    '',
    '# I. Introduction',
    '',
    '1. This is **important** text with a [link](https://example.org) and `code`.[^1]',
    '2. Second paragraph _emphasised_, with an escaped \\*star\\*.',
    '   - (a) first point[^note]',
    '   - (b) second point',
    '',
    '## A. Sub-section',
    '',
    '3. Third, citing [^missing].',
    '',
    '### Unnumbered part',
    '',
    'OP4 bis. Fourth.',
    '',
    '[^1]: First note with *style*.',
    '[^note]: Second note',
    '    continued.',
  );

  it('reads headings, numbered items, points and footnotes, and strips inline markup', () => {
    const doc = importText(md, { fileName: 'outcome.md' });
    expect(doc.title).toBe('Outcome document');
    expect(doc.preamble).toBe('Some intro with bold.');
    expect(heads(doc)).toEqual([
      [1, 'I', 'Introduction'],
      [2, 'A', 'Sub-section'],
      [3, null, 'Unnumbered part'],
    ]);
    expect(labels(doc)).toEqual(['1', '2', '3', 'OP4 bis']);
    const [p1, p2, p3] = paras(doc);
    expect(p1?.text).toBe('This is important text with a link and code.');
    expect(p1?.footnotes).toEqual([{ mark: '1', offset: p1?.text.length, text: 'First note with style.' }]);
    expect(p2?.text).toBe('Second paragraph emphasised, with an escaped *star*.');
    expect(p2?.points).toEqual([
      {
        label: 'a',
        text: 'first point',
        footnotes: [{ mark: 'note', offset: 11, text: 'Second note continued.' }],
      },
      { label: 'b', text: 'second point', footnotes: [] },
    ]);
    // An undefined reference stays as written, as a Markdown renderer shows it.
    expect(p3?.text).toBe('Third, citing [^missing].');
  });

  it('is chosen by the format option as well as by the file name', () => {
    expect(importText(md, { format: 'markdown' })).toEqual(importText(md, { fileName: 'outcome.markdown' }));
    const asText = importText('# I. Intro\n1. One.', { format: 'text' });
    expect(heads(asText)).toEqual([]);
    expect(asText.preamble).toBe('# I. Intro');
  });
});

describe('importText: input handling', () => {
  it('reads CRLF and a byte-order mark the same as LF', () => {
    const lf = lines('I. Intro', '1.\tText[footnoteRef:1] [1: note]', '2.\tMore', 'wrapped.');
    expect(importText(`\uFEFF${lf.replaceAll('\n', '\r\n')}\r\n`)).toEqual(importText(lf));
  });

  it('is deterministic by default and uses newId when given', () => {
    const text = lines('I. Intro', '1. One.', '2. Two.');
    expect(importText(text)).toEqual(importText(text));
    let n = 0;
    const doc = importText(text, { newId: () => `id-${++n}` });
    expect(doc.blocks.map((b) => b.id)).toEqual(['id-1', 'id-2', 'id-3']);
  });

  it('takes the title from the option, then the text, then the file name', () => {
    const text = lines('Summary', '', 'Prose.', '', '1. One.');
    expect(importText(text, { title: 'Given' }).title).toBe('Given');
    expect(importText(text, { fileName: 'dir/report-1.txt' }).title).toBe('report-1');
    expect(importText(text).title).toBe('Untitled');
    expect(importText(text).preamble).toBe('Summary\n\nProse.');
    const withSymbol = importText(lines('A/HRC/53/42', '', 'Human rights and standards', '', '1. One.'));
    expect(withSymbol).toMatchObject({
      symbol: 'A/HRC/53/42',
      title: 'Human rights and standards',
      preamble: '',
    });
  });

  it('refuses an empty or blank file', () => {
    expect(inputError(() => importText('', { fileName: 'e.txt' })).path).toBe('e.txt:1');
    expect(inputError(() => importText('\uFEFF \n\t\n')).message).toContain('empty');
  });

  it('refuses binary content: a NUL byte (with its line) or mostly control characters', () => {
    const nul = inputError(() => importText('1. Text.\n2. More\0\0', { fileName: 'b.bin' }));
    expect(nul.path).toBe('b.bin:2');
    expect(nul.message).toContain('binary');
    const noise = Array.from({ length: 400 }, (_, i) =>
      String.fromCharCode(i % 8 === 0 ? 65 : (i % 7) + 1),
    ).join('');
    expect(inputError(() => importText(noise)).message).toContain('binary');
    expect(inputError(() => importText(`1. ${'\uFFFD'.repeat(50)}`)).message).toContain('binary');
  });

  it('refuses a text without numbered paragraphs, such as the WSIS+20 session outcome', () => {
    const seed = readFileSync(
      new URL('../../../../fixtures/wsis20-human-rights-ai-standards-outcome.txt', import.meta.url),
      'utf8',
    );
    const e = inputError(() => importText(seed, { fileName: 'outcome.txt' }));
    expect(e.message).toContain('no numbered paragraphs');
    expect(e.path).toBe('outcome.txt:1');
  });

  it('refuses a text over the size limit, counted in UTF-8 bytes, at the line that crosses it', () => {
    const text = lines('1. Short.', `2. ${'é'.repeat(30)}`);
    expect(() => importText(text, { maxBytes: 80 })).not.toThrow();
    const e = inputError(() => importText(text, { maxBytes: 40 }));
    expect(e.path).toBe('input:2');
    expect(e.message).toContain('40 bytes');
    expect(DEFAULT_MAX_IMPORT_BYTES).toBe(5 * 1024 * 1024);
    const big = `1. ${'x'.repeat(DEFAULT_MAX_IMPORT_BYTES)}`;
    expect(inputError(() => importText(big)).message).toContain(`${DEFAULT_MAX_IMPORT_BYTES} bytes`);
  });
});
