import { readFileSync } from 'node:fs';
import { type BisDocument, type Heading, type Paragraph, printedLabel } from '@bis/core';
import { describe, expect, it } from 'vitest';
import { importText, importTextWithNotes } from '../index';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../fixtures/texts/${name}`, import.meta.url), 'utf8');
const paras = (doc: BisDocument): Paragraph[] =>
  doc.blocks.filter((b): b is Paragraph => b.kind === 'paragraph');
const heads = (doc: BisDocument): Heading[] => doc.blocks.filter((b): b is Heading => b.kind === 'heading');
const para = (doc: BisDocument, label: string): Paragraph => {
  const p = paras(doc).find((x) => x.label === label);
  if (!p) throw new Error(`no paragraph ${label}`);
  return p;
};
const lines = (...ls: string[]): string => ls.join('\n');

describe('a General Assembly resolution copied from its PDF', () => {
  const { document: doc, notes } = importTextWithNotes(fixture('ga-resolution-pdf-copy.txt'), {
    fileName: 'ga-resolution-pdf-copy.txt',
  });

  it('takes the resolution line for the title and the symbol from the header', () => {
    expect(doc.title).toBe('78/132. Information and communications technologies for sustainable development');
    expect(doc.symbol).toBe('A/RES/78/132');
    expect(doc.preamble).toContain('Resolution adopted by the General Assembly on 19 December 2023');
  });

  it('reads "The General Assembly," as a chapeau and the unnumbered preamble as PP1–PP6', () => {
    expect(heads(doc).map((h) => [h.title, h.role])).toEqual([['The General Assembly,', 'chapeau']]);
    const pp = paras(doc).filter((p) => p.label.startsWith('PP'));
    expect(pp.map((p) => [p.label, p.labelStyle, p.text.split(' ').slice(0, 2).join(' ')])).toEqual([
      ['PP1', 'unnumbered', 'Recalling its'],
      ['PP2', 'unnumbered', 'Recalling also'],
      ['PP3', 'unnumbered', 'Reaffirming its'],
      ['PP4', 'unnumbered', 'Recognizing that'],
      ['PP5', 'unnumbered', 'Deeply concerned'],
      ['PP6', 'unnumbered', 'Noting with'],
    ]);
    expect(pp.map((p) => printedLabel(p.label, p.labelStyle))).toEqual(['', '', '', '', '', '']);
    expect(para(doc, 'PP1').text).toBe(
      'Recalling its resolutions 57/295 of 20 December 2002, 70/125 of 16 December 2015 and 77/150 of 14 December 2022, and all other relevant resolutions,',
    );
  });

  it('reads `1.Takes note` without a space as paragraph 1, and every operative paragraph in order', () => {
    expect(
      paras(doc)
        .filter((p) => !p.label.startsWith('PP'))
        .map((p) => p.label),
    ).toEqual(['1', '2', '3', '4', '5']);
    expect(para(doc, '1').text.startsWith('Takes note of the report')).toBe(true);
    expect(para(doc, '4').points.map((p) => p.label)).toEqual(['a', 'b']);
  });

  it('drops the page furniture even inside a paragraph, and reports each line dropped', () => {
    const all = paras(doc)
      .map((p) => [p.text, ...p.points.map((x) => x.text)].join(' '))
      .join(' ');
    for (const junk of ['23-25734', '2/5', '3/5', 'A/RES/78/132', '*2325734*', 'plenary meeting'])
      expect(all).not.toContain(junk);
    expect(
      para(doc, 'PP4').text.endsWith(
        'sustained, inclusive and equitable economic growth and sustainable development,',
      ),
    ).toBe(true);
    expect(para(doc, '2').text.endsWith('to overcome digital divides;')).toBe(true);
    expect(para(doc, '3').text.startsWith('Calls upon all stakeholders')).toBe(true);
    expect(notes.filter((n) => n.kind === 'furniture').map((n) => n.line)).toEqual([
      32, 34, 47, 61, 62, 64, 65,
    ]);
    expect(notes.find((n) => n.line === 34)?.message).toContain('running symbol and running header');
  });
});

describe('a WSIS+20-style zero draft', () => {
  const { document: doc, notes } = importTextWithNotes(fixture('wsis20-zero-draft.txt'));

  it('reads the lettered preamble as PP1–PP4 (with PP2 bis), printed as letters', () => {
    const pp = paras(doc).filter((p) => p.label.startsWith('PP'));
    expect(pp.map((p) => [p.label, p.labelStyle, printedLabel(p.label, p.labelStyle)])).toEqual([
      ['PP1', 'lettered', 'A'],
      ['PP2', 'lettered', 'B'],
      ['PP2 bis', 'lettered', 'B bis'],
      ['PP3', 'lettered', 'C'],
      ['PP4', 'lettered', 'D'],
    ]);
    expect(para(doc, 'PP1').text.startsWith('We, the Ministers and high representatives')).toBe(true);
  });

  it('reads the chapeaux and the title of what they adopt', () => {
    expect(
      heads(doc)
        .slice(0, 3)
        .map((h) => [h.title.slice(0, 30), h.role ?? null]),
    ).toEqual([
      ['The General Assembly,', 'chapeau'],
      ['Adopts the following outcome d', 'chapeau'],
      ['Outcome document of the high-l', null],
    ]);
  });

  it('tells numbered section headings from paragraphs by the series, and keeps decimal headings apart', () => {
    expect(
      paras(doc)
        .filter((p) => !p.label.startsWith('PP'))
        .map((p) => p.label),
    ).toEqual(Array.from({ length: 41 }, (_, i) => String(i + 1)));
    expect(
      heads(doc)
        .filter((h) => h.number !== null)
        .map((h) => [h.level, h.number, h.title]),
    ).toEqual([
      [1, '1', 'Our shared vision'],
      [2, '1.1', 'Bridging digital divides'],
      [1, '2', 'Means of implementation'],
      [2, '2.1', 'Financing'],
      [2, '2.2', 'Capacity development'],
      [1, '3', 'Follow-up and review'],
    ]);
    // The heading after paragraph 31 is no paragraph 2, and 2.1 is not glued to paragraph 31.
    expect(para(doc, '31').text.endsWith('report on progress in 2026.')).toBe(true);
    const at = doc.blocks.findIndex((b) => b.kind === 'heading' && b.number === '2');
    expect(doc.blocks[at - 1]).toMatchObject({ label: '31' });
    expect(doc.blocks[at + 2]).toMatchObject({ label: '32' });
  });

  it('says why each numbered line was read as a heading', () => {
    expect(notes.map((n) => [n.line, n.kind])).toEqual([
      [21, 'structure'],
      [58, 'structure'],
      [73, 'structure'],
    ]);
    expect(notes[1]?.message).toContain('the paragraphs are at 31 already');
  });
});

describe('a bracketed negotiating text in the UNFCCC style', () => {
  const { document: doc, notes } = importTextWithNotes(fixture('unfccc-negotiating-text.txt'));

  it('is imported, not refused, with its brackets, options and placeholders kept as written', () => {
    expect(para(doc, 'PP1').text).toBe(
      'Recalling [the [ultimate] objective] of the Convention as set out in its Article 2,',
    );
    expect(para(doc, 'PP3').text).toBe(
      '[Option 1: {Placeholder} Option 2: Noting with concern the findings of the Intergovernmental Panel on Climate Change that adaptation gaps persist across all sectors and regions,]]',
    );
    expect(para(doc, '4').text).toContain('by [{X} sessions] [the sixth session');
    expect(heads(doc)[0]?.title).toBe('[[Preamble]');
  });

  it('reads the chapeau, Chapter headings with their titles, and a heading in capitals', () => {
    expect(heads(doc).map((h) => [h.number, h.title.slice(0, 40), h.role ?? null])).toEqual([
      [null, '[[Preamble]', null],
      [null, 'The Conference of the Parties serving as', 'chapeau'],
      [null, 'OPERATIVE PART', null],
      ['Chapter A', 'Framework for the global goal on adaptat', null],
      ['Chapter B', 'Indicators', null],
      ['Chapter C', '', null],
    ]);
  });

  it('takes the status tags out of the text into tags', () => {
    expect(
      paras(doc)
        .filter((p) => p.tags)
        .map((p) => [p.label, p.tags]),
    ).toEqual([
      ['1', ['agreed']],
      ['2', ['ad ref']],
      ['3', ['Preliminarily Agreed']],
      ['4', ['Suggested for Closure']],
      ['6 bis', ['agreed ad ref']],
      ['8', ['agreed']],
    ]);
    expect(para(doc, '3').text.startsWith('Encourages Parties')).toBe(true);
    expect(para(doc, '1').text).toBe(
      'Adopts the framework for the global goal on adaptation contained in the annex;',
    );
  });

  it('keeps `5 alt` and `6 bis A` as paragraphs of their own', () => {
    expect(paras(doc).map((p) => p.label)).toEqual([
      'PP1',
      'PP2',
      'PP3',
      '1',
      '2',
      '3',
      '4',
      '5',
      '5 alt',
      '6',
      '6 bis',
      '6 bis A',
      '7',
      '8',
    ]);
    expect(para(doc, '5').text.endsWith('qualitative indicators];')).toBe(true);
    expect(para(doc, '6 bis A').text.startsWith('Requests the secretariat')).toBe(true);
  });

  it('notes the bracket that spans the whole preamble', () => {
    expect(notes.map((n) => [n.line, n.kind, n.message])).toEqual([
      [15, 'brackets', 'a bracket opened in heading "[[Preamble]" (line 7) closes in paragraph PP3'],
    ]);
  });
});

describe('importText: smaller forms', () => {
  it('reads `1.Recalling` as paragraph 1, not preamble prose', () => {
    const doc = importText(
      lines(
        'Draft resolution',
        '',
        '1.Recalling its resolution 47/23,',
        '2.Decides to remain seized of the matter.',
      ),
    );
    expect(paras(doc).map((p) => [p.label, p.text])).toEqual([
      ['1', 'Recalling its resolution 47/23,'],
      ['2', 'Decides to remain seized of the matter.'],
    ]);
    expect(doc.preamble).toBe('');
  });

  it('reads `77 bis A` as one label, and does not take the article of `77 bis A new …` for one', () => {
    const doc = importText(
      lines('77. Base.', '77 bis. Inserted.', '77 bis A. Before bis.', '77 ter A new paragraph.'),
    );
    expect(paras(doc).map((p) => [p.label, p.text])).toEqual([
      ['77', 'Base.'],
      ['77 bis', 'Inserted.'],
      ['77 bis A', 'Before bis.'],
      ['77 ter', 'A new paragraph.'],
    ]);
  });

  it('reads `5 alt`, `5 alt 2` and `5alt.` as alternatives of their own, never glued to paragraph 5', () => {
    const doc = importText(
      lines('5. Original.', '5 alt. First alternative.', '5 alt 2 Second alternative.', '6. Next.'),
    );
    expect(paras(doc).map((p) => [p.label, p.text])).toEqual([
      ['5', 'Original.'],
      ['5 alt', 'First alternative.'],
      ['5 alt 2', 'Second alternative.'],
      ['6', 'Next.'],
    ]);
  });

  it('notes brackets that close nothing or never close, and still imports', () => {
    const { document: doc, notes } = importTextWithNotes(
      lines('1. Decides [to act.', '2. Urges] all States].'),
    );
    expect(paras(doc).map((p) => p.text)).toEqual(['Decides [to act.', 'Urges] all States].']);
    expect(notes.map((n) => [n.line, n.message])).toEqual([
      [2, 'a bracket opened in paragraph 1 (line 1) closes in paragraph 2'],
      [2, 'a "]" in paragraph 2 closes no bracket'],
    ]);
    const open = importTextWithNotes(lines('1. Decides [to act.', '2. Urges.')).notes;
    expect(open).toEqual([
      { line: 1, kind: 'brackets', message: 'a bracket opened in paragraph 1 is never closed' },
    ]);
  });

  it('keeps a decimal-numbered sentence as text of the paragraph before it, with a note', () => {
    const { document: doc, notes } = importTextWithNotes(
      lines('1. Decides to act.', '', '1.1 The Committee shall meet twice a year.', '2. Requests a report.'),
    );
    expect(doc.blocks.map((b) => (b.kind === 'paragraph' ? b.label : b.title))).toEqual(['1', '2']);
    expect(notes).toEqual([
      {
        line: 3,
        kind: 'structure',
        message:
          '"1.1 The Committee shall meet twice a year." starts with the decimal number 1.1 but reads as a sentence, not a heading: kept as text of paragraph 1',
      },
    ]);
  });

  it('notes gaps and disorder in the paragraph numbers', () => {
    const { notes } = importTextWithNotes(lines('1. One.', '2. Two.', '5. Five.', '4. Four.'));
    expect(notes.map((n) => [n.line, n.message])).toEqual([
      [3, 'paragraph 5 follows paragraph 2 (3–4 are missing)'],
      [4, 'paragraph 4 comes after paragraph 5, out of order'],
    ]);
  });

  it('notes a status tag left inside the text, and keeps the options of one bracket in one unnumbered paragraph', () => {
    const { document: doc, notes } = importTextWithNotes(
      lines(
        'The Conference of the Parties,',
        '',
        'Recalling [Option 1: the Convention,',
        '',
        'Option 2: the Paris Agreement,]',
        '',
        'Noting the report,',
        '',
        '1. Decides:',
        '(a) to act; [agreed]',
        '(b) to report.',
      ),
    );
    expect(doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [[b.label, b.text]] : []))).toEqual([
      ['PP1', 'Recalling [Option 1: the Convention, Option 2: the Paris Agreement,]'],
      ['PP2', 'Noting the report,'],
      ['1', 'Decides:'],
    ]);
    expect(notes).toEqual([
      {
        line: 9,
        kind: 'tags',
        message:
          '"[agreed]" inside the text of paragraph 1 is kept as text; status tags are read at the start or end of a paragraph',
      },
    ]);
  });

  it('takes tags off a heading and off the end of the last point', () => {
    const doc = importText(
      lines('A. Finance [agreed]', '1. Decides:', '(a) to act;', '(b) to report. [ad ref]'),
    );
    expect(heads(doc)[0]).toMatchObject({ number: 'A', title: 'Finance', tags: ['agreed'] });
    expect(paras(doc)[0]).toMatchObject({ tags: ['ad ref'] });
    expect(paras(doc)[0]?.points[1]?.text).toBe('to report.');
  });

  it('reads a lettered preamble that a Markdown file writes as bold letters', () => {
    const doc = importText(
      lines(
        '# Draft declaration',
        '',
        '**A.** We, the Ministers, gathered in Geneva,',
        '',
        '**B.** Recalling the Tunis Agenda,',
        '',
        '1. We decide to act.',
      ),
      { format: 'markdown' },
    );
    expect(paras(doc).map((p) => [p.label, p.labelStyle ?? null])).toEqual([
      ['PP1', 'lettered'],
      ['PP2', 'lettered'],
      ['1', null],
    ]);
  });
});

describe('importText: hostile and odd input', () => {
  it('either imports or refuses with a BisInputError naming a line, on 500 random texts of label-like pieces', () => {
    const pieces = [
      '1.',
      '2.',
      '12.',
      '1.1',
      'A.',
      'B bis.',
      'II.',
      '(a)',
      '[',
      ']',
      '[[',
      '{X}',
      'Option 1:',
      '[agreed]',
      'The General Assembly,',
      'Recalling',
      'Preamble',
      'Chapter C',
      'OPERATIVE PART',
      '3/5',
      'A/RES/1/2',
      '5 alt',
      '77 bis A',
      'text',
      'More words.',
      ',',
      ';',
      '\n',
      '\n\n',
      ' ',
      '[footnoteRef:1]',
      '[1: note]',
    ];
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let k = 0; k < 500; k++) {
      const n = 1 + Math.floor(next() * 60);
      const text = Array.from({ length: n }, () => pieces[Math.floor(next() * pieces.length)]).join(
        next() < 0.5 ? ' ' : '\n',
      );
      try {
        const { document } = importTextWithNotes(text);
        expect(
          document.blocks.some((b) => b.kind === 'paragraph'),
          text,
        ).toBe(true);
      } catch (e) {
        expect((e as Error).name, `${text}\n${(e as Error).stack}`).toBe('BisInputError');
        expect((e as { path: string }).path, text).toMatch(/^input:\d+$/);
      }
    }
  });
});
