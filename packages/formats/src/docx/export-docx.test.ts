import type { Proposal } from '@bis/core';
import { proposalId } from '@bis/core';
import { describe, expect, it } from 'vitest';
import { linkLine } from '../export/reasons';
import {
  buildComparison,
  compareDocumentsAs,
  exportView,
  importDocxProposals,
  importDocxText,
  importWrittenProposals,
} from '../index';
import {
  docxPart,
  findAll,
  fixture,
  must,
  ohchrDocument,
  syntheticWsisBase,
  trackedChanges,
} from './docx.test-util';
import { childOf, childrenOf, textOf } from './xml';

const NOW = '2025-07-10T14:00:00Z';

const auProposals = () => {
  const base = syntheticWsisBase();
  const au = importWrittenProposals(fixture('au-wsis20-written-amendments.txt'), {
    party: 'African Union',
    base,
    fileName: 'au-wsis20-written-amendments.txt',
  });
  // The AU text also asks to retain a §97 bis that no base has: it names the AU's own insertion
  // of §97 bis, so it stays unresolved without an error.
  expect(au.errors).toEqual([]);
  // A second party with a tabling date, so that authors and dates must follow each proposal.
  const kenya: Proposal = {
    ...(au.set.proposals[0] as Proposal),
    id: proposalId('kenya-1'),
    party: 'Kenya',
    coSponsors: ['Ghana'],
    targets: [
      {
        ...must((au.set.proposals[0] as Proposal).targets[0]),
        paragraph: must(base.blocks.find((b) => b.kind === 'paragraph' && b.label === '80')).id as never,
        label: '80',
      },
    ],
    label: '80',
    text: 'We reaffirm that human rights, including the right to privacy, are central to the information society.',
    textMode: 'replace',
    status: 'tabled',
    versions: [{ number: 1, text: '', rationale: '', tabledAt: '2025-08-01T09:30:00.000Z' }],
  };
  return { base, proposals: [...au.set.proposals, kenya] };
};

