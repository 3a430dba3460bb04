import type { DiffRun } from '@bis/diff';
import type { Comparison, ComparisonRow } from './comparison';
import { linkLine } from './reasons';
import { documentLine, statusLabel } from './words';

/** Options of the HTML exports. */
export interface HtmlOptions {
  /** The text's language (BCP 47), set on `<html lang>`. Default `en`. */
  readonly lang?: string;
  /** Writing direction; default from the language (`ar`, `he`, `fa`, `ur` → rtl). */
  readonly dir?: 'ltr' | 'rtl';
}

/** Escapes text for HTML element content and attribute values. */
export const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const withBreaks = (s: string): string => escapeHtml(s).replace(/\n/g, '<br>');

/** Diff runs as HTML with real `<ins>` and `<del>` elements. */
export const runsToHtml = (runs: readonly DiffRun[]): string =>
  runs
    .map((r) =>
      r.op === 'equal'
        ? withBreaks(r.text)
        : r.op === 'insert'
          ? `<ins>${withBreaks(r.text)}</ins>`
          : `<del>${withBreaks(r.text)}</del>`,
    )
    .join('');

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi']);

/** Wraps a body in a standalone, printable page. */
export const htmlPage = (title: string, body: string, options: HtmlOptions = {}): string => {
  const lang = options.lang ?? 'en';
  const dir = options.dir ?? (RTL.has(lang.split('-')[0] ?? '') ? 'rtl' : 'ltr');
  return `<!doctype html>
<html lang="${escapeHtml(lang)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font: 11pt/1.45 "Times New Roman", Georgia, serif; margin: 2rem; color: #111; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #777; padding: .4rem .5rem; vertical-align: top; text-align: start; }
thead th { background: #eee; }
ins { text-decoration: none; font-weight: bold; border-bottom: 2px solid #1a5e1a; background: #e6f4e6; }
del { text-decoration: line-through; color: #8a1010; background: #fbe9e9; }
.label { white-space: nowrap; font-weight: bold; }
.note { font-style: italic; color: #444; }
.base { white-space: normal; font-weight: normal; font-size: .85em; }
.links { list-style: none; margin: .3rem 0 0; padding: 0; font-size: .9em; }
@media print { body { margin: 0; } thead { display: table-header-group; } tr { break-inside: avoid; } ins, del { background: none; } }
@page { size: A4 landscape; margin: 1.5cm; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
};

/** A row's re-anchoring note (see `ComparisonRow.baseNote`) as HTML, or ''. */
export const baseNoteHtml = (r: ComparisonRow): string =>
  r.baseNote ? `<p class="note base">${escapeHtml(r.baseNote)}</p>` : '';

/** A row's reason and its links (`→ §93 bis: …`) as the HTML of one table cell. */
export const reasonHtml = (r: ComparisonRow): string => {
  const links = r.links.length
    ? `<ul class="links">${r.links.map((l) => `<li>${escapeHtml(linkLine(l))}</li>`).join('')}</ul>`
    : '';
  return `${withBreaks(r.reason)}${links}`;
};

/** The comparison table as a standalone HTML page. */
export const comparisonToHtml = (c: Comparison, options: HtmlOptions = {}): string => {
  const rows = c.rows
    .map((r) => {
      const current =
        r.current === null
          ? `<span class="note">${escapeHtml(r.note)}</span>`
          : r.proposal.action === 'insert'
            ? '<span class="note">(new paragraph)</span>'
            : withBreaks(r.current);
      const proposed =
        r.proposal.action === 'retain'
          ? `Retain${r.proposal.text ? `: ${withBreaks(r.proposal.text)}` : ''}`
          : r.proposal.action === 'move'
            ? `${escapeHtml(r.actionLabel)}<br>${withBreaks(r.proposed)}`
            : runsToHtml(r.runs);
      return `<tr>
<th scope="row" class="label">${escapeHtml(r.label)}<br><small>${escapeHtml(r.actionLabel)}</small>${baseNoteHtml(r)}</th>
<td>${current}</td>
<td>${proposed}</td>
<td>${escapeHtml(r.proponent)}</td>
<td>${reasonHtml(r)}</td>
<td>${escapeHtml(statusLabel(r.proposal))}</td>
</tr>`;
    })
    .join('\n');
  const sub = documentLine(c);
  const body = `<h1>${escapeHtml(c.title)}</h1>
${sub ? `<p>${escapeHtml(sub)}</p>\n` : ''}<p>Comparison table: ${c.rows.length} proposal${c.rows.length === 1 ? '' : 's'}. Insertions are marked as inserted text, deletions as deleted text.</p>
<table>
<caption>Proposals on ${escapeHtml(c.title)}</caption>
<thead><tr><th scope="col">Paragraph</th><th scope="col">Current text</th><th scope="col">Proposed text</th><th scope="col">Proponent</th><th scope="col">Rationale</th><th scope="col">Status</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return htmlPage(`Comparison — ${c.title}`, body, options);
};
