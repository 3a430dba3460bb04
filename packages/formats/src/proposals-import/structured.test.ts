import { readFileSync } from 'node:fs';
import {
  type BisDocument,
  BisInputError,
  type Block,
  orderKey,
  paragraphId,
  proposalsFromJSON,
  proposalsToJSON,
} from '@bis/core';
import { describe, expect, it } from 'vitest';
import { importStructuredProposals, importWrittenProposals } from '../index';

const base = (labels: readonly string[]): BisDocument => ({
  title: 'Draft',
  symbol: null,
  revision: null,
  preamble: '',
  blocks: labels.map(
    (label, i): Block => ({
      kind: 'paragraph',
      id: paragraphId(`p-${label.replace(' ', '-')}`),
      order: orderKey(String(i).padStart(3, '0')),
      label,
      text: `Paragraph ${label}.`,
      points: [],
      footnotes: [],
    }),
  ),
});

/** The message of the BisInputError `f` throws. */
const thrown = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(BisInputError);
    return (e as Error).message;
  }
  throw new Error('did not throw');
};

const CSV = [
  'Label,Action,Text,Rationale,Party,Anchor,Position,Mode,Co-sponsors',
  '77,amend,"We reaffirm, with conviction, that ""human rights"" matter.",Stronger wording,,,,,Kenya; Ghana',
  '77 bis,insert,"A new paragraph',
  'over two lines.",,Brazil,,,,',
  '§92–93,amend,...and for elders.,,,,,,',
  '12,move,,Belongs later,,20,before,,',
  '',
  '13,delete,,,,,,,',
].join('\r\n');

describe('importStructuredProposals from CSV', () => {
  const set = importStructuredProposals(CSV, { party: 'African Union', format: 'csv', fileName: 'p.csv' });
  const [amend, insert, run, move, del] = set.proposals;

  it('reads one proposal per row, with quoted commas, quotes and line breaks', () => {
    expect(set.proposals).toHaveLength(5);
    expect(amend).toMatchObject({
      action: 'amend',
      label: '77',
      text: 'We reaffirm, with conviction, that "human rights" matter.',
      rationale: 'Stronger wording',
      party: 'African Union',
      coSponsors: ['Kenya', 'Ghana'],
      status: 'draft',
      source: { file: 'p.csv', line: 2 },
    });
    expect(insert).toMatchObject({
      action: 'insert',
      label: '77 bis',
      position: 'after',
      targets: [{ paragraph: null, label: '77', point: null }],
      text: 'A new paragraph\nover two lines.',
      party: 'Brazil',
    });
    expect(run?.source?.line).toBe(5);
  });

  it('appends a text that opens with an ellipsis and expands runs', () => {
    expect(run).toMatchObject({ label: '92–93', textMode: 'append', text: 'and for elders.' });
    expect(run?.targets.map((t) => t.label)).toEqual(['92', '93']);
  });

  it('places moves by anchor and position, and lists each party once', () => {
    expect(move).toMatchObject({ action: 'move', position: 'before', label: '12' });
    expect(move?.targets.map((t) => t.label)).toEqual(['12', '20']);
    expect(del).toMatchObject({ action: 'delete', text: '' });
    expect(set.parties.map((p) => p.name)).toEqual(['African Union', 'Brazil']);
  });

  it('resolves labels against a base and names each row that does not fit', () => {
    const labels = Array.from({ length: 100 }, (_, i) => String(i + 1));
    const ok = importStructuredProposals(CSV, { party: 'AU', format: 'csv', base: base(labels) });
    expect(ok.base).toBe('Draft');
    expect(ok.proposals[0]?.targets).toEqual([{ paragraph: 'p-77', label: '77', point: null }]);
    const message = thrown(() =>
      importStructuredProposals(CSV, {
        party: 'AU',
        format: 'csv',
        base: base(labels.filter((l) => l !== '93')),
      }),
    );
    expect(message).toBe('row 3 (line 5): §93 is not a paragraph of "Draft"');
  });

  it('names the row and column of every bad field at once', () => {
    const bad = 'label,action,mode\n77,amnd,\n,amend,\n5,amend,sideways';
    const message = thrown(() => importStructuredProposals(bad, { party: 'AU', format: 'csv' }));
    expect(message).toContain('row 1 (line 2), column action: unknown action "amnd"');
    expect(message).toContain('row 2 (line 3), column label: missing');
    expect(message).toContain('row 3 (line 4), column mode: "sideways" is neither "replace" nor "append"');
    expect(message).toContain('row 3 (line 4): amend of §5 has no proposed text');
  });

  it('refuses unknown columns, a header without label or action, and an empty file', () => {
    expect(
      thrown(() => importStructuredProposals('label,action,colour\n', { party: 'AU', format: 'csv' })),
    ).toContain('unknown column "colour"');
    expect(
      thrown(() => importStructuredProposals('label,text\n1,x', { party: 'AU', format: 'csv' })),
    ).toContain('no "action" column');
    expect(thrown(() => importStructuredProposals('', { party: 'AU', format: 'csv' }))).toContain('empty');
    expect(
      thrown(() => importStructuredProposals('label,action\n', { party: 'AU', format: 'csv' })),
    ).toContain('no rows');
  });

  it('reads semicolon-separated CSV as spreadsheets write it in many locales', () => {
    const set2 = importStructuredProposals('label;action;text\n4;amend;"New, text."', {
      party: 'AU',
      format: 'csv',
    });
    expect(set2.proposals[0]).toMatchObject({ label: '4', text: 'New, text.' });
  });
});

