import {
  type BisDocument,
  BisInputError,
  documentToJSON,
  type Proposal,
  type ReanchorEntry,
} from '@bis/core';
import { comparisonToDocx, type DocxOptions } from '../docx/comparison';
import { compilationToDocx } from '../docx/compilation';
import { documentComparisonToDocx, documentToDocx } from '../docx/revision';
import { compareDocuments, type DocumentComparison } from './compare';
import {
  documentComparisonToCsv,
  documentComparisonToHtml,
  documentComparisonToJson,
  documentComparisonToMarkdown,
} from './compare-render';
import { buildComparison } from './comparison';
import { buildCompilation, type CompilationOptions } from './compilation';
import {
  compilationToCsv,
  compilationToHtml,
  compilationToJson,
  compilationToMarkdown,
} from './compilation-render';
import { comparisonToCsv } from './csv';
import { comparisonToHtml, type HtmlOptions } from './html';
import { comparisonToJson } from './json';
import { comparisonToMarkdown } from './markdown';
import { documentToCsv, documentToHtml, documentToMarkdown } from './revision';
import { documentToText } from './text';

/** What an export shows: proposals beside the text, the text with its proposals, or the text alone. */
export const EXPORT_VIEWS = ['comparison', 'compilation', 'revision'] as const;
/** An export view. */
export type ExportView = (typeof EXPORT_VIEWS)[number];

/** The file formats exports are written in. */
export const EXPORT_FORMATS = ['docx', 'html', 'md', 'csv', 'json', 'txt'] as const;
/** An export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What an export is made from. */
export interface ExportInput {
  readonly document: BisDocument;
  readonly proposals: readonly Proposal[];
  /**
   * The previous revision: when given, the revision view shows the changes from it (tracked
   * changes in .docx); other views ignore it.
   */
  readonly previous?: BisDocument;
  /**
   * What `reanchorProposals` did to proposals written against another text (they are given here
   * already re-anchored): the comparison and compilation show each entry on its row.
   */
  readonly reanchored?: readonly ReanchorEntry[];
}

/** Options shared by every export. */
export interface ExportOptions extends CompilationOptions, HtmlOptions, Omit<DocxOptions, 'lang'> {}

/** An exported file. */
export interface ExportFile {
  readonly data: string | Uint8Array;
  readonly mediaType: string;
  /** The file extension without the dot. */
  readonly extension: string;
}

type Exporter = (
  input: ExportInput,
  options: ExportOptions,
) => string | Uint8Array | Promise<string | Uint8Array>;

const MEDIA_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  txt: 'text/plain; charset=utf-8',
};

// The HTML `lang` (BCP 47) is also the language recorded in a .docx.
const docxOptions = (o: ExportOptions): DocxOptions => ({ ...o, ...(o.lang ? { lang: o.lang } : {}) });

const EXPORTERS: Record<ExportView, Partial<Record<ExportFormat, Exporter>>> = {
  comparison: {
    docx: (i, o) => comparisonToDocx(buildComparison(i.document, i.proposals, o), docxOptions(o)),
    html: (i, o) => comparisonToHtml(buildComparison(i.document, i.proposals, o), o),
    md: (i, o) => comparisonToMarkdown(buildComparison(i.document, i.proposals, o)),
    csv: (i, o) => comparisonToCsv(buildComparison(i.document, i.proposals, o)),
    json: (i, o) => comparisonToJson(buildComparison(i.document, i.proposals, o)),
  },
  compilation: {
    docx: (i, o) => compilationToDocx(buildCompilation(i.document, i.proposals, o), docxOptions(o)),
    html: (i, o) => compilationToHtml(buildCompilation(i.document, i.proposals, o), o),
    md: (i, o) => compilationToMarkdown(buildCompilation(i.document, i.proposals, o)),
    csv: (i, o) => compilationToCsv(buildCompilation(i.document, i.proposals, o)),
    json: (i, o) => compilationToJson(buildCompilation(i.document, i.proposals, o)),
  },
  revision: {
    docx: (i, o) =>
      i.previous
        ? documentComparisonToDocx(compareDocuments(i.previous, i.document), docxOptions(o))
        : documentToDocx(i.document, docxOptions(o)),
    html: (i, o) => documentToHtml(i.document, o),
    md: (i) => documentToMarkdown(i.document),
    csv: (i) => documentToCsv(i.document),
    json: (i) => `${JSON.stringify(documentToJSON(i.document), null, 2)}\n`,
    txt: (i) => documentToText(i.document),
  },
};

/** The formats a view can be exported in. */
export const formatsOf = (view: ExportView): ExportFormat[] =>
  EXPORT_FORMATS.filter((f) => EXPORTERS[view][f] !== undefined);

/** Exports a view of a document and its proposals in a format. */
export const exportView = async (
  view: ExportView,
  format: ExportFormat,
  input: ExportInput,
  options: ExportOptions = {},
): Promise<ExportFile> => {
  const exporter = EXPORTERS[view]?.[format];
  if (!exporter) {
    throw new BisInputError(
      `the ${view} view cannot be exported as ${format} (available: ${formatsOf(view).join(', ')})`,
      'format',
      format,
    );
  }
  const withReport = input.reanchored ? { ...options, reanchored: input.reanchored } : options;
  return { data: await exporter(input, withReport), mediaType: MEDIA_TYPES[format], extension: format };
};

/** The formats a comparison of two versions can be written in. */
export const COMPARE_FORMATS = [
  'docx',
  'html',
  'md',
  'csv',
  'json',
] as const satisfies readonly ExportFormat[];
/** A format of `compareDocumentsAs`. */
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

/** Options of `compareDocumentsAs`. */
export interface CompareOptions extends HtmlOptions, Omit<DocxOptions, 'lang' | 'columns'> {}

const COMPARE_WRITERS: Record<
  CompareFormat,
  (c: DocumentComparison, o: CompareOptions) => string | Uint8Array | Promise<string | Uint8Array>
> = {
  docx: (c, o) => documentComparisonToDocx(c, { ...o, ...(o.lang ? { lang: o.lang } : {}) }),
  html: documentComparisonToHtml,
  md: documentComparisonToMarkdown,
  csv: documentComparisonToCsv,
  json: documentComparisonToJson,
};

/** Compares two versions of a text (see `compareDocuments`) and writes the result in a format. */
export const compareDocumentsAs = async (
  oldDoc: BisDocument,
  newDoc: BisDocument,
  format: CompareFormat,
  options: CompareOptions = {},
): Promise<ExportFile> => ({
  data: await COMPARE_WRITERS[format](compareDocuments(oldDoc, newDoc), options),
  mediaType: MEDIA_TYPES[format],
  extension: format,
});
