/**
 * A CSV reader (RFC 4180: comma-separated, `"` quoting with `""` for a quote, fields spanning
 * lines) that remembers the line each record starts on, for error messages.
 */
import { BisInputError } from '@bis/core';

/** One record of a CSV file. */
export interface CsvRecord {
  /** 1-based line where the record starts. */
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * Reads CSV text into records. Blank records (every field empty) are skipped. A `;` or tab separator is detected
 * from the header line when it has no comma (spreadsheets in many locales write `;`).
 * Throws `BisInputError` for a quote that is never closed.
 */
export const readCsv = (source: string): CsvRecord[] => {
  const s = source.replace(/^\uFEFF/, '');
  const header = s.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const sep = header.includes(',') ? ',' : header.includes(';') ? ';' : header.includes('\t') ? '\t' : ',';
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else if (c === '\r' || c === '\n') {
        // A line break inside a field is kept as `\n`, whatever the file's line ends.
        if (c === '\r' && s[i + 1] === '\n') i++;
        line++;
        field += '\n';
      } else field += c;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === sep) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += c;
  }
  if (quoted) throw new BisInputError('a quoted field is never closed', `line ${quoteLine}`);
  endRecord();
  return records;
};
