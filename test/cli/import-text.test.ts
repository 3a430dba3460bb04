import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bis, root } from './run.test-util';

const dir = mkdtempSync(join(tmpdir(), 'bis-import-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pdfCopy = join(root, 'fixtures/texts/ga-resolution-pdf-copy.txt');

describe('bis import text', () => {
  it('prints what it dropped on stderr as notes with file and line, and exits 0', async () => {
    const run = await bis(['import', 'text', pdfCopy, '--out', join(dir, 'ga.json')], dir);
    expect(run.code).toBe(0);
    const notes = run.stderr.trim().split('\n');
    expect(notes).toHaveLength(7);
    expect(notes[0]).toBe(`bis: note: ${pdfCopy}:32: dropped page number and job number "2/5 23-25734"`);
    const doc = JSON.parse(readFileSync(join(dir, 'ga.json'), 'utf8'));
    expect(doc.format).toBe('bis.document/2');
    expect(doc.blocks[1]).toMatchObject({ label: 'PP1', labelStyle: 'unnumbered' });
  });

  it('exports the revision as text that imports back as the same document', async () => {
    const unfccc = join(root, 'fixtures/texts/unfccc-negotiating-text.txt');
    expect((await bis(['import', 'text', unfccc, '--out', join(dir, 'u.json')], dir)).code).toBe(0);
    const out = await bis(
      ['export', 'revision', '--base', join(dir, 'u.json'), '--format', 'txt', '--out', join(dir, 'u.txt')],
      dir,
    );
    expect(out.code).toBe(0);
    expect(readFileSync(join(dir, 'u.txt'), 'utf8')).toContain('contained in the annex; [agreed]');
    expect((await bis(['import', 'text', join(dir, 'u.txt'), '--out', join(dir, 'u2.json')], dir)).code).toBe(
      0,
    );
    const a = JSON.parse(readFileSync(join(dir, 'u.json'), 'utf8'));
    const b = JSON.parse(readFileSync(join(dir, 'u2.json'), 'utf8'));
    expect(b.blocks).toEqual(a.blocks);
  });
});
