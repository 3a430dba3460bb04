/**
 * A revision of the text as .docx: clean (headings, labelled paragraphs, points, real
 * footnotes), or with the changes from another version as Word revisions — what a secretariat
 * circulates as "Rev.1, track changes against the zero draft".
 */

import type { BisDocument, Heading, Paragraph } from '@bis/core';
import { headingLine, paragraphParts, printedMark, referenceMark } from '../export/block-text';
import type { DocumentComparison } from '../export/compare';
import { changeWords } from '../export/compare-render';
import { documentLine } from '../export/words';
import type { DocxOptions } from './comparison';
import {
  delRun,
  diffParagraphs,
  footnoteRef,
  Ids,
  insRun,
  type ParaProps,
  packageDocx,
  para,
  type RevisionMark,
  run,
} from './write';

// The label hangs in a 1 cm margin; points are indented by the same amount again.
const HANG = 567;
const paragraphProps = (i: number): ParaProps =>
  i === 0 ? { hanging: HANG } : { indent: HANG, hanging: HANG };

/** Collects footnotes as paragraphs reference them; ids count from 1. */
export class FootnoteSink {
  /** Footnote texts by id. */
  readonly notes = new Map<number, string>();
  /** Records a footnote and returns its id. */
  add(text: string): number {
    const id = this.notes.size + 1;
    this.notes.set(id, text);
    return id;
  }
}

/**
 * A heading as a Word heading paragraph (`II.⇥Title`, `2.1 Financing`, style Heading 1–3), its
 * status tags after it; a chapeau as a plain paragraph in italics.
 */
export const headingParagraph = (h: Heading): string => {
  if (h.role === 'chapeau') return para(run(headingLine(h), { italic: true }));
  const simple = h.number !== null && !/[\s.]/.test(h.number);
  return para(run(simple ? `${h.number}.\t${headingLine({ ...h, number: null })}` : headingLine(h)), {
    style: `Heading${Math.min(Math.max(h.level, 1), 3)}`,
  });
};

const withNotes = (
  text: string,
  notes: readonly { offset: number; text: string }[],
  sink: FootnoteSink | null,
): string => {
  if (!sink || notes.length === 0) return run(text);
  let out = '';
  let from = 0;
  for (const n of [...notes].sort((a, b) => a.offset - b.offset)) {
    const at = Math.min(Math.max(n.offset, from), text.length);
    out += run(text.slice(from, at)) + footnoteRef(sink.add(n.text));
    from = at;
  }
  return out + run(text.slice(from));
};

/**
 * A paragraph with its printed label hanging before it (none for an unnumbered one; `reference`
 * shows an unnumbered paragraph's reference label `PP3` instead, for views where proposals point
 * at it), then its points, status tags after the last words; footnotes go to `sink`.
 */
export const labelled = (p: Paragraph, sink: FootnoteSink | null, reference = false): string[] => {
  const { text, points } = paragraphParts(p);
  const mark = reference ? referenceMark(p) : printedMark(p);
  const first = mark
    ? para(run(mark, { bold: false }) + run('\t') + withNotes(text, p.footnotes, sink), paragraphProps(0))
    : para(withNotes(text, p.footnotes, sink));
  return [
    first,
    ...points.map(([label, t], k) =>
      para(run(`(${label})\t`) + withNotes(t, p.points[k]?.footnotes ?? [], sink), paragraphProps(1)),
    ),
  ];
};

const front = (doc: BisDocument): string[] => {
  const out = [para(run(doc.title), { style: 'Title' })];
  const sub = documentLine(doc);
  if (sub) out.push(para(run(sub)));
  for (const p of doc.preamble.split(/\n{2,}/)) if (p.trim()) out.push(para(run(p.trim())));
  return out;
};

/** Writes a document (one revision's text) as a clean .docx. */
export const documentToDocx = (doc: BisDocument, options: DocxOptions = {}): Uint8Array => {
  const sink = new FootnoteSink();
  const body = front(doc);
  for (const b of doc.blocks)
    body.push(...(b.kind === 'heading' ? [headingParagraph(b)] : labelled(b, sink)));
  return packageDocx({
    title: doc.title,
    body,
    page: { landscape: false },
    footnotes: sink.notes,
    date: options.now ?? null,
    ...(options.lang ? { lang: options.lang } : {}),
  });
};

/**
 * Writes two versions of a text as one .docx: the newer text with the changes from the older
 * one as tracked changes by `revisionAuthor` (or as formatting), removed paragraphs at their old
 * place, renumbered labels shown as changed, and moves, merges and splits named in a line above
 * the paragraph. Headings are those of the newer text; footnotes are
 * kept on unchanged paragraphs only.
 */
export const documentComparisonToDocx = (c: DocumentComparison, options: DocxOptions = {}): Uint8Array => {
  const changes = options.changes ?? 'tracked';
  const mark: RevisionMark = { author: options.revisionAuthor ?? 'Secretariat', date: options.now ?? null };
  const ids = new Ids();
  const sink = new FootnoteSink();
  const body = front(c.new);
  const from = c.old.revision ?? c.old.title;
  const to = c.new.revision ?? c.new.title;
  body.push(
    para(
      run(
        `Changes from ${from} to ${to}${changes === 'tracked' ? ', shown as tracked changes' : ': additions bold underlined, deletions struck through'}.`,
        { italic: true },
      ),
    ),
  );

  // Headings of the newer text go right before the paragraph that follows them.
  const headingsBefore = new Map<string, Heading[]>();
  let pending: Heading[] = [];
  for (const b of c.new.blocks) {
    if (b.kind === 'heading') pending.push(b);
    else {
      headingsBefore.set(b.id, pending);
      pending = [];
    }
  }
  const ins = (t: string) =>
    changes === 'tracked' ? insRun(t, mark, ids) : run(t, { bold: true, underline: true });
  const del = (t: string) => (changes === 'tracked' ? delRun(t, mark, ids) : run(t, { strike: true }));

  for (const row of c.rows) {
    if (row.new) for (const h of headingsBefore.get(row.new.id) ?? []) body.push(headingParagraph(h));
    if (row.kind === 'unchanged' && row.new && !row.renumbered && row.structure === null) {
      body.push(...labelled(row.new, sink));
      continue;
    }
    // Moves, merges and splits are named in a line of their own before the paragraph.
    if (row.structure) body.push(para(run(changeWords(row), { italic: true })));
    let prefix: string;
    let lastMark: ParaProps['mark'];
    if (row.kind === 'added' && row.new) {
      prefix = ins(`${row.new.label}.\t`);
      lastMark = { op: 'insert', rev: mark };
    } else if (row.kind === 'removed' && row.old) {
      prefix = del(`${row.old.label}.\t`);
      lastMark = { op: 'delete', rev: mark };
    } else {
      const oldLabel = row.olds.map((p) => p.label).join(' + ');
      const newLabel = row.news.map((p) => p.label).join(' + ');
      prefix =
        oldLabel === newLabel
          ? run(`${newLabel}.\t`)
          : `${del(`${oldLabel}.`)}${ins(`${newLabel}.`)}${run('\t')}`;
    }
    body.push(...diffParagraphs(row.runs, changes, mark, ids, paragraphProps, prefix, lastMark));
  }
  body.push(...pending.map(headingParagraph));
  return packageDocx({
    title: c.new.title,
    body,
    page: { landscape: false },
    footnotes: sink.notes,
    date: options.now ?? null,
    ...(options.lang ? { lang: options.lang } : {}),
  });
};
