/**
 * What Bis reads from a .docx: the body's paragraphs and tables in order, each paragraph as
 * pieces of text that are unchanged, inserted or deleted (Word's tracked changes, with author
 * and date), its style, its automatic number, and its footnote references; plus the footnotes.
 * Formatting is kept only where it can carry meaning in a comparison table (bold, underline,
 * strikethrough); everything else (fonts, colours, fields, drawings) is dropped.
 */

import { BisInputError } from '@bis/core';
import { Numbering } from './numbering';
import { childOf, childrenOf, parseXml, textOf, type XmlElement } from './xml';
import { type DocxLimits, openDocx } from './zip';

/** Who made a tracked change, and when. */
export interface Revision {
  readonly author: string;
  readonly date: string | null;
}

/** A piece of a paragraph's text with one change state and one formatting. */
export interface Segment {
  readonly text: string;
  readonly op: 'equal' | 'insert' | 'delete';
  readonly revision: Revision | null;
  readonly bold: boolean;
  readonly underline: boolean;
  readonly strike: boolean;
  /** Set when the segment is a footnote reference: the footnote's printed number. */
  readonly footnote?: string;
  /**
   * Set for a tracked move (`w:moveFrom`, read as `delete`; `w:moveTo`, read as `insert`): the
   * move's name, the same on both ends (`move123`), or `move` when Word gave none.
   */
  readonly move?: string;
  /** The ids of the Word comments whose range covers the segment (see `DocxContent.comments`). */
  readonly comments?: readonly string[];
}

/** A Word comment (`word/comments.xml`). */
export interface DocxComment {
  readonly author: string;
  readonly date: string | null;
  /** Its paragraphs joined by spaces. */
  readonly text: string;
}

/** A paragraph of the body (or of a table cell). */
export interface DocxParagraph {
  readonly kind: 'paragraph';
  /** The paragraph style's name (`heading 1`, `Title`, `List Paragraph`), or null. */
  readonly style: string | null;
  /** The heading level from the style or its outline level (1-based), or null. */
  readonly headingLevel: number | null;
  /** The automatic number Word prints before the text (`12.`, `(b)`), tracked changes accepted. */
  readonly number: string | null;
  /** The automatic number before the tracked changes (null for an inserted paragraph). */
  readonly oldNumber: string | null;
  readonly segments: readonly Segment[];
  /** Set when the paragraph mark itself is a tracked insertion (a new paragraph). */
  readonly markInserted: Revision | null;
  /** Set when the paragraph mark is a tracked deletion (merged with the next one). */
  readonly markDeleted: Revision | null;
  /** The move's name when the paragraph mark itself was moved (`w:moveFrom`/`w:moveTo` on it). */
  readonly markMove?: string;
  /** Comments anchored in the paragraph by a reference only (no range), by id. */
  readonly commentRefs?: readonly string[];
}

/** A table: rows of cells of paragraphs. */
export interface DocxTable {
  readonly kind: 'table';
  readonly rows: readonly (readonly (readonly DocxParagraph[])[])[];
}

/** A .docx as Bis reads it. */
export interface DocxContent {
  readonly body: readonly (DocxParagraph | DocxTable)[];
  /** Footnote texts by printed number, in reference order. */
  readonly footnotes: ReadonlyMap<string, string>;
  /** The document title from the package properties (`docProps/core.xml`), or null. */
  readonly title: string | null;
  /** Word comments by id. */
  readonly comments: ReadonlyMap<string, DocxComment>;
}

interface StyleInfo {
  readonly name: string;
  readonly basedOn: string | null;
  readonly numId: string | null;
  readonly ilvl: number | null;
  readonly outline: number | null;
}

const val = (el: XmlElement | undefined): string | undefined => el?.attrs['w:val'];
// An on/off property (`<w:b/>`, `<w:b w:val="false"/>`).
const on = (el: XmlElement | undefined): boolean =>
  el !== undefined && !['false', '0', 'off', 'none'].includes(el.attrs['w:val'] ?? 'true');

const readStyles = (root: XmlElement | null): Map<string, StyleInfo> => {
  const styles = new Map<string, StyleInfo>();
  if (!root) return styles;
  for (const s of childrenOf(root, 'w:style')) {
    const pPr = childOf(s, 'w:pPr');
    const numPr = pPr && childOf(pPr, 'w:numPr');
    const outline = val(pPr && childOf(pPr, 'w:outlineLvl'));
    styles.set(s.attrs['w:styleId'] ?? '', {
      name: val(childOf(s, 'w:name')) ?? s.attrs['w:styleId'] ?? '',
      basedOn: val(childOf(s, 'w:basedOn')) ?? null,
      numId: val(numPr && childOf(numPr, 'w:numId')) ?? null,
      ilvl: numPr && childOf(numPr, 'w:ilvl') ? Number(val(childOf(numPr, 'w:ilvl'))) : null,
      outline: outline === undefined ? null : Number(outline),
    });
  }
  return styles;
};

