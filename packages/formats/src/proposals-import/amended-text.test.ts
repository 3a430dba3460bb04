import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type BisDocument, type Proposal, paragraphsOf } from '@bis/core';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import {
  importAmendedTextFile,
  importDocxProposals,
  importText,
  importWrittenProposals,
  readNote,
  readsAsAmendedText,
} from '../index';

const root = fileURLToPath(new URL('../../../../fixtures/', import.meta.url));
const fixture = (name: string) => readFileSync(`${root}${name}`, 'utf8');
const zero = (): BisDocument =>
  importText(fixture('compare/journalists-zero.txt'), { fileName: 'journalists-zero.txt' });
const COPY = 'amended/journalists-norway-copy.txt';

const show = (p: Proposal): string => {
  const where =
    p.action === 'insert' || p.action === 'move'
      ? ` ${p.position} ${p.targets[p.targets.length - 1]?.label}`
      : '';
  return `${p.action} ${p.label}${where}`;
};

describe('amended full text: a delegation’s copy of the whole base', () => {
  it('is turned into insert, amend, delete and move proposals by comparison with the base', () => {
    const base = zero();
    const text = fixture(COPY);
    // Line by line the copy holds no proposal; without a base the dispatcher finds none.
    expect(importWrittenProposals(text, { party: 'Norway' }).set.proposals).toEqual([]);
    expect(readsAsAmendedText(text, base)).toBe(true);
    const result = importAmendedTextFile(text, { party: 'Norway', base, fileName: 'norway.txt' });
    // With one, the dispatcher reads it as this form: the same proposals, each on its line.
    const written = importWrittenProposals(text, { party: 'Norway', amends: base, fileName: 'norway.txt' });
    expect(written.forms).toEqual(['amended']);
    expect(written.errors).toEqual([]);
    expect(written.set.proposals).toEqual(result.set.proposals);
    expect(written.lines.find((l) => l.line === 15)).toMatchObject({ kind: 'proposal' });
    // A copy the same as its base is an error saying so, not "no proposals found" in silence.
    const same = importWrittenProposals(fixture('compare/journalists-zero.txt'), {
      party: 'Norway',
      amends: base,
    });
    expect(same.set.proposals).toEqual([]);
    expect(same.errors).toEqual([
      { line: 1, message: 'no proposals found: the amended copy is the same as the base text' },
    ]);
    expect(result.errors).toEqual([]);
    expect(result.set.proposals.map(show)).toEqual([
      'amend 22',
      'insert 23 bis after 23',
      'insert 23 ter after 23',
      'insert 23 quater after 23',
      'delete 25',
      'move 20 after 26',
      'amend 20',
      'amend 30',
    ]);
    const byLabel = (action: string, label: string) =>
      result.set.proposals.find((p) => p.action === action && p.label === label);
    expect(byLabel('amend', '22')?.text).toMatch(
      /capacity-building, in particular for developing countries\.$/,
    );
    expect(byLabel('amend', '30')?.text).toMatch(/^Requests the Secretary-General/);
    // The note is read and dropped from the text, and kept in the summary.
    expect(byLabel('amend', '20')?.text).toMatch(/^Calls upon States to ensure .* are in full compliance/);
    expect(byLabel('amend', '20')?.summary).toBe('Noted in the copy: (former 20 amended)');
    expect(byLabel('insert', '23 quater')?.text).toMatch(/^Urges digital platforms/);
    // Every target is a base paragraph, and the source line is the copy's.
    for (const p of result.set.proposals) expect(p.targets.every((t) => t.paragraph !== null)).toBe(true);
    expect(byLabel('insert', '23 bis')?.source).toEqual({ file: 'norway.txt', line: 15 });
    expect(result.set.parties.map((p) => p.name)).toEqual(['Norway']);
  });

  it('refuses without a base, saying the base is needed', () => {
    const text = fixture(COPY);
    expect(readsAsAmendedText(text)).toBe(true);
    expect(() => importAmendedTextFile(text, { party: 'Norway', fileName: 'norway.txt' })).toThrow(
      /norway\.txt: this reads as an amended copy of the whole text \(15 numbered paragraphs\): .*give the base \(bis import proposals FILE --base BASE\.json\)/,
    );
  });

  it('reports a note naming a paragraph the base does not have, with its line', () => {
    const text = fixture(COPY).replace('(former 20 amended)', '(former 120 amended)');
    const result = importAmendedTextFile(text, { party: 'Norway', base: zero(), fileName: 'norway.txt' });
    expect(result.errors).toEqual([
      {
        line: 25,
        message:
          '"(former 120 amended)": §120 is not a paragraph of "The safety of journalists and the issue of impunity (zero draft, operative part)"',
      },
    ]);
  });

  it('follows the notes over the content: "(former N)" pairs, "(new)" inserts', () => {
    expect(readNote('(former 20 amended) Calls upon States.')).toEqual({
      text: 'Calls upon States.',
      note: { former: '20', isNew: false, text: '(former 20 amended)' },
    });
    expect(readNote('Calls upon States [formerly para. 12 bis].').note?.former).toBe('12 bis');
    expect(readNote('(new) Calls upon States.').note?.isNew).toBe(true);
    const base = zero();
    const p19 = paragraphsOf(base).find((p) => p.label === '19')?.text ?? '';
    // A paragraph the content would pair with §19, but the delegation says it is new.
    const text = fixture('compare/journalists-zero.txt').replace(
      `19. ${p19}`,
      `19. ${p19}\n\n19bis. (new) ${p19.replace('Urges', 'Also urges')}`,
    );
    const result = importAmendedTextFile(text, { party: 'Norway', base, fileName: 'n.txt' });
    expect(result.set.proposals.map(show)).toEqual(['insert 19 bis after 19']);
  });

  it('is not mistaken for written proposals of another form, or for a short statement', () => {
    expect(readsAsAmendedText(fixture('au-wsis20-written-amendments.txt'))).toBe(false);
    expect(readsAsAmendedText('We support paragraph 12.\n')).toBe(false);
    // With a base, a numbered text that shares too little with it is not a copy of it.
    expect(
      readsAsAmendedText(
        fixture('compare/journalists-zero.txt'),
        importText(fixture('ohchr-standard-setting-report.txt')),
      ),
    ).toBe(false);
  });

  it('reads a plain .docx copy against the base the same way, merges included', async () => {
    const base = zero();
    const p = Object.fromEntries(paragraphsOf(base).map((x) => [x.label, x.text]));
    const line = (label: string, text = p[label] as string) => new Paragraph(`${label}.\t${text}`);
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Amended copy of the zero draft (Kenya)', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: 'III.\tPrevention and protection', heading: HeadingLevel.HEADING_1 }),
            ...['18', '19', '20', '21', '22', '23', '24', '25', '26'].map((l) => line(l)),
            new Paragraph({ text: 'IV.\tAccountability', heading: HeadingLevel.HEADING_1 }),
            // §§27 and 28 made one.
            line(
              '27',
              `${(p['27'] as string).slice(0, -1)}, and to ensure accountability through the conduct of impartial, speedy, thorough, independent and effective investigations into all alleged violence against journalists.`,
            ),
            line('29'),
            line('30'),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const result = importDocxProposals(bytes, { party: 'Kenya', base, fileName: 'kenya.docx' });
    expect(result.kind).toBe('amended-text');
    expect(result.errors).toEqual([]);
    expect(result.set.proposals.map(show)).toEqual(['amend 27–28']);
    expect(() => importDocxProposals(bytes, { party: 'Kenya', fileName: 'kenya.docx' })).toThrow(
      /kenya\.docx: no proposals found: .*an amended copy of the whole text is read by comparing it with the base text it amends, and none was given/,
    );
  });
});
