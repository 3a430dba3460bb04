/**
 * Where the items of an update land. Items inserted next to existing ones carry no parent of
 * their own: Yjs takes parent and key from their origin. This resolves every item's parent and
 * key through origins and parent ids, first in the update, then in the current document.
 */
import * as Y from 'yjs';

/** Names of Yjs' type refs (ContentType), by number. */
export const TYPE_NAMES = [
  'Y.Array',
  'Y.Map',
  'Y.Text',
  'Y.XmlElement',
  'Y.XmlFragment',
  'Y.XmlHook',
  'Y.XmlText',
];
/** Type ref of Y.Map. */
export const MAP = 1;
/** Type ref of Y.XmlElement. */
export const ELEMENT = 3;
/** Type ref of Y.XmlFragment. */
export const FRAGMENT = 4;
/** Type ref of Y.XmlText. */
export const XMLTEXT = 6;

/** Where an item lives: a root, inside a type (described by its own place), or nowhere we can tell. */
export type Place =
  | { readonly kind: 'root'; readonly name: string }
  | {
      readonly kind: 'type';
      readonly ref: number;
      readonly nodeName: string | null;
      readonly owner: Place;
      readonly ownerKey: string | null;
    }
  | { readonly kind: 'gone' } // parent collected: Yjs turns the item into GC
  | { readonly kind: 'unknown' }; // depends on structs neither in the update nor in the doc

/** An item's parent and key (null for sequence content). */
export interface Located {
  readonly parent: Place;
  readonly key: string | null;
}

/** Thrown inside validation to refuse an update; caught by validateUpdate. */
export class Invalid extends Error {}
/** Refuses the update with `reason`. */
export const invalid = (reason: string): never => {
  throw new Invalid(reason);
};

/** The type ref of a Yjs type instance (-1 for none). */
export const typeRefOf = (t: unknown): number => {
  // Subclasses before their bases: XmlElement < XmlFragment, XmlHook < Map, XmlText < Text.
  if (t instanceof Y.XmlElement) return ELEMENT;
  if (t instanceof Y.XmlHook) return 5;
  if (t instanceof Y.XmlText) return XMLTEXT;
  if (t instanceof Y.XmlFragment) return FRAGMENT;
  if (t instanceof Y.Text) return 2;
  if (t instanceof Y.Map) return MAP;
  if (t instanceof Y.Array) return 0;
  return -1;
};

/** An id as `client:clock` for messages. */
export const idText = (id: Y.ID): string => `${id.client}:${id.clock}`;
/** Finds structs by id in the update (sorted per client) and then in the document, and locates items. */
export class Resolver {
  private readonly byClient = new Map<number, (Y.Item | Y.GC | Y.Skip)[]>();
  private readonly located = new Map<Y.Item, Located>();
  private readonly pending = new Set<Y.Item>();

  constructor(
    structs: readonly (Y.Item | Y.GC | Y.Skip)[],
    private readonly doc: Y.Doc | undefined,
  ) {
    for (const s of structs) {
      const list = this.byClient.get(s.id.client);
      if (list) list.push(s);
      else this.byClient.set(s.id.client, [s]);
    }
    for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  }

  private find(id: Y.ID): Y.Item | Y.GC | 'missing' {
    const list = this.byClient.get(id.client);
    if (list) {
      let lo = 0;
      let hi = list.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const s = list[mid] as Y.Item | Y.GC | Y.Skip;
        if (id.clock < s.id.clock) hi = mid - 1;
        else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
        else return s instanceof Y.Skip ? 'missing' : s;
      }
    }
    const structs = this.doc?.store.clients.get(id.client);
    const last = structs?.[structs.length - 1];
    if (!structs || !last || id.clock >= last.id.clock + last.length) return 'missing';
    const s = structs[Y.findIndexSS(structs, id.clock)];
    return s instanceof Y.Item || s instanceof Y.GC ? s : 'missing';
  }

  // The place of a type held by an item (in the update or the document).
  private typePlace(id: Y.ID): Place {
    const s = this.find(id);
    if (s === 'missing') return { kind: 'unknown' };
    if (s instanceof Y.GC || s.content instanceof Y.ContentDeleted) return { kind: 'gone' };
    if (!(s.content instanceof Y.ContentType)) return invalid(`parent ${idText(id)} is not a type`);
    const t = s.content.type;
    const where = this.locate(s);
    return {
      kind: 'type',
      ref: typeRefOf(t),
      nodeName: t instanceof Y.XmlElement ? t.nodeName : null,
      owner: where.parent,
      ownerKey: where.key,
    };
  }

  // The place of a type already in the document.
  private docTypePlace(t: Y.AbstractType<unknown>): Place {
    const item = t._item;
    if (item === null) {
      try {
        return { kind: 'root', name: Y.findRootTypeKey(t) };
      } catch {
        return { kind: 'unknown' };
      }
    }
    return this.typePlace(item.id);
  }

  /**
   * Where `item` lands: its parent and key, from its own parent info or, lacking it, from its
   * origins. Walks origin chains iteratively (an update may chain thousands of items).
   */
  locate(item: Y.Item): Located {
    const chain: Y.Item[] = [];
    let cur = item;
    let r: Located;
    for (;;) {
      const known = this.located.get(cur);
      if (known) {
        r = known;
        break;
      }
      if (this.pending.has(cur)) return invalid(`item ${idText(item.id)}: its origins form a cycle`);
      this.pending.add(cur);
      chain.push(cur);
      const p: unknown = cur.parent;
      if (typeof p === 'string') r = { parent: { kind: 'root', name: p }, key: cur.parentSub };
      else if (p instanceof Y.AbstractType) r = { parent: this.docTypePlace(p), key: cur.parentSub };
      else if (p instanceof Y.ID) r = { parent: this.typePlace(p), key: cur.parentSub };
      else {
        // No parent info: Yjs copies parent and key from the origin (or the right origin).
        const o = cur.origin ?? cur.rightOrigin;
        const s = o ? this.find(o) : 'missing';
        if (s === 'missing') r = { parent: { kind: 'unknown' }, key: null };
        else if (s instanceof Y.GC) r = { parent: { kind: 'gone' }, key: null };
        else {
          cur = s;
          continue;
        }
      }
      break;
    }
    for (const c of chain) {
      this.pending.delete(c);
      this.located.set(c, r);
    }
    return r;
  }
}
