import { readFileSync } from 'node:fs';
import {
  type BisDocument,
  BisInputError,
  type Block,
  headingId,
  orderKey,
  type Proposal,
  paragraphId,
} from '@bis/core';
import { describe, expect, it } from 'vitest';
import { importWrittenProposals } from '../index';

const AU = readFileSync(
  new URL('../../../../fixtures/au-wsis20-written-amendments.txt', import.meta.url),
  'utf8',
);
const PARTY = 'African Union';

/** A base text whose paragraphs carry the given labels, with ids `para-<label>`. */
const baseWith = (labels: readonly string[], title = 'Synthetic zero draft'): BisDocument => {
  const blocks: Block[] = [{ kind: 'heading', id: headingId('h1'), level: 1, number: 'I', title: 'Vision' }];
  for (const [i, label] of labels.entries())
    blocks.push({
      kind: 'paragraph',
      id: paragraphId(`para-${label.replace(' ', '-')}`),
      order: orderKey(String(i).padStart(4, '0')),
      label,
      text: `Text of paragraph ${label}.`,
      points: label === '69' ? [{ label: 'a', text: 'first', footnotes: [] }] : [],
      footnotes: [],
    });
  return { title, symbol: null, revision: 'Zero draft', preamble: '', blocks };
};
const ONE_TO_140 = Array.from({ length: 140 }, (_, i) => String(i + 1));

interface Expected {
  line: number;
  action: Proposal['action'];
  label: string;
  targets: string[];
  textMode?: 'append';
  first: string;
  last: string;
  rationale: string;
  summary?: string;
}

