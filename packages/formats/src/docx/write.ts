/**
 * Writing WordprocessingML by hand: runs, paragraphs with tracked changes (`w:ins`/`w:del`,
 * paragraph marks included), tables, footnotes, and the package around them. The XML is
 * written directly rather than through a document library so that the output is a pure
 * function of its input (no clock, no random ids: the same input gives the same bytes) and so
 * that every revision carries exactly the author and date Bis means.
 */

import type { DiffRun } from '@bis/diff';
import { zipSync } from 'fflate';
import { escapeXml } from './xml';

/** Who a tracked change is attributed to, and when (ISO 8601, or null to leave the date out). */
export interface RevisionMark {
  readonly author: string;
  readonly date: string | null;
}

/** How changes are shown: real Word revisions, or formatting (bold underline / strikethrough). */
export type ChangeStyle = 'tracked' | 'formatting';

/** Character formatting of a run. */
export interface RunStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly strike?: boolean;
  /** Font size in points. */
  readonly size?: number;
  readonly color?: string;
}

/** Hands out the `w:id`s revisions and footnotes need (unique within the document). */
export class Ids {
  private n = 0;
  /** The next id. */
  next(): number {
    return ++this.n;
  }
}

const rPr = (s: RunStyle): string => {
  const parts = [
    s.bold ? '<w:b/>' : '',
    s.italic ? '<w:i/>' : '',
    s.strike ? '<w:strike/>' : '',
    s.color ? `<w:color w:val="${s.color}"/>` : '',
    s.size ? `<w:sz w:val="${Math.round(s.size * 2)}"/><w:szCs w:val="${Math.round(s.size * 2)}"/>` : '',
    s.underline ? '<w:u w:val="single"/>' : '',
  ].join('');
  return parts ? `<w:rPr>${parts}</w:rPr>` : '';
};

// Text → run content: tabs and line breaks become their own elements.
const content = (text: string, tag: 'w:t' | 'w:delText'): string =>
  text
    .split(/(\t|\n)/)
    .map((piece) =>
      piece === '\t'
        ? '<w:tab/>'
        : piece === '\n'
          ? '<w:br/>'
          : piece === ''
            ? ''
            : `<${tag} xml:space="preserve">${escapeXml(piece)}</${tag}>`,
    )
    .join('');

/** A run of text. */
export const run = (text: string, style: RunStyle = {}): string =>
  text === '' ? '' : `<w:r>${rPr(style)}${content(text, 'w:t')}</w:r>`;

const revAttrs = (id: number, m: RevisionMark): string =>
  `w:id="${id}" w:author="${escapeXml(m.author)}"${m.date ? ` w:date="${escapeXml(wordDate(m.date))}"` : ''}`;

/** Word wants `2025-07-10T14:00:00Z`: no milliseconds. */
const wordDate = (iso: string): string => iso.replace(/\.\d+(?=Z|[+-]\d\d:?\d\d$)/, '');

/** A tracked insertion of `text`. */
export const insRun = (text: string, m: RevisionMark, ids: Ids, style: RunStyle = {}): string =>
  text === '' ? '' : `<w:ins ${revAttrs(ids.next(), m)}>${run(text, style)}</w:ins>`;

/** A tracked deletion of `text`. */
export const delRun = (text: string, m: RevisionMark, ids: Ids, style: RunStyle = {}): string =>
  text === ''
    ? ''
    : `<w:del ${revAttrs(ids.next(), m)}><w:r>${rPr(style)}${content(text, 'w:delText')}</w:r></w:del>`;

/** Paragraph properties. */
export interface ParaProps {
  readonly style?: string;
  /** Left indent in twentieths of a point. */
  readonly indent?: number;
  /** Hanging indent in twentieths of a point (the label hangs, the text aligns at the tab). */
  readonly hanging?: number;
  readonly keepNext?: boolean;
  /** Space after in twentieths of a point. */
  readonly after?: number;
  /** The paragraph mark itself is a tracked insertion or deletion. */
  readonly mark?: { readonly op: 'insert' | 'delete'; readonly rev: RevisionMark };
}

