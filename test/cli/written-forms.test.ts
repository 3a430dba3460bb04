/**
 * `bis import proposals` on the forms of written input other than the AU's: statements, a
 * compilation, inline-marked edits; lines that name a paragraph but are not understood fail the
 * command (listed on stderr with their line numbers) unless `--lenient`; nothing partial is written.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bis, root } from './run.test-util';

const scratch = (): string => mkdtempSync(join(tmpdir(), 'bis-cli-forms-'));
const written = (name: string) => join(root, 'fixtures/written', name);

// A base with preambular paragraphs PP1–PP10 and paragraphs 1–140, as the zero draft the fixtures target.
const writeBase = async (dir: string): Promise<void> => {
  const pp = Array.from({ length: 10 }, (_, i) => `PP${i + 1}\tRecalling item ${i + 1},`);
  const lines = Array.from({ length: 140 }, (_, i) => `${i + 1}.\tParagraph ${i + 1} of the zero draft.`);
  writeFileSync(join(dir, 'base.txt'), `${pp.join('\n\n')}\n\nI. Vision\n\n${lines.join('\n\n')}\n`);
  const run = await bis(['import', 'text', 'base.txt', '--out', 'base.json'], dir);
  expect(run.code, run.stderr).toBe(0);
};

describe.concurrent('bis import proposals, written forms', () => {
  it('fails on a statement letter with a line it cannot read, naming the line, and writes nothing', async () => {
    const dir = scratch();
    await writeBase(dir);
    const args = [
      'import',
      'proposals',
      written('statement-letter.txt'),
      '--party',
      'Kenya',
      '--base',
      'base.json',
    ];
    const run = await bis([...args, '--out', 'p.json'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /statement-letter\.txt:26: not understood: names §70, but no action was understood/,
    );
    expect(run.stderr).toMatch(/1 line\(s\) naming a paragraph were not understood/);
    expect(existsSync(join(dir, 'p.json'))).toBe(false);

    const lenient = await bis([...args, '--lenient', '--out', 'p.json'], dir);
    expect(lenient.code, lenient.stderr).toBe(0);
    expect(lenient.stderr).toMatch(/statement-letter\.txt:26: skipped: /);
    const set = JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8'));
    const retained = set.proposals.filter((p: { source: { line: number } }) => p.source.line === 16);
    expect(retained.map((p: { label: string }) => p.label)).toEqual(['18', '61', '99']);
  });

  it('imports a compilation with one party per proponent and numbered alternatives', async () => {
    const dir = scratch();
    const run = await bis(
      ['import', 'proposals', written('compilation-inputs.txt'), '--party', 'Secretariat'],
      dir,
    );
    expect(run.code, run.stderr).toBe(0);
    const set = JSON.parse(run.stdout);
    expect(
      set.proposals
        .filter((p: { action: string }) => p.action === 'alternative')
        .map((p: { label: string }) => p.label),
    ).toEqual(['5 alt 1', '5 alt 2', '5 alt 3', '12 alt', '31 alt']);
    expect(set.parties.find((p: { name: string }) => p.name === 'Access Now').group).toBe('civil-society');
  });

  it('imports the AU amendments against paragraphs 1–140: all 18, the retain of §97 bis included', async () => {
    const dir = scratch();
    await writeBase(dir);
    const au = join(root, 'fixtures/au-wsis20-written-amendments.txt');
    const run = await bis(
      ['import', 'proposals', au, '--party', 'African Union', '--base', 'base.json'],
      dir,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).proposals).toHaveLength(18);
  });

  it('names the forms it understands, with examples, when nothing is found', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'letter.txt'), 'Dear co-facilitators,\n\nWe thank you for the draft.\n');
    const run = await bis(['import', 'proposals', 'letter.txt', '--party', 'Chile', '--out', 'x.json'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/letter\.txt: no proposals found\. The forms understood are:/);
    expect(run.stderr).toContain('We urge that preambular paragraphs 2, 4 and 7 be retained.');
    expect(run.stderr).toContain('• Norway, Government:');
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });

  it('refuses a heading whose action it does not know, naming the line and the form expected', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'p.txt'), '§4 → Delete.\n§5 → Frobnicate: “x”\n');
    const run = await bis(['import', 'proposals', 'p.txt', '--party', 'Chile', '--out', 'x.json'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/p\.txt:2: unknown action “Frobnicate” \(expected “§N → Amend: …”/);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });
});