describe('DOCX comparison table', () => {
  it('shows every AU proposal as Word revisions by its proponent, row by row', async () => {
    const { base, proposals } = auProposals();
    const file = await exportView('comparison', 'docx', { document: base, proposals }, { now: NOW });
    expect(file.extension).toBe('docx');
    const doc = docxPart(file.data as Uint8Array, 'word/document.xml');
    const rows = findAll(doc, 'w:tr');
    const comparison = buildComparison(base, proposals);
    expect(rows).toHaveLength(comparison.rows.length + 1);
    const auRows = comparison.rows.filter((r) => r.proposal.party === 'African Union');
    expect(auRows.length).toBeGreaterThanOrEqual(17);
    comparison.rows.forEach((r, i) => {
      const cells = childrenOf(must(rows[i + 1]), 'w:tc');
      const changes = trackedChanges(must(cells[2]));
      const ins = r.runs
        .filter((x) => x.op === 'insert')
        .map((x) => x.text.replace(/\n/g, ''))
        .join('');
      const del = r.runs
        .filter((x) => x.op === 'delete')
        .map((x) => x.text.replace(/\n/g, ''))
        .join('');
      expect(
        changes
          .filter((c) => c.kind === 'ins')
          .map((c) => c.text)
          .join(''),
      ).toBe(ins);
      expect(
        changes
          .filter((c) => c.kind === 'del')
          .map((c) => c.text)
          .join(''),
      ).toBe(del);
      if (r.proposal.action !== 'retain' && r.proposal.action !== 'move')
        expect(changes.length).toBeGreaterThan(0);
      for (const c of changes) {
        expect(c.author).toBe(r.proposal.party);
        expect(c.date).toBe(r.proposal.party === 'Kenya' ? '2025-08-01T09:30:00Z' : '2025-07-10T14:00:00Z');
      }
      expect(textOf(must(cells[0]))).toContain(r.label);
      expect(textOf(must(cells[3]))).toBe(r.proponent);
    });
    expect(rows.map(textOf).filter((t) => t.includes('Kenya (co-sponsors: Ghana)'))).toHaveLength(1);
  });

  it('is landscape, repeats its header row and takes the columns asked for', async () => {
    const { base, proposals } = auProposals();
    const file = await exportView(
      'comparison',
      'docx',
      { document: base, proposals },
      { columns: ['label', 'proposed', 'proponent'] },
    );
    const doc = docxPart(file.data as Uint8Array, 'word/document.xml');
    const pgSz = must(findAll(doc, 'w:pgSz')[0]);
    expect(pgSz.attrs['w:orient']).toBe('landscape');
    expect(Number(pgSz.attrs['w:w'])).toBeGreaterThan(Number(pgSz.attrs['w:h']));
    const header = must(findAll(doc, 'w:tr')[0]);
    expect(findAll(header, 'w:tblHeader')).toHaveLength(1);
    expect(childrenOf(header, 'w:tc').map(textOf)).toEqual(['Paragraph', 'Proposed text', 'Proponent']);
    // No `now` and no tabling date: the revisions carry no date rather than a made-up one.
    const changes = trackedChanges(doc);
    expect(changes.filter((c) => c.author === 'African Union').every((c) => c.date === undefined)).toBe(true);
    expect(changes.filter((c) => c.author === 'Kenya').every((c) => c.date === '2025-08-01T09:30:00Z')).toBe(
      true,
    );
  });

  it('shows changes as formatting when asked, with no revisions', async () => {
    const { base, proposals } = auProposals();
    const file = await exportView(
      'comparison',
      'docx',
      { document: base, proposals },
      { changes: 'formatting' },
    );
    const doc = docxPart(file.data as Uint8Array, 'word/document.xml');
    expect(trackedChanges(doc)).toEqual([]);
    const runs = findAll(doc, 'w:r');
    const underlined = runs.filter((r) => findAll(r, 'w:u').length && findAll(r, 'w:b').length);
    const struck = runs.filter((r) => findAll(r, 'w:strike').length);
    expect(underlined.length).toBeGreaterThan(10);
    expect(struck.length).toBeGreaterThan(0);
  });

  it('writes an insertion with its label and a deletion as "Delete" with the text struck', async () => {
    const base = ohchrDocument();
    const byLabel = (l: string) => must(base.blocks.find((b) => b.kind === 'paragraph' && b.label === l));
    const common = {
      coSponsors: [],
      supporters: [],
      rationale: 'Because.',
      summary: '',
      status: 'tabled',
      decision: null,
      decisionNote: '',
      relatedTo: null,
      links: [],
      versions: [],
      illustrative: false,
      source: null,
      textMode: 'replace',
    } as const;
    const proposals: Proposal[] = [
      {
        ...common,
        id: proposalId('a'),
        party: 'Chile',
        action: 'insert',
        targets: [{ paragraph: byLabel('3').id as never, label: '3', point: null }],
        position: 'after',
        label: '3 bis',
        text: 'A new paragraph on children.',
      },
      {
        ...common,
        id: proposalId('b'),
        party: 'Peru',
        action: 'delete',
        targets: [{ paragraph: byLabel('4').id as never, label: '4', point: null }],
        position: null,
        label: '4',
        text: '',
      },
    ];
    const file = await exportView('comparison', 'docx', { document: base, proposals }, { now: NOW });
    const doc = docxPart(file.data as Uint8Array, 'word/document.xml');
    const [, ins, del] = findAll(doc, 'w:tr');
    expect(textOf(must(childrenOf(must(ins), 'w:tc')[0]))).toContain('3 bis');
    expect(trackedChanges(must(ins))).toEqual([
      { kind: 'ins', author: 'Chile', date: '2025-07-10T14:00:00Z', text: 'A new paragraph on children.' },
    ]);
    const proposed = must(childrenOf(must(del), 'w:tc')[2]);
    expect(textOf(must(childrenOf(proposed, 'w:p')[0]))).toBe('Delete');
    expect(trackedChanges(proposed)).toEqual([
      {
        kind: 'del',
        author: 'Peru',
        date: '2025-07-10T14:00:00Z',
        text: (byLabel('4') as { text: string }).text,
      },
    ]);
  });

  it('is a pure function of its input: the same bytes twice', async () => {
    const { base, proposals } = auProposals();
    const a = await exportView('comparison', 'docx', { document: base, proposals }, { now: NOW });
    const b = await exportView('comparison', 'docx', { document: base, proposals }, { now: NOW });
    expect(Buffer.from(a.data as Uint8Array).equals(Buffer.from(b.data as Uint8Array))).toBe(true);
  });

  it('reads back as the proposals it shows (comparison table import)', async () => {
    const { base, proposals } = auProposals();
    const file = await exportView('comparison', 'docx', { document: base, proposals }, { now: NOW });
    const back = importDocxProposals(file.data as Uint8Array, { party: 'Nobody', base, fileName: 'au.docx' });
    expect(back.kind).toBe('table');
    const shown = buildComparison(base, proposals).rows;
    expect(back.set.proposals.map((p) => `${p.party} ${p.action} ${p.label}`)).toEqual(
      shown.map((r) => `${r.proposal.party} ${r.proposal.action} ${r.proposal.label}`),
    );
    back.set.proposals.forEach((p, i) => {
      const r = must(shown[i]);
      if (p.action === 'amend' || p.action === 'insert')
        expect(p.text.replace(/\s+/g, ' ')).toBe(r.proposed.replace(/\s+/g, ' ').trim());
      // The rationale column shows the reason (the summary when there is no rationale) and links.
      const shownReason = [r.reason, ...r.links.map(linkLine)].filter(Boolean).join('\n');
      expect(p.rationale.replace(/\s+/g, ' ')).toBe(shownReason.replace(/\s+/g, ' ').trim());
    });
    expect(back.set.proposals.find((p) => p.party === 'Kenya')?.coSponsors).toEqual(['Ghana']);
  });
});

