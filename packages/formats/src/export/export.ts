import { type BisDocument, BisInputError, documentToJSON, type Proposal } from '@bis/core';
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

/** What an export shows: proposals beside the text, the text with its proposals, or the text alone. */
export const EXPORT_VIEWS = ['comparison', 'compilation', 'revision'] as const;
/** An export view. */
export type ExportView = (typeof EXPORT_VIEWS)[number];

/** The file formats exports are written in. */
export const EXPORT_FORMATS = ['docx', 'html', 'md', 'csv', 'json'] as const;
/** An export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What an export is made from. */
export interface ExportInput {
  readonly document: BisDocument;
  readonly proposals: readonly Proposal[];
}

/** Options shared by every export. */
export interface ExportOptions extends CompilationOptions, HtmlOptions {}

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
};

const EXPORTERS: Record<ExportView, Partial<Record<ExportFormat, Exporter>>> = {
  comparison: {
    html: (i, o) => comparisonToHtml(buildComparison(i.document, i.proposals, o), o),
    md: (i, o) => comparisonToMarkdown(buildComparison(i.document, i.proposals, o)),
    csv: (i, o) => comparisonToCsv(buildComparison(i.document, i.proposals, o)),
    json: (i, o) => comparisonToJson(buildComparison(i.document, i.proposals, o)),
  },
  compilation: {
    html: (i, o) => compilationToHtml(buildCompilation(i.document, i.proposals, o), o),
    md: (i, o) => compilationToMarkdown(buildCompilation(i.document, i.proposals, o)),
    csv: (i, o) => compilationToCsv(buildCompilation(i.document, i.proposals, o)),
    json: (i, o) => compilationToJson(buildCompilation(i.document, i.proposals, o)),
  },
  revision: {
    html: (i, o) => documentToHtml(i.document, o),
    md: (i) => documentToMarkdown(i.document),
    csv: (i) => documentToCsv(i.document),
    json: (i) => `${JSON.stringify(documentToJSON(i.document), null, 2)}\n`,
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
  return { data: await exporter(input, options), mediaType: MEDIA_TYPES[format], extension: format };
};

/** The formats a comparison of two versions can be written in. */
export const COMPARE_FORMATS = ['html', 'md', 'csv', 'json'] as const satisfies readonly ExportFormat[];
/** A format of `compareDocumentsAs`. */
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

const COMPARE_WRITERS: Record<CompareFormat, (c: DocumentComparison, o: HtmlOptions) => string> = {
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
  options: HtmlOptions = {},
): Promise<ExportFile> => ({
  data: COMPARE_WRITERS[format](compareDocuments(oldDoc, newDoc), options),
  mediaType: MEDIA_TYPES[format],
  extension: format,
});
