/**
 * Reading a .docx package (a ZIP file) defensively: the central directory is read by hand so
 * that every declared size can be checked before anything is inflated, and each part is
 * inflated in small steps that stop as soon as it grows past what it declared or past the
 * limits. A hostile file (not a zip, a zip bomb, a macro-enabled document, an encrypted or
 * ZIP64 archive) is refused with a `BisInputError` before any of it is imported.
 */

import { BisInputError } from '@bis/core';
import { Inflate } from 'fflate';

/** Limits applied when a .docx is opened; every one can be set by the caller. */
export interface DocxLimits {
  /** Largest .docx file accepted, in bytes (default 20 MB). */
  readonly maxFileBytes?: number;
  /** Most entries the archive may list (default 2,000). */
  readonly maxEntries?: number;
  /** Largest uncompressed size of one part, declared or actual (default 64 MB). */
  readonly maxPartBytes?: number;
  /** Largest sum of the uncompressed sizes the archive declares (default 256 MB). */
  readonly maxTotalBytes?: number;
  /**
   * Highest compression ratio accepted for a part over 1 MB uncompressed (default 200). Word's
   * XML compresses 5–30 times; thousands of times is the signature of a zip bomb.
   */
  readonly maxRatio?: number;
}

/** The limits used when none are given. */
export const DEFAULT_DOCX_LIMITS: Required<DocxLimits> = {
  maxFileBytes: 20 * 1024 * 1024,
  maxEntries: 2000,
  maxPartBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxRatio: 200,
};

/** One entry of the archive's central directory. */
interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

/** An opened .docx: its part names and a reader that inflates one part on demand. */
export interface DocxPackage {
  readonly names: readonly string[];
  /** The part's bytes, or null when the archive has no such part. */
  readonly read: (name: string) => Uint8Array | null;
  /** The part decoded as UTF-8 text, or null. */
  readonly readText: (name: string) => string | null;
}

const RATIO_FLOOR = 1024 * 1024;
// Inflate input is fed in slices this big, so one step's output stays bounded (DEFLATE's
// maximum ratio is about 1032:1, i.e. at most ~1 MB per step).
const SLICE = 1024;

const u16 = (b: Uint8Array, o: number): number => (b[o] as number) | ((b[o + 1] as number) << 8);
const u32 = (b: Uint8Array, o: number): number => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;

const findEndOfCentralDirectory = (b: Uint8Array): number => {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  for (let o = b.length - 22; o >= Math.max(0, b.length - 22 - 65535); o--) {
    if (u32(b, o) === 0x06054b50) return o;
  }
  return -1;
};

/**
 * Opens a .docx. `where` names the file in messages. Throws `BisInputError` for a file that is
 * not a zip, is over the size limit, lists too many entries, declares sizes over the limits or
 * a suspicious compression ratio, is encrypted or ZIP64, or carries macros (`vbaProject.bin`,
 * a macro-enabled content type).
 */
