import type { BisDocument, Footnote, Paragraph } from '@bis/core';
import { headingLine, paragraphParts, printedMark } from './block-text';
import { toCsv } from './csv';
import { escapeHtml, type HtmlOptions, htmlPage } from './html';
import { escapeMarkdownHtml as md } from './markdown';
import { documentLine } from './words';

const footnoteList = (notes: readonly Footnote[]): string =>
  notes.map((n) => `[${n.mark}] ${n.text}`.trim()).join(' ');

/** A document's text as Markdown: headings, labelled paragraphs, points and footnotes. */
export const documentToMarkdown = (doc: BisDocument): string => {
  const out: string[] = [`# ${md(doc.title)}`, ''];
  const sub = documentLine(doc);
  if (sub) out.push(md(sub), '');
  if (doc.preamble) out.push(md(doc.preamble), '');
  const notes: Footnote[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'heading') {
      // A chapeau is a line of the text, not a section title.
      if (b.role === 'chapeau') out.push(`_${md(headingLine(b))}_`, '');
      else out.push(`${'#'.repeat(Math.min(b.level + 1, 6))} ${md(headingLine(b))}`, '');
      continue;
    }
    const { text, points } = paragraphParts(b);
    const mark = printedMark(b);
    out.push(mark ? `**${md(mark)}** ${md(text)}` : md(text), '');
    for (const [label, t] of points) out.push(`  (${md(label)}) ${md(t)}`, '');
    notes.push(...b.footnotes, ...b.points.flatMap((pt) => pt.footnotes));
  }
  if (notes.length > 0) {
    out.push('---', '');
    for (const n of notes) out.push(`[^${md(n.mark)}]: ${md(n.text)}`);
    out.push('');
  }
  return out.join('\n');
};

const paragraphHtml = (p: Paragraph): string => {
  const parts = paragraphParts(p);
  const points = parts.points.length
    ? `<ol class="points">${parts.points.map(([label, t]) => `<li value="${escapeHtml(label)}"><span class="label">(${escapeHtml(label)})</span> ${escapeHtml(t)}</li>`).join('')}</ol>`
    : '';
  const notes = [...p.footnotes, ...p.points.flatMap((pt) => pt.footnotes)];
  const foot = notes.length ? `<p class="note"><small>${escapeHtml(footnoteList(notes))}</small></p>` : '';
  const mark = printedMark(p);
  const label = mark ? `<span class="label">${escapeHtml(mark)}</span> ` : '';
  return `<section class="paragraph" id="para-${escapeHtml(p.id)}" data-label="${escapeHtml(p.label)}"><p>${label}${escapeHtml(parts.text)}</p>${points}${foot}</section>`;
};

/** A document's text as a standalone HTML page. */
export const documentToHtml = (doc: BisDocument, options: HtmlOptions = {}): string => {
  const sub = documentLine(doc);
  const parts = [`<h1>${escapeHtml(doc.title)}</h1>`];
  if (sub) parts.push(`<p>${escapeHtml(sub)}</p>`);
  if (doc.preamble) parts.push(`<p>${escapeHtml(doc.preamble)}</p>`);
  for (const b of doc.blocks) {
    if (b.kind === 'heading') {
      const level = Math.min(b.level + 1, 6);
      if (b.role === 'chapeau') parts.push(`<p class="chapeau"><em>${escapeHtml(headingLine(b))}</em></p>`);
      else parts.push(`<h${level}>${escapeHtml(headingLine(b))}</h${level}>`);
    } else parts.push(paragraphHtml(b));
  }
  return htmlPage(doc.title, `<main>\n${parts.join('\n')}\n</main>`, options);
};

/** A document as CSV: one row per heading, paragraph and point. */
export const documentToCsv = (doc: BisDocument): string => {
  const rows: string[][] = [['kind', 'id', 'label', 'text', 'footnotes']];
  for (const b of doc.blocks) {
    if (b.kind === 'heading')
      rows.push([b.role ?? 'heading', b.id, b.number ?? '', headingLine({ ...b, number: null }), '']);
    else {
      const { text, points } = paragraphParts(b);
      rows.push(['paragraph', b.id, b.label, text, footnoteList(b.footnotes)]);
      points.forEach(([label, t], k) => {
        rows.push(['point', b.id, `${b.label} (${label})`, t, footnoteList(b.points[k]?.footnotes ?? [])]);
      });
    }
  }
  return toCsv(rows);
};
