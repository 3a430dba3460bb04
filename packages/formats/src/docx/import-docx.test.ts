import type { Paragraph as BisParagraph } from '@bis/core';
import {
  AlignmentType,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { importDocxProposals, importDocxText } from '../index';
import { ohchrDocument } from './docx.test-util';

// The docx package stamps the time into core.xml; a fixed clock is not needed for these tests.
const pack = async (doc: Document): Promise<Uint8Array> => new Uint8Array(await Packer.toBuffer(doc));

const JANE = { author: 'Jane Doe', date: '2025-09-01T10:00:00Z' };

describe('importDocxText', () => {
  it("reads Word's automatic numbering, headings, lettered points and footnotes, dropping bold and italic", async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'chapters',
            levels: [
              { level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.LEFT },
            ],
          },
          {
            reference: 'paras',
            levels: [
              { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT },
              { level: 1, format: LevelFormat.LOWER_LETTER, text: '(%2)', alignment: AlignmentType.LEFT },
            ],
          },
        ],
      },
      footnotes: { 1: { children: [new Paragraph('See A/HRC/53/42.')] } },
      sections: [
        {
          children: [
            new Paragraph({ text: 'Human rights and standards', heading: HeadingLevel.TITLE }),
            new Paragraph({
              text: 'Introduction',
              heading: HeadingLevel.HEADING_1,
              numbering: { reference: 'chapters', level: 0 },
            }),
            new Paragraph({
              numbering: { reference: 'paras', level: 0 },
              children: [
                new TextRun({ text: 'Standards ', bold: true }),
                new TextRun({ text: 'matter', italics: true }),
                new TextRun('.'),
                new FootnoteReferenceRun(1),
              ],
            }),
            new Paragraph({ text: 'States should:', numbering: { reference: 'paras', level: 0 } }),
            new Paragraph({ text: 'participate;', numbering: { reference: 'paras', level: 1 } }),
            new Paragraph({ text: 'consult.', numbering: { reference: 'paras', level: 1 } }),
            new Paragraph({
              text: 'Landscape',
              heading: HeadingLevel.HEADING_1,
              numbering: { reference: 'chapters', level: 0 },
            }),
            new Paragraph({ text: 'The third paragraph.', numbering: { reference: 'paras', level: 0 } }),
            // A typed number next to automatic ones.
            new Paragraph({ text: '3 bis.\tA typed paragraph.' }),
          ],
        },
      ],
    });
    const d = importDocxText(await pack(doc), { fileName: 'auto.docx' });
    expect(d.title).toBe('Human rights and standards');
    expect(d.blocks.map((b) => (b.kind === 'heading' ? `${b.number}. ${b.title}` : b.label))).toEqual([
      'I. Introduction',
      '1',
      '2',
      'II. Landscape',
      '3',
      '3 bis',
    ]);
    const [p1, p2] = d.blocks.filter((b): b is BisParagraph => b.kind === 'paragraph');
    expect(p1?.text).toBe('Standards matter.');
    expect(p1?.footnotes).toEqual([
      { mark: '1', offset: 'Standards matter.'.length, text: 'See A/HRC/53/42.' },
    ]);
    expect(p2?.points.map((p) => [p.label, p.text])).toEqual([
      ['a', 'participate;'],
      ['b', 'consult.'],
    ]);
  });

  it('names the Word paragraph when the text is refused', async () => {
    const doc = new Document({
      sections: [
        { children: [new Paragraph('1. One.'), new Paragraph('2. Two.'), new Paragraph('2. Two again.')] },
      ],
    });
    expect(() => importDocxText(new Uint8Array(0), { fileName: 'x.docx' })).toThrow(/not a \.docx file/);
    await expect(pack(doc).then((b) => importDocxText(b, { fileName: 'dup.docx' }))).rejects.toThrow(
      /dup\.docx: paragraph 3: .*2/,
    );
  });
});

