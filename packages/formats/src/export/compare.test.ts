import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type BisDocument, paragraphsOf } from '@bis/core';
import { describe, expect, it } from 'vitest';
import { compareDocuments, compareDocumentsAs, importText } from '../index';

const dir = fileURLToPath(new URL('../../../../fixtures/compare/', import.meta.url));

// Separate id spaces, as two separately imported files have.
const read = (name: string, prefix: string): BisDocument => {
  let n = 0;
  return importText(readFileSync(`${dir}${name}`, 'utf8'), {
    fileName: name,
    newId: () => `${prefix}${++n}`,
  });
};

const rowsOf = (a: BisDocument, b: BisDocument) =>
  compareDocuments(a, b).rows.map((r) =>
    [
      r.olds.map((p) => p.label).join('+') || '-',
      r.news.map((p) => p.label).join('+') || '-',
      r.kind,
      r.structure ?? '',
      r.renumbered ? 'renumbered' : '',
    ]
      .filter(Boolean)
      .join(' '),
  );

describe('compareDocuments aligned by content', () => {
  it('shows one inserted 23 bis as one addition and leaves every later paragraph unchanged', () => {
    const zero = read('journalists-zero.txt', 'z');
    const c = compareDocuments(zero, read('journalists-23bis.txt', 'd'));
    expect(c.alignedBy).toBe('text');
    expect(rowsOf(zero, read('journalists-23bis.txt', 'd'))).toEqual([
      '18 18 unchanged',
      '19 19 unchanged',
      '20 20 unchanged',
      '21 21 unchanged',
      '22 22 unchanged',
      '23 23 unchanged',
      '- 23 bis added',
      '24 24 unchanged',
      '25 25 unchanged',
      '26 26 unchanged',
      '27 27 unchanged',
      '28 28 unchanged',
      '29 29 unchanged',
      '30 30 unchanged',
    ]);
  });

  it('names each insertion, deletion, renumbering, move, merge and split of a revision', () => {
    const rows = rowsOf(read('journalists-zero.txt', 'z'), read('journalists-rev1.txt', 'r'));
    expect(rows).toEqual([
      '18 18 unchanged',
      '19 19 unchanged',
      '21 20 unchanged renumbered',
      '22 21 unchanged renumbered',
      '23 22 unchanged renumbered',
      '- 23 added',
      '24 24 unchanged',
      '25 - removed',
      '26 25 unchanged renumbered',
      '20 26 unchanged moved renumbered',
      '27+28 27 changed merged',
      '29 28+29 changed split',
      '30 30 changed',
    ]);
  });

  it('marks the words of a merge against both old paragraphs, and writes moves in every format', async () => {
    const zero = read('journalists-zero.txt', 'z');
    const rev1 = read('journalists-rev1.txt', 'r');
    const merged = compareDocuments(zero, rev1).rows.find((r) => r.structure === 'merged');
    const edits = (merged?.runs ?? []).filter((x) => x.op !== 'equal').map((x) => `${x.op} ${x.text.trim()}`);
    // The second paragraph's opening words go and ", and" joins it to the first; the rest is kept.
    expect(edits).toEqual(['delete .\nCalls upon Member States', 'insert , and']);
    const md = String((await compareDocumentsAs(zero, rev1, 'md')).data);
    expect(md).toContain('| 20 | 26 |');
    expect(md).toContain('unchanged, moved from 20 (now 26)');
    expect(md).toContain('changed, merged 27 + 28 into 27');
    expect(md).toContain('changed, split 29 into 28 + 29');
    expect(md).toContain('unchanged, renumbered 26 → 25');
    expect(md).toMatch(
      /3 changed, 1 added, 1 removed, 1 moved, 1 merged, 1 split, 5 renumbered, 8 unchanged/,
    );
    const json = JSON.parse(String((await compareDocumentsAs(zero, rev1, 'json')).data));
    expect(json.format).toBe('bis.version-comparison/2');
    const m = json.rows.find((r: { structure: string }) => r.structure === 'merged');
    expect(m.olds.map((p: { label: string }) => p.label)).toEqual(['27', '28']);
    const csv = String((await compareDocumentsAs(zero, rev1, 'csv')).data);
    expect(csv).toContain('"20","26","unchanged","moved","yes"');
  });

  it('keeps aligning by id when the versions share paragraph ids, and finds moves through them', () => {
    const zero = read('journalists-zero.txt', 'z');
    const ps = paragraphsOf(zero);
    const blocks = zero.blocks.filter((b) => b.kind === 'paragraph');
    // §20 moved after §26 and the text renumbered; ids kept, as the revision builder keeps them.
    const p20 = blocks[2];
    const reordered = [...blocks.slice(0, 2), ...blocks.slice(3, 9), p20, ...blocks.slice(9)].map((b, k) =>
      b && b.kind === 'paragraph' ? { ...b, label: String(18 + k) } : b,
    );
    const next = { ...zero, blocks: reordered } as BisDocument;
    const c = compareDocuments(zero, next);
    expect(c.alignedBy).toBe('id');
    const moved = c.rows.filter((r) => r.structure === 'moved');
    expect(moved.map((r) => [r.old?.label, r.new?.label])).toEqual([['20', '26']]);
    expect(c.rows.filter((r) => r.kind !== 'unchanged')).toEqual([]);
    expect(c.rows).toHaveLength(ps.length);
  });
});

describe('compareDocuments on imports with counter ids', () => {
  it('does not trust ids that two separate imports happen to share (p1, p2 …)', () => {
    // Both files read with the default ids: the inserted 23 bis shifts every later id by one.
    const zero = importText(readFileSync(`${dir}journalists-zero.txt`, 'utf8'));
    const copy = importText(readFileSync(`${dir}journalists-23bis.txt`, 'utf8'));
    const c = compareDocuments(zero, copy);
    expect(c.alignedBy).toBe('text');
    expect(c.rows.filter((r) => r.kind !== 'unchanged').map((r) => [r.kind, r.new?.label])).toEqual([
      ['added', '23 bis'],
    ]);
  });
});
