/**
 * The seeded generator of negotiation-shaped Yjs data: a `next` document in the shape of
 * docs/collab.md (paragraphs with a body XmlText), tracked proposals as `ins`/`del` marks
 * and an edit history of small inserts and deletes by many authors (Yjs client ids).
 * The result is one v1 update that every server stores through its own persistence.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDocument } from '@bis/collab';
import { type BisDocument, type Block, orderKey, paragraphId } from '@bis/core';
import * as Y from 'yjs';
import { createRng, type Rng } from './rng';

/** The three process sizes of issue 7. */
export type ProcessSize = 'small' | 'medium' | 'large';

/** Paragraphs, proposals, edits and authors of each size. */
export const SIZES: Readonly<
  Record<ProcessSize, { paragraphs: number; proposals: number; edits: number; authors: number }>
> = {
  small: { paragraphs: 20, proposals: 50, edits: 1_000, authors: 10 },
  medium: { paragraphs: 500, proposals: 1_500, edits: 20_000, authors: 100 },
  large: { paragraphs: 2_000, proposals: 5_000, edits: 100_000, authors: 300 },
};

const WORDS = (
  'the general assembly recalls reaffirms recognizes encourages member states digital cooperation ' +
  'human rights artificial intelligence information society sustainable development capacity ' +
  'building multistakeholder internet governance forum calls upon requests secretary-general report ' +
  'session implementation outcome document gender equality access connectivity developing countries ' +
  'including through international regional national stakeholders private sector civil society'
).split(' ');

const sentence = (rng: Rng, chars: number): string => {
  let s = '';
  while (s.length < chars) s += `${rng.pick(WORDS)} `;
  return s.slice(0, chars);
};

/** A generated process: its v1 update, the document name it is stored under and a few counts. */
export interface GeneratedProcess {
  readonly size: ProcessSize;
  readonly seed: number;
  readonly update: Uint8Array;
  /** Characters of paragraph text after the edits. */
  readonly chars: number;
}

/** Builds the process of `size` from `seed` (deterministic). */
export const generateProcess = (size: ProcessSize, seed: number): GeneratedProcess => {
  const spec = SIZES[size];
  const rng = createRng(seed);
  const doc = new Y.Doc();
  doc.clientID = 1;
  const blocks: Block[] = [];
  for (let i = 0; i < spec.paragraphs; i++) {
    blocks.push({
      kind: 'paragraph',
      id: paragraphId(`p${i}`),
      order: orderKey(String(i).padStart(6, '0')),
      label: String(i + 1),
      text: sentence(rng, rng.int(500, 700)),
      points: [],
      footnotes: [],
    });
  }
  const bis: BisDocument = {
    title: `Bench process (${size})`,
    symbol: 'A/80/L.0',
    revision: 'Zero draft',
    preamble: '',
    blocks,
  };
  writeDocument(doc, bis);
  const texts: Y.XmlText[] = [];
  for (const el of doc.getXmlFragment('text').toArray()) {
    if (!(el instanceof Y.XmlElement)) continue;
    const body = el.firstChild;
    const text = body instanceof Y.XmlElement ? body.firstChild : null;
    if (text instanceof Y.XmlText) texts.push(text);
  }
  const authors = Array.from({ length: spec.authors }, (_, i) => 1000 + i);
  const as = (author: number, fn: () => void): void => {
    doc.clientID = author;
    doc.transact(fn);
  };
  // Proposals: half insertions marked `ins`, half deletions marked `del` (tracked changes).
  for (let i = 0; i < spec.proposals; i++) {
    const text = rng.pick(texts);
    const by = `party${rng.int(0, 60)}`;
    const attrs = { by, at: '2026-01-01T00:00:00.000Z', proposal: `prop${i}` };
    as(rng.pick(authors), () => {
      if (i % 2 === 0) text.insert(rng.int(0, text.length), sentence(rng, rng.int(200, 400)), { ins: attrs });
      else {
        const at = rng.int(0, Math.max(0, text.length - 40));
        text.format(at, Math.min(40, text.length - at), { del: attrs });
      }
    });
  }
  // The edit history: 1–8-character inserts (90 %) and deletes (10 %), each its own transaction.
  for (let i = 0; i < spec.edits; i++) {
    const text = rng.pick(texts);
    as(rng.pick(authors), () => {
      if (rng.next() < 0.1 && text.length > 10) text.delete(rng.int(0, text.length - 9), rng.int(1, 8));
      else text.insert(rng.int(0, text.length), sentence(rng, rng.int(1, 8)));
    });
  }
  return { size, seed, update: Y.encodeStateAsUpdate(doc), chars: countChars(doc) };
};

/** Characters in the paragraph bodies of a generated document. */
export const countChars = (doc: Y.Doc): number => {
  let chars = 0;
  for (const el of doc.getXmlFragment('text').toArray()) {
    const body = el instanceof Y.XmlElement ? el.firstChild : null;
    const text = body instanceof Y.XmlElement ? body.firstChild : null;
    if (text instanceof Y.XmlText) chars += text.length;
  }
  return chars;
};

/** `generateProcess`, cached as a file under `dir` (generation of the large size takes a while). */
export const cachedProcess = (dir: string, size: ProcessSize, seed: number): GeneratedProcess => {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `process-${size}-${seed}.bin`);
  if (existsSync(file)) {
    const update = new Uint8Array(readFileSync(file));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    return { size, seed, update, chars: countChars(doc) };
  }
  const p = generateProcess(size, seed);
  writeFileSync(file, p.update);
  return p;
};
