import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/** A failure the command reports as one line and a non-zero exit code. */
export class CliError extends Error {
  override name = 'CliError';
}

/** Largest input file the command reads (bytes). */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** Reads an input file whole, refusing missing, empty, oversize and (unless `binary`) binary files. */
export const readInput = (file: string, options: { binary?: boolean } = {}): Uint8Array => {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new CliError(`${file}: not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${file}: no such file`);
  }
  if (size === 0) throw new CliError(`${file}: empty file`);
  if (size > MAX_INPUT_BYTES)
    throw new CliError(`${file}: ${size} bytes, over the limit of ${MAX_INPUT_BYTES}`);
  const bytes = readFileSync(file);
  if (!options.binary && bytes.subarray(0, 8192).includes(0)) {
    throw new CliError(`${file}: binary file, expected text (.txt, .md, .csv or .json)`);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
};

/** Reads a text input file as UTF-8. */
export const readText = (file: string): string => {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(readInput(file));
  if (text.trim() === '') throw new CliError(`${file}: empty file`);
  return text;
};

/** Parses a JSON input file. */
export const readJson = (file: string): unknown => {
  try {
    return JSON.parse(readText(file));
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${file}: not valid JSON (${(e as Error).message})`);
  }
};

/** The lower-case extension of a file name without the dot (`docx`). */
export const extensionOf = (file: string): string => extname(file).slice(1).toLowerCase();

/**
 * Writes the output to `out` (atomically: a temporary file renamed into place, so a failure
 * never leaves a partial file) or to standard output when `out` is undefined.
 */
export const writeOutput = (out: string | undefined, data: string | Uint8Array): void => {
  if (out === undefined) {
    process.stdout.write(data);
    return;
  }
  const tmp = join(dirname(out), `.${basename(out)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, out);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // The temporary file was never created.
    }
    throw new CliError(`${out}: cannot write (${(e as Error).message})`);
  }
};
