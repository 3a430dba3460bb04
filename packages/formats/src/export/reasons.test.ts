import { proposalId } from '@bis/core';
import { docOf, para, prop, tgt } from '@bis/core/testing';
import { describe, expect, it } from 'vitest';
import { docxPart } from '../docx/docx.test-util';
import { textOf } from '../docx/xml';
import { type ExportFormat, exportView } from '../index';
import { neutralizeFormula } from './csv';
import { escapeMarkdownHtml } from './markdown';

const base = docOf(
  para('48', 'The estimate of 2.6 billion people offline remains the reference for the decade.'),
  para('57', 'We commit to closing the digital divide, including the gender digital divide.'),
);

// As written input gives them: the reason after the action goes to `summary`, no rationale.
const delete48 = prop({
  id: 'd48',
  party: 'Norway',
  action: 'delete',
  targets: [tgt('48')],
  summary: 'The estimate is superseded by the 2025 figures',
});
const amend57 = prop({
  id: 'a57',
  party: 'African Union',
  action: 'amend',
  targets: [tgt('57')],
  text: 'We commit to closing the digital divide, including the gender digital divide and the divide in skills.',
  rationale: 'Skills are half of the divide.',
  summary: 'Add skills',
  links: [{ to: proposalId('i57bis'), note: 'read with the new 57 bis' }],
});
const insert57bis = prop({
  id: 'i57bis',
  party: 'African Union',
  action: 'insert',
  targets: [tgt('57')],
  label: '57 bis',
  text: 'We will invest in digital skills for women and girls.',
  summary: 'Insert HRDD by default',
});
const proposals = [delete48, amend57, insert57bis];

const exported = async (
  view: 'comparison' | 'compilation',
  format: ExportFormat,
  ps = proposals,
): Promise<string> => {
  const file = await exportView(
    view,
    format,
    { document: base, proposals: ps },
    { now: '2025-07-01T00:00:00Z' },
  );
  return format === 'docx'
    ? textOf(docxPart(file.data as Uint8Array, 'word/document.xml'))
    : String(file.data);
};

describe('every proposal’s reason reaches the exports', () => {
  for (const view of ['comparison', 'compilation'] as const) {
    // JSON carries the same as fields (see below).
    for (const format of ['html', 'md', 'csv', 'docx'] as const) {
      it(`${view} ${format}: the rationale, or the summary when there is no rationale`, async () => {
        const out = await exported(view, format);
        expect(out).toContain('The estimate is superseded by the 2025 figures');
        expect(out).toContain('Skills are half of the divide.');
        expect(out).toContain('Insert HRDD by default');
        // A proposal with a rationale shows that, not its heading.
        expect(out).not.toContain('Add skills');
      });
      it(`${view} ${format}: links between proposals, both ways`, async () => {
        const out = await exported(view, format);
        expect(out).toContain('→ §57 bis: read with the new 57 bis');
        expect(out).toContain('← §57: read with the new 57 bis');
      });
    }
  }

  it('names a linked proposal outside the export by its id', async () => {
    const out = await exported('comparison', 'md', [amend57]);
    expect(out).toContain('→ §i57bis: read with the new 57 bis');
  });

  it('gives the reason, the summary and the links as fields in JSON (comparison)', async () => {
    const json = JSON.parse(await exported('comparison', 'json'));
    const row = json.rows.find((r: { id: string }) => r.id === 'd48');
    expect(row).toMatchObject({ rationale: '', summary: 'The estimate is superseded by the 2025 figures' });
    expect(row.reason).toBe('The estimate is superseded by the 2025 figures');
    expect(json.rows.find((r: { id: string }) => r.id === 'a57').links).toEqual([
      { direction: 'to', id: 'i57bis', label: '57 bis', note: 'read with the new 57 bis' },
    ]);
  });

  it('gives the reason and the links as fields in JSON (compilation)', async () => {
    const json = JSON.parse(await exported('compilation', 'json'));
    type Row = { id: string; reason: string; links: unknown[] };
    const rows: Row[] = json.sections.flatMap((s: { proposals?: Row[] }) => s.proposals ?? []);
    expect(rows.map((r) => [r.id, r.reason])).toEqual([
      ['d48', 'The estimate is superseded by the 2025 figures'],
      ['a57', 'Skills are half of the divide.'],
      ['i57bis', 'Insert HRDD by default'],
    ]);
    expect(rows.find((r) => r.id === 'i57bis')?.links).toEqual([
      { direction: 'from', id: 'a57', label: '57', note: 'read with the new 57 bis' },
    ]);
  });
});

describe('Markdown exports escape HTML', () => {
  const evil = prop({
    id: 'x',
    party: 'Mallory <img src=x onerror=alert(1)>',
    action: 'amend',
    targets: [tgt('57')],
    text: 'We commit <script>alert(document.cookie)</script> to closing the divide.',
    rationale: '<b>because</b> & so on',
  });
  for (const view of ['comparison', 'compilation'] as const) {
    it(`${view}: no raw tag from proposal text, party or rationale`, async () => {
      const md = await exported(view, 'md', [evil]);
      expect(md).not.toMatch(/<script|<img|<b>/i);
      expect(md).toContain('&lt;script&gt;alert(document.cookie)&lt;/script&gt;');
      expect(md).toContain('&lt;b&gt;because&lt;/b&gt; &amp; so on');
      expect(md).toContain('Mallory &lt;img src=x onerror=alert(1)&gt;');
    });
  }

  it('escapes a base text too (revision view)', async () => {
    const doc = docOf(para('1', 'Text with <iframe src="x"></iframe> inside.'));
    const md = String((await exportView('revision', 'md', { document: doc, proposals: [] })).data);
    expect(md).not.toContain('<iframe');
    expect(md).toContain('&lt;iframe src="x"&gt;&lt;/iframe&gt;');
  });

  it('leaves text without markup as it is', () => {
    expect(escapeMarkdownHtml('77 bis — “digital dignity”')).toBe('77 bis — “digital dignity”');
  });
});

describe('CSV exports neutralise formulas', () => {
  it.each([
    ['=HYPERLINK("http://x.example","click")', `'=HYPERLINK("http://x.example","click")`],
    ['+1+cmd|/C calc!A0', "'+1+cmd|/C calc!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['A = B', 'A = B'],
    ['', ''],
  ])('%j → %j', (cell, safe) => {
    expect(neutralizeFormula(cell)).toBe(safe);
  });

  for (const view of ['comparison', 'compilation'] as const) {
    it(`${view}: a proposal starting with = or @ and a party starting with + or - are written as text`, async () => {
      const formula = prop({
        id: 'f',
        party: '-Evil Corp',
        action: 'insert',
        targets: [tgt('57')],
        label: '57 bis',
        text: '=HYPERLINK("http://x.example","Read more")',
        rationale: '@SUM(1+1)',
        coSponsors: ['+Mallory'],
      });
      const csv = await exported(view, 'csv', [formula]);
      const fields = [...csv.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] ?? '').replace(/""/g, '"'));
      expect(fields.filter((f) => /^[=+\-@\t\r]/.test(f))).toEqual([]);
      expect(fields).toContain(`'@SUM(1+1)`);
      if (view === 'comparison') {
        expect(fields).toContain(`'=HYPERLINK("http://x.example","Read more")`);
        expect(fields).toContain("'-Evil Corp");
      }
    });
  }
});
