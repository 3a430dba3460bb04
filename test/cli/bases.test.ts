import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bis, root } from './run.test-util';

// fixtures/bases: Rev.1 and Rev.2 of a short draft, and Kenya's amendments written against Rev.1.
const fixture = (name: string): string => join(root, 'fixtures/bases', name);
const REV1 = 'Open, inclusive and rights-respecting technical standards (Rev.1)';
const REV2 = 'Open, inclusive and rights-respecting technical standards (Rev.2)';

let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bis-bases-'));
  for (const [file, out] of [
    ['digital-standards-rev1.txt', 'rev1.json'],
    ['digital-standards-rev2.txt', 'rev2.json'],
  ] as const) {
    const run = await bis(['import', 'text', fixture(file), '--out', out], dir);
    expect(run.code).toBe(0);
  }
  const run = await bis(
    [
      'import',
      'proposals',
      fixture('kenya-amendments-rev1.txt'),
      '--party',
      'Kenya',
      '--base',
      'rev1.json',
      '--out',
      'kenya.json',
    ],
    dir,
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
}, 120_000);

describe.concurrent('proposals and the text they were written against', () => {
  it('records the base with --base: symbol, revision, title and content hash', () => {
    const set = JSON.parse(readFileSync(join(dir, 'kenya.json'), 'utf8'));
    expect(set.proposals).toHaveLength(5);
    for (const p of set.proposals)
      expect(p.base).toEqual({
        symbol: null,
        revision: null,
        title: REV1,
        hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      });
  });

  it('refuses to export them against Rev.2 without Rev.1, naming both texts, and writes nothing', async () => {
    const run = await bis(
      [
        'export',
        'comparison',
        '--base',
        'rev2.json',
        '--proposals',
        'kenya.json',
        '--format',
        'md',
        '--out',
        'refused.md',
      ],
      dir,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`5 proposals were written against “${REV1}” (sha256:`);
    expect(run.stderr).toContain(`not against “${REV2}” (sha256:`);
    expect(run.stderr).toContain('--written-against');
    expect(existsSync(join(dir, 'refused.md'))).toBe(false);
  });

  it('never shows Kenya striking a word of Rev.2 it never saw: its change is re-anchored by content', async () => {
    const run = await bis(
      [
        'export',
        'comparison',
        '--base',
        'rev2.json',
        '--proposals',
        'kenya.json',
        '--written-against',
        fixture('digital-standards-rev1.txt'),
        '--format',
        'md',
      ],
      dir,
    );
    expect(run.code).toBe(0);
    // Rev.2 added "actively" to Rev.1's §2 (now §3); Kenya only added "and interoperable".
    expect(run.stdout).not.toContain('~~actively~~');
    expect(run.stdout).toContain(
      'Member States shall actively promote open **and interoperable** standards in the work of standard-developing organizations.',
    );
    const report = run.stderr.split('\n').filter(Boolean);
    expect(report[0]).toBe(
      `bis: 5 proposal(s) written against another text, re-anchored on “${REV2}” (${report[0]?.match(/sha256:[0-9a-f]{8}…/)?.[0]}) by content:`,
    );
    expect(report.slice(1)).toEqual([
      `bis:   Kenya, “${REV1}” §2 → “${REV2}” §3: §3 was reworded in “${REV2}”; the proposal's own changes are applied to the new wording`,
      `bis:   Kenya, “${REV1}” §3 → “${REV2}” §4: found by its text (§3 → §4)`,
      `bis:   Kenya, “${REV1}” §4 not placed in “${REV2}”: the text of its §4 is not in “${REV2}”`,
      `bis:   Kenya, “${REV1}” §5 not placed in “${REV2}”: §5 was reworded in “${REV2}” where the proposal changes it`,
      `bis:   Kenya, “${REV1}” §6 bis → “${REV2}” §6 bis: the text it acts on is unchanged`,
    ]);
  });

  it('puts the same report in the JSON export, and lists what could not be placed apart', async () => {
    const run = await bis(
      [
        'export',
        'compilation',
        '--base',
        'rev2.json',
        '--proposals',
        'kenya.json',
        '--written-against',
        'rev1.json',
        '--format',
        'json',
      ],
      dir,
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(
      json.reanchored.map((e: { label: string; newLabel: string | null; outcome: string }) => [
        e.label,
        e.newLabel,
        e.outcome,
      ]),
    ).toEqual([
      ['2', '3', 'rebased'],
      ['3', '4', 'moved'],
      ['4', null, 'unplaced'],
      ['5', null, 'unplaced'],
      ['6 bis', '6 bis', 'kept'],
    ]);
    expect(json.unplaced.map((u: { label: string; reason: string }) => [u.label, u.reason])).toEqual([
      ['4', `“${REV1}” §4 not placed in “${REV2}”: the text of its §4 is not in “${REV2}”`],
      [
        '5',
        `“${REV1}” §5 not placed in “${REV2}”: §5 was reworded in “${REV2}” where the proposal changes it`,
      ],
    ]);
  });

  it('warns when a file does not say which text its proposals were written against (bis.proposals/1)', async () => {
    const set = JSON.parse(readFileSync(join(dir, 'kenya.json'), 'utf8'));
    const old = {
      ...set,
      format: 'bis.proposals/1',
      proposals: set.proposals.map(({ base: _, ...p }: { base: unknown }) => p),
    };
    writeFileSync(join(dir, 'old.json'), JSON.stringify(old));
    const run = await bis(
      ['export', 'comparison', '--base', 'rev2.json', '--proposals', 'old.json', '--format', 'md'],
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `bis: old.json: 5 proposal(s) do not record the text they were written against (resolved against “${REV1}”); they are compared with “${REV2}” as if written against it`,
    );
  });

  it('exports against the text they were written against with no report', async () => {
    const run = await bis(
      ['export', 'comparison', '--base', 'rev1.json', '--proposals', 'kenya.json', '--format', 'csv'],
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Member States shall promote open [+and interoperable +]standards');
  });
});
