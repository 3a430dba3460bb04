import type { AlignedParagraph, DocumentComparison } from './compare';
import { runsToPlain, toCsv } from './csv';
import { escapeHtml, type HtmlOptions, htmlPage, runsToHtml } from './html';
import { escapeMarkdownHtml, runsToMarkdown } from './markdown';

const side = (d: { title: string; revision: string | null }): string => d.revision ?? d.title;

/** The old labels of a row (`12 + 13` for a merge), or `—`. */
export const oldLabels = (r: AlignedParagraph): string =>
  r.olds.length ? r.olds.map((p) => p.label).join(' + ') : '—';

/** The new labels of a row (`7 + 7 bis` for a split), or `—`. */
export const newLabels = (r: AlignedParagraph): string =>
  r.news.length ? r.news.map((p) => p.label).join(' + ') : '—';

/**
 * What happened to a row, in words: `changed`, `added`, `unchanged, renumbered 46 → 45`,
 * `moved from 12 (now 30)`, `merged 12 + 13 into 12`, `split 7 into 7 + 7 bis`.
 */
export const changeWords = (r: AlignedParagraph): string => {
  const parts: string[] = [r.kind];
  if (r.structure === 'moved')
    parts.push(`moved from ${oldLabels(r)}${r.renumbered ? ` (now ${newLabels(r)})` : ''}`);
  else if (r.structure === 'merged') parts.push(`merged ${oldLabels(r)} into ${newLabels(r)}`);
  else if (r.structure === 'split') parts.push(`split ${oldLabels(r)} into ${newLabels(r)}`);
  else if (r.renumbered) parts.push(`renumbered ${oldLabels(r)} → ${newLabels(r)}`);
  return parts.join(', ');
};

const summary = (c: DocumentComparison): string => {
  const count = (k: AlignedParagraph['kind']): number => c.rows.filter((r) => r.kind === k).length;
  const shape = (k: AlignedParagraph['structure']): number => c.rows.filter((r) => r.structure === k).length;
  const renumbered = c.rows.filter((r) => r.renumbered).length;
  return `${count('changed')} changed, ${count('added')} added, ${count('removed')} removed, ${shape('moved')} moved, ${shape('merged')} merged, ${shape('split')} split, ${renumbered} renumbered, ${count('unchanged')} unchanged (aligned by ${c.alignedBy === 'id' ? 'paragraph identity' : 'content'}).`;
};

/** A comparison of two versions as a standalone HTML page. */
export const documentComparisonToHtml = (c: DocumentComparison, options: HtmlOptions = {}): string => {
  const rows = c.rows
    .map(
      (
        r,
      ) => `<tr class="${r.kind}${r.structure ? ` ${r.structure}` : ''}${r.renumbered ? ' renumbered' : ''}">
<th scope="row" class="label">${escapeHtml(oldLabels(r))}</th>
<th scope="row" class="label">${escapeHtml(newLabels(r))}</th>
<td>${runsToHtml(r.runs)}</td>
<td>${escapeHtml(changeWords(r))}</td>
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
        `| ${cell(escapeMarkdownHtml(oldLabels(r)))} | ${cell(escapeMarkdownHtml(newLabels(r)))} | ${cell(runsToMarkdown(r.runs))} | ${cell(escapeMarkdownHtml(changeWords(r)))} |`,
    ),
    '',
  ].join('\n');

/** A comparison of two versions as CSV. */
export const documentComparisonToCsv = (c: DocumentComparison): string =>
  toCsv([
    ['old label', 'new label', 'change', 'structure', 'renumbered', 'old text', 'new text', 'changes'],
    ...c.rows.map((r) => [
      r.olds.map((p) => p.label).join(' + '),
      r.news.map((p) => p.label).join(' + '),
      r.kind,
      r.structure ?? '',
      r.renumbered ? 'yes' : '',
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

/** A comparison of two versions as `bis.version-comparison/2` JSON. */
export const documentComparisonToJson = (c: DocumentComparison): string =>
  `${JSON.stringify(
    {
      format: 'bis.version-comparison/2',
      old: { title: c.old.title, symbol: c.old.symbol, revision: c.old.revision },
      new: { title: c.new.title, symbol: c.new.symbol, revision: c.new.revision },
      alignedBy: c.alignedBy,
      rows: c.rows.map((r) => ({
        change: r.kind,
        old: r.old ? { id: r.old.id, label: r.old.label } : null,
        new: r.new ? { id: r.new.id, label: r.new.label } : null,
        structure: r.structure,
        renumbered: r.renumbered,
        olds: r.olds.map((p) => ({ id: p.id, label: p.label })),
        news: r.news.map((p) => ({ id: p.id, label: p.label })),
        runs: r.runs,
      })),
    },
    null,
    2,
  )}\n`;
