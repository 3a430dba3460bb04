/**
 * `importText`: a base text (plain text or Markdown) → a `BisDocument`; `importTextWithNotes`
 * also returns the import notes (see `notes.ts`).
 */

import {
  type BisDocument,
  BisInputError,
  type Block,
  evenKeys,
  type Footnote,
  headingId,
  isStatusTag,
  type Point,
  paragraphId,
  takeTags,
} from '@bis/core';
import { assemble, type DraftParagraph } from './assemble';
import { classifyPlain, isHeadingLike, type LineKind } from './blocks';
import { bracketNotes } from './bracket-notes';
import {
  type FootnoteDefinitions,
  joinOpenDefinitions,
  referencedMarks,
  resolveFootnotes,
  takePlainFootnotes,
  withoutMarkers,
} from './footnotes';
import { dropFurniture } from './furniture';
import { at, DEFAULT_MAX_IMPORT_BYTES, readSourceLines } from './lines';
import { classifyMarkdown } from './markdown';
import type { ImportNote } from './notes';

/** Options of `importText`. */
export interface ImportTextOptions {
  /** The document's title; by default the text's own title line, else the file name. */
  readonly title?: string;
  /** The file's name, for error messages, the title fallback and the format guess. */
  readonly fileName?: string;
  /** `markdown` or `text`; by default guessed from `fileName` (`.md`, `.markdown`), else `text`. */
  readonly format?: 'text' | 'markdown';
  /** Makes block ids; by default `h1, h2 …` for headings and `p1, p2 …` for paragraphs. */
  readonly newId?: () => string;
  /** The largest text accepted, in UTF-8 bytes (default 5 MB). */
  readonly maxBytes?: number;
}

// Preamble lines that name a part of the report rather than the report itself.
const GENERIC_TITLES = /^(summary|abstract|contents|table of contents|introduction|preamble|note|annex)$/i;
// A UN document symbol standing alone on a line: A/HRC/53/42, E/CN.6/2024/L.3.
const SYMBOL = /^[A-Z]{1,6}(?:\/[A-Z0-9.]+){2,}$/;
// A resolution's number and title: `70/125. Outcome document of the high-level meeting …`.
const RESOLUTION_TITLE = /^\d{1,3}\/\d{1,4}\.\s+\p{Lu}/u;

/** A document and the notes its import gave. */
export interface ImportedText {
  readonly document: BisDocument;
  /** In line order. */
  readonly notes: readonly ImportNote[];
}

/**
 * Imports a base text; see `importTextWithNotes` for what it reads. Returns the document alone.
 */
export const importText = (source: string, options: ImportTextOptions = {}): BisDocument =>
  importTextWithNotes(source, options).document;

/**
 * Imports a base text and says what it had to decide. Reads headings in all the usual styles
 * (`I.`, `A.`, numbered `1.` between paragraphs, decimal `2.1`, `Chapter C`, `Preamble`, capitals,
 * Markdown `#`), chapeaux (`The General Assembly,`, `Adopts the following …:`), paragraphs
 * numbered (`1.`, `1)`, `1.Recalling`, `PP3`, `OP 3.`, `77 bis`, `77 bis A`, `5 alt`), lettered
 * (`A. We, the Ministers …`) or unnumbered (after a chapeau), points (`(a)`, `a)`, `(i)`),
 * footnotes (Word's `[footnoteRef:N]` … `[N: text]`, Markdown `[^N]`) and status tags (`[agreed]`,
 * taken out of the text into `tags`). Brackets, options and placeholders stay in the text as
 * written. Drops word-processor debris (`[bookmark: …]`) and page furniture (page numbers, the
 * running symbol, job numbers), with a note for each. Text before the first block becomes the
 * preamble. Pure: no IO, no randomness (ids come from `newId` or a counter).
 *
 * Throws `BisInputError` (with `file:line`) for an empty, binary or oversized text, a text with no
 * paragraph, a paragraph label or point used twice, and unnumbered text after a heading that no
 * chapeau introduces. Unbalanced brackets, gaps in the numbering and the like are notes, never
 * refusals.
 */
