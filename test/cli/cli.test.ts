import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { au, bis, ohchr, root } from './run.test-util';

const scratch = (): string => mkdtempSync(join(tmpdir(), 'bis-cli-'));

describe.concurrent('bis import', () => {
  it('imports the OHCHR report as a document with its 72 paragraphs', async () => {
    const dir = scratch();
    const run = await bis(
      [
        'import',
        'text',
        ohchr,
        '--title',
        'Human rights and technical standard-setting',
        '--out',
        'ohchr.json',
      ],
      dir,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, 'ohchr.json'), 'utf8'));
    expect(doc.format).toBe('bis.document/2');
    expect(doc.title).toBe('Human rights and technical standard-setting');
    const labels = doc.blocks
      .filter((b: { kind: string }) => b.kind === 'paragraph')
      .map((b: { label: string }) => b.label);
    expect(labels).toEqual(Array.from({ length: 72 }, (_, i) => String(i + 1)));
  });

  it('imports the African Union written amendments with the party given', async () => {
    const run = await bis(['import', 'proposals', au, '--party', 'African Union'], scratch());
    expect(run.code).toBe(0);
    const set = JSON.parse(run.stdout);
    expect(set.format).toBe('bis.proposals/2');
    expect(set.proposals).toHaveLength(18);
    expect(new Set(set.proposals.map((p: { party: string }) => p.party))).toEqual(new Set(['African Union']));
    const insert = set.proposals.find((p: { label: string }) => p.label === '77 bis');
    expect(insert.action).toBe('insert');
    expect(insert.targets[0]).toMatchObject({ label: '77', paragraph: null });
  });

  it('fails naming the line when a label is not in the base, and leaves no output file', async () => {
    const dir = scratch();
    await bis(['import', 'text', ohchr, '--out', 'ohchr.json'], dir);
    const run = await bis(
      ['import', 'proposals', au, '--party', 'African Union', '--base', 'ohchr.json', '--out', 'au.json'],
      dir,
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(
      /^bis: .*au-wsis20-written-amendments\.txt:\d+: .*77/,
    );
    expect(existsSync(join(dir, 'au.json'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('resolves written proposals against a base that has their paragraphs', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'base.txt'), '1.\tFirst paragraph.\n2.\tWe note the role of standards.\n');
    writeFileSync(
      join(dir, 'p.txt'),
      '- **§2 (standards)** → *Amend*: add rights.\n\n“We note the role of standards and human rights.”\n',
    );
    await bis(['import', 'text', 'base.txt', '--out', 'base.json'], dir);
    const run = await bis(
      ['import', 'proposals', 'p.txt', '--party', 'Kenya', '--base', 'base.json', '--out', 'p.json'],
      dir,
    );
    expect(run.stderr).toBe('');
    const set = JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8'));
    const doc = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8'));
    expect(set.proposals[0].targets[0].paragraph).toBe(doc.blocks[1].id);
    const md = await bis(
      ['export', 'comparison', '--base', 'base.json', '--proposals', 'p.json', '--format', 'md'],
      dir,
    );
    expect(md.stdout).toContain('We note the role of standards **and human rights**.');
  });
});

describe.concurrent('bis export and compare', () => {
  const prepared = (async () => {
    const dir = scratch();
    await bis(['import', 'text', ohchr, '--out', 'ohchr.json'], dir);
    await bis(['import', 'proposals', au, '--party', 'African Union', '--out', 'au.json'], dir);
    return dir;
  })();

  for (const [view, format, expected] of [
    ['comparison', 'html', '<th scope="col">Proposed text</th>'],
    ['comparison', 'md', '| Paragraph | Current text | Proposed text |'],
    ['comparison', 'csv', '"id","paragraph","action"'],
    ['comparison', 'json', '"format": "bis.comparison/1"'],
    ['compilation', 'html', 'Proposals not placed in this text'],
    ['compilation', 'md', 'This report is submitted pursuant to Human Rights Council resolution 47/23'],
    ['revision', 'md', '**72.** The High Commissioner encourages that civil society:'],
    ['revision', 'json', '"format": "bis.document/2"'],
  ] as const) {
    it(`exports the ${view} as ${format}`, async () => {
      const dir = await prepared;
      const out = `${view}.${format}`;
      const run = await bis(
        ['export', view, '--base', 'ohchr.json', '--proposals', 'au.json', '--format', format, '--out', out],
        dir,
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(readFileSync(join(dir, out), 'utf8')).toContain(expected);
    });
  }

  it('compares two versions of a text paragraph by paragraph', async () => {
    const dir = scratch();
    writeFileSync(
      join(dir, 'old.txt'),
      '1.\tAlpha beta gamma delta.\n2.\tStandards shape rights.\n3.\tA paragraph to go.\n',
    );
    writeFileSync(join(dir, 'new.txt'), '1.\tAlpha beta gamma delta epsilon.\n2.\tStandards shape rights.\n');
    const run = await bis(['compare', 'old.txt', 'new.txt', '--format', 'json'], dir);
    expect(run.code).toBe(0);
    const c = JSON.parse(run.stdout);
    expect(c.rows.map((r: { change: string }) => r.change)).toEqual(['changed', 'unchanged', 'removed']);
  });
});

describe.concurrent('bis on bad input', () => {
  // [what, files to write first, arguments, expected message]
  const cases: [string, Record<string, string | Uint8Array>, string[], RegExp][] = [
    ['an empty file', { 'e.txt': '' }, ['import', 'text', 'e.txt', '--out', 'x.json'], /empty file/],
    [
      'a binary file',
      { 'b.txt': new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1, 2]) },
      ['import', 'text', 'b.txt', '--out', 'x.json'],
      /binary file/,
    ],
    ['a missing file', {}, ['import', 'text', 'nope.txt', '--out', 'x.json'], /no such file/],
    [
      'an unknown format',
      {},
      ['export', 'comparison', '--base', ohchr, '--format', 'pdf', '--out', 'x.json'],
      /unknown --format "pdf"/,
    ],
    ['a missing base', {}, ['export', 'comparison', '--format', 'html', '--out', 'x.json'], /missing --base/],
    ['a missing party', {}, ['import', 'proposals', au, '--out', 'x.json'], /missing --party/],
    ['an unknown command', {}, ['frobnicate'], /unknown command/],
    ['an unknown flag', {}, ['import', 'text', ohchr, '--colour'], /--colour/],
    [
      'invalid document JSON',
      { 'bad.json': '{"format":"bis.document/1","blocks":[{"kind":"paragraph"}]}' },
      ['export', 'revision', '--base', 'bad.json', '--format', 'md', '--out', 'x.json'],
      /blocks\[0\]/,
    ],
  ];
  for (const [name, files, args, message] of cases) {
    it(`refuses ${name} with one line and no output file`, async () => {
      const dir = scratch();
      for (const [file, data] of Object.entries(files)) writeFileSync(join(dir, file), data);
      const run = await bis(args, dir);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(existsSync(join(dir, 'x.json'))).toBe(false);
    });
  }

  it('prints help for every command', async () => {
    for (const args of [
      ['--help'],
      ['import', 'text', '--help'],
      ['import', 'proposals', '--help'],
      ['export', '--help'],
      ['compare', '--help'],
      ['serve', '--help'],
    ]) {
      const run = await bis(args, root);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^bis /);
    }
  });
});
