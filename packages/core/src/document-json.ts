import { BisInputError } from './errors';
import {
  at,
  checkFormat,
  type JsonObject,
  optNullableString,
  optString,
  readArray,
  readEnum,
  readInt,
  readObject,
  reqNonEmpty,
  reqString,
  stringItem,
  uniqueId,
} from './json-check';
import {
  type BisDocument,
  type Block,
  type Footnote,
  type Heading,
  headingId,
  type LabelStyle,
  type OrderKey,
  orderKey,
  type Paragraph,
  type Point,
  paragraphId,
} from './model';
import { evenKeys, isOrderKey, keyBetween } from './orderkey';

/**
 * The `format` value of a document JSON: name and version. Version 2 added paragraph `labelStyle`
 * and `tags`, heading `role` and `tags`; version 1 is still read.
 */
export const DOCUMENT_FORMAT = 'bis.document/2';

/** A footnote as `bis.document/1` writes it. */
export interface FootnoteJSON {
  mark: string;
  offset: number;
  text: string;
}

/** A lettered point as `bis.document/1` writes it. */
export interface PointJSON {
  label: string;
  text: string;
  footnotes: FootnoteJSON[];
}

/** A heading as `bis.document/2` writes it (`role` and `tags` only when set). */
export interface HeadingJSON {
  kind: 'heading';
  id: string;
  level: number;
  number: string | null;
  title: string;
  role?: 'chapeau';
  tags?: string[];
}

/** A paragraph as `bis.document/1` writes it. */
export interface ParagraphJSON {
  kind: 'paragraph';
  id: string;
  order: string;
  label: string;
  text: string;
  points: PointJSON[];
  footnotes: FootnoteJSON[];
  labelStyle?: LabelStyle;
  tags?: string[];
}

/** A whole `bis.document/2` value (see `docs/json-formats.md`). */
export interface DocumentJSON {
  format: typeof DOCUMENT_FORMAT;
  title: string;
  symbol: string | null;
  revision: string | null;
  preamble: string;
  blocks: (HeadingJSON | ParagraphJSON)[];
}

const footnoteToJSON = (f: Footnote): FootnoteJSON => ({ mark: f.mark, offset: f.offset, text: f.text });

const pointToJSON = (p: Point): PointJSON => ({
  label: p.label,
  text: p.text,
  footnotes: p.footnotes.map(footnoteToJSON),
});

/**
 * Writes a document as a `bis.document/2` value (plain data, ready for `JSON.stringify`). The
 * optional fields (`labelStyle`, `role`, non-empty `tags`) are written only when set.
 */
export const documentToJSON = (doc: BisDocument): DocumentJSON => ({
  format: DOCUMENT_FORMAT,
  title: doc.title,
  symbol: doc.symbol,
  revision: doc.revision,
  preamble: doc.preamble,
  blocks: doc.blocks.map((b): HeadingJSON | ParagraphJSON =>
    b.kind === 'heading'
      ? {
          kind: 'heading',
          id: b.id,
          level: b.level,
          number: b.number,
          title: b.title,
          ...(b.role ? { role: b.role } : {}),
          ...(b.tags && b.tags.length > 0 ? { tags: [...b.tags] } : {}),
        }
      : {
          kind: 'paragraph',
          id: b.id,
          order: b.order,
          label: b.label,
          text: b.text,
          points: b.points.map(pointToJSON),
          footnotes: b.footnotes.map(footnoteToJSON),
          ...(b.labelStyle ? { labelStyle: b.labelStyle } : {}),
          ...(b.tags && b.tags.length > 0 ? { tags: [...b.tags] } : {}),
        },
  ),
});

// Footnote offsets point into the text that owns them, so they are checked against it.
const readFootnotes = (o: JsonObject, path: string, ownerText: string): Footnote[] =>
  readArray(o, 'footnotes', path, (v, p) => {
    const f = readObject(v, p, ['mark', 'offset', 'text']);
    return {
      mark: reqNonEmpty(f, 'mark', p),
      offset: readInt(f, 'offset', p, 0, ownerText.length),
      text: reqString(f, 'text', p),
    };
  });

const readPoints = (o: JsonObject, path: string): Point[] => {
  const seen = new Map<string, string>();
  return readArray(
    o,
    'points',
    path,
    (v, p) => {
      const f = readObject(v, p, ['label', 'text', 'footnotes']);
      const label = reqNonEmpty(f, 'label', p);
      uniqueId(seen, label, at(p, 'label'), 'point label');
      const text = reqString(f, 'text', p);
      return { label, text, footnotes: readFootnotes(f, p, text) };
    },
    true,
  );
};

const HEADING_FIELDS = ['kind', 'id', 'level', 'number', 'title'];
const PARAGRAPH_FIELDS = ['kind', 'id', 'order', 'label', 'text', 'points', 'footnotes'];
// Fields version 2 added; a version 1 value with them is refused as it always was.
const HEADING_FIELDS_2 = [...HEADING_FIELDS, 'role', 'tags'];
const PARAGRAPH_FIELDS_2 = [...PARAGRAPH_FIELDS, 'labelStyle', 'tags'];