describe('DOCX compilation and revisions', () => {
  it('writes the compilation with each paragraph followed by its proposals, attribution switchable', async () => {
    const { base, proposals } = auProposals();
    const on = docxPart(
      (await exportView('compilation', 'docx', { document: base, proposals })).data as Uint8Array,
      'word/document.xml',
    );
    const off = docxPart(
      (
        await exportView(
          'compilation',
          'docx',
          { document: base, proposals },
          { attribution: false, changes: 'tracked' },
        )
      ).data as Uint8Array,
      'word/document.xml',
    );
    const text = (el: typeof on) => findAll(el, 'w:p').map(textOf);
    const onText = text(on);
    const at77 = onText.findIndex((t) => t.startsWith('77.'));
    expect(onText[at77 + 1]).toMatch(/^Amend — African Union/);
    expect(onText.some((t) => t.startsWith('77 bis') && t.includes('proposed new paragraph'))).toBe(true);
    expect(text(off).join('\n')).not.toContain('African Union');
    expect(trackedChanges(off).every((c) => c.author === 'Proposal')).toBe(true);
  });

  it('writes a clean revision that imports back as the same text, footnotes included', async () => {
    const doc = ohchrDocument();
    const file = await exportView('revision', 'docx', { document: doc, proposals: [] });
    const back = importDocxText(file.data as Uint8Array, { fileName: 'ohchr.docx' });
    const withoutMarks = (d: typeof doc) =>
      d.blocks.map((b) =>
        b.kind === 'heading'
          ? b
          : {
              ...b,
              footnotes: b.footnotes.map(({ offset, text }) => ({ offset, text })),
              points: b.points.map((p) => ({
                ...p,
                footnotes: p.footnotes.map(({ offset, text }) => ({ offset, text })),
              })),
            },
      );
    expect(withoutMarks(back)).toEqual(withoutMarks(doc));
    expect(back.preamble).toBe(doc.preamble);
    // Word numbers footnotes from 1 in reference order: the marks are renumbered.
    const marks = back.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.footnotes.map((f) => f.mark) : []));
    expect(marks.slice(0, 3)).toEqual(['1', '2', '3']);
  });

  it('writes a revision with tracked changes against the previous one, and the same for bis compare', async () => {
    const previous = ohchrDocument();
    const p5 = previous.blocks.findIndex((b) => b.kind === 'paragraph' && b.label === '5');
    const p6 = must(previous.blocks[p5 + 1]);
    const blocks = previous.blocks
      .map((b, i) =>
        i === p5 && b.kind === 'paragraph'
          ? { ...b, text: b.text.replace('typically adopted', 'usually adopted') }
          : b,
      )
      .filter((b) => b !== p6);
    const next = { ...previous, revision: 'Rev.1', blocks };
    const file = await exportView(
      'revision',
      'docx',
      { document: next, proposals: [], previous: { ...previous, revision: 'Zero draft' } },
      { now: NOW, revisionAuthor: 'Co-facilitators' },
    );
    const doc = docxPart(file.data as Uint8Array, 'word/document.xml');
    const changes = trackedChanges(doc);
    expect(changes.slice(0, 2)).toEqual([
      { kind: 'del', author: 'Co-facilitators', date: NOW, text: 'typically' },
      { kind: 'ins', author: 'Co-facilitators', date: NOW, text: 'usually' },
    ]);
    expect(changes.some((c) => c.kind === 'del' && c.text.startsWith('6.\t'))).toBe(true);
    // The removed paragraph's mark is deleted too, so that accepting removes it whole.
    expect(findAll(doc, 'w:pPr').some((p) => childOf(p, 'w:rPr') && findAll(p, 'w:del').length > 0)).toBe(
      true,
    );
    const compared = await compareDocumentsAs(previous, next, 'docx', { now: NOW });
    expect(compared.extension).toBe('docx');
    expect(trackedChanges(docxPart(compared.data as Uint8Array, 'word/document.xml')).length).toBe(
      changes.length,
    );
  });
});
