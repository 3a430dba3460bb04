/**
 * Track-changed copies as Word writes them, built with the `docx` package: a paragraph deleted
 * whole before a heading, a paragraph moved with Word's move tracking, and comments on changes.
 * Word's move markup (`w:moveFrom`/`w:moveTo` with named ranges) is not something the `docx`
 * package writes, so `asMove` rewrites a tracked deletion and insertion into one, as Word does.
 */
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importDocxProposals, importText } from '../index';

const pack = async (doc: Document): Promise<Uint8Array> => new Uint8Array(await Packer.toBuffer(doc));

const CH = { author: 'Delegation of Chile', date: '2025-10-02T09:30:00Z' };

// The operative part of a draft outcome document: §§29–31, a heading, §§32–34.
const P: Record<string, string> = {
  '29': 'We recognize that financing remains a major constraint for developing countries in building digital infrastructure and skills.',
  '30': 'We call upon development partners to scale up concessional finance for broadband in least developed countries and small island developing States.',
  '31': 'We encourage the establishment of a voluntary fund to support the participation of developing countries in the annual review.',
  '32': 'We decide to review the implementation of the present outcome every five years through a high-level meeting of the General Assembly.',
  '33': 'We request the Secretary-General to submit an annual report on progress, drawing on contributions from all stakeholders.',
  '34': 'We invite the Commission on Science and Technology for Development to continue to support the follow-up of this outcome.',
};

const baseText = (): string =>
  [
    'Draft outcome document of the high-level meeting',
    '',
    ...['29', '30', '31'].flatMap((l) => [`${l}. ${P[l]}`, '']),
    'Follow-up and review',
    '',
    ...['32', '33', '34'].flatMap((l) => [`${l}. ${P[l]}`, '']),
  ].join('\n');

const line = (label: string) => new Paragraph(`${label}.\t${P[label]}`);
const deleted = (label: string, id: number) =>
  new Paragraph({
    run: { deletion: { ...CH, id } },
    children: [new DeletedTextRun({ ...CH, id: id + 1, text: `${label}.\t${P[label]}` })],
  });
const inserted = (text: string, id: number) =>
  new Paragraph({
    run: { insertion: { ...CH, id } },
    children: [new InsertedTextRun({ ...CH, id: id + 1, text })],
  });

/** Rewrites the tracked deletion of the paragraph holding `leaving` and the insertion of the one holding `landing` into one Word move named `name`. */
const asMove = (
  bytes: Uint8Array,
  leaving: string,
  landing: string,
  name: string,
  // Insertions holding one of these texts stay plain edits inside the moved text.
  edits: readonly string[] = [],
): Uint8Array => {
  const files = unzipSync(bytes);
  let xml = strFromU8(files['word/document.xml'] as Uint8Array);
  const range = (kind: 'From' | 'To', id: number) => [
    `<w:move${kind}RangeStart w:id="${id}" w:name="${name}" w:author="${CH.author}" w:date="${CH.date}"/>`,
    `<w:move${kind}RangeEnd w:id="${id}"/>`,
  ];
  // The paragraph leaving is the first holding its text, the one landing the last.
  const rewrite = (marker: string, f: (p: string) => string, last = false) => {
    const paragraphs = (xml.match(/<w:p\b(?:(?!<\/w:p>)[\s\S])*<\/w:p>/g) ?? []).filter((x) =>
      x.includes(marker),
    );
    const p = last ? paragraphs.pop() : paragraphs[0];
    if (!p) throw new Error(`no paragraph holds ${marker}`);
    xml = xml.replace(p, f(p));
  };
  rewrite(leaving, (p) => {
    const [start, end] = range('From', 901);
    return p
      .replace(/<w:del\b/g, '<w:moveFrom')
      .replace(/<\/w:del>/g, '</w:moveFrom>')
      .replace(/w:delText/g, 'w:t')
      .replace('</w:pPr>', `</w:pPr>${start}`)
      .replace(/<\/w:p>$/, `${end}</w:p>`);
  });
  rewrite(
    landing,
    (p) => {
      const [start, end] = range('To', 902);
      return p
        .replace(/<w:ins\b[^>]*\/>/g, (m) => m.replace('<w:ins', '<w:moveTo'))
        .replace(/<w:ins\b[^>]*[^/]>[\s\S]*?<\/w:ins>/g, (m) =>
          edits.some((e) => m.includes(e))
            ? m
            : m.replace('<w:ins', '<w:moveTo').replace('</w:ins>', '</w:moveTo>'),
        )
        .replace('</w:pPr>', `</w:pPr>${start}`)
        .replace(/<\/w:p>$/, `${end}</w:p>`);
    },
    true,
  );
  files['word/document.xml'] = strToU8(xml);
  return zipSync(files);
};

