/**
 * `bis` with Word files: exports to .docx on the fixtures (the AU amendments as tracked changes
 * a Review pane would list), imports of .docx texts and proposals, a hostile file refused, and
 * — when LibreOffice's `soffice` is installed — every generated .docx converted to PDF.
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { au, bis, exec, ohchr } from './run.test-util';

const documentXml = (file: string): string => {
  const part = unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml'];
  if (!part) throw new Error(`${file} has no word/document.xml`);
  return new TextDecoder().decode(part);
};

// The AU amendments were written against the WSIS+20 zero draft, which is not among the
// fixtures: a synthetic base with paragraphs 77–135 (and the 97 bis they also retain) stands in.
const synthetic = (): string => {
  const lines = ['Synthetic WSIS+20 base text', '', 'I. Human rights', ''];
  for (let n = 77; n <= 135; n++) {
    lines.push(
      `${n}.\tWe reaffirm that human rights are central to the information society (paragraph ${n}).`,
      '',
    );
    if (n === 97) lines.push('97 bis.\tWe recall the role of human rights due diligence.', '');
  }
  return lines.join('\n');
};

const prepared = (async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bis-docx-'));
  writeFileSync(join(dir, 'base.txt'), synthetic());
  const steps = [
    ['import', 'text', 'base.txt', '--out', 'base.json'],
    ['import', 'proposals', au, '--party', 'African Union', '--base', 'base.json', '--out', 'au.json'],
    ['import', 'text', ohchr, '--out', 'ohchr.json'],
    [
      'export',
      'comparison',
      '--base',
      'base.json',
      '--proposals',
      'au.json',
      '--format',
      'docx',
      '--out',
      'comparison.docx',
    ],
    [
      'export',
      'compilation',
      '--base',
      'base.json',
      '--proposals',
      'au.json',
      '--format',
      'docx',
      '--out',
      'compilation.docx',
    ],
    ['export', 'revision', '--base', 'ohchr.json', '--format', 'docx', '--out', 'revision.docx'],
  ];
  for (const args of steps) {
    const run = await bis(args, dir);
    if (run.code !== 0) throw new Error(`bis ${args.join(' ')} failed: ${run.stderr}`);
  }
  return dir;
})();

describe.concurrent('bis with .docx', () => {
  it('exports the AU comparison with each amendment as tracked changes by the African Union', async () => {
    const dir = await prepared;
    const xml = documentXml(join(dir, 'comparison.docx'));
    const proposals = JSON.parse(readFileSync(join(dir, 'au.json'), 'utf8')).proposals as {
      action: string;
    }[];
    const rows = xml.split('<w:tr>').slice(2);
    expect(rows).toHaveLength(proposals.length);
    const authors = [...xml.matchAll(/<w:(ins|del) w:id="\d+" w:author="([^"]*)"/g)].map((m) => m[2]);
    expect(new Set(authors)).toEqual(new Set(['African Union']));
    // Every amendment and insertion row carries at least one tracked insertion.
    const changing = rows.filter((r) => /<w:ins w:id/.test(r));
    expect(changing.length).toBe(
      proposals.filter((p) => p.action === 'amend' || p.action === 'insert').length,
    );
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('imports a .docx text and a .docx of proposals, and compares two .docx texts', async () => {
    const dir = await prepared;
    const text = await bis(['import', 'text', 'revision.docx', '--out', 'from-docx.json'], dir);
    expect(text.stderr).toBe('');
    const doc = JSON.parse(readFileSync(join(dir, 'from-docx.json'), 'utf8'));
    expect(doc.blocks.filter((b: { kind: string }) => b.kind === 'paragraph')).toHaveLength(72);

    const back = await bis(
      ['import', 'proposals', 'comparison.docx', '--party', 'Unknown', '--base', 'base.json'],
      dir,
    );
    expect(back.stderr).toBe('');
    const original = JSON.parse(readFileSync(join(dir, 'au.json'), 'utf8')).proposals;
    const read = JSON.parse(back.stdout).proposals;
    expect(read.map((p: { party: string; action: string }) => `${p.party} ${p.action}`).sort()).toEqual(
      original.map((p: { party: string; action: string }) => `${p.party} ${p.action}`).sort(),
    );

    const compare = await bis(
      ['compare', 'ohchr.json', 'revision.docx', '--format', 'docx', '--out', 'compare.docx'],
      dir,
    );
    expect(compare.stderr).toBe('');
    expect(compare.code).toBe(0);
    expect(documentXml(join(dir, 'compare.docx'))).toContain('72.');
  });

  it('refuses a file that only pretends to be a .docx, writing nothing', async () => {
    const dir = await prepared;
    writeFileSync(join(dir, 'fake.docx'), '1. Not a Word file at all.\n');
    const run = await bis(['import', 'text', 'fake.docx', '--out', 'fake.json'], dir);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/fake\.docx: not a \.docx file .*nothing was imported/);
    expect(existsSync(join(dir, 'fake.json'))).toBe(false);
    const proposals = await bis(['import', 'proposals', 'fake.docx', '--party', 'Chile'], dir);
    expect(proposals.code).not.toBe(0);
    expect(proposals.stdout).toBe('');
  });
});

const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice'].find(
  existsSync,
);
if (!soffice) {
  console.warn(
    '\n*** SKIPPED: LibreOffice (soffice) is not installed, so the generated .docx files are NOT checked by real office software. Install libreoffice-writer-nogui to run this check. ***\n',
  );
}

describe('LibreOffice', () => {
  it.skipIf(!soffice)(
    'converts every generated .docx to PDF without error',
    async () => {
      const dir = await prepared;
      await bis(
        ['compare', 'ohchr.json', 'revision.docx', '--format', 'docx', '--out', 'compare-lo.docx'],
        dir,
      );
      const files = ['comparison.docx', 'compilation.docx', 'revision.docx', 'compare-lo.docx'];
      const run = await exec(
        soffice as string,
        [
          '--headless',
          '--norestore',
          `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
          '--convert-to',
          'pdf',
          '--outdir',
          join(dir, 'pdf'),
          ...files,
        ],
        dir,
        180_000,
      );
      expect(run.stderr).not.toMatch(/Error/);
      for (const f of files) {
        const pdf = join(dir, 'pdf', f.replace(/\.docx$/, '.pdf'));
        expect(existsSync(pdf), `${pdf} was not written: ${run.stdout} ${run.stderr}`).toBe(true);
        expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
        expect(statSync(pdf).size).toBeGreaterThan(5000);
      }
    },
    240_000,
  );
});