describe('importStructuredProposals from JSON', () => {
  it('reads a plain array of proposal-like objects', () => {
    const json = JSON.stringify([
      { target: '§10', action: 'Amend', text: 'Ten.', rationale: 'Why.', coSponsors: ['Chile'] },
      { label: '10 bis', action: 'insert', text: 'New.', party: 'Chile' },
    ]);
    const set = importStructuredProposals(json, { party: 'EU', format: 'json' });
    expect(set.proposals.map((p) => [p.action, p.label, p.party, p.targets[0]?.label])).toEqual([
      ['amend', '10', 'EU', '10'],
      ['insert', '10 bis', 'Chile', '10'],
    ]);
    expect(set.proposals[0]?.coSponsors).toEqual(['Chile']);
  });

  it('names the item and field of bad JSON input', () => {
    expect(
      thrown(() =>
        importStructuredProposals('[{"label":"1","action":"amend","txt":"x"}]', {
          party: 'EU',
          format: 'json',
        }),
      ),
    ).toContain('[0].txt: unknown field');
    expect(
      thrown(() => importStructuredProposals('[{"label":"1","action":7}]', { party: 'EU', format: 'json' })),
    ).toContain('[0].action: must be a string');
    expect(thrown(() => importStructuredProposals('{oops', { party: 'EU', format: 'json' }))).toContain(
      'not valid JSON',
    );
  });

  it('round-trips a bis.proposals/1 file and resolves it against a base', () => {
    const au = readFileSync(
      new URL('../../../../fixtures/au-wsis20-written-amendments.txt', import.meta.url),
      'utf8',
    );
    const written = importWrittenProposals(au, { party: 'African Union' }).set;
    const json = JSON.stringify(proposalsToJSON(written));
    const again = importStructuredProposals(json, { party: 'ignored', format: 'json' });
    expect(again).toEqual(proposalsFromJSON(JSON.parse(json)));
    expect(again.proposals).toHaveLength(18);

    const labels = [...Array.from({ length: 140 }, (_, i) => String(i + 1)), '97 bis'];
    const resolved = importStructuredProposals(json, { party: 'x', format: 'json', base: base(labels) });
    expect(resolved.base).toBe('Draft');
    expect(resolved.proposals.every((p) => p.targets.every((t) => t.paragraph !== null))).toBe(true);
    expect(
      thrown(() => importStructuredProposals(json, { party: 'x', format: 'json', base: base(['1']) })),
    ).toMatch(/^proposals\[0\]\.targets\[0\]\.label: §77 is not a paragraph of "Draft"/);
  });
});

describe('importStructuredProposals: several alternatives to one paragraph', () => {
  const csv = readFileSync(new URL('../../../../fixtures/written/alternatives.csv', import.meta.url), 'utf8');

  it('numbers them 5 alt 1, 5 alt 2 and keeps a number the file gave', () => {
    const set = importStructuredProposals(csv, {
      party: 'Secretariat',
      format: 'csv',
      base: base(['1', '5', '12']),
    });
    expect(set.proposals.map((p) => [p.party, p.action, p.label, p.targets[0]?.paragraph])).toEqual([
      ['Norway', 'alternative', '5 alt 1', 'p-5'],
      ['Access Now', 'alternative', '5 alt 2', 'p-5'],
      ['United States of America', 'delete', '12', 'p-12'],
      // The file calls this one `12 alt 2`; the other alternative to 12 takes the free number 1.
      ['International Chamber of Commerce', 'alternative', '12 alt 2', 'p-12'],
      ['Brazil', 'alternative', '12 alt 1', 'p-12'],
    ]);
    expect(set.parties.map((p) => [p.name, p.group])).toEqual([
      ['Norway', 'member-state'],
      ['Access Now', 'civil-society'],
      ['United States of America', 'member-state'],
      ['International Chamber of Commerce', 'private-sector'],
      ['Brazil', 'member-state'],
    ]);
  });

  it('refuses an unknown stakeholder group, naming row and column', () => {
    expect(
      thrown(() =>
        importStructuredProposals('label,action,text,group\n5,alternative,Words.,Aliens\n', {
          party: 'x',
          format: 'csv',
        }),
      ),
    ).toMatch(/^row 1 \(line 2\), column group: unknown stakeholder group "Aliens"/);
  });

  it('leaves a lone alternative as 5 alt', () => {
    const set = importStructuredProposals('label,action,text\n5,alternative,Other words.\n', {
      party: 'Chile',
      format: 'csv',
    });
    expect(set.proposals[0]?.label).toBe('5 alt');
  });
});
