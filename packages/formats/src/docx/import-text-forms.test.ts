import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { exportView, importDocxTextWithNotes } from '../index';

const pack = async (doc: Document): Promise<Uint8Array> => new Uint8Array(await Packer.toBuffer(doc));

describe('importDocxText: the same classification as a text file', () => {
  it('reads a resolution with an unnumbered preamble, tags and brackets, and names the Word paragraph in notes', async () => {
    const bytes = await pack(
      new Document({
        sections: [
          {
            children: [
              'The General Assembly,',
              'Recalling its resolution 70/125 of 16 December 2015,',
              'Welcoming [the progress made] in connectivity,',
              '1.\tDecides to convene a high-level meeting in 2025; [agreed]',
              '2.\tRequests the Secretary-General to report [on progress; [ad ref]',
              '3',
              '3.\tDecides to remain seized of the matter.',
            ].map((t) => new Paragraph(t)),
          },
        ],
      }),
    );
    const { document: doc, notes } = importDocxTextWithNotes(bytes, { fileName: 'draft.docx' });
    const paras = doc.blocks.filter((b) => b.kind === 'paragraph');
    expect(paras.map((p) => [p.label, p.labelStyle ?? null, p.tags ?? []])).toEqual([
      ['PP1', 'unnumbered', []],
      ['PP2', 'unnumbered', []],
      ['1', null, ['agreed']],
      ['2', null, ['ad ref']],
      ['3', null, []],
    ]);
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', role: 'chapeau', title: 'The General Assembly,' });
    expect(notes.map((n) => [n.line, n.kind])).toEqual([
      [5, 'brackets'],
      [6, 'furniture'],
    ]);
    // And the .docx revision export prints the labels as the source shows them.
    const file = await exportView('revision', 'docx', { document: doc, proposals: [] });
    const back = importDocxTextWithNotes(file.data as Uint8Array).document;
    expect(back.blocks.map((b) => (b.kind === 'paragraph' ? [b.label, b.text, b.tags] : b.title))).toEqual(
      doc.blocks.map((b) => (b.kind === 'paragraph' ? [b.label, b.text, b.tags] : b.title)),
    );
  });
});