// Every proposal of the AU e-mail, in file order (`first`/`last`: the text's first and last words).
const EXPECTED: Expected[] = [
  {
    line: 83,
    action: 'amend',
    label: '77',
    targets: ['77'],
    first:
      'We reaffirm that human rights are central ... Digital transformation must centre human digital dignity,',
    last: 'respected in all digital interactions.',
    rationale: 'Add reference to digital dignity.',
    summary: 'Add reference to digital dignity',
  },
  {
    line: 87,
    action: 'insert',
    label: '77 bis',
    targets: ['77'],
    first: 'We affirm Human Rights Due Diligence (HRDD)',
    last: 'rather than obstructing progress.',
    // The words after the action are the proponent's reason: they reach the rationale column.
    rationale: 'Insert HRDD by default',
    summary: 'Insert HRDD by default',
  },
  {
    line: 91,
    action: 'insert',
    label: '81 bis',
    targets: ['81'],
    first: 'We call for the development of a Digital Dignity Index,',
    last: 'marginalized and disconnected communities.',
    // The words after the action are the proponent's reason: they reach the rationale column.
    rationale: 'Insert Digital Dignity Index',
  },
  {
    line: 95,
    action: 'amend',
    label: '84',
    targets: ['84'],
    textMode: 'append',
    first: 'We strengthen the role of the Office',
    last: 'WSIS+20 architecture and follow-up mechanisms.',
    rationale: 'Strengthen OHCHR role.',
    summary: 'Strengthen OHCHR role',
  },
  {
    line: 99,
    action: 'insert',
    label: '85 bis',
    targets: ['85'],
    first: 'We recognize that respecting human (includes children, youth, etc)',
    last: 'achieve greater resilience and sustainability.',
    // The words after the action are the proponent's reason: they reach the rationale column.
    rationale: 'Add Business & Human Rights narrative',
  },
  {
    line: 103,
    action: 'amend',
    label: '92–93',
    targets: ['92', '93'],
    textMode: 'append',
    first: 'We reaffirm that full, equal, and meaningful participation',
    last: 'the 2.6 billion still unconnected worldwide.',
    rationale: 'Add explicit groups (elders, Indigenous Peoples, persons with disabilities, unconnected).',
  },
  {
    line: 109,
    action: 'amend',
    label: '93',
    targets: ['93'],
    textMode: 'append',
    first: 'We commit to strengthen legal and policy frameworks',
    last: 'safeguards against exploitation and harmful content.',
    rationale: '',
  },
  {
    line: 113,
    action: 'insert',
    label: '93 bis',
    targets: ['93'],
    first: 'We call for the establishment of a Children’s Digital Rights Framework,',
    last: 'equitable access to digital opportunities.',
    // The words after the action are the proponent's reason: they reach the rationale column.
    rationale: 'Insert forward-looking commitment',
  },
  {
    line: 119,
    action: 'retain',
    label: '97 bis',
    targets: ['97 bis'],
    first: '',
    last: '',
    rationale: 'keep as rights-focused baseline',
  },
  {
    line: 120,
    action: 'insert',
    label: '98 bis',
    targets: ['98'],
    first: 'We recognize the need for a Mature AI Rights Framework',
    last: 'cannot override fundamental human rights.',
    rationale:
      'Insert higher-level AI Rights framing. This goes beyond the Charter — it’s about enforceable norms & governance, not only principles.',
  },
  {
    line: 128,
    action: 'amend',
    label: '91',
    targets: ['91'],
    textMode: 'append',
    first: 'We will work together to promote information integrity',
    last: 'accountability for disinformation campaigns.',
    rationale: '',
  },
  {
    line: 132,
    action: 'insert',
    label: '91 bis',
    targets: ['91'],
    first: 'We call for a global dialogue on the Principle of Digital Truth,',
    last: 'critically evaluate digital information.',
    // The words after the action are the proponent's reason: they reach the rationale column.
    rationale: 'Insert future safeguard',
  },
  {
    line: 138,
    action: 'amend',
    label: '97',
    targets: ['97'],
    textMode: 'append',
    first: 'AI governance must be rooted in human dignity, algorithmic accountability,',
    last: 'consistent with international human rights law.',
    rationale: '',
  },
  {
    line: 142,
    action: 'insert',
    label: '97 bis',
    targets: ['97'],
    first: 'We propose the drafting of an AI Rights and Inclusion Charter',
    last: 'particularly for marginalized groups.',
    // The words after the action are the proponent's reason: they reach the rationale column.
    rationale: 'Insert AI Rights & Inclusion Charter',
  },
  {
    line: 146,
    action: 'amend',
    label: '100–101',
    targets: ['100', '101'],
    textMode: 'append',
    first: 'with a particular focus on ensuring meaningful participation',
    last: 'from the Global South in global AI governance.',
    rationale: 'Explicitly link to Global South empowerment.',
  },
  {
    line: 150,
    action: 'amend',
    label: '102',
    targets: ['102'],
    textMode: 'append',
    first: 'This panel will coordinate closely',
    last: 'science-based, rights-based guidance.',
    rationale: '',
  },
  {
    line: 156,
    action: 'amend',
    label: '135',
    targets: ['135'],
    textMode: 'append',
    first: 'We commit to strengthen internationally agreed targets,',
    last: 'alongside connectivity and affordability indicators.',
    rationale: '',
  },
  {
    line: 160,
    action: 'insert',
    label: '135 bis',
    targets: ['135'],
    first: 'We request the Partnership on Measuring ICT for Development',
    last: 'dignity, inclusion, and rights-based outcomes.',
    // The words after the action are the proponent's reason: they reach the rationale column.
    rationale: 'Insert explicit alignment',
  },
];

