/**
 * `importDocxText`: a base text from a .docx. The body is turned into the lines Word's own
 * "plain text" export would write — one line per paragraph, automatic numbers printed in front
 * (`12.`, `(b)`, `IV.`), footnote references as `[footnoteRef:N]` with the note as `[N: …]` at
 * the end of the line — and those lines go through `importText`, so that a .docx is read by
 * exactly the same rules (headings, labels, points, footnotes, checks) as a text file.
 */

import { type BisDocument, BisInputError } from '@bis/core';
import { type ImportNote, importTextWithNotes } from '../text-import/index';
import { type DocxParagraph, readDocx } from './read';
import type { DocxLimits } from './zip';

/** Options of `importDocxText`. */
export interface ImportDocxTextOptions {
  /** The document's title; by default the first paragraph in Word's Title style, else as `importText`. */
  readonly title?: string;
  /** The file's name, for messages and the title fallback. */
  readonly fileName?: string;
  /** Makes block ids (see `importText`). */
  readonly newId?: () => string;
  /** Limits on the package (see `DocxLimits`). */
  readonly limits?: DocxLimits;
}

// A footnote's text must not close the `[N: …]` around it early: unbalanced brackets become parentheses.
const balanced = (s: string): string => {
  let depth = 0;
  for (const c of s) {
    if (c === '[') depth++;
    else if (c === ']' && --depth < 0) break;
  }
  return depth === 0 ? s : s.replace(/\[/g, '(').replace(/\]/g, ')');
};

/** One paragraph as a line of Word's plain-text export (tracked changes accepted). */
export const paragraphLine = (p: DocxParagraph, footnotes: ReadonlyMap<string, string>): string => {
  let text = '';
  const notes: string[] = [];
  for (const s of p.segments) {
    if (s.op === 'delete') continue;
    if (s.footnote !== undefined) {
      text += `[footnoteRef:${s.footnote}]`;
      notes.push(`[${s.footnote}: ${balanced(footnotes.get(s.footnote) ?? '')}]`);
    } else text += s.text.replace(/\n/g, ' ');
  }
  const numbered = p.number ? `${p.number}\t${text}` : text;
  return notes.length ? `${numbered} ${notes.join(' ')}` : numbered;
};

/** A document read from a .docx and the import notes, each naming its Word paragraph. */
export interface ImportedDocxText {
  readonly document: BisDocument;
  /** `line` is the Word paragraph's number in the body (1-based). */
  readonly notes: readonly ImportNote[];
}

/** Imports a base text from a .docx; see `importDocxTextWithNotes`. Returns the document alone. */
export const importDocxText = (bytes: Uint8Array, options: ImportDocxTextOptions = {}): BisDocument =>
  importDocxTextWithNotes(bytes, options).document;

/**
 * Imports a base text from a .docx by the same rules as a text file (lettered and unnumbered
 * preambles, chapeaux, status tags, brackets …): headings (typed or Word-numbered), numbered paragraphs
 * whether the numbers are typed or come from automatic list numbering, lettered points,
 * footnotes (`word/footnotes.xml`); bold, italic and other formatting are dropped; tracked
 * changes are read as accepted. Throws `BisInputError` for a hostile or broken file (see
 * `openDocx`) and for everything `importText` refuses, with `file.docx: paragraph N` naming the Nth Word paragraph of the body.
 */
export const importDocxTextWithNotes = (
  bytes: Uint8Array,
  options: ImportDocxTextOptions = {},
): ImportedDocxText => {
  const content = readDocx(bytes, {
    ...(options.fileName ? { fileName: options.fileName } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  let title = options.title;
  const lines: string[] = [];
  for (const block of content.body) {
    const paras = block.kind === 'paragraph' ? [block] : block.rows.flat(2);
    for (const p of paras) {
      // Word's Title style names the document: it is not part of the text.
      if (title === undefined && p.style !== null && /^title$/i.test(p.style)) {
        title = paragraphLine(p, content.footnotes).trim() || undefined;
        lines.push('');
        continue;
      }
      lines.push(paragraphLine(p, content.footnotes));
    }
  }
  // A blank line after every Word paragraph: preamble paragraphs stay apart, and numbered
  // paragraphs run on across blank lines anyway. Word paragraph k is line 2k − 1.
  try {
    const { document, notes } = importTextWithNotes(lines.join('\n\n'), {
      format: 'text',
      ...(options.fileName ? { fileName: options.fileName } : {}),
      ...(options.newId ? { newId: options.newId } : {}),
      ...(title ? { title } : {}),
      // The package limits already bound the size.
      maxBytes: Number.MAX_SAFE_INTEGER,
    });
    return { document, notes: notes.map((n) => ({ ...n, line: Math.ceil(n.line / 2) })) };
  } catch (e) {
    if (!(e instanceof BisInputError)) throw e;
    const m = /^(.*):(\d+)$/.exec(e.path);
    if (!m) throw e;
    const message = e.message.slice(e.path.length + 2);
    throw new BisInputError(message, `${m[1]}: paragraph ${Math.ceil(Number(m[2]) / 2)}`, e.value);
  }
};
