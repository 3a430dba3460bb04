import { paragraphId } from '@bis/core';
import { docOf, labelOnly, para, prop, tabled, tgt } from '@bis/core/testing';
import { describe, expect, it } from 'vitest';
import {
  buildComparison,
  buildCompilation,
  compareDocuments,
  compareDocumentsAs,
  exportView,
  UTF8_BOM,
} from '../index';

const base = docOf(
  para('76', 'We note the work of the Internet Governance Forum.'),
  para('77', 'We reaffirm that human rights are central to the information society.'),
  para('78', 'We recognize the role of standards.', [
    ['a', 'open participation;'],
    ['b', 'transparency.'],
  ]),
);

const amend77 = tabled({
  id: 'a77',
  action: 'amend',
  targets: [tgt('77')],
  text: 'We reaffirm that human rights, including digital dignity, are central to the information society.',
  rationale: 'Centres human digital dignity.',
  coSponsors: ['Kenya'],
});
const insert77bis = prop({
  id: 'i77bis',
  action: 'insert',
  targets: [tgt('77')],
  label: '77 bis',
  text: 'We affirm human rights due diligence as a default principle.',
  rationale: 'HRDD by default.',
});
const delete78b = prop({
  id: 'd78b',
  action: 'delete',
  targets: [tgt('78', 'b')],
  label: '78 (b)',
  rationale: 'Redundant.',
});
const unresolved = prop({
  id: 'u135',
  action: 'amend',
  targets: [labelOnly('135')],
  text: 'New metrics.',
  rationale: 'Metrics.',
});
const withdrawn = {
  ...prop({ id: 'w76', action: 'delete', targets: [tgt('76')] }),
  status: 'withdrawn' as const,
};
const all = [unresolved, delete78b, insert77bis, amend77, withdrawn];

describe('comparison view', () => {
  it('orders rows by the text, insertions after their anchor, unresolved last, withdrawn left out', () => {
    const c = buildComparison(base, all);
    expect(c.rows.map((r) => r.proposal.id)).toEqual(['a77', 'i77bis', 'd78b', 'u135']);
  });

  it('marks an inserted phrase as one insertion against the current text', () => {
    const row = buildComparison(base, [amend77]).rows[0];
    expect(row?.current).toBe('We reaffirm that human rights are central to the information society.');
    expect(row?.runs.filter((r) => r.op === 'insert').map((r) => r.text.trim())).toEqual([
      ', including digital dignity,',
    ]);
    expect(row?.runs.some((r) => r.op === 'delete')).toBe(false);
    expect(row?.proponent).toBe('African Union (co-sponsors: Kenya)');
  });

  it('shows a point deletion against the point text and an insertion as all new', () => {
    const [ins, del] = buildComparison(base, [insert77bis, delete78b]).rows;
    expect(ins?.actionLabel).toBe('Insert after 77');
    expect(ins?.runs).toEqual([
      { op: 'insert', text: 'We affirm human rights due diligence as a default principle.' },
    ]);
    expect(del?.current).toBe('transparency.');
    expect(del?.runs).toEqual([{ op: 'delete', text: 'transparency.' }]);
  });

  it('says when a target is not resolved against the base, without inventing current text', () => {
    const row = buildComparison(base, [unresolved]).rows[0];
    expect(row?.current).toBeNull();
    expect(row?.note).toBe('§135 is not resolved against the base text');
  });

  it('filters by party and action', () => {
    const kenya = { ...amend77, id: amend77.id, party: 'Kenya' };
    expect(buildComparison(base, [kenya, insert77bis], { parties: ['Kenya'] }).rows).toHaveLength(1);
    expect(buildComparison(base, all, { actions: ['delete'] }).rows.map((r) => r.proposal.id)).toEqual([
      'd78b',
    ]);
  });
});

