/**
 * `importText`: a base text (plain text or Markdown) → a `BisDocument`.
 */

import {
  type BisDocument,
  BisInputError,
  type Block,
  evenKeys,
  type Footnote,
  headingId,
  type Point,
  paragraphId,
} from '@bis/core';
import { assemble, type DraftParagraph } from './assemble';
import { classifyPlain, isHeadingLike, type LineKind } from './blocks';
import {
  type FootnoteDefinitions,
  joinOpenDefinitions,
  referencedMarks,
  resolveFootnotes,
  takePlainFootnotes,
  withoutMarkers,
} from './footnotes';
import { at, DEFAULT_MAX_IMPORT_BYTES, readSourceLines } from './lines';
import { classifyMarkdown } from './markdown';

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

/**
 * Imports a base text. Recognises chapter (`I.`) and section (`A.`) headings, Markdown `#`
 * headings, numbered paragraphs (`1.`, `1)`, `PP3`, `OP 3.`, `77 bis`), points (`(a)`, `a)`,
 * `(i)`), footnotes (Word's `[footnoteRef:N]` … `[N: text]`, Markdown `[^N]`), and drops
 * word-processor debris (`[bookmark: …]`). Text before the first block becomes the preamble.
 * Pure: no IO, no randomness (ids come from `newId` or a counter).
 *
 * Throws `BisInputError` (with `file:line`) for an empty, binary or oversized text, a text with no
 * numbered paragraph, a paragraph label or point used twice, and unnumbered text after a heading.
 */
export const importText = (source: string, options: ImportTextOptions = {}): BisDocument => {
  const { fileName } = options;
  const format = options.format ?? (fileName && /\.(md|markdown)$/i.test(fileName) ? 'markdown' : 'text');
  const lines = readSourceLines(source, fileName, options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES);
  const defs: FootnoteDefinitions = new Map();

  let classified: LineKind[];
  if (format === 'markdown') {
    classified = classifyMarkdown(lines, defs, fileName);
  } else {
    classified = joinOpenDefinitions(lines, fileName).map(({ line, text }) =>
      classifyPlain(takePlainFootnotes(text, line, defs, fileName), line),
    );
  }

  const { blocks: drafts, preamble: prose, markdownTitle } = assemble(classified, format, fileName);
  if (!drafts.some((b) => b.kind === 'paragraph')) {
    throw new BisInputError(
      'no numbered paragraphs found (expected lines starting like `1.`, `PP3` or `77 bis`)',
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
      return { kind: 'heading', id, level: d.level, number: d.number, title: withoutMarkers(d.title) };
    }
    const order = keys[paragraphs] as (typeof keys)[number];
    paragraphs++;
    const id = paragraphId(options.newId ? options.newId() : `p${paragraphs}`);
    return { kind: 'paragraph', id, order, label: d.label, ...resolveParagraph(d, defs, referenced) };
  });

  let preambleParts = prose.map((p) => withoutMarkers(p.raw.toString())).filter((p) => p !== '');
  let symbol: string | null = null;
  const symbolAt = preambleParts.findIndex((p) => SYMBOL.test(p));
  if (symbolAt >= 0) {
    symbol = preambleParts[symbolAt] as string;
    preambleParts = preambleParts.filter((_, i) => i !== symbolAt);
  }
  let title = options.title ?? markdownTitle;
  const first = preambleParts[0];
  if (title == null && first !== undefined && isHeadingLike(first) && !GENERIC_TITLES.test(first)) {
    title = first;
    preambleParts = preambleParts.slice(1);
  }
  title ??= fileName ? baseName(fileName) : 'Untitled';

  return { title, symbol, revision: null, preamble: preambleParts.join('\n\n'), blocks };
};

const resolveParagraph = (
  d: DraftParagraph,
  defs: FootnoteDefinitions,
  referenced: ReadonlySet<string>,
): { text: string; points: Point[]; footnotes: Footnote[] } => {
  const { text, footnotes } = resolveFootnotes(d.raw.toString(), defs, referenced);
  const points = d.points.map(
    (p): Point => ({ label: p.label, ...resolveFootnotes(p.raw.toString(), defs, referenced) }),
  );
  return { text, points, footnotes };
};

const baseName = (fileName: string): string =>
  fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || 'Untitled';
