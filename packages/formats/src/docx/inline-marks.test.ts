/**
 * A copy of the base in which a delegation marked its changes by formatting alone, as printed
 * amendment lists do: added words in bold (or underlined), deleted words struck through, no
 * Word track changes. Built with the `docx` package.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { importDocxProposals, importText } from '../index';

const P: Record<string, string> = {
  '5': 'We recognize that meaningful connectivity is a prerequisite for the enjoyment of human rights online.',
  '6': 'We commit to closing the digital divide between and within countries, including the gender digital divide.',
  '7': 'We encourage States to adopt national broadband plans with measurable targets.',
  '8': 'We call for the strengthening of the Internet Governance Forum as a multistakeholder platform.',
};
const base = () =>
  importText(
    [
      'Draft outcome document',
      '',
      'I. Connectivity',
      '',
      ...['5', '6', '7', '8'].flatMap((l) => [`${l}. ${P[l]}`, '']),
    ].join('\n'),
  );
const pack = async (children: Paragraph[]) =>
  new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));

describe('importDocxProposals from words marked by formatting', () => {
  it('reads bold or underlined words as added and struck-through words as deleted', async () => {
    const [five0, five1] = (P['5'] as string).split('a prerequisite') as [string, string];
    const bytes = await pack([
      new Paragraph({ text: 'I. Connectivity', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({
        children: [
          // The label in bold is layout, not an addition.
          new TextRun({ text: '5.', bold: true }),
          new TextRun(`\t${five0}`),
          new TextRun({ text: 'a prerequisite', strike: true }),
          new TextRun({ text: 'an essential condition', bold: true }),
          new TextRun(five1),
        ],
      }),
      new Paragraph({
        children: [
          new TextRun(`6.\t${(P['6'] as string).replace(/\.$/, '')}`),
          new TextRun({ text: ' and the divide affecting persons with disabilities', underline: {} }),
          new TextRun('.'),
        ],
      }),
      new Paragraph({ children: [new TextRun({ text: `7.\t${P['7']}`, strike: true })] }),
      new Paragraph({
        children: [
          new TextRun({
            text: '7 bis.\tWe invite the International Telecommunication Union to report on progress towards universal connectivity.',
            bold: true,
          }),
        ],
      }),
      new Paragraph(`8.\t${P['8']}`),
    ]);
    const result = importDocxProposals(bytes, { party: 'Brazil', base: base(), fileName: 'brazil.docx' });
    expect(result.kind).toBe('inline-marks');
    expect(result.errors).toEqual([]);
    expect(result.set.proposals.map((p) => [p.action, p.label, p.text])).toEqual([
      ['amend', '5', (P['5'] as string).replace('a prerequisite', 'an essential condition')],
      [
        'amend',
        '6',
        (P['6'] as string).replace(/\.$/, ' and the divide affecting persons with disabilities.'),
      ],
      ['delete', '7', ''],
      [
        'insert',
        '7 bis',
        'We invite the International Telecommunication Union to report on progress towards universal connectivity.',
      ],
    ]);
  });

  it('does not read bold headings and bold labels alone as changes', async () => {
    const bytes = await pack([
      new Paragraph({ children: [new TextRun({ text: 'I. Connectivity', bold: true })] }),
      ...['5', '6'].map(
        (l) =>
          new Paragraph({ children: [new TextRun({ text: `${l}.`, bold: true }), new TextRun(`\t${P[l]}`)] }),
      ),
    ]);
    expect(() => importDocxProposals(bytes, { party: 'Brazil', fileName: 'plain.docx' })).toThrow(
      /plain\.docx: no proposals found/,
    );
  });
});
