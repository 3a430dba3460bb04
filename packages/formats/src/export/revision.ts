import type { BisDocument, Footnote, Paragraph } from '@bis/core';
import { toCsv } from './csv';
import { escapeHtml, type HtmlOptions, htmlPage } from './html';
import { escapeMarkdownHtml as md } from './markdown';
import { documentLine } from './words';

const headingText = (h: { number: string | null; title: string }): string =>
  h.number ? `${h.number}. ${h.title}` : h.title;

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
      out.push(`${'#'.repeat(Math.min(b.level + 1, 6))} ${md(headingText(b))}`, '');
      continue;
    }
    out.push(`**${md(b.label)}.** ${md(b.text)}`, '');
    for (const pt of b.points) out.push(`  (${md(pt.label)}) ${md(pt.text)}`, '');
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
  const points = p.points.length
    ? `<ol class="points">${p.points.map((pt) => `<li value="${escapeHtml(pt.label)}"><span class="label">(${escapeHtml(pt.label)})</span> ${escapeHtml(pt.text)}</li>`).join('')}</ol>`
    : '';
  const notes = [...p.footnotes, ...p.points.flatMap((pt) => pt.footnotes)];
  const foot = notes.length ? `<p class="note"><small>${escapeHtml(footnoteList(notes))}</small></p>` : '';
  return `<section class="paragraph" id="para-${escapeHtml(p.id)}"><p><span class="label">${escapeHtml(p.label)}.</span> ${escapeHtml(p.text)}</p>${points}${foot}</section>`;
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
      parts.push(`<h${level}>${escapeHtml(headingText(b))}</h${level}>`);
    } else parts.push(paragraphHtml(b));
  }
  return htmlPage(doc.title, `<main>\n${parts.join('\n')}\n</main>`, options);
};

/** A document as CSV: one row per heading, paragraph and point. */
export const documentToCsv = (doc: BisDocument): string => {
  const rows: string[][] = [['kind', 'id', 'label', 'text', 'footnotes']];
  for (const b of doc.blocks) {
    if (b.kind === 'heading') rows.push(['heading', b.id, b.number ?? '', b.title, '']);
    else {
      rows.push(['paragraph', b.id, b.label, b.text, footnoteList(b.footnotes)]);
      for (const pt of b.points)
        rows.push(['point', b.id, `${b.label} (${pt.label})`, pt.text, footnoteList(pt.footnotes)]);
    }
  }
  return toCsv(rows);
};
