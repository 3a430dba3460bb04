/**
 * Comparison on two successive texts of one passage (fixtures/revisions/: the OHCHR report's
 * §§44–48 and an illustrative later version): imported separately, so they share no ids and are
 * aligned by text; the comparison must find exactly the changes made — a rewording, a deleted
 * paragraph, a new paragraph, an added sentence and a deleted clause — and nothing else.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareDocuments, importText } from '@bis/formats';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../fixtures/revisions/', import.meta.url));
// Separate id spaces: the default counter would give both texts `p1, p2 …` and fake a shared history.
const read = (name: string, prefix: string) => {
  let n = 0;
  return importText(readFileSync(`${dir}${name}`, 'utf8'), {
    fileName: name,
    newId: () => `${prefix}${++n}`,
  });
};

describe('comparing two successive versions of a real passage', () => {
  it('finds exactly the insertions, deletions and rewordings', () => {
    const cmp = compareDocuments(read('ohchr-passage-zero.txt', 'z'), read('ohchr-passage-rev1.txt', 'r'));
    expect(cmp.alignedBy).toBe('text');
    expect(cmp.rows.map((r) => [r.kind, r.old?.label ?? null, r.new?.label ?? null])).toEqual([
      ['changed', '44', '44'],
      ['removed', '45', null],
      ['unchanged', '46', '45'],
      ['added', null, '46'],
      ['unchanged', '47', '47'],
      ['changed', '48', '48'],
    ]);
    const edits = (label: string) =>
      (cmp.rows.find((r) => r.new?.label === label)?.runs ?? [])
        .filter((x) => x.op !== 'equal')
        .map((x) => `${x.op === 'insert' ? '+' : '-'}${x.text.trim()}`);
    expect(edits('44')).toEqual(['+open']);
    // Two nearby edits in §48 (a clause deleted, a sentence added 9 words later) read as one
    // replacement: @bis/diff absorbs short unchanged stretches between edits so the change reads
    // like a marked-up text. The first sentence stays untouched.
    expect(edits('48')).toEqual([
      '-As consistently pointed out in the consultations informing the present report, the vast majority of participants in standard-setting processes are men',
      '+The vast majority of participants in standard-setting processes are men. Standard-setting organizations should collect disaggregated data on the participation of women',
    ]);
    const r48 = cmp.rows.find((r) => r.new?.label === '48');
    expect(r48?.runs[0]).toEqual({
      op: 'equal',
      text: 'The lack of equal gender representation in standard-setting processes is of particular concern. ',
    });
  });
});
