/**
 * The first step of a text import: check the raw string (size, binary content, emptiness),
 * drop a byte-order mark, unify line endings, and split it into numbered lines.
 */

import { BisInputError } from '@bis/core';

/** One line of the source, with its 1-based line number. */
export interface SourceLine {
  readonly line: number;
  readonly text: string;
}

/** The default import size limit: 5 MB of UTF-8. */
export const DEFAULT_MAX_IMPORT_BYTES = 5 * 1024 * 1024;

// Binary sniffing looks at a prefix only: enough to tell a PDF or a JPEG from prose.
const SNIFF_CHARS = 65536;
// Share of control or replacement characters above which a text counts as binary.
const BINARY_RATIO = 0.1;

/** Where errors point: `file:line`. */
export const at = (fileName: string | undefined, line: number): string => `${fileName ?? 'input'}:${line}`;

/**
 * Checks `source` and returns it with BOM removed and `\r\n` / `\r` turned into `\n`, split into
 * lines. Throws `BisInputError` for a text over `maxBytes` (UTF-8), binary content (a NUL byte,
 * or mostly control characters) and a text with nothing but whitespace.
 */
export const readSourceLines = (
  source: string,
  fileName: string | undefined,
  maxBytes: number,
): SourceLine[] => {
  checkSize(source, fileName, maxBytes);
  checkBinary(source, fileName);
  let text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  text = text.replace(/\r\n?/g, '\n');
  // The importer marks footnote references with private-use characters; input must not fake them.
  text = text.replace(/[\uE000-\uE002]/g, '');
  if (text.trim() === '') throw new BisInputError('the file is empty', at(fileName, 1));
  return text.split('\n').map((t, i) => ({ line: i + 1, text: t }));
};

const checkSize = (source: string, fileName: string | undefined, maxBytes: number): void => {
  // Strings up to maxBytes / 3 UTF-16 units cannot exceed maxBytes in UTF-8: skip the count.
  if (source.length * 3 <= maxBytes) return;
  let bytes = 0;
  let line = 1;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) line++;
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    // A surrogate pair is 4 bytes in UTF-8: count 2 for each half.
    else if (c >= 0xd800 && c <= 0xdfff) bytes += 2;
    else bytes += 3;
    if (bytes > maxBytes) {
      throw new BisInputError(
        `the text is larger than the import limit of ${maxBytes} bytes (crossed at this line)`,
        at(fileName, line),
        maxBytes,
      );
    }
  }
};

const checkBinary = (source: string, fileName: string | undefined): void => {
  const nul = source.indexOf('\0');
  if (nul >= 0) {
    throw new BisInputError('binary content (NUL byte): not a text file', at(fileName, lineOf(source, nul)));
  }
  const n = Math.min(source.length, SNIFF_CHARS);
  let bad = 0;
  let first = -1;
  for (let i = 0; i < n; i++) {
    const c = source.charCodeAt(i);
    // Tab, line feed, vertical tab, form feed and carriage return are text; other C0 controls,
    // DEL and U+FFFD (what a decoder puts for undecodable bytes) are not.
    const control = (c < 32 && (c < 9 || c > 13)) || c === 127 || c === 0xfffd;
    if (control) {
      bad++;
      if (first < 0) first = i;
    }
  }
  if (n > 0 && bad / n > BINARY_RATIO) {
    throw new BisInputError(
      `binary content (${Math.round((bad / n) * 100)}% control or undecodable characters): not a text file`,
      at(fileName, lineOf(source, first)),
    );
  }
};

const lineOf = (s: string, index: number): number => {
  let line = 1;
  for (let i = 0; i < index; i++) if (s.charCodeAt(i) === 10) line++;
  return line;
};

/**
 * Text built from wrapped lines. A line joins the one before it with one space, except that a URL
 * cut at the line end continues without a space when the next piece looks like more URL (digits,
 * `/?=&%#_~`, or mixed case as in base64). The pieces are joined once, at the end, so that a very
 * long paragraph costs linear time.
 */
export class WrappedText {
  private readonly parts: string[];

  constructor(first: string) {
    this.parts = [first];
  }

  /** Appends a wrapped line. */
  add(line: string): void {
    const before = this.parts[this.parts.length - 1] as string;
    const next = line.trimStart();
    const firstToken = next.split(/\s/, 1)[0] ?? '';
    let start = before.length;
    while (start > 0 && !/\s/.test(before[start - 1] as string)) start--;
    const lastToken = before.slice(start);
    const urlCut =
      /^\S*https?:\/\//.test(lastToken) &&
      (/[/?=&%#0-9_~]/.test(firstToken) || /[a-z][A-Z]/.test(firstToken));
    this.parts.push(urlCut ? next : ` ${next}`);
  }

  /** The joined text. */
  toString(): string {
    return this.parts.join('');
  }
}