const readTags = (o: JsonObject, path: string): { tags?: string[] } => {
  if (o.tags === undefined) return {};
  const tags = readArray(o, 'tags', path, (v, p) => {
    const t = stringItem(v, p).trim();
    if (t === '' || /[[\]]/.test(t))
      throw new BisInputError('a tag is a non-empty word or phrase without brackets', p, v);
    return t;
  });
  return tags.length > 0 ? { tags } : {};
};

// A paragraph whose order key is still to be filled in (absent in the input).
type Draft = Omit<Paragraph, 'order'> & { order: OrderKey | null };

const readBlock = (v: unknown, path: string, version: number): Heading | Draft => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) readObject(v, path, []);
  const kind = readEnum(v as JsonObject, 'kind', path, ['heading', 'paragraph']);
  if (kind === 'heading') {
    const o = readObject(v, path, version >= 2 ? HEADING_FIELDS_2 : HEADING_FIELDS);
    const role = o.role === undefined ? undefined : readEnum(o, 'role', path, ['chapeau']);
    return {
      kind,
      id: headingId(reqNonEmpty(o, 'id', path)),
      level: readInt(o, 'level', path, 1, 6, 1),
      number: optNullableString(o, 'number', path),
      title: reqString(o, 'title', path),
      ...(role ? { role } : {}),
      ...readTags(o, path),
    };
  }
  const o = readObject(v, path, version >= 2 ? PARAGRAPH_FIELDS_2 : PARAGRAPH_FIELDS);
  const labelStyle =
    o.labelStyle === undefined ? undefined : readEnum(o, 'labelStyle', path, ['lettered', 'unnumbered']);
  const id = paragraphId(reqNonEmpty(o, 'id', path));
  let order: OrderKey | null = null;
  if (o.order !== undefined) {
    const k = reqString(o, 'order', path);
    if (!isOrderKey(k))
      throw new BisInputError('not an order key (base-62 digits, not ending in 0)', at(path, 'order'), k);
    order = orderKey(k);
  }
  const text = reqString(o, 'text', path);
  return {
    kind,
    id,
    order,
    label: reqNonEmpty(o, 'label', path),
    text,
    points: readPoints(o, path),
    footnotes: readFootnotes(o, path, text),
    ...(labelStyle ? { labelStyle } : {}),
    ...readTags(o, path),
  };
};

// Gives paragraphs without an order key one between their neighbours'; when none has one,
// evenly spread keys, as for a fresh import.
const fillOrder = (drafts: readonly Draft[], paths: readonly string[]): OrderKey[] => {
  if (drafts.every((d) => d.order === null)) return evenKeys(drafts.length);
  const keys: OrderKey[] = [];
  let prev: OrderKey | null = null;
  for (let i = 0; i < drafts.length; i++) {
    const own = drafts[i]?.order ?? null;
    if (own !== null) {
      if (prev !== null && own <= prev)
        throw new BisInputError(
          `order key "${own}" is not after the previous paragraph's "${prev}" (blocks are listed in reading order)`,
          at(paths[i] ?? '', 'order'),
          own,
        );
      keys.push(own);
      prev = own;
      continue;
    }
    let next: OrderKey | null = null;
    for (let j = i + 1; j < drafts.length && next === null; j++) next = drafts[j]?.order ?? null;
    // A later key that is not after `prev` is reported when the loop reaches it.
    const k: OrderKey = keyBetween(prev, next !== null && prev !== null && next <= prev ? null : next);
    keys.push(k);
    prev = k;
  }
  return keys;
};

/**
 * Reads a `bis.document/2` or `bis.document/1` value (already parsed from JSON) into a document,
 * checking every field. Throws `BisInputError` whose `path` names the offending field (`blocks[3].label`).
 * Optional fields get defaults (see `docs/json-formats.md`); missing order keys are generated.
 */
export const documentFromJSON = (value: unknown): BisDocument => {
  const o = readObject(value, '', ['format', 'title', 'symbol', 'revision', 'preamble', 'blocks']);
  const version = typeof o.format === 'string' && o.format === 'bis.document/1' ? 1 : 2;
  checkFormat(o, 'bis.document', version);
  const blocks = readArray(o, 'blocks', '', (b, p) => readBlock(b, p, version), true);
  const ids = new Map<string, string>();
  const labels = new Map<string, string>();
  const drafts: Draft[] = [];
  const paths: string[] = [];
  blocks.forEach((b, i) => {
    const path = `blocks[${i}]`;
    uniqueId(ids, b.id, at(path, 'id'), 'block id');
    if (b.kind === 'paragraph') {
      uniqueId(labels, b.label, at(path, 'label'), 'paragraph label');
      drafts.push(b);
      paths.push(path);
    }
  });
  const keys = fillOrder(drafts, paths);
  let n = 0;
  const out: Block[] = blocks.map((b) =>
    b.kind === 'heading' ? b : { ...b, order: keys[n++] ?? orderKey('V') },
  );
  return {
    title: optString(o, 'title', '', ''),
    symbol: optNullableString(o, 'symbol', ''),
    revision: optNullableString(o, 'revision', ''),
    preamble: optString(o, 'preamble', '', ''),
    blocks: out,
  };
};
