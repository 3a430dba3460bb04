import type { DiffRun } from '@bis/diff';
import type { Comparison, ComparisonRow } from './comparison';
import { linkLine } from './reasons';
import { documentLine, statusLabel } from './words';

/**
 * Text made inert for Markdown: Markdown passes HTML through, so `<`, `>` and `&` become
 * entities (a `<script>` in a proposal reads as text, never as markup).
 */
export const escapeMarkdownHtml = (s: string): string =>
  s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

// A table cell holds one line: pipes are escaped, line breaks become <br>. Its text is escaped
// (`escapeMarkdownHtml`) before it gets here; the `<br>` are the only markup a cell adds.
const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

// Emphasis markers must hug the words: spaces at a run's edges stay outside them.
const wrap = (text: string, mark: string): string => {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  if (!m || m[2] === '') return text;
  return `${m[1]}${mark}${m[2]}${mark}${m[3]}`;
};

/**
 * Diff runs as Markdown in the UN's print convention: additions in bold, deletions struck
 * through (`**new words**`, `~~old words~~`); HTML in the text is escaped.
 */
export const runsToMarkdown = (runs: readonly DiffRun[]): string =>
  runs
    .map((r) => {
      const text = escapeMarkdownHtml(r.text);
      return r.op === 'equal' ? text : wrap(text, r.op === 'insert' ? '**' : '~~');
    })
    .join('');

/** A row's reason and links as Markdown (escaped, one per line). */
export const reasonMarkdown = (r: ComparisonRow): string =>
  [r.reason, ...r.links.map(linkLine)]
    .filter((x) => x.trim() !== '')
    .map(escapeMarkdownHtml)
    .join('\n');

/** The comparison table as GitHub-flavoured Markdown. */
export const comparisonToMarkdown = (c: Comparison): string => {
  const sub = documentLine(c);
  const lines = [
    `# ${escapeMarkdownHtml(c.title)}`,
    '',
    ...(sub ? [escapeMarkdownHtml(sub), ''] : []),
    `Comparison table: ${c.rows.length} proposal${c.rows.length === 1 ? '' : 's'}. Additions in **bold**, deletions ~~struck through~~.`,
    '',
    '| Paragraph | Current text | Proposed text | Proponent | Rationale | Status |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of c.rows) {
    const md = escapeMarkdownHtml;
    const current =
      r.current === null
        ? `_${md(r.note)}_`
        : r.proposal.action === 'insert'
          ? '_(new paragraph)_'
          : md(r.current);
    const proposed =
      r.proposal.action === 'retain'
        ? `Retain${r.proposal.text ? `: ${md(r.proposal.text)}` : ''}`
        : r.proposal.action === 'move'
          ? `${md(r.actionLabel)}: ${md(r.proposed)}`
          : runsToMarkdown(r.runs);
    lines.push(
      `| ${cell(md(`${r.label} (${r.actionLabel})`) + (r.baseNote ? `<br>_${md(r.baseNote)}_` : ''))} | ${cell(current)} | ${cell(proposed)} | ${cell(md(r.proponent))} | ${cell(reasonMarkdown(r))} | ${cell(statusLabel(r.proposal))} |`,
    );
  }
  return `${lines.join('\n')}\n`;
};
