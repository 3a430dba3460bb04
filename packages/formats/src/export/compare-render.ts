import type { AlignedParagraph, DocumentComparison } from './compare';
import { runsToPlain, toCsv } from './csv';
import { escapeHtml, type HtmlOptions, htmlPage, runsToHtml } from './html';
import { escapeMarkdownHtml, runsToMarkdown } from './markdown';

const side = (d: { title: string; revision: string | null }): string => d.revision ?? d.title;

const KIND_WORDS: Record<AlignedParagraph['kind'], string> = {
  unchanged: 'unchanged',
  changed: 'changed',
  added: 'added',
  removed: 'removed',
};

const summary = (c: DocumentComparison): string => {
  const count = (k: AlignedParagraph['kind']): number => c.rows.filter((r) => r.kind === k).length;
  return `${count('changed')} changed, ${count('added')} added, ${count('removed')} removed, ${count('unchanged')} unchanged (aligned by ${c.alignedBy === 'id' ? 'paragraph identity' : 'text'}).`;
};

/** A comparison of two versions as a standalone HTML page. */
export const documentComparisonToHtml = (c: DocumentComparison, options: HtmlOptions = {}): string => {
  const rows = c.rows
    .map(
      (r) => `<tr class="${r.kind}">
<th scope="row" class="label">${escapeHtml(r.old?.label ?? '—')}</th>
<th scope="row" class="label">${escapeHtml(r.new?.label ?? '—')}</th>
<td>${runsToHtml(r.runs)}</td>
<td>${KIND_WORDS[r.kind]}</td>
</tr>`,
    )
    .join('\n');
  const body = `<h1>${escapeHtml(c.new.title)}</h1>
<p>Comparison of ${escapeHtml(side(c.old))} and ${escapeHtml(side(c.new))}: ${escapeHtml(summary(c))}</p>
<table>
<caption>Changes from ${escapeHtml(side(c.old))} to ${escapeHtml(side(c.new))}</caption>
<thead><tr><th scope="col">${escapeHtml(side(c.old))}</th><th scope="col">${escapeHtml(side(c.new))}</th><th scope="col">Text with changes</th><th scope="col">Change</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return htmlPage(`Comparison — ${c.new.title}`, body, options);
};

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

/** A comparison of two versions as Markdown (additions bold, deletions struck through). */
export const documentComparisonToMarkdown = (c: DocumentComparison): string =>
  [
    `# ${escapeMarkdownHtml(c.new.title)}`,
    '',
    escapeMarkdownHtml(`Comparison of ${side(c.old)} and ${side(c.new)}: ${summary(c)}`),
    '',
    `| ${cell(escapeMarkdownHtml(side(c.old)))} | ${cell(escapeMarkdownHtml(side(c.new)))} | Text with changes | Change |`,
    '| --- | --- | --- | --- |',
    ...c.rows.map(
      (r) =>
        `| ${cell(escapeMarkdownHtml(r.old?.label ?? '—'))} | ${cell(escapeMarkdownHtml(r.new?.label ?? '—'))} | ${cell(runsToMarkdown(r.runs))} | ${r.kind} |`,
    ),
    '',
  ].join('\n');

/** A comparison of two versions as CSV. */
export const documentComparisonToCsv = (c: DocumentComparison): string =>
  toCsv([
    ['old label', 'new label', 'change', 'old text', 'new text', 'changes'],
    ...c.rows.map((r) => [
      r.old?.label ?? '',
      r.new?.label ?? '',
      r.kind,
      r.runs
        .filter((x) => x.op !== 'insert')
        .map((x) => x.text)
        .join(''),
      r.runs
        .filter((x) => x.op !== 'delete')
        .map((x) => x.text)
        .join(''),
      runsToPlain(r.runs),
    ]),
  ]);

/** A comparison of two versions as `bis.version-comparison/1` JSON. */
export const documentComparisonToJson = (c: DocumentComparison): string =>
  `${JSON.stringify(
    {
      format: 'bis.version-comparison/1',
      old: { title: c.old.title, symbol: c.old.symbol, revision: c.old.revision },
      new: { title: c.new.title, symbol: c.new.symbol, revision: c.new.revision },
      alignedBy: c.alignedBy,
      rows: c.rows.map((r) => ({
        change: r.kind,
        old: r.old ? { id: r.old.id, label: r.old.label } : null,
        new: r.new ? { id: r.new.id, label: r.new.label } : null,
        runs: r.runs,
      })),
    },
    null,
    2,
  )}\n`;