describe('importWrittenProposals on the African Union e-mail', () => {
  const result = importWrittenProposals(AU, { party: PARTY, fileName: 'au.txt' });
  const proposals = result.set.proposals;
  const at = (line: number) => proposals.find((p) => p.source?.line === line);

  it('imports the 18 proposals of the file and nothing else, without errors', () => {
    expect(result.errors).toEqual([]);
    expect(proposals.map((p) => p.source?.line)).toEqual(EXPECTED.map((e) => e.line));
  });

  it.each(EXPECTED)('reads line $line as $action of §$label', (e) => {
    const p = at(e.line);
    expect(p).toBeDefined();
    if (!p) return;
    expect(p.action).toBe(e.action);
    expect(p.label).toBe(e.label);
    expect(p.targets).toEqual(e.targets.map((label) => ({ paragraph: null, label, point: null })));
    expect(p.position).toBe(e.action === 'insert' ? 'after' : null);
    expect(p.textMode).toBe(e.textMode ?? 'replace');
    expect(p.text.startsWith(e.first)).toBe(true);
    expect(p.text.endsWith(e.last)).toBe(true);
    expect(p.rationale).toBe(e.rationale);
    if (e.summary !== undefined) expect(p.summary).toBe(e.summary);
    expect(p.summary).not.toBe('');
  });

  it('drops Markdown emphasis and the opening ellipsis from proposed text', () => {
    for (const p of proposals) {
      expect(p.text).not.toMatch(/\*|^\.\.\.|^…|^[“”"]|[“”"]$/);
    }
    expect(at(97)).toBeUndefined();
    expect(at(95)?.text).toContain('integrated by default into WSIS+20');
  });

  it('makes every proposal a draft of the given party with its source line', () => {
    for (const p of proposals) {
      expect(p).toMatchObject({ party: PARTY, status: 'draft', illustrative: false, decision: null });
      expect(p.source?.file).toBe('au.txt');
    }
    expect(result.set.parties).toEqual([
      { id: 'african-union', name: PARTY, group: 'member-state', region: null },
    ]);
    expect(result.set.base).toBeNull();
    expect(new Set(proposals.map((p) => p.id)).size).toBe(proposals.length);
  });

  it('links §93 → §93 bis, §97 bis → §98 bis and §91 → §91 bis with their notes', () => {
    const linked = proposals.flatMap((p) =>
      p.links.map((l) => ({
        from: p.source?.line,
        to: proposals.find((q) => q.id === l.to)?.source?.line,
        note: l.note,
      })),
    );
    expect(linked).toEqual([
      {
        from: 109,
        to: 113,
        note: 'Elevates children’s digital rights from protective to proactive (a framework).',
      },
      {
        // Two proposals carry §97 bis; the link ties the retain on line 119 to §98 bis right below it.
        from: 119,
        to: 120,
        note: 'Establishes a layered AI rights narrative: Inclusion Charter (equity) + Mature Governance Framework (oversight & redress).',
      },
      {
        from: 128,
        to: 132,
        note: 'Strengthens information integrity from general misinformation concerns into a principle of digital truth, balancing rights with safeguards.',
      },
    ]);
  });

  it('reports every non-blank line with its kind, the prose never imported', () => {
    const kinds = new Map(result.lines.map((n) => [n.line, n.kind]));
    const nonBlank = AU.split('\n').flatMap((l, i) => (l.trim() === '' ? [] : [i + 1]));
    expect(result.lines.map((n) => n.line)).toEqual(nonBlank);
    expect(result.lines.filter((n) => n.kind === 'proposal').map((n) => n.line)).toEqual(
      EXPECTED.map((e) => e.line),
    );
    expect(result.lines.filter((n) => n.kind === 'link').map((n) => n.line)).toEqual([166, 170, 171]);
    expect(result.lines.filter((n) => n.kind === 'rationale').map((n) => n.line)).toEqual([124]);
    expect(result.lines.filter((n) => n.kind === 'text')).toHaveLength(17);
    // The session outcome, the panel, section headings, the signature and the disclaimer.
    for (const line of [3, 16, 24, 41, 58, 60, 66, 79, 81, 107, 117, 126, 136, 154, 164, 173, 175, 177])
      expect(kinds.get(line)).toBe('prose');
    expect(result.lines.find((n) => n.line === 124)?.proposal).toBe(at(120)?.id);
  });

  it('explains its choices on the proposal lines', () => {
    const message = (line: number) => result.lines.find((n) => n.line === line)?.message ?? '';
    expect(message(146)).toContain('Keep but strengthen');
    expect(message(83)).toContain('elides current text');
    expect(message(91)).toContain('which discusses safeguards');
  });
});