describe('comparison exports', () => {
  it('writes accessible HTML with real ins/del, table headers, lang and dir', async () => {
    const { data, mediaType } = await exportView(
      'comparison',
      'html',
      { document: base, proposals: all },
      { lang: 'ar' },
    );
    const html = String(data);
    expect(mediaType).toMatch(/^text\/html/);
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<th scope="col">Current text</th>');
    expect(html).toContain('<ins>, including digital dignity,</ins>');
    expect(html).toContain('<del>transparency.</del>');
    expect(html).toContain('Centres human digital dignity.');
  });

  it('escapes markup in proposal text', async () => {
    const evil = prop({
      id: 'e',
      action: 'amend',
      targets: [tgt('76')],
      text: '<script>alert(1)</script>',
      rationale: 'a & b',
    });
    const html = String((await exportView('comparison', 'html', { document: base, proposals: [evil] })).data);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('a &amp; b');
  });

  it('writes CSV for Excel: BOM, quoted fields, CRLF, one row per proposal', async () => {
    const csv = String((await exportView('comparison', 'csv', { document: base, proposals: all })).data);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]?.startsWith('"id","paragraph","action"')).toBe(true);
    expect(csv).toContain('"We reaffirm that human rights[+, including digital dignity,+] are central');
  });

  it('writes Markdown with bold additions and struck deletions, pipes escaped', async () => {
    const piped = prop({ id: 'p', action: 'amend', targets: [tgt('76')], text: 'A | B', rationale: '' });
    const md = String(
      (await exportView('comparison', 'md', { document: base, proposals: [amend77, delete78b, piped] })).data,
    );
    expect(md).toContain('**, including digital dignity,**');
    expect(md).toContain('~~transparency.~~');
    expect(md).toContain('A \\| B');
  });

  it('writes JSON with the runs and the format name', async () => {
    const json = JSON.parse(
      String((await exportView('comparison', 'json', { document: base, proposals: all })).data),
    );
    expect(json.format).toBe('bis.comparison/1');
    expect(json.rows).toHaveLength(4);
    expect(json.rows[0].runs.length).toBeGreaterThan(1);
  });

  it('refuses a format a view does not offer, naming the ones it does', async () => {
    await expect(exportView('revision', 'pdf' as 'html', { document: base, proposals: [] })).rejects.toThrow(
      /available: /,
    );
  });
});

describe('comparing two versions', () => {
  it('aligns versions that share ids through the ids, even when renumbered', () => {
    const next = {
      ...base,
      revision: 'Rev.1',
      blocks: [
        { ...para('77', 'We reaffirm that human rights are central to the digital society.'), label: '76' },
        {
          ...para('78', 'We recognize the role of standards.', [
            ['a', 'open participation;'],
            ['b', 'transparency.'],
          ]),
          label: '77',
        },
      ],
    };
    const c = compareDocuments(base, next);
    expect(c.alignedBy).toBe('id');
    expect(c.rows.map((r) => [r.kind, r.old?.label ?? null, r.new?.label ?? null])).toEqual([
      ['removed', '76', null],
      ['changed', '77', '76'],
      ['unchanged', '78', '77'],
    ]);
  });

  it('aligns imported files through their text', () => {
    const a = docOf(
      para('1', 'Alpha beta gamma delta.'),
      para('2', 'Standards shape rights.'),
      para('3', 'Gone paragraph here.'),
    );
    const b = docOf(
      para('1', 'Alpha beta gamma delta epsilon.'),
      para('2', 'A wholly new paragraph.'),
      para('3', 'Standards shape rights.'),
    );
    // The builders derive ids from labels, so make the ids differ as two imports' would.
    const bRelabelled = {
      ...b,
      blocks: b.blocks.map((x, i) => ({ ...x, id: paragraphId(`n${i}`) })),
    } as typeof b;
    const c = compareDocuments(a, bRelabelled);
    expect(c.alignedBy).toBe('text');
    expect(c.rows.map((r) => r.kind)).toEqual(['changed', 'added', 'unchanged', 'removed']);
  });

  it('writes the comparison in each format', async () => {
    for (const format of ['html', 'md', 'csv', 'json'] as const) {
      const file = await compareDocumentsAs(base, base, format);
      expect(String(file.data).length).toBeGreaterThan(50);
    }
  });
});

describe('compilation exports', () => {
  it('places each proposal under its paragraph and insertions at their place, unplaced ones apart', () => {
    const view = buildCompilation(base, all);
    expect(view.count).toBe(4);
    expect(
      view.sections.map((s) =>
        s.kind === 'heading' ? 'h' : s.kind === 'insertion' ? s.label : s.paragraph.label,
      ),
    ).toEqual(['76', '77', '77 bis', '78']);
    expect(view.unplaced.map((u) => u.row.proposal.id)).toEqual(['u135']);
  });

  it('writes the whole text with the proposals in HTML, attributed unless switched off', async () => {
    const html = String((await exportView('compilation', 'html', { document: base, proposals: all })).data);
    expect(html).toContain('We note the work of the Internet Governance Forum.');
    expect(html).toContain('<ins>, including digital dignity,</ins>');
    expect(html).toContain('African Union (co-sponsors: Kenya)');
    expect(html).toContain('Proposals not placed in this text');
    const anonymous = String(
      (await exportView('compilation', 'html', { document: base, proposals: all }, { attribution: false }))
        .data,
    );
    expect(anonymous).not.toContain('African Union');
  });

  it('writes Markdown, CSV and JSON', async () => {
    const md = String((await exportView('compilation', 'md', { document: base, proposals: all })).data);
    expect(md).toContain('**77 bis** _(proposed new paragraph)_');
    const csv = String((await exportView('compilation', 'csv', { document: base, proposals: all })).data);
    expect(csv).toContain(
      '"77","text","We reaffirm that human rights are central to the information society."',
    );
    const json = JSON.parse(
      String((await exportView('compilation', 'json', { document: base, proposals: all })).data),
    );
    expect(json.format).toBe('bis.compilation/1');
    expect(json.unplaced[0].reason).toMatch(/135/);
  });
});
