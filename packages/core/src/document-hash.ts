import type { BaseRef, BisDocument } from './model';
import { paragraphsOf } from './model';

/**
 * Content hashes of texts, so that proposals can say which text they were written against.
 *
 * The hash is SHA-256 (FIPS 180-4), written here in a few lines rather than taken from
 * `node:crypto` because core does no IO and runs in the browser too; `sha256Hex` is checked
 * against the standard's test vectors. A document's hash covers what a proposal's targets point
 * into — each paragraph's label and text, and its points' labels and texts, in order — and
 * nothing else: a new title, order keys, footnotes, headings or status tags leave it unchanged,
 * while any change of wording or numbering gives another hash.
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** The SHA-256 digest of a string's UTF-8 bytes, as 64 lowercase hex digits. */
export const sha256Hex = (text: string): string => {
  // TextEncoder is part of every JavaScript runtime Bis runs in (Node, browsers); no IO.
  const data = new TextEncoder().encode(text);
  const bitLength = data.length * 8;
  // The message, a 1 bit, zeros, and the length as a 64-bit big-endian number, in 64-byte blocks.
  const total = Math.ceil((data.length + 9) / 64) * 64;
  const bytes = new Uint8Array(total);
  bytes.set(data);
  bytes[data.length] = 0x80;
  const high = Math.floor(bitLength / 0x100000000);
  const low = bitLength >>> 0;
  for (let k = 0; k < 4; k++) {
    bytes[total - 8 + k] = (high >>> (24 - 8 * k)) & 255;
    bytes[total - 4 + k] = (low >>> (24 - 8 * k)) & 255;
  }
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  for (let at = 0; at < bytes.length; at += 64) {
    for (let i = 0; i < 16; i++) {
      const j = at + i * 4;
      w[i] =
        ((bytes[j] as number) << 24) |
        ((bytes[j + 1] as number) << 16) |
        ((bytes[j + 2] as number) << 8) |
        (bytes[j + 3] as number);
    }
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15] as number;
      const b = w[i - 2] as number;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = (w[i - 16] as number) + s0 + (w[i - 7] as number) + s1;
    }
    let [a, b, c, d, e, f, g, k] = h as unknown as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    for (let i = 0; i < 64; i++) {
      const t1 =
        (k +
          (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) +
          ((e & f) ^ (~e & g)) +
          (K[i] as number) +
          (w[i] as number)) >>>
        0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      k = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    const add = [a, b, c, d, e, f, g, k];
    for (let i = 0; i < 8; i++) h[i] = (h[i] as number) + (add[i] as number);
  }
  return [...h].map((x) => x.toString(16).padStart(8, '0')).join('');
};

// Record and field separators (ASCII RS, US) cannot occur in a label or a paragraph's text
// as imported, so the serialisation is unambiguous.
const RS = '\u001e';
const US = '\u001f';

/**
 * The content hash of a document: `sha256:` and the SHA-256 of its paragraphs' labels and texts
 * (with their points' labels and texts) in order. Two documents with the same hash present the
 * same paragraphs under the same labels, whatever their ids, titles or headings.
 */
export const documentHash = (doc: BisDocument): string => {
  const known = hashes.get(doc);
  if (known !== undefined) return known;
  const hash = `sha256:${sha256Hex(
    paragraphsOf(doc)
      .map((p) => [p.label, p.text, ...p.points.flatMap((pt) => [pt.label, pt.text])].join(US))
      .join(RS),
  )}`;
  hashes.set(doc, hash);
  return hash;
};

// Documents are immutable values: each one's hash is computed once.
const hashes = new WeakMap<BisDocument, string>();

/** The reference to `doc` that a proposal written against it records. */
export const baseRefOf = (doc: BisDocument): BaseRef => ({
  symbol: doc.symbol,
  revision: doc.revision,
  title: doc.title,
  hash: documentHash(doc),
});

/** Whether `ref` names `doc` (same content hash). */
export const isBaseOf = (ref: BaseRef, doc: BisDocument): boolean => ref.hash === documentHash(doc);

/**
 * A base as people name it in messages: `“Rev.1” of A/80/L.41 (sha256:1f2e3d4c…)`, or the title
 * when the base has no revision name.
 */
export const describeBase = (ref: BaseRef): string => {
  const name = ref.revision
    ? `“${ref.revision}”${ref.symbol ? ` of ${ref.symbol}` : ` of “${ref.title}”`}`
    : `“${ref.title}”${ref.symbol ? ` (${ref.symbol})` : ''}`;
  return `${name} (${ref.hash.slice(0, 15)}…)`;
};