describe('importWrittenProposals against a base text', () => {
  it('resolves labels to paragraph ids; the retain of §97 bis names the insertion of the same file', () => {
    const base = baseWith(ONE_TO_140);
    const { set, errors, unread } = importWrittenProposals(AU, { party: PARTY, base });
    expect(errors).toEqual([]);
    expect(unread).toEqual([]);
    expect(set.proposals).toHaveLength(18);
    expect(set.base).toBe('Synthetic zero draft');
    const byLine = (line: number) => set.proposals.find((p) => p.source?.line === line);
    expect(byLine(83)?.targets).toEqual([{ paragraph: 'para-77', label: '77', point: null }]);
    expect(byLine(103)?.targets.map((t) => t.paragraph)).toEqual(['para-92', 'para-93']);
    expect(byLine(87)?.targets).toEqual([{ paragraph: 'para-77', label: '77', point: null }]);
    expect(byLine(87)?.label).toBe('77 bis');
    // §97 bis is not in the base: the file inserts it on line 142, later than the retain.
    expect(byLine(119)?.targets).toEqual([{ paragraph: null, label: '97 bis', point: null }]);
    expect(byLine(119)?.relatedTo).toBe(byLine(142)?.id);
  });

  it('imports cleanly when the base has §97 bis, and a run covers the bis paragraphs inside it', () => {
    const labels = [...ONE_TO_140];
    labels.splice(97, 0, '97 bis');
    labels.splice(labels.indexOf('93'), 0, '92 bis');
    const { set, errors } = importWrittenProposals(AU, { party: PARTY, base: baseWith(labels) });
    expect(errors).toEqual([]);
    const run = set.proposals.find((p) => p.label === '92–93');
    expect(run?.targets.map((t) => t.label)).toEqual(['92', '92 bis', '93']);
    expect(set.proposals.find((p) => p.action === 'retain')?.targets[0]?.paragraph).toBe('para-97-bis');
  });

  it('requires the anchor of an insertion to exist, not its new label', () => {
    const base = baseWith(ONE_TO_140.filter((l) => l !== '81'));
    const { errors } = importWrittenProposals(AU, { party: PARTY, base });
    expect(errors).toContainEqual({
      line: 91,
      message: '§81 (after which §81 bis is to be inserted) is not a paragraph of "Synthetic zero draft"',
    });
  });
});