/** A paragraph from already written runs. */
export const para = (runs: string, props: ParaProps = {}, ids?: Ids): string => {
  const ind =
    props.indent !== undefined || props.hanging !== undefined
      ? `<w:ind w:left="${(props.indent ?? 0) + (props.hanging ?? 0)}"${props.hanging ? ` w:hanging="${props.hanging}"` : ''}/>`
      : '';
  const mark =
    props.mark && ids
      ? `<w:rPr><w:${props.mark.op === 'insert' ? 'ins' : 'del'} ${revAttrs(ids.next(), props.mark.rev)}/></w:rPr>`
      : '';
  const pPr = [
    props.style ? `<w:pStyle w:val="${props.style}"/>` : '',
    props.keepNext ? '<w:keepNext/>' : '',
    props.after !== undefined ? `<w:spacing w:after="${props.after}"/>` : '',
    ind,
    mark,
  ].join('');
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
};

/**
 * Diff runs as paragraphs (a `\n` in the text starts a new one). `tracked`: insertions and
 * deletions become `w:ins`/`w:del` by `rev`, and a line break inside an insertion or deletion
 * makes the paragraph mark there a tracked one too, so that Accept and Reject restore the
 * paragraphs exactly. `formatting`: additions bold underlined, deletions struck through.
 * `prefix` (runs) opens the first paragraph; `props(i)` gives the i-th paragraph's properties;
 * `lastMark` marks the last paragraph's mark (for a paragraph inserted or deleted whole).
 */
export const diffParagraphs = (
  runs: readonly DiffRun[],
  changes: ChangeStyle,
  rev: RevisionMark,
  ids: Ids,
  props: (index: number) => ParaProps = () => ({}),
  prefix = '',
  lastMark?: ParaProps['mark'],
): string[] => {
  const out: string[] = [];
  let current = prefix;
  let index = 0;
  const close = (mark: ParaProps['mark'] | undefined) => {
    const base = props(index);
    out.push(para(current, mark ? { ...base, mark } : base, ids));
    current = '';
    index++;
  };
  for (const r of runs) {
    const pieces = r.text.split('\n');
    pieces.forEach((piece, k) => {
      if (k > 0) close(r.op === 'equal' || changes === 'formatting' ? undefined : { op: r.op, rev });
      if (piece === '') return;
      if (r.op === 'equal') current += run(piece);
      else if (changes === 'formatting')
        current += run(piece, r.op === 'insert' ? { bold: true, underline: true } : { strike: true });
      else current += r.op === 'insert' ? insRun(piece, rev, ids) : delRun(piece, rev, ids);
    });
  }
  // A wholly inserted or deleted paragraph has its final mark inserted or deleted too.
  close(changes === 'tracked' ? lastMark : undefined);
  return out;
};

/** A table cell: its width (twentieths of a point) and its paragraphs (at least one). */
export interface Cell {
  readonly width: number;
  readonly paragraphs: readonly string[];
  readonly shade?: string;
}

/** A table row; `header` rows repeat at the top of every page and never break across pages. */
export const tableRow = (cells: readonly Cell[], header = false): string =>
  `<w:tr>${header ? '<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : ''}${cells
    .map(
      (c) =>
        `<w:tc><w:tcPr><w:tcW w:w="${c.width}" w:type="dxa"/>${c.shade ? `<w:shd w:val="clear" w:color="auto" w:fill="${c.shade}"/>` : ''}</w:tcPr>${
          c.paragraphs.length ? c.paragraphs.join('') : '<w:p/>'
        }</w:tc>`,
    )
    .join('')}</w:tr>`;

