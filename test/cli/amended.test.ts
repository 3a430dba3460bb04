/**
 * `bis import proposals` with a delegation's amended copy of the whole text (fixtures/amended/):
 * compared with the base given by `--base`, refused with a clear message without one.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bis, root } from './run.test-util';

const zero = join(root, 'fixtures/compare/journalists-zero.txt');
const copy = join(root, 'fixtures/amended/journalists-norway-copy.txt');

describe('bis import proposals with an amended copy of the whole text', () => {
  it('finds the proposals by comparison with --base, and asks for --base without it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bis-amended-'));
    const base = await bis(['import', 'text', zero, '--out', 'zero.json'], dir);
    expect(base.code).toBe(0);
    const run = await bis(
      ['import', 'proposals', copy, '--base', 'zero.json', '--party', 'Norway', '--out', 'p.json'],
      dir,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const set = JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8'));
    expect(set.proposals.map((p: { action: string; label: string }) => `${p.action} ${p.label}`)).toEqual([
      'amend 22',
      'insert 23 bis',
      'insert 23 ter',
      'insert 23 quater',
      'delete 25',
      'move 20',
      'amend 20',
      'amend 30',
    ]);
    const bare = await bis(['import', 'proposals', copy, '--party', 'Norway', '--out', 'q.json'], dir);
    expect(bare.code).not.toBe(0);
    expect(bare.stderr).toMatch(
      /journalists-norway-copy\.txt: this reads as an amended copy of the whole text .*--base/,
    );
  });
});