// Follows `basedOn` (at most a few steps; a cycle in a hostile file must not loop forever).
const styleChain = (styles: Map<string, StyleInfo>, id: string | undefined): StyleInfo[] => {
  const chain: StyleInfo[] = [];
  let cur = id;
  while (cur !== undefined && chain.length < 16) {
    const s = styles.get(cur);
    if (!s) break;
    chain.push(s);
    cur = s.basedOn ?? undefined;
  }
  return chain;
};

const revisionOf = (el: XmlElement): Revision => ({
  author: el.attrs['w:author'] ?? 'Unknown author',
  date: el.attrs['w:date'] ?? null,
});

interface Context {
  readonly styles: Map<string, StyleInfo>;
  readonly numbering: Numbering;
  /** The same lists counted as they were before the tracked changes. */
  readonly oldNumbering: Numbering;
  readonly footnoteIds: Map<string, string>;
  readonly footnoteTexts: Map<string, XmlElement>;
  /** Comment ranges open at this point of the body. */
  readonly openComments: Set<string>;
  /** Move ranges open at this point (`w:moveFromRangeStart` … End), by range id → move name. */
  readonly moveRanges: Map<string, string>;
  /** Comments referenced (`w:commentReference`) in the paragraph being read. */
  refs: string[];
}

// Range markers may stand between runs or between paragraphs: both readers note them here.
const noteMarker = (c: XmlElement, ctx: Context): boolean => {
  const id = c.attrs['w:id'] ?? '';
  switch (c.name) {
    case 'w:commentRangeStart':
      ctx.openComments.add(id);
      return true;
    case 'w:commentRangeEnd':
      ctx.openComments.delete(id);
      return true;
    case 'w:moveFromRangeStart':
    case 'w:moveToRangeStart':
      ctx.moveRanges.set(id, c.attrs['w:name'] ?? 'move');
      return true;
    case 'w:moveFromRangeEnd':
    case 'w:moveToRangeEnd':
      ctx.moveRanges.delete(id);
      return true;
    default:
      return false;
  }
};

// The name of the move an element belongs to: the innermost open range, else `move`.
const moveName = (ctx: Context): string => [...ctx.moveRanges.values()].pop() ?? 'move';

type Op = Segment['op'];

const readRuns = (
  el: XmlElement,
  op: Op,
  revision: Revision | null,
  ctx: Context,
  out: Segment[],
  move?: string,
): void => {
  for (const c of childrenOf(el)) {
    if (noteMarker(c, ctx)) continue;
    switch (c.name) {
      case 'w:r':
        readRun(c, op, revision, ctx, out, move);
        break;
      case 'w:ins':
        readRuns(c, 'insert', revisionOf(c), ctx, out);
        break;
      case 'w:moveTo':
        readRuns(c, 'insert', revisionOf(c), ctx, out, moveName(ctx));
        break;
      case 'w:del':
        readRuns(c, 'delete', revisionOf(c), ctx, out);
        break;
      case 'w:moveFrom':
        readRuns(c, 'delete', revisionOf(c), ctx, out, moveName(ctx));
        break;
      case 'w:hyperlink':
      case 'w:smartTag':
      case 'w:fldSimple':
      case 'w:customXml':
      case 'w:dir':
      case 'w:bdo':
        readRuns(c, op, revision, ctx, out, move);
        break;
      case 'w:sdt': {
        const content = childOf(c, 'w:sdtContent');
        if (content) readRuns(content, op, revision, ctx, out, move);
        break;
      }
      default:
        // pPr, bookmarks, comment ranges, proofing marks: no text.
        break;
    }
  }
};