export const openDocx = (bytes: Uint8Array, where: string, limits: DocxLimits = {}): DocxPackage => {
  const lim = { ...DEFAULT_DOCX_LIMITS, ...limits };
  const refuse = (message: string): never => {
    throw new BisInputError(`${message}; nothing was imported`, where);
  };
  if (bytes.length > lim.maxFileBytes)
    refuse(`the file is ${bytes.length} bytes, over the limit of ${lim.maxFileBytes}`);
  if (bytes.length < 22 || u32(bytes, 0) !== 0x04034b50)
    refuse('not a .docx file (a .docx is a ZIP package and this file is not one)');
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) refuse('not a .docx file (broken ZIP package: no central directory)');
  const count = u16(bytes, eocd + 10);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) refuse('ZIP64 packages are not supported');
  if (count > lim.maxEntries) refuse(`the package lists ${count} parts, over the limit of ${lim.maxEntries}`);

  const entries = new Map<string, Entry>();
  const utf8 = new TextDecoder('utf-8', { fatal: false });
  let total = 0;
  let o = cdOffset;
  for (let k = 0; k < count; k++) {
    if (o + 46 > bytes.length || u32(bytes, o) !== 0x02014b50)
      refuse('not a .docx file (broken ZIP package: bad central directory)');
    const flags = u16(bytes, o + 8);
    const method = u16(bytes, o + 10);
    const compressedSize = u32(bytes, o + 20);
    const size = u32(bytes, o + 24);
    const nameLen = u16(bytes, o + 28);
    const extraLen = u16(bytes, o + 30);
    const commentLen = u16(bytes, o + 32);
    const localOffset = u32(bytes, o + 42);
    const name = utf8.decode(bytes.subarray(o + 46, o + 46 + nameLen));
    o += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) refuse(`part ${name} is encrypted`);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff)
      refuse('ZIP64 packages are not supported');
    if (method !== 0 && method !== 8)
      refuse(`part ${name} uses an unsupported compression method (${method})`);
    if (entries.has(name)) refuse(`part ${name} appears twice in the package`);
    if (/(^|\/)vbaProject\.bin$/i.test(name) || /(^|\/)vbaData\.xml$/i.test(name))
      refuse('the document contains macros (a macro-enabled .docm); save it as a plain .docx');
    if (size > lim.maxPartBytes)
      refuse(`part ${name} declares ${size} bytes uncompressed, over the limit of ${lim.maxPartBytes}`);
    if (size > RATIO_FLOOR && size / Math.max(1, compressedSize) > lim.maxRatio)
      refuse(
        `part ${name} declares a compression ratio of ${Math.round(size / Math.max(1, compressedSize))}:1 (limit ${lim.maxRatio}:1): a zip bomb`,
      );
    total += size;
    if (total > lim.maxTotalBytes)
      refuse(`the package declares over ${lim.maxTotalBytes} bytes uncompressed in all: a zip bomb`);
    entries.set(name, { name, method, compressedSize, size, localOffset });
  }

  const read = (name: string): Uint8Array | null => {
    const e = entries.get(name);
    if (!e) return null;
    const lo = e.localOffset;
    if (lo + 30 > bytes.length || u32(bytes, lo) !== 0x04034b50)
      refuse(`part ${name}: broken ZIP package (bad local header)`);
    const start = lo + 30 + u16(bytes, lo + 26) + u16(bytes, lo + 28);
    const data = bytes.subarray(start, start + e.compressedSize);
    if (data.length < e.compressedSize) refuse(`part ${name}: broken ZIP package (truncated)`);
    if (e.method === 0) {
      if (e.compressedSize !== e.size) refuse(`part ${name}: stored size does not match`);
      return data;
    }
    return inflateBounded(data, e, refuse);
  };

  const contentTypes = read('[Content_Types].xml');
  if (!contentTypes) refuse('not a .docx file (no [Content_Types].xml)');
  const types = utf8.decode(contentTypes as Uint8Array);
  if (/macroEnabled/i.test(types))
    refuse('the document is macro-enabled (.docm content type); save it as a plain .docx');
  if (!entries.has('word/document.xml')) refuse('not a Word document (no word/document.xml)');

  return {
    names: [...entries.keys()],
    read,
    readText: (name) => {
      const b = read(name);
      return b === null ? null : utf8.decode(b);
    },
  };
};

const inflateBounded = (data: Uint8Array, e: Entry, refuse: (m: string) => never): Uint8Array => {
  const out = new Uint8Array(e.size);
  let length = 0;
  const inflate = new Inflate((chunk) => {
    // A part that inflates past the size it declared lies about itself: stop at once.
    if (length + chunk.length > e.size)
      refuse(`part ${e.name} inflates past the ${e.size} bytes it declares: a zip bomb or a corrupt file`);
    out.set(chunk, length);
    length += chunk.length;
  });
  try {
    for (let i = 0; i < data.length; i += SLICE) {
      inflate.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
    }
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof BisInputError) throw err;
    refuse(`part ${e.name}: corrupt compressed data (${(err as Error).message})`);
  }
  if (length !== e.size) refuse(`part ${e.name}: inflated to ${length} bytes, not the ${e.size} declared`);
  return out;
};
