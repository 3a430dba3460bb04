export type { ComparisonColumn, DocxOptions } from './docx/comparison';
export { COMPARISON_COLUMNS, comparisonToDocx } from './docx/comparison';
export { compilationToDocx } from './docx/compilation';
export type { DocxProposalsImport, DocxProposalsOptions } from './docx/import-proposals';
export { importDocxProposals } from './docx/import-proposals';
export type { ImportDocxTextOptions, ImportedDocxText } from './docx/import-text';
export { importDocxText, importDocxTextWithNotes } from './docx/import-text';
export type {
  DocxComment,
  DocxContent,
  DocxParagraph,
  DocxTable,
  ReadDocxOptions,
  Revision,
  Segment,
} from './docx/read';
export { readDocx } from './docx/read';
export { documentComparisonToDocx, documentToDocx } from './docx/revision';
export type { ChangeStyle } from './docx/write';
export type { XmlElement, XmlNode } from './docx/xml';
export { parseXml } from './docx/xml';
export type { DocxLimits } from './docx/zip';
export { DEFAULT_DOCX_LIMITS } from './docx/zip';
export type { AlignedGroup, Side } from './export/align';
export { alignTexts, similarityOf, textsFor } from './export/align';
export type { AlignedParagraph, ChangeKind, DocumentComparison, StructureChange } from './export/compare';
export { compareDocuments, fullText } from './export/compare';
export type { Comparison, ComparisonOptions, ComparisonRow } from './export/comparison';
export { actionLabel, buildComparison, comparisonRow, proponentOf } from './export/comparison';
export type { CompilationOptions, CompilationSection, CompilationView } from './export/compilation';
export { buildCompilation } from './export/compilation';
export { runsToPlain, toCsv, UTF8_BOM } from './export/csv';
export type {
  CompareFormat,
  CompareOptions,
  ExportFile,
  ExportFormat,
  ExportInput,
  ExportOptions,
  ExportView,
} from './export/export';
export {
  COMPARE_FORMATS,
  compareDocumentsAs,
  EXPORT_FORMATS,
  EXPORT_VIEWS,
  exportView,
  formatsOf,
} from './export/export';
export type { HtmlOptions } from './export/html';
export { escapeHtml, htmlPage, runsToHtml } from './export/html';
export { runsToMarkdown } from './export/markdown';
export { documentLine, statusLabel } from './export/words';
export type { AmendedTextImport, AmendedTextOptions } from './proposals-import/amended-text';
export {
  importAmendedText,
  importAmendedTextFile,
  readNote,
  readsAsAmendedText,
} from './proposals-import/amended-text';
export type { StructuredImportOptions } from './proposals-import/structured';
export { importStructuredProposals } from './proposals-import/structured';
export type {
  ImportError,
  LineKind,
  LineNote,
  WrittenForm,
  WrittenImport,
  WrittenImportOptions,
} from './proposals-import/written';
export { importWrittenProposals, noProposalsMessage, WRITTEN_FORMS } from './proposals-import/written';
export type { ImportedText, ImportNote, ImportNoteKind, ImportTextOptions } from './text-import/index';
export { DEFAULT_MAX_IMPORT_BYTES, importText, importTextWithNotes } from './text-import/index';