const readRun = (
  r: XmlElement,
  op: Op,
  revision: Revision | null,
  ctx: Context,
  out: Segment[],
  move?: string,
): void => {
  const rPr = childOf(r, 'w:rPr');
  if (on(rPr && childOf(rPr, 'w:vanish'))) return;
  const u = val(rPr && childOf(rPr, 'w:u'));
  const style = {
    bold: on(rPr && childOf(rPr, 'w:b')),
    underline: rPr !== undefined && childOf(rPr, 'w:u') !== undefined && u !== 'none',
    strike: on(rPr && childOf(rPr, 'w:strike')) || on(rPr && childOf(rPr, 'w:dstrike')),
    ...(move !== undefined ? { move } : {}),
    ...(ctx.openComments.size > 0 ? { comments: [...ctx.openComments].sort() } : {}),
  };
  const same = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean =>
    (a ?? []).join('\u0000') === (b ?? []).join('\u0000');
  const push = (text: string) => {
    const last = out[out.length - 1];
    if (
      last &&
      last.footnote === undefined &&
      last.op === op &&
      last.revision?.author === revision?.author &&
      last.bold === style.bold &&
      last.underline === style.underline &&
      last.strike === style.strike &&
      last.move === style.move &&
      same(last.comments, style.comments)
    )
      out[out.length - 1] = { ...last, text: last.text + text };
    else out.push({ text, op, revision, ...style });
  };
  for (const c of childrenOf(r)) {
    switch (c.name) {
      case 'w:t':
      case 'w:delText':
        push(textOf(c));
        break;
      case 'w:tab':
        push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        push('\n');
        break;
      case 'w:noBreakHyphen':
        push('-');
        break;
      case 'w:commentReference':
        ctx.refs.push(c.attrs['w:id'] ?? '');
        break;
      case 'w:footnoteReference': {
        const id = c.attrs['w:id'] ?? '';
        let mark = ctx.footnoteIds.get(id);
        if (mark === undefined) {
          mark = String(ctx.footnoteIds.size + 1);
          ctx.footnoteIds.set(id, mark);
        }
        out.push({ text: '', op, revision, ...style, footnote: mark });
        break;
      }
      default:
        break;
    }
  }
};

const readParagraph = (p: XmlElement, ctx: Context): DocxParagraph => {
  const pPr = childOf(p, 'w:pPr');
  const styleId = val(pPr && childOf(pPr, 'w:pStyle'));
  const chain = styleChain(ctx.styles, styleId);
  const name = chain[0]?.name ?? null;
  const heading = /^heading\s*(\d)$/i.exec(name ?? '');
  const outline = chain.find((s) => s.outline !== null)?.outline ?? null;
  const ownNumPr = pPr && childOf(pPr, 'w:numPr');
  const styleNum = chain.find((s) => s.numId !== null);
  const numId = val(ownNumPr && childOf(ownNumPr, 'w:numId')) ?? styleNum?.numId ?? null;
  const ilvlRaw = val(ownNumPr && childOf(ownNumPr, 'w:ilvl'));
  const ilvl = ilvlRaw !== undefined ? Number(ilvlRaw) : (styleNum?.ilvl ?? 0);
  const markRPr = pPr && childOf(pPr, 'w:rPr');
  const markMoveTo = markRPr && childOf(markRPr, 'w:moveTo');
  const markMoveFrom = markRPr && childOf(markRPr, 'w:moveFrom');
  const markIns = (markRPr && childOf(markRPr, 'w:ins')) ?? markMoveTo;
  const markDel = (markRPr && childOf(markRPr, 'w:del')) ?? markMoveFrom;
  const segments: Segment[] = [];
  ctx.refs = [];
  readRuns(p, 'equal', null, ctx, segments);
  const refs = ctx.refs.filter((id) => !segments.some((s) => s.comments?.includes(id)));
  const level = Number.isFinite(ilvl) ? ilvl : 0;
  // A paragraph whose mark is deleted and that keeps no text is gone once changes are accepted.
  const gone = markDel !== undefined && segments.every((s) => s.op === 'delete');
  return {
    kind: 'paragraph',
    style: name,
    headingLevel: heading ? Number(heading[1]) : outline !== null && outline < 9 ? outline + 1 : null,
    number: numId !== null && !gone ? ctx.numbering.next(numId, level) : null,
    oldNumber: numId !== null && !markIns ? ctx.oldNumbering.next(numId, level) : null,
    segments,
    markInserted: markIns ? revisionOf(markIns) : null,
    markDeleted: markDel ? revisionOf(markDel) : null,
    // The range that names the move usually opens inside the paragraph, after its mark.
    ...(markMoveTo || markMoveFrom
      ? { markMove: segments.find((x) => x.move !== undefined)?.move ?? moveName(ctx) }
      : {}),
    ...(refs.length > 0 ? { commentRefs: refs } : {}),
  };
};

