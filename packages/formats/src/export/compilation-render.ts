import { headingLine, paragraphParts, referenceMark } from './block-text';
import type { ComparisonRow } from './comparison';
import type { CompilationSection, CompilationView } from './compilation';
import { runsToPlain, toCsv } from './csv';
import { escapeHtml, type HtmlOptions, htmlPage, runsToHtml } from './html';
import { escapeMarkdownHtml as md, reasonMarkdown, runsToMarkdown } from './markdown';
import { linkLine, linksText } from './reasons';
import { documentLine, statusLabel } from './words';

const headingText = headingLine;

const who = (view: CompilationView, r: ComparisonRow): string => (view.attribution ? r.proponent : '');

const proposalHtml = (view: CompilationView, r: ComparisonRow): string => {
  const by = view.attribution ? ` — <span class="party">${escapeHtml(r.proponent)}</span>` : '';
  const text =
    r.proposal.action === 'retain'
      ? `Retain${r.proposal.text ? `: ${escapeHtml(r.proposal.text)}` : ''}`
      : runsToHtml(r.runs);
  const rationale = r.reason ? `<p class="note">${escapeHtml(r.reason)}</p>` : '';
  const links = r.links.length
    ? `<p class="note">${r.links.map((l) => escapeHtml(linkLine(l))).join('<br>')}</p>`
    : '';
  const base = r.baseNote && r.current !== null ? `<p class="note">${escapeHtml(r.baseNote)}</p>` : '';
  return `<li><p><strong>${escapeHtml(r.actionLabel)}</strong>${by} <small>(${escapeHtml(statusLabel(r.proposal))})</small></p><p>${text}</p>${rationale}${links}${base}</li>`;
};

const sectionHtml = (view: CompilationView, s: CompilationSection): string => {
  if (s.kind === 'heading') {
    const level = Math.min(s.heading.level + 1, 6);
    return `<h${level}>${escapeHtml(headingText(s.heading))}</h${level}>`;
  }
  const list = s.proposals.length
    ? `<ol class="proposals">${s.proposals.map((r) => proposalHtml(view, r)).join('')}</ol>`
    : '';
  if (s.kind === 'insertion') {
    return `<section class="insertion"><p><span class="label">${escapeHtml(s.label)}</span> <em>(proposed new paragraph)</em></p>${list}</section>`;
  }
  const p = s.paragraph;
  const parts = paragraphParts(p);
  const points = parts.points.length
    ? `<ol class="points">${parts.points.map(([label, t]) => `<li><span class="label">(${escapeHtml(label)})</span> ${escapeHtml(t)}</li>`).join('')}</ol>`
    : '';
  return `<section class="paragraph"><p><span class="label">${escapeHtml(referenceMark(p))}</span> ${escapeHtml(parts.text)}</p>${points}${list}</section>`;
};

/** The compilation as a standalone HTML page. */
export const compilationToHtml = (view: CompilationView, options: HtmlOptions = {}): string => {
  const sub = documentLine(view);
  const unplaced = view.unplaced.length
    ? `<h2>Proposals not placed in this text</h2><ol class="proposals">${view.unplaced
        .map(
          (u) =>
            `${proposalHtml(view, u.row).replace('</li>', '')}<p class="note">${escapeHtml(u.row.label)}: ${escapeHtml(u.reason)}</p></li>`,
        )
        .join('')}</ol>`
    : '';
  const body = `<h1>${escapeHtml(view.title)}</h1>
${sub ? `<p>${escapeHtml(sub)}</p>\n` : ''}<p>Compilation of ${view.count} proposal${view.count === 1 ? '' : 's'}.</p>
<main>
${view.sections.map((s) => sectionHtml(view, s)).join('\n')}
${unplaced}
</main>`;
  return htmlPage(`Compilation — ${view.title}`, body, options);
};

const proposalMarkdown = (view: CompilationView, r: ComparisonRow): string[] => {
  const by = view.attribution ? ` — ${md(r.proponent)}` : '';
  const text =
    r.proposal.action === 'retain'
      ? `Retain${r.proposal.text ? `: ${md(r.proposal.text)}` : ''}`
      : runsToMarkdown(r.runs);
  const reason = reasonMarkdown(r);
  return [
    `- **${md(r.actionLabel)}**${by} (${statusLabel(r.proposal)})`,
    `  ${text.replace(/\n/g, '\n  ')}`,
    ...(reason ? [`  _${reason.replace(/\n/g, '; ')}_`] : []),
    ...(r.baseNote && r.current !== null ? [`  (${md(r.baseNote)})`] : []),
  ];
};

