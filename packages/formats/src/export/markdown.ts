import type { DiffRun } from '@bis/diff';
import type { Comparison } from './comparison';
import { documentLine, statusLabel } from './words';

// A table cell holds one line: pipes are escaped, line breaks become <br>.
const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

// Emphasis markers must hug the words: spaces at a run's edges stay outside them.
const wrap = (text: string, mark: string): string => {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  if (!m || m[2] === '') return text;
  return `${m[1]}${mark}${m[2]}${mark}${m[3]}`;
};

/**
 * Diff runs as Markdown in the UN's print convention: additions in bold, deletions struck
 * through (`**new words**`, `~~old words~~`).
 */
export const runsToMarkdown = (runs: readonly DiffRun[]): string =>
  runs.map((r) => (r.op === 'equal' ? r.text : wrap(r.text, r.op === 'insert' ? '**' : '~~'))).join('');

/** The comparison table as GitHub-flavoured Markdown. */
export const comparisonToMarkdown = (c: Comparison): string => {
  const sub = documentLine(c);
  const lines = [
    `# ${c.title}`,
    '',
    ...(sub ? [sub, ''] : []),
    `Comparison table: ${c.rows.length} proposal${c.rows.length === 1 ? '' : 's'}. Additions in **bold**, deletions ~~struck through~~.`,
    '',
    '| Paragraph | Current text | Proposed text | Proponent | Rationale | Status |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of c.rows) {
    const current =
      r.current === null ? `_${r.note}_` : r.proposal.action === 'insert' ? '_(new paragraph)_' : r.current;
    const proposed =
      r.proposal.action === 'retain'
        ? `Retain${r.proposal.text ? `: ${r.proposal.text}` : ''}`
        : r.proposal.action === 'move'
          ? `${r.actionLabel}: ${r.proposed}`
          : runsToMarkdown(r.runs);
    lines.push(
      `| ${cell(`${r.label} (${r.actionLabel})`)} | ${cell(current)} | ${cell(proposed)} | ${cell(r.proponent)} | ${cell(r.proposal.rationale)} | ${cell(statusLabel(r.proposal))} |`,
    );
  }
  return `${lines.join('\n')}\n`;
};