const readBlocks = (el: XmlElement, ctx: Context, out: (DocxParagraph | DocxTable)[]): void => {
  for (const c of childrenOf(el)) {
    if (noteMarker(c, ctx)) continue;
    if (c.name === 'w:p') out.push(readParagraph(c, ctx));
    else if (c.name === 'w:tbl') {
      const rows = childrenOf(c, 'w:tr').map((tr) =>
        childrenOf(tr, 'w:tc').map((tc) => {
          const inner: (DocxParagraph | DocxTable)[] = [];
          readBlocks(tc, ctx, inner);
          // A table nested in a cell is read as its paragraphs.
          return inner.flatMap((b) => (b.kind === 'paragraph' ? [b] : b.rows.flat(2)));
        }),
      );
      out.push({ kind: 'table', rows });
    } else if (c.name === 'w:sdt') {
      const content = childOf(c, 'w:sdtContent');
      if (content) readBlocks(content, ctx, out);
    } else if (c.name === 'w:customXml') readBlocks(c, ctx, out);
  }
};

const NO_LISTS = new Numbering(null);

/** Options of `readDocx`. */
export interface ReadDocxOptions {
  /** The file's name, for messages. */
  readonly fileName?: string;
  /** Limits on the package (see `DocxLimits`). */
  readonly limits?: DocxLimits;
}

/**
 * Reads a .docx into paragraphs and tables. Throws `BisInputError` for hostile or broken files
 * (see `openDocx`) and for malformed or DOCTYPE-carrying XML (see `parseXml`).
 */
export const readDocx = (bytes: Uint8Array, options: ReadDocxOptions = {}): DocxContent => {
  const where = options.fileName ?? 'input.docx';
  const pkg = openDocx(bytes, where, options.limits);
  const part = (name: string): XmlElement | null => {
    const text = pkg.readText(name);
    return text === null ? null : parseXml(text, `${where}: ${name}`);
  };
  const document = part('word/document.xml') as XmlElement;
  const body = childOf(document, 'w:body');
  if (!body) throw new BisInputError('word/document.xml has no w:body', where);
  const footnotesRoot = part('word/footnotes.xml');
  const footnoteTexts = new Map<string, XmlElement>();
  for (const f of footnotesRoot ? childrenOf(footnotesRoot, 'w:footnote') : [])
    footnoteTexts.set(f.attrs['w:id'] ?? '', f);
  const numberingRoot = part('word/numbering.xml');
  const ctx: Context = {
    styles: readStyles(part('word/styles.xml')),
    numbering: new Numbering(numberingRoot),
    oldNumbering: new Numbering(numberingRoot),
    footnoteIds: new Map(),
    footnoteTexts,
    openComments: new Set(),
    moveRanges: new Map(),
    refs: [],
  };
  const blocks: (DocxParagraph | DocxTable)[] = [];
  readBlocks(body, ctx, blocks);

  // What a footnote's or a comment's paragraphs say, without deleted pieces, on one line. (A
  // note's own reference mark is a footnoteRef run: it carries no text.)
  const noteText = (note: XmlElement): string =>
    childrenOf(note, 'w:p')
      .map((p) =>
        readParagraph(p, {
          ...ctx,
          footnoteIds: new Map(),
          numbering: NO_LISTS,
          oldNumbering: NO_LISTS,
          openComments: new Set(),
          moveRanges: new Map(),
        })
          .segments.filter((s) => s.op !== 'delete')
          .map((s) => s.text)
          .join(''),
      )
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  const footnotes = new Map<string, string>();
  for (const [id, mark] of ctx.footnoteIds) {
    const f = footnoteTexts.get(id);
    if (f) footnotes.set(mark, noteText(f));
  }
  const comments = new Map<string, DocxComment>();
  const commentsRoot = part('word/comments.xml');
  for (const c of commentsRoot ? childrenOf(commentsRoot, 'w:comment') : []) {
    const text = noteText(c);
    comments.set(c.attrs['w:id'] ?? '', { ...revisionOf(c), text });
  }
  const core = part('docProps/core.xml');
  const titleEl = core && childOf(core, 'dc:title');
  const title = titleEl ? textOf(titleEl).trim() || null : null;
  return { body: blocks, footnotes, title, comments };
};

/** A paragraph's text as it was before its tracked changes (unchanged and deleted pieces). */
export const oldText = (p: DocxParagraph): string =>
  p.segments
    .filter((s) => s.op !== 'insert')
    .map((s) => s.text)
    .join('');

/** A paragraph's text with its tracked changes accepted (unchanged and inserted pieces). */
export const newText = (p: DocxParagraph): string =>
  p.segments
    .filter((s) => s.op !== 'delete')
    .map((s) => s.text)
    .join('');