/** The compilation as Markdown. */
export const compilationToMarkdown = (view: CompilationView): string => {
  const out = [`# ${md(view.title)}`, ''];
  const sub = documentLine(view);
  if (sub) out.push(md(sub), '');
  out.push(
    `Compilation of ${view.count} proposal${view.count === 1 ? '' : 's'}. Additions in **bold**, deletions ~~struck through~~.`,
    '',
  );
  for (const s of view.sections) {
    if (s.kind === 'heading') {
      out.push(`${'#'.repeat(Math.min(s.heading.level + 1, 6))} ${md(headingText(s.heading))}`, '');
      continue;
    }
    if (s.kind === 'insertion') out.push(`**${md(s.label)}** _(proposed new paragraph)_`, '');
    else {
      const { text, points } = paragraphParts(s.paragraph);
      out.push(`**${md(referenceMark(s.paragraph))}** ${md(text)}`, '');
      for (const [label, t] of points) out.push(`  (${md(label)}) ${md(t)}`, '');
    }
    for (const r of s.proposals) out.push(...proposalMarkdown(view, r));
    if (s.proposals.length) out.push('');
  }
  if (view.unplaced.length) {
    out.push('## Proposals not placed in this text', '');
    for (const u of view.unplaced)
      out.push(...proposalMarkdown(view, u.row), `  (${md(u.row.label)}: ${md(u.reason)})`);
    out.push('');
  }
  return out.join('\n');
};

/** The compilation as CSV: one row per paragraph and one per proposal under it. */
export const compilationToCsv = (view: CompilationView): string => {
  const rows: string[][] = [
    ['paragraph', 'kind', 'text', 'proponent', 'rationale', 'status', 'id', 'links', 'base'],
  ];
  const proposalRow = (label: string, r: ComparisonRow): string[] => [
    label,
    r.actionLabel,
    runsToPlain(r.runs),
    who(view, r),
    r.reason,
    statusLabel(r.proposal),
    r.proposal.id,
    linksText(r.links),
    r.baseNote,
  ];
  for (const s of view.sections) {
    if (s.kind === 'heading')
      rows.push([s.heading.number ?? '', 'heading', s.heading.title, '', '', '', s.heading.id]);
    else if (s.kind === 'insertion') for (const r of s.proposals) rows.push(proposalRow(s.label, r));
    else {
      rows.push([s.paragraph.label, 'text', s.paragraph.text, '', '', '', s.paragraph.id]);
      for (const r of s.proposals) rows.push(proposalRow(s.paragraph.label, r));
    }
  }
  for (const u of view.unplaced) rows.push(proposalRow(u.row.label, u.row));
  return toCsv(rows);
};

/** The compilation as `bis.compilation/1` JSON. */
export const compilationToJson = (view: CompilationView): string => {
  const proposal = (r: ComparisonRow) => ({
    id: r.proposal.id,
    label: r.label,
    action: r.proposal.action,
    ...(view.attribution ? { party: r.proposal.party, coSponsors: r.proposal.coSponsors } : {}),
    current: r.current,
    proposed: r.proposed,
    runs: r.runs,
    rationale: r.proposal.rationale,
    summary: r.proposal.summary,
    reason: r.reason,
    links: r.links,
    baseNote: r.baseNote,
    status: r.proposal.status,
    decision: r.proposal.decision,
  });
  return `${JSON.stringify(
    {
      format: 'bis.compilation/1',
      title: view.title,
      symbol: view.symbol,
      revision: view.revision,
      sections: view.sections.map((s) =>
        s.kind === 'heading'
          ? { kind: 'heading', id: s.heading.id, number: s.heading.number, title: s.heading.title }
          : s.kind === 'insertion'
            ? { kind: 'insertion', label: s.label, anchor: s.anchor.id, proposals: s.proposals.map(proposal) }
            : {
                kind: 'paragraph',
                id: s.paragraph.id,
                label: s.paragraph.label,
                text: s.paragraph.text,
                proposals: s.proposals.map(proposal),
              },
      ),
      unplaced: view.unplaced.map((u) => ({ ...proposal(u.row), reason: u.reason })),
      reanchored: view.reanchored,
    },
    null,
    2,
  )}\n`;
};