describe('importWrittenProposals on other written forms', () => {
  const one = (source: string) => importWrittenProposals(source, { party: 'Kenya' });

  it('reads the plain form with straight quotes and a labelled rationale', () => {
    const r = one(
      '§12 (on finance) → Amend: Add climate finance.\n"We decide to act."\nRationale: Finance matters.',
    );
    expect(r.errors).toEqual([]);
    expect(r.set.proposals[0]).toMatchObject({
      action: 'amend',
      label: '12',
      text: 'We decide to act.',
      rationale: 'Add climate finance. Finance matters.',
      summary: 'Add climate finance',
    });
  });

  it('joins a quotation that runs over several lines', () => {
    const r = one('- **New §3 bis** → *Insert*:\n“We note\nthe report.”');
    expect(r.set.proposals[0]?.text).toBe('We note the report.');
    expect(r.lines.map((n) => n.kind)).toEqual(['proposal', 'text', 'text']);
    expect(new Set(r.lines.map((n) => n.proposal))).toEqual(new Set([r.set.proposals[0]?.id]));
  });

  it('places an insertion after the label before its own, and normalises labels', () => {
    const r = one('New §93 ter → Insert: “T.”\nNew §5bis → Insert: “B.”\n§7 → Alternative: “A.”');
    expect(r.errors).toEqual([]);
    expect(r.set.proposals.map((p) => [p.label, p.targets[0]?.label])).toEqual([
      ['93 ter', '93 bis'],
      ['5 bis', '5'],
      ['7 alt', '7'],
    ]);
  });

  it('reads a long reference whole', () => {
    const r = one('paragraphs OP1112 quaterdecies – OP1112 octodecies (on x) → Amend: “T.”');
    expect(r.set.proposals[0]?.label).toBe('OP1112 quaterdecies–OP1112 octodecies');
  });

  it('keeps a plain Keep as retain, its quotation as the note', () => {
    const r = one('§5 → *Keep*:\n“As agreed in Tunis.”\n§6 → Support.');
    expect(r.errors).toEqual([]);
    expect(r.set.proposals.map((p) => [p.action, p.text, p.rationale])).toEqual([
      ['retain', 'As agreed in Tunis.', 'Keep'],
      ['retain', '', 'Support'],
    ]);
  });

  it('reads Add: on an existing paragraph as an appended amendment', () => {
    const r = one('§5 → Amend:\nAdd: “and equity.”');
    expect(r.set.proposals[0]).toMatchObject({ action: 'amend', textMode: 'append', text: 'and equity.' });
  });

  it('reads deletions, points and text on the heading line', () => {
    const r = one('§8 → *Delete*.\n§69 (b) → Amend: “New point.”');
    expect(r.errors).toEqual([]);
    expect(r.set.proposals.map((p) => [p.action, p.label, p.text, p.targets[0]?.point])).toEqual([
      ['delete', '8', '', null],
      ['amend', '69', 'New point.', 'b'],
    ]);
  });

  it('resolves a point against the base and reports a missing one', () => {
    const base = baseWith(ONE_TO_140);
    const r = importWrittenProposals('§69 (a) → Amend: “A.”\n§69 (c) → Amend: “C.”', {
      party: 'Kenya',
      base,
    });
    expect(r.set.proposals[0]?.targets[0]).toEqual({ paragraph: 'para-69', label: '69', point: 'a' });
    expect(r.errors).toEqual([
      { line: 2, message: '§69 (c) is not a point of §69 in "Synthetic zero draft"' },
    ]);
  });

  it('reports an unknown action, an unclosed quotation and an insertion with no place, by line', () => {
    const r = one('§1 → *Frobnicate*:\n“x”\n\n§2 → Amend:\n“never closed\n\nNew §9 → Insert:\n“Text.”');
    expect(r.errors.map((e) => e.line)).toEqual([1, 5, 7]);
    expect(r.errors[0]?.message).toContain('unknown action “Frobnicate”');
    expect(r.errors[1]?.message).toContain('not closed');
    expect(r.errors[2]?.message).toContain('say where §9 goes');
    expect(r.lines.find((n) => n.line === 2)).toEqual({
      line: 2,
      kind: 'text',
      message: 'belongs to the proposal on line 1, which could not be read',
    });
  });

  it('reports an amendment without text; a link to a paragraph with no proposal is kept as a note', () => {
    const r = one('§4 → Amend: Make it shorter.\n\n- **§4 → §7** = related');
    expect(r.errors).toEqual([
      {
        line: 1,
        message:
          'amend of §4 has no proposed text (expected the new wording in quotation marks after it: “…”)',
      },
    ]);
    expect(r.set.proposals[0]?.rationale).toBe('Make it shorter. §4 → §7: related');
    expect(r.lines.find((n) => n.line === 3)?.message).toContain('§7 has no proposal in this file');
  });

  it('refuses a link that names neither a proposal nor a paragraph of the base', () => {
    const base = baseWith(['1', '2', '3', '4']);
    const r = importWrittenProposals('§4 → Delete.\n\n- **§4 → §7** = related', { party: 'Kenya', base });
    expect(r.errors.map((e) => e.line)).toEqual([3]);
    expect(r.errors[0]?.message).toMatch(
      /^the link names §7, which no proposal in this file is on \(and it is not a paragraph/,
    );
  });

  it('keeps a quotation outside any proposal as prose', () => {
    const r = one('Opening remarks\n“We are all in this together.”\n§1 → Amend: “Text.”');
    expect(r.set.proposals).toHaveLength(1);
    expect(r.lines[1]).toMatchObject({
      kind: 'prose',
      message: 'a quotation outside any proposal: not imported',
    });
  });

  it('gives the same result for CRLF line ends and uses newId in file order', () => {
    let n = 0;
    const newId = () => `id-${++n}`;
    const lf = importWrittenProposals(AU, { party: PARTY, newId });
    n = 0;
    const crlf = importWrittenProposals(AU.replace(/\n/g, '\r\n'), { party: PARTY, newId });
    expect(crlf).toEqual(lf);
    expect(lf.set.proposals.slice(0, 2).map((p) => p.id)).toEqual(['id-1', 'id-2']);
  });

  it('refuses an empty party name', () => {
    expect(() => importWrittenProposals(AU, { party: '  ' })).toThrow(BisInputError);
  });
});