export const importTextWithNotes = (source: string, options: ImportTextOptions = {}): ImportedText => {
  const { fileName } = options;
  const format = options.format ?? (fileName && /\.(md|markdown)$/i.test(fileName) ? 'markdown' : 'text');
  const read = readSourceLines(source, fileName, options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES);
  const defs: FootnoteDefinitions = new Map();
  const notes: ImportNote[] = [];

  let classified: LineKind[];
  if (format === 'markdown') {
    classified = classifyMarkdown(read, defs, fileName);
  } else {
    const { lines, notes: dropped } = dropFurniture(read);
    notes.push(...dropped);
    classified = joinOpenDefinitions(lines, fileName).map(({ line, text }) =>
      classifyPlain(takePlainFootnotes(text, line, defs, fileName), line),
    );
  }

  const { blocks: drafts, preamble: prose, markdownTitle } = assemble(classified, format, fileName, notes);
  if (!drafts.some((b) => b.kind === 'paragraph')) {
    throw new BisInputError(
      'no numbered paragraphs found (expected lines starting like `1.`, `PP3`, `77 bis` or `A. We …`, ' +
        'or unnumbered paragraphs after a chapeau such as `The General Assembly,`)',
      at(fileName, 1),
    );
  }

  const referenced = referencedMarks(
    drafts.flatMap((b) =>
      b.kind === 'paragraph' ? [b.raw.toString(), ...b.points.map((p) => p.raw.toString())] : [],
    ),
  );
  let paragraphs = 0;
  let headings = 0;
  const keys = evenKeys(drafts.filter((b) => b.kind === 'paragraph').length);
  const blocks: Block[] = drafts.map((d): Block => {
    if (d.kind === 'heading') {
      headings++;
      const id = headingId(options.newId ? options.newId() : `h${headings}`);
      const { text: title, tags } = takeTags(withoutMarkers(d.title));
      return {
        kind: 'heading',
        id,
        level: d.level ?? 1,
        number: d.number,
        title: title.trim(),
        ...(d.role ? { role: d.role } : {}),
        ...(tags.length > 0 ? { tags } : {}),
      };
    }
    const order = keys[paragraphs] as (typeof keys)[number];
    paragraphs++;
    const id = paragraphId(options.newId ? options.newId() : `p${paragraphs}`);
    const { tags, ...resolved } = resolveParagraph(d, defs, referenced);
    return {
      kind: 'paragraph',
      id,
      order,
      label: d.label,
      ...resolved,
      ...(d.labelStyle ? { labelStyle: d.labelStyle } : {}),
      ...(tags.length > 0 ? { tags } : {}),
    };
  });
  const lines = drafts.map((d) => d.line);
  notes.push(...bracketNotes(blocks, lines), ...tagsLeftInText(blocks, lines));

  let preambleParts = prose.map((p) => withoutMarkers(p.raw.toString())).filter((p) => p !== '');
  let symbol: string | null = null;
  const symbolAt = preambleParts.findIndex((p) => SYMBOL.test(p));
  if (symbolAt >= 0) {
    symbol = preambleParts[symbolAt] as string;
    preambleParts = preambleParts.filter((_, i) => i !== symbolAt);
  }
  let title = options.title ?? markdownTitle;
  // A resolution's own title line (`78/132. …`) wins over the header lines above it.
  const resolution = preambleParts.findIndex((p) => RESOLUTION_TITLE.test(p));
  const titleAt = Math.max(resolution, 0);
  const first = preambleParts[titleAt];
  const titleLike = (s: string) => (isHeadingLike(s) && !GENERIC_TITLES.test(s)) || RESOLUTION_TITLE.test(s);
  if (title == null && first !== undefined && titleLike(first)) {
    title = first;
    preambleParts = preambleParts.filter((_, i) => i !== titleAt);
  }
  title ??= fileName ? baseName(fileName) : 'Untitled';

  const document = { title, symbol, revision: null, preamble: preambleParts.join('\n\n'), blocks };
  return { document, notes: notes.sort((a, b) => a.line - b.line) };
};

// Status tags stand at the start of the paragraph or at the end of its last part (its text, or
// its last point): they come off before the footnote markers are resolved, so offsets stay right.
const resolveParagraph = (
  d: DraftParagraph,
  defs: FootnoteDefinitions,
  referenced: ReadonlySet<string>,
): { text: string; points: Point[]; footnotes: Footnote[]; tags: string[] } => {
  const own = takeTags(d.raw.toString());
  const tags = [...own.tags];
  const rawPoints = d.points.map((p) => p.raw.toString());
  const lastAt = rawPoints.length - 1;
  if (lastAt >= 0) {
    const tail = takeTags(rawPoints[lastAt] as string);
    rawPoints[lastAt] = tail.text;
    tags.push(...tail.tags);
  }
  const { text, footnotes } = resolveFootnotes(own.text, defs, referenced);
  const points = d.points.map(
    (p, k): Point => ({ label: p.label, ...resolveFootnotes(rawPoints[k] as string, defs, referenced) }),
  );
  return { text, points, footnotes, tags };
};

// A status tag inside the text (after a point that is not the last, mid-sentence) is not taken
// out — it may be quoted wording — but the importer says so.
const tagsLeftInText = (blocks: readonly Block[], lines: readonly number[]): ImportNote[] => {
  const notes: ImportNote[] = [];
  blocks.forEach((b, k) => {
    if (b.kind !== 'paragraph') return;
    for (const part of [b.text, ...b.points.map((p) => p.text)]) {
      for (const m of part.matchAll(/\[([^[\]]{1,60})\]/g)) {
        if (!isStatusTag(m[1] as string)) continue;
        notes.push({
          line: lines[k] ?? 0,
          kind: 'tags',
          message: `"${m[0]}" inside the text of paragraph ${b.label} is kept as text; status tags are read at the start or end of a paragraph`,
        });
      }
    }
  });
  return notes;
};

const baseName = (fileName: string): string =>
  fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || 'Untitled';