/** The OHCHR report as a .docx edited by a delegation with track changes. */
const trackedOhchr = async (): Promise<Uint8Array> => {
  const base = ohchrDocument();
  const children: Paragraph[] = [new Paragraph({ text: base.title, heading: HeadingLevel.TITLE })];
  let id = 1;
  for (const b of base.blocks) {
    if (b.kind === 'heading') {
      children.push(
        new Paragraph({
          text: b.number ? `${b.number}.\t${b.title}` : b.title,
          heading: HeadingLevel.HEADING_1,
        }),
      );
      continue;
    }
    const head = `${b.label}.\t`;
    if (b.label === '5') {
      // Amend: one word replaced, words added at the end.
      const [before, after] = b.text.split('typically') as [string, string];
      children.push(
        new Paragraph({
          children: [
            new TextRun(head + before),
            new DeletedTextRun({ ...JANE, id: id++, text: 'typically' }),
            new InsertedTextRun({ ...JANE, id: id++, text: 'generally' }),
            new TextRun(after),
            new InsertedTextRun({ ...JANE, id: id++, text: ' Human rights must inform them.' }),
          ],
        }),
      );
    } else if (b.label === '20') {
      // Delete the whole paragraph, its mark included.
      children.push(
        new Paragraph({
          run: { deletion: { ...JANE, id: id++ } },
          children: [new DeletedTextRun({ ...JANE, id: id++, text: head + b.text })],
        }),
      );
    } else if (b.label === '70') {
      children.push(new Paragraph(head + b.text));
      for (const pt of b.points) {
        const text = pt.label === 'c' ? pt.text.replace(/\.$/, '') : pt.text;
        children.push(
          new Paragraph({
            children: [
              new TextRun(`(${pt.label})\t${text}`),
              ...(pt.label === 'c'
                ? [
                    new InsertedTextRun({
                      author: 'John Roe',
                      date: '2025-09-02T08:00:00Z',
                      id: id++,
                      text: ', including children’s rights.',
                    }),
                  ]
                : []),
            ],
          }),
        );
      }
      continue;
    } else children.push(new Paragraph(head + b.text));
    for (const pt of b.points) children.push(new Paragraph(`(${pt.label})\t${pt.text}`));
    if (b.label === '10') {
      // A new paragraph between 10 and 11, its mark inserted too.
      children.push(
        new Paragraph({
          run: { insertion: { ...JANE, id: id++ } },
          children: [
            new InsertedTextRun({
              ...JANE,
              id: id++,
              text: 'Standard-setting organizations should publish human rights impact assessments.',
            }),
          ],
        }),
      );
    }
  }
  return pack(new Document({ sections: [{ children }] }));
};

describe('importDocxProposals from a track-changed copy', () => {
  it('turns the OHCHR report edited with track changes into amend, insert and delete proposals', async () => {
    const base = ohchrDocument();
    const result = importDocxProposals(await trackedOhchr(), {
      party: 'Switzerland',
      base,
      fileName: 'ohchr-ch.docx',
    });
    expect(result.kind).toBe('tracked-changes');
    expect(result.errors).toEqual([]);
    const summary = result.set.proposals.map(
      (p) => `${p.action} ${p.label}${p.targets[0]?.point ? ` (${p.targets[0].point})` : ''}`,
    );
    expect(summary).toEqual(['amend 5', 'insert 10 bis', 'delete 20', 'amend 70 (c)']);
    const [amend, insert, del, point] = result.set.proposals;
    const p5 = base.blocks.find((b): b is BisParagraph => b.kind === 'paragraph' && b.label === '5');
    expect(amend?.text).toBe(`${p5?.text.replace('typically', 'generally')} Human rights must inform them.`);
    expect(amend?.targets[0]?.paragraph).toBe(p5?.id);
    expect(insert?.text).toBe(
      'Standard-setting organizations should publish human rights impact assessments.',
    );
    expect(insert?.position).toBe('after');
    expect(insert?.targets[0]?.label).toBe('10');
    expect(del?.text).toBe('');
    expect(point?.text).toMatch(/, including children’s rights\.$/);
    for (const p of result.set.proposals) expect(p.party).toBe('Switzerland');
    expect(amend?.summary).toBe('Word revisions by Jane Doe (2025-09-01)');
    expect(point?.summary).toBe('Word revisions by John Roe (2025-09-02)');
    expect(result.set.parties.map((p) => p.name)).toEqual(['Switzerland']);
  });

  it('labels paragraphs by their automatic numbers as they were before the changes', async () => {
    const numbered = (text: string | (TextRun | InsertedTextRun | DeletedTextRun)[], inserted = false) =>
      new Paragraph({
        numbering: { reference: 'paras', level: 0 },
        ...(inserted ? { run: { insertion: { ...JANE, id: 90 } } } : {}),
        ...(typeof text === 'string' ? { text } : { children: text }),
      });
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'paras',
            levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }],
          },
        ],
      },
      sections: [
        {
          children: [
            numbered('First.'),
            numbered([new InsertedTextRun({ ...JANE, id: 1, text: 'A new second.' })], true),
            numbered('Second.'),
            numbered([
              new TextRun('Third'),
              new InsertedTextRun({ ...JANE, id: 2, text: ' and last' }),
              new TextRun('.'),
            ]),
          ],
        },
      ],
    });
    const result = importDocxProposals(await pack(doc), { party: 'Chile' });
    expect(result.errors).toEqual([]);
    expect(result.set.proposals.map((p) => [p.action, p.label, p.targets[0]?.label, p.text])).toEqual([
      ['insert', '1 bis', '1', 'A new second.'],
      ['amend', '3', '3', 'Third and last.'],
    ]);
  });

  it('refuses a document with neither tracked changes nor a comparison table', async () => {
    const plain = await pack(
      new Document({ sections: [{ children: [new Paragraph('1. Nothing changed.')] }] }),
    );
    expect(() => importDocxProposals(plain, { party: 'Chile', fileName: 'plain.docx' })).toThrow(
      /plain\.docx: no proposals found: .*neither a comparison table .* nor tracked changes/,
    );
  });
});
