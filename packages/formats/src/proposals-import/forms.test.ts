import { readFileSync } from 'node:fs';
import { type BisDocument, type Block, headingId, orderKey, type Proposal, paragraphId } from '@bis/core';
import { describe, expect, it } from 'vitest';
import { buildComparison, importWrittenProposals, noProposalsMessage, WRITTEN_FORMS } from '../index';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../fixtures/written/${name}`, import.meta.url), 'utf8');
const AU = readFileSync(
  new URL('../../../../fixtures/au-wsis20-written-amendments.txt', import.meta.url),
  'utf8',
);

/** A base text with the given labels (ids `para-<label>`), each paragraph's text given or made up. */
const baseWith = (labels: readonly string[], texts: Record<string, string> = {}): BisDocument => {
  const blocks: Block[] = [{ kind: 'heading', id: headingId('h1'), level: 1, number: 'I', title: 'Vision' }];
  for (const [i, label] of labels.entries())
    blocks.push({
      kind: 'paragraph',
      id: paragraphId(`para-${label.replace(/ /g, '-')}`),
      order: orderKey(String(i).padStart(4, '0')),
      label,
      text: texts[label] ?? `Text of paragraph ${label}.`,
      points: label === '33' ? [{ label: 'b', text: 'a point', footnotes: [] }] : [],
      footnotes: [],
    });
  return { title: 'Zero draft', symbol: null, revision: 'Zero draft', preamble: '', blocks };
};
const range = (from: number, to: number, prefix = '') =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);
const ZERO_DRAFT = baseWith([...range(1, 10, 'PP'), ...range(1, 140)]);

/** [line, action, label] of each proposal, in file order. */
const summary = (ps: readonly Proposal[]) => ps.map((p) => [p.source?.line, p.action, p.label]);

describe('statements naming paragraphs in ordinary words', () => {
  const source = fixture('statement-letter.txt');
  const r = importWrittenProposals(source, { party: 'Kenya', fileName: 'kenya.txt', base: ZERO_DRAFT });
  const on = (line: number) => r.set.proposals.filter((p) => p.source?.line === line);

  it('makes one proposal per paragraph of every list and range, in the PP series for preambular ones', () => {
    expect(r.errors).toEqual([]);
    expect(summary(on(10))).toEqual([
      [10, 'retain', 'PP2'],
      [10, 'retain', 'PP4'],
      [10, 'retain', 'PP7'],
    ]);
    expect(on(10).map((p) => p.targets[0]?.paragraph)).toEqual(['para-PP2', 'para-PP4', 'para-PP7']);
    // "OP 40 to 52 should stay as drafted": thirteen retains, resolved to the operative numbers.
    expect(on(15).map((p) => p.targets[0]?.label)).toEqual(range(40, 52));
    expect(new Set(on(15).map((p) => p.action))).toEqual(new Set(['retain']));
    expect(summary(on(16))).toEqual([
      [16, 'retain', '18'],
      [16, 'retain', '61'],
      [16, 'retain', '99'],
    ]);
    expect(on(16)[2]?.rationale).toBe('keep the references to the Tunis Agenda');
  });

  it('reads lines that start with a word, clauses with their own actions, and negations', () => {
    expect(summary(on(11))).toEqual([[11, 'delete', 'PP9']]);
    expect(r.lines.find((n) => n.line === 11)?.message).toContain('§PP3 only mentioned');
    expect(summary(on(17))).toEqual([[17, 'retain', '12']]);
    expect(summary(on(18))).toEqual([
      [18, 'delete', '30'],
      [18, 'delete', '31'],
      [18, 'retain', '32'],
    ]);
    // "We cannot accept the deletion of paragraph 25": keep it.
    expect(summary(on(19))).toEqual([[19, 'retain', '25']]);
    expect(summary(on(23))).toEqual([[23, 'retain', '60']]);
    expect(summary(on(24))).toEqual([[24, 'delete', '62']]);
  });

  it('reads amendments, insertions and moves with their text and place', () => {
    expect(on(20)[0]).toMatchObject({
      action: 'amend',
      label: '14',
      text: 'We commit to closing all digital divides, including the gender digital divide, by 2030.',
      rationale: 'We propose that paragraph 14 be amended to read',
    });
    expect(on(21)[0]).toMatchObject({ action: 'insert', label: '20 bis', position: 'after' });
    expect(on(21)[0]?.targets[0]?.paragraph).toBe('para-20');
    expect(on(22)[0]).toMatchObject({ action: 'move', label: '55', position: 'after' });
    expect(on(22)[0]?.targets.map((t) => t.label)).toEqual(['55', '58']);
  });

  it('reports the line that names a paragraph without an action, and imports nothing else from prose', () => {
    expect(r.unread).toEqual([
      { line: 26, message: expect.stringMatching(/^names §70, but no action was understood/) },
    ]);
    expect(r.lines.find((n) => n.line === 26)?.kind).toBe('unread');
    expect(r.set.proposals.every((p) => ![1, 2, 4, 6, 8, 13, 28].includes(p.source?.line ?? 0))).toBe(true);
    expect(r.forms).toEqual(['statement']);
  });

  it('reads moves written “to follow” and “to precede”, and deletions with retentions in one sentence', () => {
    const m = importWrittenProposals(
      [
        '§5 should be moved to follow §9.',
        'Paragraph 7 should be moved to precede paragraph 3.',
        'We propose deleting paragraphs 3 to 5 and retaining paragraph 6.',
        'We support the retention of OP5 and OP6.',
        'We reject paragraph 21.',
      ].join('\n'),
      { party: 'Chile' },
    );
    expect(
      m.set.proposals.map((p) => [p.action, p.label, p.position, p.targets.map((t) => t.label).join(' ')]),
    ).toEqual([
      ['move', '5', 'after', '5 9'],
      ['move', '7', 'before', '7 3'],
      ['delete', '3', null, '3'],
      ['delete', '4', null, '4'],
      ['delete', '5', null, '5'],
      ['retain', '6', null, '6'],
      ['retain', 'OP5', null, 'OP5'],
      ['retain', 'OP6', null, 'OP6'],
      ['delete', '21', null, '21'],
    ]);
    expect(m.unread).toEqual([]);
  });

  it('reads the same statements without a base, keeping the labels as written', () => {
    const bare = importWrittenProposals(source, { party: 'Kenya' });
    expect(bare.errors).toEqual([]);
    expect(bare.set.proposals.filter((p) => p.source?.line === 15).map((p) => p.label)).toEqual(
      range(40, 52, 'OP'),
    );
    expect(bare.set.proposals.length).toBe(r.set.proposals.length);
  });
});

describe('the near-grammar form: headings with lists, lines that start with the action', () => {
  const r = importWrittenProposals(fixture('near-grammar.txt'), { party: 'Switzerland', base: ZERO_DRAFT });

  it('keeps every member of a list and every paragraph of a range', () => {
    expect(r.errors).toEqual([]);
    expect(summary(r.set.proposals)).toEqual([
      [3, 'retain', '18'],
      [3, 'retain', '61'],
      [3, 'retain', '99'],
      [4, 'delete', '7'],
      [5, 'delete', '40'],
      [5, 'delete', '41'],
      [5, 'delete', '42'],
      [6, 'retain', '12'],
      [7, 'retain', '14'],
      [7, 'retain', '15'],
      [8, 'retain', '20'],
      [9, 'delete', '33'],
      [10, 'alternative', '25 alt'],
    ]);
    expect(r.set.proposals.find((p) => p.source?.line === 9)?.targets[0]).toEqual({
      paragraph: 'para-33',
      label: '33',
      point: 'b',
    });
  });

  it('puts a reason written after the action into the rationale', () => {
    expect(r.set.proposals.find((p) => p.label === '7')).toMatchObject({
      summary: 'Delete',
      rationale: 'it repeats §3 word for word',
    });
  });

  it('reports the line it cannot read, and a CLI-style caller sees it', () => {
    expect(r.unread.map((u) => u.line)).toEqual([11]);
  });
});

describe('compilations of attributed alternatives', () => {
  const r = importWrittenProposals(fixture('compilation-inputs.txt'), {
    party: 'WSIS Secretariat',
    base: ZERO_DRAFT,
  });

  it('makes one proposal per proponent, with its stakeholder group, numbered per paragraph', () => {
    expect(r.errors).toEqual([]);
    expect(r.unread).toEqual([]);
    expect(r.set.proposals.map((p) => [p.party, p.action, p.label])).toEqual([
      ['Norway', 'alternative', '5 alt 1'],
      ['Access Now', 'alternative', '5 alt 2'],
      ['Internet Society', 'alternative', '5 alt 3'],
      ['United States of America', 'delete', '12'],
      ['International Chamber of Commerce', 'alternative', '12 alt'],
      ['African Union Commission', 'alternative', '31 alt'],
      ['Brazil', 'retain', '31'],
    ]);
    const group = new Map(r.set.parties.map((p) => [p.name, p.group]));
    expect(Object.fromEntries(group)).toEqual({
      Norway: 'member-state',
      'Access Now': 'civil-society',
      'Internet Society': 'technical-community',
      'United States of America': 'member-state',
      'International Chamber of Commerce': 'private-sector',
      'African Union Commission': 'intergovernmental',
      Brazil: 'member-state',
    });
    expect(r.set.proposals.every((p) => p.targets[0]?.paragraph !== null)).toBe(true);
  });

  it('takes the wording as written, quoted or not, over several lines, with its rationale', () => {
    const [norway, accessNow, isoc] = r.set.proposals;
    expect(norway?.text).toBe(
      'We reaffirm our common desire and commitment to the WSIS vision to build a people-centred, inclusive, rights-respecting and development-oriented Information Society.',
    );
    expect(accessNow?.text.endsWith('grounded in international human rights law.')).toBe(true);
    expect(accessNow?.rationale).toBe('Human rights are the foundation of the WSIS vision.');
    expect(isoc?.text).toBe(
      'We reaffirm our commitment to the WSIS vision of a people-centred, inclusive and development-oriented Information Society, built on an open, globally connected and secure Internet.',
    );
    expect(r.lines.find((n) => n.line === 7)?.message).toContain('current text of §5');
  });

  it('reports a bullet under a paragraph that names no proponent', () => {
    const bad = importWrittenProposals('Paragraph 5\n• We like this paragraph a lot.\n', {
      party: 'Secretariat',
    });
    expect(bad.unread).toEqual([
      { line: 2, message: expect.stringContaining('“• Party, Stakeholder group: wording”') },
    ]);
  });
});

describe('edits marked inline', () => {
  const texts = {
    '5': 'We reaffirm our common desire and commitment to the WSIS vision to build a people-centred, inclusive and development-oriented Information Society.',
    '12': 'We recognize that the pace of technological change has accelerated since 2005.',
    PP3: 'Recalling all its resolutions on the information society,',
    '31': 'We call for increased financing for digital infrastructure in developing countries, in particular in Africa.',
  };
  const base = baseWith([...range(1, 10, 'PP'), ...range(1, 40)], texts);
  const r = importWrittenProposals(fixture('inline-marked.txt'), { party: 'European Union', base });

  it('turns each marked paragraph into an amendment with the new text', () => {
    expect(r.errors).toEqual([]);
    expect(r.set.proposals.map((p) => [p.action, p.label, p.textMode, p.text])).toEqual([
      [
        'amend',
        '5',
        'replace',
        'We reaffirm our common desire and commitment to the WSIS vision to build a people-centred, inclusive and development-oriented Information Society, grounded in respect for human rights and fundamental freedoms.',
      ],
      [
        'amend',
        '12',
        'replace',
        'We recognize that the pace of technological change has accelerated dramatically since 2005.',
      ],
      [
        'amend',
        'PP3',
        'replace',
        'Recalling its resolutions on the information society and on the promotion and protection of human rights on the Internet,',
      ],
      [
        'amend',
        '31',
        'replace',
        'We call for increased financing for digital infrastructure and digital skills in developing countries.',
      ],
    ]);
  });

  it('checks the unmarked text against the base, and says when it differs', () => {
    expect(r.lines.filter((n) => n.message?.includes('check the marks'))).toEqual([]);
    const off = importWrittenProposals('7. We ~~note~~ **welcome** the report of the Secretary-General.', {
      party: 'Chile',
      base,
    });
    expect(off.set.proposals[0]?.text).toBe('We welcome the report of the Secretary-General.');
    expect(off.lines[0]?.message).toContain('is not the text of §7');
  });

  it('applies marks inside quoted text of the headed form too', () => {
    const h = importWrittenProposals(
      '§12 → Amend: “We recognize that change has [WORDS DELETED: greatly] accelerated.”',
      {
        party: 'Chile',
      },
    );
    expect(h.set.proposals[0]?.text).toBe('We recognize that change has accelerated.');
  });
});

describe('the African Union amendments against a base with paragraphs 1–140', () => {
  const r = importWrittenProposals(AU, { party: 'African Union', base: baseWith(range(1, 140)) });

  it('imports all 18 proposals; the retain of §97 bis resolves to the insertion of the same file', () => {
    expect(r.errors).toEqual([]);
    expect(r.unread).toEqual([]);
    expect(r.set.proposals).toHaveLength(18);
    const retain = r.set.proposals.find((p) => p.action === 'retain');
    const insert = r.set.proposals.find((p) => p.action === 'insert' && p.label === '97 bis');
    expect(retain?.relatedTo).toBe(insert?.id);
    expect(r.lines.find((n) => n.line === 119)?.message).toContain('this file proposes to insert (line 142)');
  });
});

describe('chained insertions, links and reasons', () => {
  const r = importWrittenProposals(fixture('chained-insertions.md'), {
    party: 'Group of Friends on Digital Development',
    group: 'group-of-states',
    base: baseWith(range(1, 140)),
  });
  const at = (line: number) => r.set.proposals.find((p) => p.source?.line === line);

  it('places 1 ter and 1 quater after §1 with 1 bis, without “(after §1)” on each', () => {
    expect(r.errors).toEqual([]);
    expect(r.unread).toEqual([]);
    for (const line of [7, 11, 15])
      expect(at(line)?.targets).toEqual([{ paragraph: 'para-1', label: '1', point: null }]);
    expect([at(7), at(11), at(15)].map((p) => p?.label)).toEqual(['1 bis', '1 ter', '1 quater']);
    expect(at(11)?.relatedTo).toBe(at(7)?.id);
    expect(at(15)?.relatedTo).toBe(at(11)?.id);
  });

  it('lets a later proposal target a paragraph the file inserts', () => {
    expect(at(28)).toMatchObject({ action: 'retain', label: '57 bis', relatedTo: at(24)?.id });
  });

  it('puts reasons written after the action into the rationale, a heading-like one also in the summary', () => {
    expect(at(19)).toMatchObject({
      action: 'delete',
      summary: 'Delete',
      rationale: 'the estimate of 2.6 billion people offline is superseded by the ITU Facts and Figures 2024',
    });
    expect(at(24)).toMatchObject({ summary: 'Insert HRDD by default', rationale: 'Insert HRDD by default' });
    expect(at(20)).toMatchObject({
      summary: 'Update the connectivity target',
      rationale: 'Update the connectivity target.',
    });
  });

  it('keeps a link from a base paragraph with no proposal as a note, and links proposals', () => {
    expect(r.lines.find((n) => n.line === 32)).toMatchObject({ kind: 'link' });
    expect(at(28)?.rationale).toContain(
      '§57 → §57 bis: The new paragraph operationalises the commitment in §57.',
    );
    expect(at(7)?.links).toEqual([
      {
        to: at(11)?.id,
        note: 'The recall of the WSIS outcomes is followed by the recall of the ten-year review.',
      },
    ]);
    expect(r.set.parties).toEqual([
      {
        id: 'group-of-friends-on-digital-development',
        name: 'Group of Friends on Digital Development',
        group: 'group-of-states',
        region: null,
      },
    ]);
  });
});

describe('the forms understood', () => {
  it('names every form with an example when nothing is found', () => {
    const message = noProposalsMessage();
    for (const form of WRITTEN_FORMS) {
      expect(message).toContain(form.title);
      expect(message).toContain(form.example.split('\n')[0]);
    }
    expect(
      importWrittenProposals('Dear colleagues,\n\nThank you.\n', { party: 'Chile' }).set.proposals,
    ).toEqual([]);
  });

  it('lets a whole-file form take the input before the line reader, or after it when marked last (the dispatcher)', () => {
    // Forms with `detect`/`read` are tried first, those marked `last` only when the line reader
    // found nothing: the amended copy of the whole text, which any numbered text could look like.
    expect(WRITTEN_FORMS.filter((f) => f.read !== undefined && !f.last)).toEqual([]);
    expect(WRITTEN_FORMS.filter((f) => f.last).map((f) => f.name)).toEqual(['amended']);
    expect(WRITTEN_FORMS.map((f) => f.name)).toEqual([
      'headed',
      'statement',
      'compilation',
      'inline',
      'links',
      'amended',
    ]);
  });

  it('reads forms mixed in one e-mail', () => {
    const mixed = [
      '- **§77** → *Amend*: “We reaffirm human dignity.”',
      'We urge that paragraphs 80 and 81 be retained.',
      '',
      '90. We ~~note~~ **welcome** the report.',
    ].join('\n');
    const r = importWrittenProposals(mixed, { party: 'Chile' });
    expect(summary(r.set.proposals)).toEqual([
      [1, 'amend', '77'],
      [2, 'retain', '80'],
      [2, 'retain', '81'],
      [4, 'amend', '90'],
    ]);
    expect(r.forms).toEqual(['headed', 'statement', 'inline']);
  });
});

describe('written forms export back', () => {
  const base = baseWith([...range(1, 10, 'PP'), ...range(1, 140)]);

  it('shows the alternatives of a compilation by proponent, with their rationale, in the comparison', () => {
    const set = importWrittenProposals(fixture('compilation-inputs.txt'), { party: 'Secretariat', base }).set;
    const rows = buildComparison(base, set.proposals).rows;
    const row = (label: string) => rows.find((r) => r.label === label);
    expect(row('5 alt 1')?.proponent).toBe('Norway');
    expect(row('5 alt 2')).toMatchObject({
      proponent: 'Access Now',
      reason: 'Human rights are the foundation of the WSIS vision.',
    });
    expect(row('5 alt 2')?.current).toBe('Text of paragraph 5.');
    expect(rows.filter((r) => r.proposal.action === 'alternative')).toHaveLength(5);
  });

  it('shows a reason written after the action in the rationale column, and the links', () => {
    const set = importWrittenProposals(fixture('chained-insertions.md'), {
      party: 'Group of Friends',
      base,
    }).set;
    const rows = buildComparison(base, set.proposals).rows;
    expect(rows.find((r) => r.label === '48')?.reason).toBe(
      'the estimate of 2.6 billion people offline is superseded by the ITU Facts and Figures 2024',
    );
    expect(rows.find((r) => r.label === '57 bis' && r.proposal.action === 'insert')?.reason).toBe(
      'Insert HRDD by default',
    );
    expect(rows.find((r) => r.label === '1 bis')?.links.length).toBeGreaterThan(0);
  });

  it('shows statements as one row per paragraph, the inline edits as changes', () => {
    const statements = importWrittenProposals(fixture('statement-letter.txt'), {
      party: 'Kenya',
      base,
    }).set.proposals;
    const rows = buildComparison(base, statements).rows;
    expect(rows.filter((r) => r.proposal.source?.line === 15)).toHaveLength(13);
    const inline = importWrittenProposals('12. We ~~note~~ **welcome** the report.', { party: 'Chile', base })
      .set.proposals;
    const runs = buildComparison(base, inline).rows[0]?.runs ?? [];
    expect(runs.some((r) => r.op === 'insert')).toBe(true);
  });
});