/** A bordered table with fixed column widths. */
export const table = (widths: readonly number[], rows: readonly string[]): string => {
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="777777"/>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblBorders>${[
    'top',
    'left',
    'bottom',
    'right',
    'insideH',
    'insideV',
  ]
    .map(border)
    .join(
      '',
    )}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>${widths
    .map((w) => `<w:gridCol w:w="${w}"/>`)
    .join('')}</w:tblGrid>${rows.join('')}</w:tbl>`;
};

/** A footnote reference run (the footnote's text goes to `footnotes.xml` under the same id). */
export const footnoteRef = (id: number): string =>
  `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;

/** Page setup of a document. */
export interface PageSetup {
  readonly landscape: boolean;
}

// A4 in twentieths of a point; 2 cm margins.
const A4_SHORT = 11906;
const A4_LONG = 16838;
const MARGIN = 1134;

/** The usable text width of a page in twentieths of a point. */
export const textWidth = (page: PageSetup): number => (page.landscape ? A4_LONG : A4_SHORT) - 2 * MARGIN;

const sectPr = (page: PageSetup): string =>
  `<w:sectPr><w:pgSz w:w="${page.landscape ? A4_LONG : A4_SHORT}" w:h="${page.landscape ? A4_SHORT : A4_LONG}"${
    page.landscape ? ' w:orient="landscape"' : ''
  }/><w:pgMar w:top="${MARGIN}" w:right="${MARGIN}" w:bottom="${MARGIN}" w:left="${MARGIN}" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`;

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="120"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
</w:styles>`;

/** The parts of a document to package. */
export interface DocxParts {
  readonly title: string;
  /** The body's blocks (paragraphs and tables), already written. */
  readonly body: readonly string[];
  readonly page: PageSetup;
  /** Footnote texts by the ids their references use. */
  readonly footnotes?: ReadonlyMap<number, string>;
  /** ISO 8601: the document's created/modified date and the files' time in the package. */
  readonly date?: string | null;
  /** BCP 47 language of the text (default `en-GB`). */
  readonly lang?: string;
}

const encoder = new TextEncoder();

// The earliest time a ZIP entry can carry; used when no date is given so the bytes stay stable.
const ZIP_EPOCH = new Date(Date.UTC(1980, 0, 2));

/** Packages a document as .docx bytes. Pure: the same parts always give the same bytes. */
export const packageDocx = (parts: DocxParts): Uint8Array => {
  const footnotes = parts.footnotes ?? new Map<number, string>();
  const hasNotes = footnotes.size > 0;
  const date = parts.date ? wordDate(parts.date) : null;
  const lang = escapeXml(parts.lang ?? 'en-GB');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${NS}><w:body>${parts.body.join('\n')}${sectPr(parts.page)}</w:body></w:document>`;
  const noteXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes ${NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>${[
    ...footnotes,
  ]
    .map(
      ([id, text]) =>
        `<w:footnote w:id="${id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>${run(` ${text}`)}</w:p></w:footnote>`,
    )
    .join('')}</w:footnotes>`;
  const settings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings ${NS}><w:defaultTabStop w:val="567"/>${hasNotes ? '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>' : ''}<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;
  const core = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(parts.title)}</dc:title><dc:creator>Bis</dc:creator><dc:language>${lang}</dc:language>${
    date
      ? `<dcterms:created xsi:type="dcterms:W3CDTF">${escapeXml(date)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${escapeXml(date)}</dcterms:modified>`
      : ''
  }</cp:coreProperties>`;
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>${
    hasNotes
      ? '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
      : ''
  }<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
  const docRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>${
    hasNotes
      ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
      : ''
  }</Relationships>`;
  const mtime = date ? new Date(date) : ZIP_EPOCH;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': encoder.encode(types),
    '_rels/.rels': encoder.encode(rels),
    'docProps/core.xml': encoder.encode(core),
    'word/document.xml': encoder.encode(document),
    'word/_rels/document.xml.rels': encoder.encode(docRels),
    'word/styles.xml': encoder.encode(STYLES.replace('w:val="en-GB"', `w:val="${lang}"`)),
    'word/settings.xml': encoder.encode(settings),
  };
  if (hasNotes) files['word/footnotes.xml'] = encoder.encode(noteXml);
  return zipSync(files, {
    level: 6,
    mtime: Number.isNaN(mtime.getTime()) || mtime < ZIP_EPOCH ? ZIP_EPOCH : mtime,
  });
};
