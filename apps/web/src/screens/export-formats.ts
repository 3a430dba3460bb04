/**
 * The views the export dialog offers and the formats of each. Kept in step with @bis/formats
 * `EXPORT_VIEWS` / `formatsOf` (a test checks it): listed here because importing `formatsOf`
 * would bring every exporter (and the .docx writer) into the app's bundle.
 */

/** The views an export is made of. */
export const EXPORT_VIEWS = ['comparison', 'compilation', 'revision'] as const;

/** One export view. */
export type ExportViewName = (typeof EXPORT_VIEWS)[number];

/** The formats each view can be downloaded in, in the order the dialog lists them. */
export const EXPORT_FORMATS_OF: Readonly<Record<ExportViewName, readonly string[]>> = {
  comparison: ['docx', 'html', 'md', 'csv', 'json'],
  compilation: ['docx', 'html', 'md', 'csv', 'json'],
  revision: ['docx', 'html', 'md', 'csv', 'json', 'txt'],
};