describe('track-changed .docx: deletions, moves and comments as Word writes them', () => {
  it('imports a paragraph deleted whole before a heading as a delete, leaving the heading and the next paragraph alone', async () => {
    const base = importText(baseText());
    for (const headingStyle of [true, false]) {
      const doc = new Document({
        sections: [
          {
            children: [
              line('29'),
              line('30'),
              deleted('31', 10),
              headingStyle
                ? new Paragraph({ text: 'Follow-up and review', heading: HeadingLevel.HEADING_1 })
                : new Paragraph({ children: [new TextRun({ text: 'Follow-up and review', bold: true })] }),
              line('32'),
              line('33'),
              line('34'),
            ],
          },
        ],
      });
      const result = importDocxProposals(await pack(doc), { party: 'Chile', base, fileName: 'ch.docx' });
      expect(result.errors).toEqual([]);
      expect(result.set.proposals.map((p) => [p.action, p.label, p.text])).toEqual([['delete', '31', '']]);
    }
  });

  it('turns a Word move (w:moveFrom / w:moveTo) into a move proposal after the paragraph before its new place', async () => {
    const base = importText(baseText());
    const doc = new Document({
      sections: [
        {
          children: [
            line('29'),
            deleted('30', 10),
            line('31'),
            new Paragraph({ text: 'Follow-up and review', heading: HeadingLevel.HEADING_1 }),
            line('32'),
            line('33'),
            inserted(`30.\t${P['30']}`, 20),
            line('34'),
          ],
        },
      ],
    });
    const bytes = asMove(await pack(doc), 'concessional finance', 'concessional finance', 'move443711');
    // The fixture really holds Word's move markup.
    const xml = strFromU8(unzipSync(bytes)['word/document.xml'] as Uint8Array);
    expect(xml).toContain('<w:moveFrom ');
    expect(xml).toContain('<w:moveToRangeStart w:id="902" w:name="move443711"');
    const result = importDocxProposals(bytes, { party: 'Chile', base, fileName: 'ch.docx' });
    expect(result.errors).toEqual([]);
    expect(
      result.set.proposals.map((p) => [p.action, p.label, p.position, p.targets.map((t) => t.label)]),
    ).toEqual([['move', '30', 'after', ['30', '33']]]);
    expect(result.set.proposals[0]?.targets.every((t) => t.paragraph !== null)).toBe(true);
  });

  it('adds an amendment when words of the moved text were changed where it lands', async () => {
    const base = importText(baseText());
    const [head, tail] = (P['30'] as string).split('concessional') as [string, string];
    const doc = new Document({
      sections: [
        {
          children: [
            line('29'),
            deleted('30', 10),
            line('31'),
            new Paragraph({ text: 'Follow-up and review', heading: HeadingLevel.HEADING_1 }),
            line('32'),
            new Paragraph({
              run: { insertion: { ...CH, id: 20 } },
              children: [
                new InsertedTextRun({ ...CH, id: 21, text: `30.\t${head}` }),
                new DeletedTextRun({ ...CH, id: 22, text: 'concessional' }),
                new InsertedTextRun({ ...CH, id: 23, text: 'grant-based' }),
                new InsertedTextRun({ ...CH, id: 24, text: tail }),
              ],
            }),
            line('33'),
            line('34'),
          ],
        },
      ],
    });
    const bytes = asMove(await pack(doc), 'concessional finance', 'small island', 'move9', ['grant-based']);
    const xml = strFromU8(unzipSync(bytes)['word/document.xml'] as Uint8Array);
    // The moved text is w:moveTo; the word changed in it a plain w:ins and w:del.
    expect(xml).toMatch(/<w:ins [^>]*>(?:(?!<\/w:ins>)[\s\S])*grant-based/);
    expect(xml).toMatch(/<w:moveTo [^>]*>(?:(?!<\/w:moveTo>)[\s\S])*small island/);
    const result = importDocxProposals(bytes, { party: 'Chile', base, fileName: 'ch.docx' });
    expect(result.errors).toEqual([]);
    expect(result.set.proposals.map((p) => [p.action, p.label, p.position, p.text])).toEqual([
      ['move', '30', 'after', ''],
      ['amend', '30', null, (P['30'] as string).replace('concessional', 'grant-based')],
    ]);
  });

  it('makes the Word comments on a change its rationale', async () => {
    const base = importText(baseText());
    const comment = (id: number, text: string) => ({
      id,
      author: 'Delegation of Chile',
      date: new Date('2025-10-02T09:45:00Z'),
      children: [new Paragraph(text)],
    });
    const [before, after] = (P['33'] as string).split('annual') as [string, string];
    const doc = new Document({
      comments: {
        children: [
          comment(1, 'A biennial report is enough and saves resources.'),
          comment(2, 'The fund duplicates existing trust funds.'),
          comment(3, 'General remark on the text, on no change.'),
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({
              children: [
                new CommentRangeStart(3),
                new TextRun(`29.\t${P['29']}`),
                new CommentRangeEnd(3),
                new TextRun({ children: [new CommentReference(3)] }),
              ],
            }),
            line('30'),
            new Paragraph({
              run: { deletion: { ...CH, id: 10 } },
              children: [
                new CommentRangeStart(2),
                new DeletedTextRun({ ...CH, id: 11, text: `31.\t${P['31']}` }),
                new CommentRangeEnd(2),
                new TextRun({ children: [new CommentReference(2)] }),
              ],
            }),
            new Paragraph({ text: 'Follow-up and review', heading: HeadingLevel.HEADING_1 }),
            line('32'),
            new Paragraph({
              children: [
                new TextRun(`33.\t${before}`),
                new CommentRangeStart(1),
                new DeletedTextRun({ ...CH, id: 12, text: 'annual' }),
                new InsertedTextRun({ ...CH, id: 13, text: 'biennial' }),
                new CommentRangeEnd(1),
                new TextRun({ children: [new CommentReference(1)] }),
                new TextRun(after),
              ],
            }),
            line('34'),
          ],
        },
      ],
    });
    const result = importDocxProposals(await pack(doc), { party: 'Chile', base, fileName: 'ch.docx' });
    expect(result.errors).toEqual([]);
    expect(result.set.proposals.map((p) => [p.action, p.label, p.rationale])).toEqual([
      ['delete', '31', 'The fund duplicates existing trust funds.'],
      ['amend', '33', 'A biennial report is enough and saves resources.'],
    ]);
    expect(result.set.proposals[1]?.text).toBe(P['33']?.replace('annual', 'biennial'));
  });
});
